using System;
using System.Runtime.CompilerServices;

namespace TreatyDsl.Cli;

/// <summary>
/// Values kept for objects held by reference, such as the quoted, escaped UTF-8 of the treaties' texts
/// (<see cref="JsonLineWriter.Known"/>) or a rule's joined fragments (<see cref="JsonReportWriter"/>): an
/// open-addressing table keyed by the object itself. A report line
/// looks up a few hundred texts, so the lookup is kept to a hash of the reference and a comparison of references, with
/// no comparer to call through an interface (a <see cref="System.Collections.Generic.Dictionary{TKey, TValue}"/> with
/// <see cref="System.Collections.Generic.ReferenceEqualityComparer"/> spent a twentieth of a batch there). Holds at most
/// <see cref="Bound"/> texts; it never removes one.
/// </summary>
internal sealed class ReferenceTable<TKey, TValue>
    where TKey : class
    where TValue : class
{
    /// <summary>The most texts kept: the treaties' own words are a few hundred.</summary>
    public const int Bound = 4096;

    private TKey?[] keys = new TKey?[256];
    private TValue[] values = new TValue[256];
    private int count;

    /// <summary>The value kept for <paramref name="text"/>, if any.</summary>
    public bool TryGet(TKey text, out TValue value)
    {
        var mask = keys.Length - 1;
        for (var i = RuntimeHelpers.GetHashCode(text) & mask; ; i = (i + 1) & mask)
        {
            var key = keys[i];
            if (ReferenceEquals(key, text))
            {
                value = values[i];
                return true;
            }
            if (key is null)
            {
                value = null!;
                return false;
            }
        }
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="text"/> (not already kept), unless <see cref="Bound"/> texts are kept.</summary>
    public void Add(TKey text, TValue value)
    {
        if (count >= Bound) return;
        if ((count + 1) * 2 > keys.Length) Grow(); // at most half full, so a probe ends soon
        Insert(keys, values, text, value);
        count++;
    }

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        keys = new TKey?[oldKeys.Length * 2];
        values = new TValue[oldKeys.Length * 2];
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] is { } key) Insert(keys, values, key, oldValues[i]);
        }
    }

    private static void Insert(TKey?[] keys, TValue[] values, TKey text, TValue value)
    {
        var mask = keys.Length - 1;
        var i = RuntimeHelpers.GetHashCode(text) & mask;
        while (keys[i] is not null) i = (i + 1) & mask;
        keys[i] = text;
        values[i] = value;
    }
}
