using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace TreatyDsl.Runtime;

/// <summary>List membership, three-valued: an unknown list or element gives unknown.</summary>
public static class Lists
{
    /// <summary>Membership in a list of names (countries, text), compared ordinally.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a few lines, called from the fast path of every rule that tests a list
    public static Truth Contains(IReadOnlyList<string>? list, string? value, bool negated)
    {
        if (list is null || value is null) return Truth.Unknown;
        for (var i = 0; i < list.Count; i++)
        {
            // Ordinal, as every name comparison here: the two-argument Equals is, and the JIT inlines it where the
            // overload taking a StringComparison stays a call on the fast path.
            if (string.Equals(list[i], value)) return negated ? Truth.False : Truth.True;
        }
        return negated ? Truth.True : Truth.False;
    }

    /// <summary>Membership in a list of enum members, numbers, dates or yes/no values, without boxing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Contains<T>(IReadOnlyList<T>? list, T? value, bool negated) where T : struct
    {
        if (list is null || value is null) return Truth.Unknown;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < list.Count; i++)
        {
            if (comparer.Equals(list[i], value.Value)) return negated ? Truth.False : Truth.True;
        }
        return negated ? Truth.True : Truth.False;
    }
}

/// <summary>Converts a list the case file reader read into a typed list (generated case types use it).</summary>
public static class CaseFactLists
{
    /// <summary>The reader's list as typed items, or null when it is not a list (unknown).</summary>
    public static IReadOnlyList<T>? Convert<T>(object? value, Func<object?, T> convert)
    {
        if (value is not IReadOnlyList<object?> items) return null;
        var result = new T[items.Count];
        for (var i = 0; i < items.Count; i++) result[i] = convert(items[i]);
        return result;
    }

    /// <summary>Typed items as the reader's list (each item as <paramref name="convert"/> gives it), or null when the list is unknown.</summary>
    public static IReadOnlyList<object?>? ToFacts<T>(IReadOnlyList<T>? items, Func<T, object?> convert)
    {
        if (items is null) return null;
        var result = new object?[items.Count];
        for (var i = 0; i < items.Count; i++) result[i] = convert(items[i]);
        return result;
    }

    /// <summary>
    /// One field of each record of the reader's list <paramref name="list"/> (null where a record does not give it); null
    /// when it is not a list (unknown) or an entry is not a record.
    /// </summary>
    public static object?[]? FieldOfEach(object? list, string field)
    {
        if (list is not IReadOnlyList<object?> records) return null;
        var values = new object?[records.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (records[i] is not IReadOnlyDictionary<string, object?> fields) return null;
            values[i] = fields.TryGetValue(field, out var value) ? value : null;
        }
        return values;
    }
}
