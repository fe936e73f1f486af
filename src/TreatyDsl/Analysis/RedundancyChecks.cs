using System.Linq;
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
        foreach (var rule in context.Rules.Where(r => r.Origin == context.Instrument.Id))
        {
            var others = context.Rules.Where(r => r != rule).ToList();
            // It decides a verdict if it fails where nothing else does (ineligible, not eligible or undetermined), or stays
            // unknown where everything else is met (undetermined, not eligible).
            var decides = context.Search.FindWhere(rule, others, probe =>
                probe.Evaluate(rule).Outcome == Runtime.Outcome.NotMet || others.All(o => probe.Evaluate(o).Outcome == Runtime.Outcome.Met), branchOthers: true);
            if (decides.Found || !context.Proves(decides, context.Eligible())) continue;
            var version = context.InEffect(rule)!;
            var subsumer = others.FirstOrDefault(other =>
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
}
