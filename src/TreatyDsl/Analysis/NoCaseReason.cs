using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Analysis;

/// <summary>
/// Why a node of the search has no case below it, as the rules whose outcomes it rests on: groups of rules, where in
/// each group any one rule's outcome would do (a node settled at once by any of several rules: a literal false, a rule
/// met where it must not be), and every group is needed (the node's children, each settled for its own reasons). A
/// sibling node that gives the same fact a value which, for every group, some rule of the group cannot tell from this
/// one has no case either (see <see cref="ValueClasses"/>): that is how the search skips the values that cannot matter.
/// </summary>
internal sealed class NoCaseReason
{
    private readonly List<RuleModel[]> groups;

    private NoCaseReason(List<RuleModel[]> groups) => this.groups = groups;

    /// <summary>Each of <paramref name="settlers"/> alone settles the node.</summary>
    public static NoCaseReason AtOnce(IReadOnlyCollection<RuleModel> settlers) => new(new List<RuleModel[]> { settlers.ToArray() });

    /// <summary>Every rule the reason names, each once, in the order named.</summary>
    public IReadOnlyList<RuleModel> Rules()
    {
        var seen = new HashSet<RuleModel>(ReferenceEqualityComparer<RuleModel>.Instance);
        var rules = new List<RuleModel>();
        foreach (var group in groups) foreach (var rule in group) if (seen.Add(rule)) rules.Add(rule);
        return rules;
    }

    /// <summary>
    /// The indices of <paramref name="values"/> around <paramref name="index"/> (the value this node gave) whose nodes
    /// have no case for the same reason: for each group, the values one of its rules cannot tell from this one.
    /// </summary>
    public (int First, int Last) RunAround(ValueClasses classes, string path, PartialCase partial, IReadOnlyList<object?> values, int index)
    {
        var (first, last) = (0, values.Count - 1);
        foreach (var group in groups)
        {
            var (a, b) = (index, index);
            foreach (var rule in group)
            {
                var (x, y) = classes.RunAround(rule, path, partial, values, index);
                a = System.Math.Min(a, x);
                b = System.Math.Max(b, y);
                if (a == 0 && b == values.Count - 1) break;
            }
            first = System.Math.Max(first, a);
            last = System.Math.Min(last, b);
            if (first == index && last == index) break;
        }
        return groups.Count == 0 ? (index, index) : (first, last);
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

        public NoCaseReason? Build() => unexplained || groups.Count == 0 ? null : new NoCaseReason(groups);
    }
}
