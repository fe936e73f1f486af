using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Analysis;

/// <summary>
/// A requirement the instrument writes itself that never decides a verdict: in no case (complete or not) does it fail while no
/// other rule fails, nor stay unknown while every other rule is met, so removing it changes no verdict in the
/// three-valued sense (eligible, ineligible, undetermined). The message names a requirement that subsumes it (every
/// case that meets that one meets this one) when there is one. Baseline rules are not checked here:
/// they are shared by every instrument and would be reported once per instrument that includes them.
/// </summary>
internal static class RedundancyChecks
{
    public static void Run(InstrumentContext context)
    {
        // How each rule is written, made once: rules written alike are found by the text, not by comparing every pair.
        var written = context.Rules.ToDictionary(r => r, r => WrittenAs(context, r), ReferenceEqualityComparer<RuleModel>.Instance);
        foreach (var rule in context.Rules.Where(r => r.Origin == context.Instrument.Id))
        {
            if (context.Budget.Exhausted) return; // the rest is reported as not analysed
            // Rules outside its group read none of its facts and can all be met: only the group can make it decide or not.
            var group = context.ComponentOf(rule);
            var others = group.Where(r => r != rule).ToList();
            // It decides a verdict if it fails where nothing else does (ineligible rather than eligible or undetermined):
            // such a case needs only the facts the rule reads. Or if it stays unknown where everything else is met
            // (undetermined rather than eligible): such a case needs only the other rules' facts, with the rule's own
            // facts among them left unknown where that keeps the rule unknown.
            // A rule no case fails is already reported as always met (or swallowed); that is the whole story of it.
            var everFails = Goal.NotMet(rule);
            if (context.Proves(context.Search.Find(everFails), everFails)) continue;
            var version = context.InEffect(rule)!;
            // A rule written as another of its group is (the same kind, condition and exceptions) fails, and stays
            // unknown, exactly where that one does: it never decides alone, and no search need say so.
            if (written[rule] is { } text && others.FirstOrDefault(other => written[other] == text) is { } twin)
            {
                context.Report(DiagnosticCatalog.RedundantRequirement, version.Span, rule.Id,
                    instruments => new object[] { rule.Id, instruments, $"every case that meets '{twin.Id}' meets it (it is written exactly as '{twin.Id}' is)" }, rule: rule);
                continue;
            }
            var ruleFacts = context.ReadPaths(rule);
            var fails = context.Search.FindWhere(rule, group, probe => probe.Evaluate(rule).Outcome == Runtime.Outcome.NotMet, probe => new List<RuleModel> { rule },
                branchRule: true, branchOthers: false, withholdable: ruleFacts);
            if (fails.Found || !context.Proves(fails, context.Eligible())) continue;
            var unknown = context.Search.FindWhere(rule, group, probe => probe.Group(group).AllMetBesides(rule), probe => probe.Group(group).NotAllMetBesides(rule),
                branchRule: false, branchOthers: true, withholdable: ruleFacts);
            if (unknown.Found || !context.Proves(unknown, context.Eligible())) continue;
            // A requirement that subsumes it is one whose failure settled the search for a case where it alone fails.
            var subsumer = InstrumentContext.SettlersFirst(others, fails).FirstOrDefault(other =>
            {
                var goal = Goal.All(Goal.Met(other), Goal.NotMet(rule));
                return context.Proves(context.Search.Find(goal), goal);
            });
            if (subsumer is not null)
            {
                context.Report(DiagnosticCatalog.RedundantRequirement, version.Span, rule.Id,
                    instruments => new object[] { rule.Id, instruments, $"every case that meets '{subsumer.Id}' meets it" }, rule: rule);
            }
            else
            {
                context.Report(DiagnosticCatalog.RedundantRequirement, version.Span, rule.Id,
                    instruments => new object[] { rule.Id, instruments, "every case that meets the other requirements together meets it" }, rule: rule);
            }
        }
    }

    /// <summary>How a rule is written in the period: its kind, condition and exceptions (in any order); null when none is in effect.</summary>
    private static string? WrittenAs(InstrumentContext context, RuleModel rule)
    {
        if (context.InEffect(rule) is not { } version) return null;
        var exceptions = version.Exceptions.Select(e => ConditionPrinter.Print(e.Condition)).OrderBy(t => t, System.StringComparer.Ordinal);
        return rule.Kind + "\n" + ConditionPrinter.Print(version.Condition) + "\n" + string.Join("\n", exceptions);
    }
}
