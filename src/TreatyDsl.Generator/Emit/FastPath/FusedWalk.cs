using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Syntax;

namespace TreatyDsl.Generator;

/// <summary>
/// Which of an instrument's requirements the fast path checks over one shared walk of a list: the outermost
/// quantifiers over the same list fact, across the rules that read it (us-mx: dual criminality and the immigration bar
/// with its two-part exception, four quantifiers over <c>offenses</c>), are worked out in one loop
/// (<see cref="ConditionEmitter.EmitFusedWalk"/>), and those rules read the results. Only where there is something to
/// share (two quantifiers or more) and the rule is written plainly: one version, in effect always, and a condition short
/// enough to be written in one method. The report keeps its own rule methods and walks.
/// </summary>
internal sealed class FusedWalk
{
    private FusedWalk(string method, IReadOnlyList<QuantifierExpression> quantifiers, IReadOnlyCollection<RuleModel> rules, int? decisive)
    {
        Method = method;
        Quantifiers = quantifiers;
        Rules = rules;
        Decisive = decisive;
    }

    /// <summary>
    /// The quantifier whose settling ends the walk, if one does: an 'all' that is the whole condition of the first rule
    /// the fast path checks after the walk, with no exception. Once one element fails it, that rule is not met and the
    /// verdict is ineligible before any other rule reads the walk's results (which are then left unfinished), as a
    /// hand-written validator returns from the middle of its loop.
    /// </summary>
    public int? Decisive { get; }

    /// <summary>The method that walks the list.</summary>
    public string Method { get; }

    /// <summary>The quantifiers the walk works out, in the order its results are returned.</summary>
    public IReadOnlyList<QuantifierExpression> Quantifiers { get; }

    /// <summary>The rules that read its results.</summary>
    public IReadOnlyCollection<RuleModel> Rules { get; }

    /// <summary>The name each quantifier's result has inside a rule that reads the walk (its parameters).</summary>
    public IReadOnlyDictionary<QuantifierExpression, string> Parameters =>
        Quantifiers.Select((q, i) => (q, i)).ToDictionary(p => p.q, p => "q" + p.i.ToString(System.Globalization.CultureInfo.InvariantCulture), ReferenceEqualityComparer<QuantifierExpression>.Instance);

    public static IReadOnlyList<FusedWalk> Plan(IEnumerable<RuleModel> rules, Func<BoundExpression, bool> hasParts)
    {
        // A rule joins the walk of its list when every quantifier it has is over that one list (a rule that reads two
        // lists is checked once, after one walk, so it keeps its own).
        var byList = new Dictionary<string, (List<QuantifierExpression> Quantifiers, List<RuleModel> Rules)>(StringComparer.Ordinal);
        var lists = new List<string>();
        foreach (var rule in rules)
        {
            if (rule.Versions.Count != 1 || !rule.Versions[0].Effective.IsAlways) continue;
            var version = rule.Versions[0];
            var conditions = new[] { version.Condition }.Concat(version.Exceptions.Select(e => e.Condition)).ToList();
            if (conditions.Any(hasParts)) continue;
            var quantifiers = conditions.SelectMany(Outermost).ToList();
            if (quantifiers.Count == 0) continue;
            var list = quantifiers[0].Source.Path;
            if (quantifiers.Any(q => q.Source.Path != list)) continue;
            if (!byList.TryGetValue(list, out var group))
            {
                byList[list] = group = (new List<QuantifierExpression>(), new List<RuleModel>());
                lists.Add(list);
            }
            group.Quantifiers.AddRange(quantifiers);
            group.Rules.Add(rule);
        }
        var walks = new List<FusedWalk>();
        foreach (var list in lists)
        {
            var (quantifiers, members) = byList[list];
            if (quantifiers.Count < 2) continue;
            walks.Add(new FusedWalk("Walk" + GeneratedNames.Member(list) + walks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), quantifiers, members, DecisiveOf(members[0], quantifiers)));
        }
        return walks;
    }

    /// <summary>
    /// The index of the quantifier that decides <paramref name="first"/> (the first rule checked after the walk: the rules
    /// come in the fast path's order) on its own when it settles, if there is one (<see cref="Decisive"/>).
    /// </summary>
    private static int? DecisiveOf(RuleModel first, List<QuantifierExpression> quantifiers)
    {
        var version = first.Versions[0];
        if (version.Exceptions.Count > 0 || version.Condition is not QuantifierExpression { Quantifier: Quantifier.All } all) return null;
        var index = quantifiers.FindIndex(q => ReferenceEquals(q, all));
        return index < 0 ? null : index;
    }

    /// <summary>The quantifiers of a condition that no other quantifier holds. Recursion is bounded by the parser's nesting limit.</summary>
    private static IEnumerable<QuantifierExpression> Outermost(BoundExpression condition)
    {
        if (condition is QuantifierExpression q)
        {
            yield return q;
            yield break;
        }
        foreach (var child in ExpressionWalk.Children(condition))
        {
            foreach (var found in Outermost(child)) yield return found;
        }
    }
}
