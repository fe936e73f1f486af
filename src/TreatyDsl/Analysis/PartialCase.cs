using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// A case the analysis builds one fact at a time: every fact not yet given is unknown, exactly as an absent fact in a
/// case file. A list of records is given first by its length (<see cref="ListLength"/>), then field by field
/// (<c>offenses[0].category</c>), so an element's fields start unknown too. Immutable: each step makes a new case.
/// </summary>
internal sealed class PartialCase
{
    private readonly Dictionary<string, object?> values;

    public static readonly PartialCase Empty = new(new Dictionary<string, object?>());

    private PartialCase(Dictionary<string, object?> values) => this.values = values;

    /// <summary>The facts given so far, by path (list lengths as <see cref="ListLength"/>).</summary>
    public IReadOnlyDictionary<string, object?> Values => values;

    public int Count => values.Count;

    public bool Has(string path) => values.ContainsKey(path);

    public PartialCase With(string path, object? value) => new(new Dictionary<string, object?>(values) { [path] = value });

    public PartialCase With(IEnumerable<KeyValuePair<string, object?>> more)
    {
        var next = new Dictionary<string, object?>(values);
        foreach (var pair in more) next[pair.Key] = pair.Value;
        return new PartialCase(next);
    }

    /// <summary>The case without one fact (and, for a list, without its elements' fields).</summary>
    public PartialCase Without(string path)
    {
        var next = new Dictionary<string, object?>(values);
        next.Remove(path);
        foreach (var key in values.Keys)
        {
            if (key.StartsWith(path + "[", System.StringComparison.Ordinal)) next.Remove(key);
        }
        return new PartialCase(next);
    }

    /// <summary>
    /// The case with one element of a list of records taken out: its fields dropped, the later elements' fields moved
    /// down one place, the length one less. Elements are interchangeable (conditions only ask whether any or all of them
    /// hold), so a witness with fewer of them shows the same thing when every condition still answers the same.
    /// </summary>
    public PartialCase WithoutElement(string list, int index)
    {
        if (!values.TryGetValue(list, out var value) || value is not ListLength length || index >= length.Count) return this;
        var next = new Dictionary<string, object?>();
        foreach (var pair in values)
        {
            if (pair.Key == list)
            {
                next[list] = new ListLength(length.Count - 1);
                continue;
            }
            if (ElementField(pair.Key) is { } element && element.List == list)
            {
                if (element.Index == index) continue;
                next[element.Index > index ? list + "[" + (element.Index - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "]." + element.Field : pair.Key] = pair.Value;
                continue;
            }
            next[pair.Key] = pair.Value;
        }
        return new PartialCase(next);
    }

    /// <summary>The slot a fact path belongs to: <c>offenses[2].category</c> is <c>offenses[].category</c>.</summary>
    public static string SlotOf(string path) =>
        ElementField(path) is { } element ? element.List + "[]." + element.Field : path;

    /// <summary>The list a field path belongs to, or null (<c>offenses[2].category</c> belongs to <c>offenses</c>).</summary>
    public static string? ListOf(string path) => ElementField(path)?.List;

    /// <summary>
    /// <c>list[index].field</c> taken apart (a field name holds no '.', '[' or ']'), or null for any other path. Read by
    /// hand: it is asked for every fact of every partial case the search looks at.
    /// </summary>
    private static (string List, int Index, string Field)? ElementField(string path)
    {
        var dot = path.LastIndexOf('.');
        if (dot < 3 || path[dot - 1] != ']' || dot == path.Length - 1) return null;
        if (path.IndexOf('[', dot) >= 0 || path.IndexOf(']', dot) >= 0) return null;
        var open = path.LastIndexOf('[', dot - 2);
        if (open < 1 || open + 1 >= dot - 1) return null;
        var index = 0;
        for (var i = open + 1; i < dot - 1; i++)
        {
            var c = path[i];
            if (c < '0' || c > '9' || index > 100_000_000) return null;
            index = index * 10 + (c - '0');
        }
        return (path.Substring(0, open), index, path.Substring(dot + 1));
    }

    /// <summary>The case as the interpreter reads it.</summary>
    public CaseFacts ToFacts()
    {
        var facts = new Dictionary<string, object?>();
        var records = new Dictionary<string, List<Dictionary<string, object?>>>();
        foreach (var pair in values)
        {
            if (pair.Value is ListLength length)
            {
                var list = new List<Dictionary<string, object?>>();
                for (var i = 0; i < length.Count; i++) list.Add(new Dictionary<string, object?>());
                records[pair.Key] = list;
            }
        }
        foreach (var pair in values)
        {
            if (pair.Value is ListLength or Withheld) continue;
            var element = ElementField(pair.Key);
            if (element is { } e && records.TryGetValue(e.List, out var list) && e.Index < list.Count)
            {
                list[e.Index][e.Field] = pair.Value;
            }
            else if (element is null)
            {
                facts[pair.Key] = pair.Value;
            }
        }
        foreach (var pair in records)
        {
            facts[pair.Key] = pair.Value.Select(r => (object?)(IReadOnlyDictionary<string, object?>)r).ToList();
        }
        return new CaseFacts(facts);
    }

    /// <summary>
    /// The case as <c>treaty eval</c> reads it, so that a witness shows what it claims: with the offences' service the
    /// facts settle stated outright (<see cref="OffenceBeingTransferred"/>: an offence not known served is not served
    /// when it is the only one, or the only one not marked served while the sentence runs). Null when eval reads a mark
    /// the case gives otherwise (the reader refuses every offence marked served while the sentence runs; the only
    /// offence marked served is read as not served): every case below it has that mark too, so no witness is among
    /// them, and the case eval reads instead is another the search meets on its own.
    /// </summary>
    public PartialCase? AsEvaluated()
    {
        var facts = ToFacts();
        if (OffenceBeingTransferred.SettledAsWritten(facts) is not { } settled) return null;
        if (settled.Count == 0) return this;
        var next = new Dictionary<string, object?>(values);
        foreach (var index in settled)
        {
            next[OffenceBeingTransferred.Offenses + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]." + OffenceBeingTransferred.SentenceServed] = false;
        }
        return new PartialCase(next);
    }

    public override string ToString() => string.Join(", ", values.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + " = " + p.Value));
}

/// <summary>A list of records of this many elements, whose fields are given separately.</summary>
internal sealed record ListLength(int Count)
{
    public override string ToString() => $"{Count} element(s)";
}

/// <summary>A fact the search leaves unknown on purpose: never given, and not asked for again.</summary>
internal sealed class Withheld
{
    public static readonly Withheld Value = new();

    private Withheld()
    {
    }

    public override string ToString() => "unknown";
}
