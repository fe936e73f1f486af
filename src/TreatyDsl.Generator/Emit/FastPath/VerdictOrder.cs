using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>
/// The order in which the fast path (<c>GetVerdict</c>) checks an instrument's requirements: cheapest first, as a
/// careful hand-written validator does, so a case that fails a yes/no requirement is answered before any list is walked
/// or any calendar period counted. The verdict does not depend on the order (ineligible when some requirement is not
/// met, else undetermined when some is unknown, else eligible), and the first requirement not met ends the check.
/// The report (<c>Evaluate</c>) keeps the order the files declare.
/// </summary>
internal static class VerdictOrder
{
    /// <summary>What a check costs, in the order they are made: facts read directly, a list of values searched, a list
    /// of records walked, and dates and calendar periods.</summary>
    private enum Cost
    {
        Facts,
        ValueList,
        RecordList,
        Calendar,
    }

    public static IReadOnlyList<RuleModel> Of(IEnumerable<RuleModel> rules, IEnumerable<DerivedModel> derived)
    {
        var byName = new Dictionary<string, DerivedModel>(StringComparer.Ordinal);
        foreach (var d in derived) byName[d.Name] = d;
        return rules.Select((rule, index) => (Rule: rule, Index: index, Cost: Of(rule, byName)))
            .OrderBy(r => r.Cost).ThenBy(r => r.Index)
            .Select(r => r.Rule).ToList();
    }

    private static Cost Of(RuleModel rule, Dictionary<string, DerivedModel> derived)
    {
        var cost = Cost.Facts;
        foreach (var version in rule.Versions)
        {
            cost = Max(cost, Of(version.Condition, derived, 0));
            foreach (var exception in version.Exceptions) cost = Max(cost, Of(exception.Condition, derived, 0));
        }
        return cost;
    }

    /// <summary><paramref name="depth"/> bounds the derived facts followed (one may read another), whatever the files say.</summary>
    private static Cost Of(BoundExpression? condition, Dictionary<string, DerivedModel> derived, int depth)
    {
        var cost = Cost.Facts;
        foreach (var node in ExpressionWalk.Nodes(condition))
        {
            if (node.Type.Kind is TypeKind.Date or TypeKind.Duration) return Cost.Calendar;
            cost = Max(cost, node switch
            {
                QuantifierExpression => Cost.RecordList,
                InListExpression => Cost.ValueList,
                DerivedReference d when derived.TryGetValue(d.Name, out var model) =>
                    model.Condition is null || depth > 8 ? Cost.Calendar : Max(Of(model.Condition, derived, depth + 1), Of(model.UnboundedWhen, derived, depth + 1)),
                _ => Cost.Facts,
            });
        }
        return cost;
    }

    private static Cost Max(Cost a, Cost b) => a > b ? a : b;
}
