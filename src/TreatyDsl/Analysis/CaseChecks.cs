using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Analysis;

/// <summary>
/// The checks that reason about cases, run per instrument and per period of application dates (see
/// <see cref="AnalysisPeriods"/>), then merged: a finding that holds in every period is worded without dates, and the
/// same finding about a shared baseline rule in several instruments is reported once, naming them all. A finding a
/// rule's 'accept' clause justifies is reported as information with the justification; an 'accept' that matches no
/// finding is reported, so that justifications do not outlive what they justify.
/// </summary>
internal static class CaseChecks
{
    /// <summary>
    /// Findings about the text of a shared rule rather than about a verdict: for a baseline rule they are reported only
    /// when they hold in every instrument that includes it (the territory exception of 'nationality' is dead under a
    /// bilateral with no territories, and alive under the Council of Europe convention).
    /// </summary>
    private static readonly HashSet<string> TextFindings = new()
    {
        DiagnosticCatalog.DeadException.Id, DiagnosticCatalog.RuleAlwaysMet.Id, DiagnosticCatalog.SwallowingException.Id,
        DiagnosticCatalog.RedundantAlternative.Id,
    };

    public static IEnumerable<TreatyDiagnostic> Run(TreatyModel model, AnalysisBudget budget)
    {
        var findings = new List<Finding>();
        var analysed = new List<InstrumentModel>();
        foreach (var instrument in model.Instruments)
        {
            if (budget.Exhausted)
            {
                findings.Add(BudgetReached(instrument, budget, "none of its rules were checked"));
                continue;
            }
            var atoms = Atoms.Collect(model.Vocabulary, instrument);
            var named = new HashSet<object>(atoms.Constants.Values.SelectMany(c => c));
            var periods = AnalysisPeriods.Of(instrument, model.Countries, named);
            if (periods.Count == 0) continue; // no case reaches it (TDSL0302 says so when that is the reason)
            analysed.Add(instrument);
            foreach (var (span, why) in atoms.Unsupported)
            {
                findings.Add(new Finding(DiagnosticCatalog.NotAnalysed, span, "fragment|" + why, instrument.Id, null,
                    instruments => new object[] { instruments, why + "; the checks that prove no case exists skip the rules that use it" }, null));
            }
            var perInstrument = new List<Finding>();
            foreach (var period in periods)
            {
                var context = new InstrumentContext(model.Vocabulary, instrument, period, atoms, budget);
                if (SatisfiabilityChecks.Run(context))
                {
                    AllowanceChecks.Run(context);
                    RedundancyChecks.Run(context);
                    UndecidableChecks.Run(context);
                }
                perInstrument.AddRange(context.Findings);
            }
            findings.AddRange(AcrossPeriods(perInstrument, periods.Count));
            findings.AddRange(EffectiveDateChecks.Run(instrument, periods[0]).Select(f => f with { Period = null }));
            if (budget.Exhausted) findings.Add(BudgetReached(instrument, budget, "its checks were cut short: only the findings reported for it were proved"));
        }
        return AcrossInstruments(findings, analysed, model.Instruments);
    }

    /// <summary>The run's budget ran out before the instrument's checks were all made: nothing is claimed about the rest.</summary>
    private static Finding BudgetReached(InstrumentModel instrument, AnalysisBudget budget, string what) =>
        new(DiagnosticCatalog.NotAnalysed, instrument.Span, "budget-run", instrument.Id, null,
            instruments => new object[] { instruments, "the analysis budget of " + budget.Evaluations.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " rule evaluations for the whole set of files was reached, so " + what }, null);

    /// <summary>A finding in every period loses its period; the others keep theirs, to be worded with their dates.</summary>
    private static IEnumerable<Finding> AcrossPeriods(List<Finding> findings, int periodCount)
    {
        foreach (var group in findings.GroupBy(f => (f.Descriptor.Id, f.Span, f.Key)))
        {
            var list = group.ToList();
            if (periodCount == 1 || list.Select(f => f.Period).Distinct().Count() == periodCount)
            {
                yield return list[list.Count - 1] with { Period = null };
            }
            else
            {
                foreach (var f in list) yield return f;
            }
        }
    }

