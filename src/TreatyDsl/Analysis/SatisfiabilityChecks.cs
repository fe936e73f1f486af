using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Analysis;

/// <summary>
/// Whether an instrument can find anyone eligible, and whether each rule can decide anything: a vacuous instrument and
/// the smallest set of requirements that cannot hold together (conflicting; a set of one is a rule never met), and a
/// rule no case fails (always met), or fails only without its exceptions (a swallowing exception).
/// </summary>
internal static class SatisfiabilityChecks
{
    /// <summary>Runs the checks; false when the instrument is vacuous or undecided, so the checks that compare eligible cases have nothing to compare.</summary>
    public static bool Run(InstrumentContext context)
    {
        // The instrument is satisfiable when each group of rules that share facts is (see InstrumentContext.Components);
        // the groups read disjoint facts, so their cases together make one eligible case.
        var eligibleCase = PartialCase.Empty;
        foreach (var component in context.Components)
        {
            var eligible = context.Eligible(component);
            var result = context.Search.Find(eligible);
            if (result.Found)
            {
                eligibleCase = eligibleCase.With(result.Witness!.Values);
                continue;
            }
            if (!context.Proves(result, eligible))
            {
                NotAnalysed(context, "whether any case is eligible");
                return false;
            }
            Vacuous(context, Core(context, component));
            return false;
        }
        context.EligibleCase = eligibleCase;
        AlwaysMet(context);
        return true;
    }

    private static void Vacuous(InstrumentContext context, List<RuleModel> core)
    {
        var names = string.Join(", ", core.Select(r => "'" + r.Id + "'"));
        context.Report(DiagnosticCatalog.VacuousInstrument, context.Instrument.Span, "vacuous", instruments => new object[] { instruments, names });
        if (core.Count == 1)
        {
            var rule = core[0];
            context.Report(DiagnosticCatalog.RuleNeverMet, context.InEffect(rule)!.Span, rule.Id, instruments => new object[] { rule.Id, instruments }, rule: rule);
            return;
        }
        foreach (var rule in core.Where(r => r.Origin == context.Instrument.Id))
        {
            var others = string.Join(", ", core.Where(r => r != rule).Select(r => "'" + r.Id + "'"));
            context.Report(DiagnosticCatalog.ConflictingRequirements, context.InEffect(rule)!.Span, rule.Id + "|" + others, instruments => new object[] { rule.Id, others, instruments }, rule: rule);
        }
    }

    /// <summary>
    /// A set of rules that cannot all be met and from which no rule can be dropped (deletion: drop each rule in turn and
    /// keep it dropped while the rest still cannot all be met). Irreducible, not necessarily the smallest of all such sets.
    /// </summary>
    private static List<RuleModel> Core(InstrumentContext context, IReadOnlyList<RuleModel> rules)
    {
        var core = rules.ToList();
        foreach (var rule in rules)
        {
            var trial = core.Where(r => r != rule).ToList();
            var goal = context.Eligible(trial);
            if (context.Proves(context.Search.Find(goal), goal)) core = trial;
        }
        return core;
    }

    /// <summary>A rule that no case fails: always met, or met only because an exception covers every case its condition fails.</summary>
    private static void AlwaysMet(InstrumentContext context)
    {
        foreach (var rule in context.Rules)
        {
            var fails = Goal.NotMet(rule);
            var result = context.Search.Find(fails);
            if (result.Found || !context.Proves(result, fails)) continue;
            var version = context.InEffect(rule)!;
            var main = context.MainOnly(rule);
            // The witness shows the swallowing: the rule's own condition fails, and the rule is met all the same.
            var mainFails = context.Search.Find(Goal.All(Goal.NotMet(main), Goal.Met(rule)));
            if (version.Exceptions.Count > 0 && mainFails.Found)
            {
                var exception = version.Exceptions[0];
                var witness = context.Witness(mainFails.Witness!, rule);
                context.Report(DiagnosticCatalog.SwallowingException, exception.Span, rule.Id + "/" + exception.Id,
                    instruments => new object[] { exception.Id, rule.Id, instruments, witness.Fragment }, witness, rule);
            }
            else
            {
                context.Report(DiagnosticCatalog.RuleAlwaysMet, version.Span, rule.Id, instruments => new object[] { rule.Id, instruments }, rule: rule);
            }
        }
    }

    public static void NotAnalysed(InstrumentContext context, string what) =>
        context.Report(DiagnosticCatalog.NotAnalysed, context.Instrument.Span, "budget|" + what, instruments => new object[] { instruments, what });
}
