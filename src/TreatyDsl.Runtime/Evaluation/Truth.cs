using System.Runtime.CompilerServices;

namespace TreatyDsl.Runtime;

/// <summary>
/// A three-valued truth: a condition over facts is true, false, or unknown because a fact it needs is missing.
/// <see cref="Logic"/> combines them by Kleene's rules, so unknown never turns into true by accident.
/// </summary>
public enum Truth : byte
{
    /// <summary>Does not hold.</summary>
    False = 0,
    /// <summary>Holds.</summary>
    True = 1,
    /// <summary>Cannot be decided: a fact it needs is missing.</summary>
    Unknown = 2,
}

/// <summary>Kleene's strong three-valued logic.</summary>
/// <remarks>Every method is marked for inlining: each is a test or two, called from every generated rule, and a rule
/// method inlined into a report can use up the JIT's budget before it reaches these.</remarks>
public static class Logic
{
    /// <summary>True or false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Of(bool value) => value ? Truth.True : Truth.False;

    /// <summary>Unknown when <paramref name="value"/> is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Of(bool? value) => value is null ? Truth.Unknown : value.Value ? Truth.True : Truth.False;

    /// <summary>Swaps true and false; unknown stays unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Not(Truth value) => value switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    /// <summary>False if either is false; otherwise unknown if either is unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth And(Truth left, Truth right) =>
        left == Truth.False || right == Truth.False ? Truth.False
        : left == Truth.Unknown || right == Truth.Unknown ? Truth.Unknown
        : Truth.True;

    /// <summary>True if either is true; otherwise unknown if either is unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Or(Truth left, Truth right) =>
        left == Truth.True || right == Truth.True ? Truth.True
        : left == Truth.Unknown || right == Truth.Unknown ? Truth.Unknown
        : Truth.False;
}
