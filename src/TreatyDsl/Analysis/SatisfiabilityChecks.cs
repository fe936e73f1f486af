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
        // The groups' cases share no fact, but together they may make a case file the reader refuses (every offence
        // marked served, a sentence that runs): then one case for all the rules is searched for.
        if (context.Search.AsEvaluated(eligibleCase) is { } accepted) eligibleCase = accepted;
        else
        {
            var everyRule = context.Eligible();
            var result = context.Search.Find(everyRule);
            if (!result.Found)
            {
                if (!context.Proves(result, everyRule)) NotAnalysed(context, "whether any case is eligible");
                else Vacuous(context, context.Rules.ToList());
                return false;
            }
            eligibleCase = result.Witness!;
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

    /// <summary>
    /// A rule that no case fails: always met, or met only because its exceptions cover every case its condition fails
    /// (swallowing). Swallowing is reported at the exception that does it, or, when no one exception does it alone, at
    /// the last of an irreducible set that does it together, naming them all; the witness shows the rule's condition
    /// failing and the exception reported at holding.
    /// </summary>
    private static void AlwaysMet(InstrumentContext context)
    {
        foreach (var rule in context.Rules)
        {
            if (context.Budget.Exhausted) return; // the rest is reported as not analysed
            var fails = Goal.NotMet(rule);
            var result = context.Search.Find(fails);
            if (result.Found || !context.Proves(result, fails)) continue;
            var version = context.InEffect(rule)!;
            var main = context.MainOnly(rule);
            var mainFails = context.Search.Find(Goal.All(Goal.NotMet(main), Goal.Met(rule)));
            if (version.Exceptions.Count == 0 || !mainFails.Found)
            {
                context.Report(DiagnosticCatalog.RuleAlwaysMet, version.Span, rule.Id, instruments => new object[] { rule.Id, instruments }, rule: rule);
                continue;
            }
            var swallowing = Swallowing(context, rule, version.Exceptions);
            var named = swallowing[swallowing.Count - 1];
            var applies = Goal.All(Goal.NotMet(main), Goal.Met(context.Holds(rule, named.Condition, rule.Id + "/" + named.Id)));
            var shown = context.Search.Find(applies);
            var witness = context.Witness(shown.Witness ?? mainFails.Witness!, rule);
            var who = swallowing.Count == 1
                ? $"Exception '{named.Id}' applies"
                : "Exceptions " + Names(swallowing.Select(e => e.Id).ToList()) + " together apply";
            var holding = swallowing.Count == 1 ? "the exception" : "'" + named.Id + "'";
            context.Report(DiagnosticCatalog.SwallowingException, named.Span, rule.Id + "/" + string.Join("+", swallowing.Select(e => e.Id)),
                instruments => new object[] { who, rule.Id, instruments, witness.Fragment, holding }, witness, rule);
        }
    }

    /// <summary>
    /// Exceptions of <paramref name="rule"/> that together leave it no failing case, none of which can be dropped
    /// (deletion, in the order written; irreducible, not necessarily the smallest such set).
    /// </summary>
    private static List<ExceptionModel> Swallowing(InstrumentContext context, RuleModel rule, IReadOnlyList<ExceptionModel> exceptions)
    {
        var set = exceptions.ToList();
        foreach (var exception in exceptions)
        {
            if (set.Count == 1) break;
            var trial = set.Where(e => !ReferenceEquals(e, exception)).ToList();
            var fails = Goal.NotMet(context.WithExceptions(rule, trial));
            if (context.Proves(context.Search.Find(fails), fails)) set = trial;
        }
        return set;
    }

    private static string Names(IReadOnlyList<string> ids) =>
        string.Join(", ", ids.Take(ids.Count - 1).Select(i => "'" + i + "'")) + " and '" + ids[ids.Count - 1] + "'";

    public static void NotAnalysed(InstrumentContext context, string what) =>
        context.Report(DiagnosticCatalog.NotAnalysed, context.Instrument.Span, "budget|" + what, instruments => new object[] { instruments, what });
}
