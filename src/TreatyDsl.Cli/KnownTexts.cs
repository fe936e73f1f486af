using System;
using System.Runtime.CompilerServices;

namespace TreatyDsl.Cli;

/// <summary>
/// The quoted, escaped UTF-8 of texts held by reference (<see cref="JsonLineWriter.Known"/>): an open-addressing table
/// keyed by the string object itself. A report line looks up a few hundred texts, so the lookup is kept to a hash of
/// the reference and a comparison of references, with no comparer to call through an interface (a
/// <see cref="System.Collections.Generic.Dictionary{TKey, TValue}"/> with <see cref="System.Collections.Generic.ReferenceEqualityComparer"/>
/// spent a twentieth of a batch there). Holds at most <see cref="Bound"/> texts; it never removes one.
/// </summary>
internal sealed class KnownTexts
{
    /// <summary>The most texts kept: the treaties' own words are a few hundred.</summary>
    public const int Bound = 4096;

    private string?[] keys = new string?[256];
    private byte[][] values = new byte[256][];
    private int count;

    /// <summary>The bytes kept for <paramref name="text"/>, if any.</summary>
    public bool TryGet(string text, out byte[] quoted)
    {
        var mask = keys.Length - 1;
        for (var i = RuntimeHelpers.GetHashCode(text) & mask; ; i = (i + 1) & mask)
        {
            var key = keys[i];
            if (ReferenceEquals(key, text))
            {
                quoted = values[i];
                return true;
            }
            if (key is null)
            {
                quoted = null!;
                return false;
            }
        }
    }

    /// <summary>Keeps <paramref name="quoted"/> for <paramref name="text"/> (not already kept), unless <see cref="Bound"/> texts are kept.</summary>
    public void Add(string text, byte[] quoted)
    {
        if (count >= Bound) return;
        if ((count + 1) * 2 > keys.Length) Grow(); // at most half full, so a probe ends soon
        Insert(keys, values, text, quoted);
        count++;
    }

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        keys = new string?[oldKeys.Length * 2];
        values = new byte[oldKeys.Length * 2][];
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] is { } key) Insert(keys, values, key, oldValues[i]);
        }
    }

    private static void Insert(string?[] keys, byte[][] values, string text, byte[] quoted)
    {
        var mask = keys.Length - 1;
        var i = RuntimeHelpers.GetHashCode(text) & mask;
        while (keys[i] is not null) i = (i + 1) & mask;
        keys[i] = text;
        values[i] = quoted;
    }
}
