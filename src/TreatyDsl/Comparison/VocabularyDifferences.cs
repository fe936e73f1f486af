using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Comparison;

/// <summary>
/// How the two sides' vocabularies differ, worked out once per comparison: the facts whose definition differs (and those
/// whose enum or record did), which leave an instrument whose rules read them unanalysed, and the same in words.
/// </summary>
internal sealed class VocabularyDifferences
{
    private VocabularyDifferences(HashSet<string> facts, List<string> described)
    {
        Facts = facts;
        Described = described;
    }

    /// <summary>The paths of the facts whose definition differs, or whose enum gained or lost a member, or whose record a field.</summary>
    public ISet<string> Facts { get; }

    /// <summary>The differences in words, for the comparison's report.</summary>
    public IReadOnlyList<string> Described { get; }

    public static VocabularyDifferences Of(VocabularyModel before, VocabularyModel after)
    {
        var facts = new HashSet<string>(System.StringComparer.Ordinal);
        var described = new List<string>();
        var olds = before.Facts.ToDictionary(f => f.Path, SemanticCopy.Fact);
        var news = after.Facts.ToDictionary(f => f.Path, SemanticCopy.Fact);
        foreach (var fact in after.Facts)
        {
            if (!olds.TryGetValue(fact.Path, out var was)) described.Add("fact " + fact.Path + " added" + (fact.Required ? " (required: case files without it are refused)" : string.Empty));
            else if (!was.Equals(news[fact.Path])) described.Add("fact " + fact.Path + " changed (its type, whether it is required, or when it is expected)");
            else continue;
            facts.Add(fact.Path);
        }
        foreach (var fact in before.Facts.Where(f => !news.ContainsKey(f.Path)))
        {
            described.Add("fact " + fact.Path + " removed");
            facts.Add(fact.Path);
        }
        var oldEnums = before.Enums.ToDictionary(e => e.Name);
        foreach (var e in after.Enums)
        {
            if (oldEnums.TryGetValue(e.Name, out var was) && !was.Members.Equals(e.Members))
            {
                described.Add("enum " + e.Name + " changed: " + string.Join(", ", was.Members) + " → " + string.Join(", ", e.Members));
            }
        }
        // A fact whose enum gained or lost a member, or whose record a field, reads other values than before.
        var oldTypes = before.Enums.Select(e => (e.Name, Shape: string.Join("|", e.Members)))
            .Concat(before.Records.Select(r => (r.Name, Shape: string.Join("|", r.Fields.Select(f => f.Name + ":" + f.Type))))).ToList();
        var newTypes = after.Enums.Select(e => (e.Name, Shape: string.Join("|", e.Members)))
            .Concat(after.Records.Select(r => (r.Name, Shape: string.Join("|", r.Fields.Select(f => f.Name + ":" + f.Type))))).ToList();
        var changedTypes = new HashSet<string>(oldTypes.Except(newTypes).Concat(newTypes.Except(oldTypes)).Select(t => t.Name));
        foreach (var fact in after.Facts.Where(f => Mentions(f.Type, changedTypes))) facts.Add(fact.Path);
        return new VocabularyDifferences(facts, described);
    }

    private static bool Mentions(TypeRef type, HashSet<string> names) =>
        (type.Name is { } name && names.Contains(name)) || (type.Element is { } element && Mentions(element, names));
}
