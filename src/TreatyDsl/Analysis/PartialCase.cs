using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// A case the analysis builds one fact at a time: every fact not yet given is unknown, exactly as an absent fact in a
/// case file. A list of records is given first by its length (<see cref="ListLength"/>), then field by field
/// (<c>offenses[0].category</c>), so an element's fields start unknown too. Immutable: each step makes a new case.
/// </summary>
internal sealed class PartialCase
{
    private static readonly Regex ElementField = new(@"^(?<list>.+)\[(?<index>\d+)\]\.(?<field>[^.\[\]]+)$", RegexOptions.CultureInvariant);

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

    /// <summary>The slot a fact path belongs to: <c>offenses[2].category</c> is <c>offenses[].category</c>.</summary>
    public static string SlotOf(string path)
    {
        var match = ElementField.Match(path);
        return match.Success ? match.Groups["list"].Value + "[]." + match.Groups["field"].Value : path;
    }

    /// <summary>The list a field path belongs to, or null (<c>offenses[2].category</c> belongs to <c>offenses</c>).</summary>
    public static string? ListOf(string path)
    {
        var match = ElementField.Match(path);
        return match.Success ? match.Groups["list"].Value : null;
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
            var match = ElementField.Match(pair.Key);
            if (match.Success && records.TryGetValue(match.Groups["list"].Value, out var list)
                && int.TryParse(match.Groups["index"].Value, out var index) && index < list.Count)
            {
                list[index][match.Groups["field"].Value] = pair.Value;
            }
            else if (!match.Success)
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
