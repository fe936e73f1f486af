using System.Collections.Generic;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// The outcomes of every rule of a group for one partial case, summed up once and shared by every search of the
/// instrument (<see cref="RuleOutcomes.GroupFor"/>): the checks of each of three hundred rules ask, at much the same
/// cases, whether any other rule of the group fails, whether all the others are met, and which facts the others still
/// miss. Read from here, each question costs the rules that fail or miss facts, not a look-up of every rule of the group.
/// </summary>
internal sealed class GroupOutcomes
{
    private readonly Dictionary<RuleModel, RequirementResult> outcomes = new(ReferenceEqualityComparer<RuleModel>.Instance);
    private readonly List<RuleModel> notMet = new();
    private readonly List<RuleModel> unknown = new();
    // The facts the group's unknown rules miss, in the order the group first misses them, with how many miss each.
    private readonly List<string> missing = new();
    private readonly Dictionary<string, int> missedBy = new(System.StringComparer.Ordinal);
    private readonly int met;

    public GroupOutcomes(IReadOnlyList<RuleModel> group, Probe probe)
    {
        foreach (var rule in group)
        {
            var result = probe.Evaluate(rule);
            outcomes[rule] = result;
            switch (result.Outcome)
            {
                case Outcome.Met:
                    met++;
                    break;
                case Outcome.NotMet:
                    notMet.Add(rule);
                    break;
                default:
                    unknown.Add(rule);
                    var seen = new HashSet<string>(System.StringComparer.Ordinal);
                    foreach (var fact in result.MissingFacts)
                    {
                        if (!seen.Add(fact)) continue;
                        if (missedBy.TryGetValue(fact, out var n)) missedBy[fact] = n + 1;
                        else
                        {
                            missedBy[fact] = 1;
                            missing.Add(fact);
                        }
                    }
                    break;
            }
        }
        Count = group.Count;
    }

    /// <summary>How many rules the group has.</summary>
    public int Count { get; }

    /// <summary>The rules of the group other than <paramref name="rule"/> that are not met, in the group's order.</summary>
    public List<RuleModel> NotMetBesides(RuleModel rule)
    {
        var result = new List<RuleModel>(notMet.Count);
        foreach (var other in notMet) if (!ReferenceEquals(other, rule)) result.Add(other);
        return result;
    }

    /// <summary>How many rules of the group other than <paramref name="rule"/> are met.</summary>
    public int MetBesides(RuleModel rule) => met - (outcomes.TryGetValue(rule, out var own) && own.Outcome == Outcome.Met ? 1 : 0);

    /// <summary>Whether every rule of the group other than <paramref name="rule"/> is met.</summary>
    public bool AllMetBesides(RuleModel rule) => MetBesides(rule) == Count - (outcomes.ContainsKey(rule) ? 1 : 0);

    /// <summary>The rules of the group other than <paramref name="rule"/> that are not met or not known to be.</summary>
    public List<RuleModel> NotAllMetBesides(RuleModel rule)
    {
        var result = NotMetBesides(rule);
        foreach (var other in unknown) if (!ReferenceEquals(other, rule)) result.Add(other);
        return result;
    }

    /// <summary>The facts the group's unknown rules other than <paramref name="rule"/> miss, each once, in the group's order.</summary>
    public IEnumerable<string> MissedBesides(RuleModel rule)
    {
        HashSet<string>? own = null;
        if (outcomes.TryGetValue(rule, out var result) && result.Outcome == Outcome.Unknown) own = new HashSet<string>(result.MissingFacts, System.StringComparer.Ordinal);
        foreach (var fact in missing)
        {
            if (own is not null && own.Contains(fact) && missedBy[fact] == 1) continue; // missed by the rule alone
            yield return fact;
        }
    }
}
