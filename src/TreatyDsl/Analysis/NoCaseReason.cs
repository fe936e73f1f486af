using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Analysis;

/// <summary>
/// Why a node of the search has no case below it, as the rules whose outcomes it rests on, in groups. What it claims:
/// the node has no case, and neither has any node that differs from it only in values given above it, so long as each
/// group has a rule that reads the changed values as it reads this node's (<see cref="ValueClasses"/>). A node settled
/// at once by each of several rules (a literal false, a rule met where it must not be) has one group of them; a node
/// whose children all failed has their groups, and for the values it skipped, the one rule per group that skipped them.
/// That is how the search skips, at every level, the values that cannot matter.
/// </summary>
internal sealed class NoCaseReason
{
    private readonly List<RuleModel[]> groups;

    private NoCaseReason(List<RuleModel[]> groups) => this.groups = groups;

    /// <summary>Each of <paramref name="settlers"/> alone settles the node.</summary>
    public static NoCaseReason AtOnce(IReadOnlyCollection<RuleModel> settlers) => new(new List<RuleModel[]> { settlers.ToArray() });

    /// <summary>
    /// Every rule the reason names, each once: first those that alone ruled out values (the widest of their groups), in
    /// the order named, then the rest. The first are the likeliest to explain the whole result alone.
    /// </summary>
    public IReadOnlyList<RuleModel> Rules()
    {
        var seen = new HashSet<RuleModel>(ReferenceEqualityComparer<RuleModel>.Instance);
        var rules = new List<RuleModel>();
        foreach (var group in groups) if (group.Length == 1 && seen.Add(group[0])) rules.Add(group[0]);
        foreach (var group in groups) foreach (var rule in group) if (seen.Add(rule)) rules.Add(rule);
        return rules;
    }

    /// <summary>
    /// The indices of <paramref name="values"/> around <paramref name="index"/> (the value this node gave) whose nodes
    /// have no case for the same reason, and the rules that say so: from each group, the one rule whose run of values it
    /// cannot tell from this one is widest, and the values in all those runs. The nodes of those values have no case
    /// because those rules read them as they read this one; that, and not the whole reason, is what their parent's
    /// reason must carry for them, since another rule of a group may read them differently.
    /// </summary>
    public (int First, int Last, List<RuleModel> Rules) RunAround(ValueClasses classes, string path, PartialCase partial, IReadOnlyList<object?> values, int index)
    {
        var (first, last) = (0, values.Count - 1);
        var chosen = new List<RuleModel>(groups.Count);
        foreach (var group in groups)
        {
            var (a, b) = (index, index);
            RuleModel? widest = null;
            foreach (var rule in group)
            {
                var (x, y) = classes.RunAround(rule, path, partial, values, index);
                if (widest is not null && y - x <= b - a) continue;
                (a, b, widest) = (x, y, rule);
                if (a == 0 && b == values.Count - 1) break;
            }
            if (widest is null) return (index, index, chosen);
            chosen.Add(widest);
            first = System.Math.Max(first, a);
            last = System.Math.Min(last, b);
        }
        return groups.Count == 0 ? (index, index, chosen) : (first, last, chosen);
    }

    /// <summary>The reason of a node made from its children's reasons; none when a child's is not known.</summary>
    public sealed class Builder
    {
        private readonly List<RuleModel[]> groups = new();
        private readonly HashSet<RuleModel> single = new(ReferenceEqualityComparer<RuleModel>.Instance);
        private bool unexplained;

        /// <summary>A child's reason; a child with none leaves the node with none.</summary>
        public void Add(NoCaseReason? child)
        {
            if (child is null || child.groups.Count == 0 || child.groups.Any(g => g.Length == 0))
            {
                unexplained = true;
                return;
            }
            foreach (var group in child.groups)
            {
                // The same one rule twice says nothing more.
                if (group.Length == 1 && !single.Add(group[0])) continue;
                groups.Add(group);
            }
        }

        /// <summary>Rules each of which alone is needed (the rules that ruled out a child's siblings with it, see <see cref="RunAround"/>).</summary>
        public void AddEach(IEnumerable<RuleModel> rules)
        {
            foreach (var rule in rules) if (single.Add(rule)) groups.Add(new[] { rule });
        }

        public NoCaseReason? Build() => unexplained || groups.Count == 0 ? null : new NoCaseReason(groups);
    }
}
