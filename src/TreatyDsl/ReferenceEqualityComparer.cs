using System.Collections.Generic;

namespace TreatyDsl;

/// <summary>
/// Compares by identity. The model's types are records, whose equality is deep (a rule compares every condition of
/// every version), so the stages that key dictionaries by rule or by condition node (the analysis, the generator's
/// emitter) use this instead. netstandard2.0 has no <c>ReferenceEqualityComparer</c> of its own.
/// </summary>
/// <typeparam name="T">The compared type.</typeparam>
public sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
    where T : class
{
    /// <summary>The one instance.</summary>
    public static readonly ReferenceEqualityComparer<T> Instance = new();

    private ReferenceEqualityComparer()
    {
    }

    /// <summary>Whether <paramref name="x"/> and <paramref name="y"/> are the same object.</summary>
    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    /// <summary>The object's identity hash.</summary>
    public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
