using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

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
    private FusedWalk(string method, IReadOnlyList<QuantifierExpression> quantifiers, IReadOnlyCollection<RuleModel> rules)
    {
        Method = method;
        Quantifiers = quantifiers;
        Rules = rules;
    }

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
        var byList = new Dictionary<string, (List<QuantifierExpression> Quantifiers, List<RuleModel> Rules)>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Versions.Count != 1 || !rule.Versions[0].Effective.IsAlways) continue;
            var version = rule.Versions[0];
            var conditions = new[] { version.Condition }.Concat(version.Exceptions.Select(e => e.Condition)).ToList();
            if (conditions.Any(hasParts)) continue;
            var found = conditions.SelectMany(Outermost).ToList();
            foreach (var list in found.Select(q => q.Source.Path).Distinct(StringComparer.Ordinal))
            {
                if (!byList.TryGetValue(list, out var group)) byList[list] = group = (new List<QuantifierExpression>(), new List<RuleModel>());
                group.Quantifiers.AddRange(found.Where(q => q.Source.Path == list));
                group.Rules.Add(rule);
            }
        }
        // A rule that reads two lists is checked once, after one walk: only a rule all of whose quantifiers one walk holds joins it.
        var walks = new List<FusedWalk>();
        var taken = new HashSet<RuleModel>(ReferenceEqualityComparer<RuleModel>.Instance);
        foreach (var pair in byList)
        {
            var members = pair.Value.Rules.Where(r => !taken.Contains(r) && AllOver(r, pair.Key)).ToList();
            var quantifiers = members.SelectMany(r => RuleQuantifiers(r)).ToList();
            if (quantifiers.Count < 2) continue;
            foreach (var r in members) taken.Add(r);
            walks.Add(new FusedWalk("Walk" + GeneratedNames.Member(pair.Key) + walks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), quantifiers, members));
        }
        return walks;
    }

    private static IEnumerable<QuantifierExpression> RuleQuantifiers(RuleModel rule) =>
        new[] { rule.Versions[0].Condition }.Concat(rule.Versions[0].Exceptions.Select(e => e.Condition)).SelectMany(Outermost);

    private static bool AllOver(RuleModel rule, string list) => RuleQuantifiers(rule).All(q => q.Source.Path == list);

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