    private static IEnumerable<TreatyDiagnostic> AcrossInstruments(List<Finding> findings, List<InstrumentModel> analysed, IEnumerable<InstrumentModel> all)
    {
        var used = new HashSet<AcceptanceModel>(ReferenceEqualityComparer<AcceptanceModel>.Instance);
        foreach (var group in findings.GroupBy(f => (f.Descriptor.Id, f.Span, f.Key, Period: f.Period?.Describe())))
        {
            var list = group.ToList();
            var first = list[0];
            var ids = list.Select(f => f.Instrument).Distinct().ToList();
            if (first.Rule is { } rule && TextFindings.Contains(first.Descriptor.Id) && ids.Count < analysed.Count(i => Carries(i, rule, first.Span))) continue;
            var instruments = Join(ids);
            if (group.Key.Period is { } period) instruments += " " + period;
            var diagnostic = first.Descriptor.Create(first.Span, first.Arguments(instruments));
            diagnostic = diagnostic with { Witness = first.Witness?.ToCaseFile("witness-" + first.Descriptor.Id + "-" + first.Instrument) };
            if (first.Witness is not null && ids.Count > 1) diagnostic = diagnostic with { Message = ExampleFor(diagnostic.Message, first.Instrument) };
            if (first.Rule?.Versions.SelectMany(v => v.Accepts).FirstOrDefault(a => a.DiagnosticId == first.Descriptor.Id) is { } accepted)
            {
                used.Add(accepted);
                diagnostic = diagnostic with { Severity = DiagnosticSeverity.Info, Message = diagnostic.Message + ". Accepted: " + accepted.Display };
            }
            yield return diagnostic;
        }
        // An instrument whose checks were not all made (TDSL0309) may hold the finding an 'accept' justifies: its rules'
        // accepts are not called stale on the strength of the checks that were made.
        var cutShort = new HashSet<string>(findings.Where(f => f.Descriptor.Id == DiagnosticCatalog.NotAnalysed.Id).Select(f => f.Instrument));
        var unsure = new HashSet<AcceptanceModel>(
            all.Where(i => cutShort.Contains(i.Id)).SelectMany(i => i.Rules).SelectMany(r => r.Versions).SelectMany(v => v.Accepts),
            ReferenceEqualityComparer<AcceptanceModel>.Instance);
        var seen = new HashSet<AcceptanceModel>(ReferenceEqualityComparer<AcceptanceModel>.Instance);
        foreach (var rule in analysed.SelectMany(i => i.Rules))
        {
            foreach (var accept in rule.Versions.SelectMany(v => v.Accepts))
            {
                if (used.Contains(accept) || unsure.Contains(accept) || !seen.Add(accept)) continue;
                yield return DiagnosticCatalog.NothingAccepted.Create(accept.Span, accept.DiagnosticId, rule.Id);
            }
        }
    }

    /// <summary>
    /// A finding that holds under several instruments carries the example of the first: its countries and its facts
    /// are that instrument's, and may not show the finding under the others, so the message says whose it is. Every
    /// message with a witness introduces it with "(e.g. ", and nothing before it in the message comes from case values.
    /// </summary>
    private static string ExampleFor(string message, string instrument)
    {
        const string marker = "(e.g. ";
        var at = message.IndexOf(marker, System.StringComparison.Ordinal);
        return at < 0 ? message : message.Substring(0, at + marker.Length) + "under " + instrument + ": " + message.Substring(at + marker.Length);
    }

    /// <summary>
    /// A case file the analysis proves eligible under <paramref name="instrument"/> in its latest period of application
    /// dates, or null when it finds none (vacuous, or not analysed). The soundness property checks it with the evaluator.
    /// </summary>
    internal static string? EligibleCase(TreatyModel model, InstrumentModel instrument)
    {
        if (InstrumentContext.ForLatestPeriod(model, instrument, new AnalysisBudget()) is not { } context) return null;
        if (!SatisfiabilityChecks.Run(context) || context.EligibleCase is not { } eligible) return null;
        return context.Witness(eligible, context.Rules.ToArray()).ToCaseFile("eligible-" + instrument.Id);
    }

    /// <summary>
    /// Whether the instrument has this rule with the part a text finding is about (at <paramref name="span"/>): a
    /// baseline rule's own condition and exceptions are in every instrument that includes it, but an exception an
    /// instrument adds to it (<c>exception x to rule</c>) is in that instrument's copy only, and is judged there alone.
    /// </summary>
    private static bool Carries(InstrumentModel instrument, RuleModel rule, Text.SourceSpan span) =>
        instrument.Rules.Any(r => r.Id == rule.Id && r.Origin == rule.Origin && r.Versions.Any(v =>
            v.Span == span || v.Exceptions.Any(e => e.Span == span) || ExpressionWalk.Nodes(v.Condition).Any(n => n.Span == span)));

    private static string Join(IReadOnlyList<string> ids) =>
        ids.Count == 1 ? ids[0] : string.Join(", ", ids.Take(ids.Count - 1)) + " and " + ids[ids.Count - 1];
}
