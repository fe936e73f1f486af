using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Examples;

/// <summary>
/// One place of a treaty file that examples can exercise: a rule (requirement, bar, review), an alternative (an
/// <c>unless</c> or a named exception), a threshold's version (the outcomes of the rules that read it while it is in
/// effect) or a country row (an instrument in force with the country: met; none: not met; not known for want of a date).
/// </summary>
/// <param name="Span">Where it is written.</param>
/// <param name="Kind">requirement, bar, review, unless, exception, threshold or country.</param>
/// <param name="Name">The rule's id (for an alternative: the rule's id and its own).</param>
/// <param name="Outcomes">For each outcome (met, not-met, unknown), how many example cases gave it: for an alternative, whether it held (met), did not (not-met), or was unknown.</param>
public sealed record CoveredPlace(SourceSpan Span, string Kind, string Name, IReadOnlyDictionary<Outcome, int> Outcomes)
{
    /// <summary>The outcomes no example gives.</summary>
    public IEnumerable<Outcome> Missing => new[] { Outcome.Met, Outcome.NotMet, Outcome.Unknown }.Where(o => Outcomes[o] == 0);
}

/// <summary>
/// Which outcomes the examples exercise at every rule and alternative of the treaty files: from each passing or failing
/// example's report (a rule's outcome under each instrument evaluated), and each alternative's condition evaluated on the
/// case as the rules read it (<see cref="CaseEvaluator.AsRead"/>), under the version of its rule in effect on the
/// application date. A baseline rule is one place, whichever instrument an example reaches it through.
/// </summary>
public static class ExampleCoverage
{
    /// <summary>
    /// TDSL0505 at every rule and alternative with an outcome no example gives (thresholds and country rows are listed by
    /// <c>treaty test --coverage</c> only): one diagnostic per place, naming every missing outcome. Off by default.
    /// </summary>
    public static IEnumerable<TreatyDsl.Diagnostics.TreatyDiagnostic> Diagnostics(IReadOnlyList<CoveredPlace> coverage)
    {
        foreach (var place in coverage)
        {
            if (place.Kind is "threshold" or "country") continue;
            var missing = place.Missing.Select(ContractNames.Of).ToList();
            if (missing.Count == 0) continue;
            var outcomes = missing.Count == 1 ? missing[0] : string.Join(", ", missing.Take(missing.Count - 1)) + " or " + missing[missing.Count - 1];
            yield return TreatyDsl.Diagnostics.DiagnosticCatalog.ExampleOutcomeNotCovered.Create(place.Span, place.Kind, place.Name, outcomes);
        }
    }

    public static IReadOnlyList<CoveredPlace> Of(TreatyModel model, IReadOnlyList<ExampleResult> results)
    {
        var places = new Dictionary<SourceSpan, (string Kind, string Name, Dictionary<Outcome, int> Counts)>();
        void Count(SourceSpan span, string kind, string name, Outcome? outcome)
        {
            if (!places.TryGetValue(span, out var place))
            {
                place = (kind, name, new Dictionary<Outcome, int> { [Outcome.Met] = 0, [Outcome.NotMet] = 0, [Outcome.Unknown] = 0 });
                places[span] = place;
            }
            if (outcome is { } o) place.Counts[o]++;
        }
        // Every place is listed, exercised or not.
        foreach (var instrument in model.Instruments)
        {
            foreach (var rule in instrument.Rules.Concat(instrument.Reviews))
            {
                foreach (var version in rule.Versions)
                {
                    Count(version.Span, KindOf(rule), rule.Id, null);
                    foreach (var exception in version.Exceptions) Count(exception.Span, AlternativeKind(exception), $"{rule.Id} / {exception.Id}", null);
                }
            }
        }
        // Threshold versions, in the file that declares each (a baseline's is one place under every instrument that keeps it).
        foreach (var instrument in model.Instruments)
        {
            foreach (var threshold in instrument.Thresholds)
            {
                foreach (var version in threshold.Versions) Count(version.Span, "threshold", ThresholdName(threshold, version), null);
            }
        }
        foreach (var country in model.Countries.Countries) Count(country.Span, "country", country.Code, null);
        var catalog = InterpretedCatalog.Create(model);
        var conditions = new Dictionary<string, ConditionInterpreter>();
        // The thresholds each rule version reads, found once per version (by identity: versions are records, equal by value).
        var thresholdsRead = new Dictionary<RuleVersion, HashSet<string>>(ReferenceEqualityComparer<RuleVersion>.Instance);
        foreach (var result in results.Where(r => r.Report is not null))
        {
            var facts = CaseEvaluator.AsRead(catalog, result.Case!);
            var date = facts.GetDate(ContractFacts.ApplicationDate);
            var day = date is { } d ? new DateValue(d.Year, d.Month, d.Day) : (DateValue?)null;
            // A country row: an instrument in force with it (met), none (not met: no treaty), or not known for want of a date.
            var inForce = result.Report!.Instruments.Select(i => i.Requirements.FirstOrDefault(r => r.Id == CaseEvaluator.InForceRequirement)?.Outcome).ToList();
            var rowOutcome = inForce.Contains(Outcome.Met) ? Outcome.Met : inForce.Count == 0 ? Outcome.NotMet : Outcome.Unknown;
            var sentencing = result.Case!.GetText(ContractFacts.SentencingCountry);
            var receiving = result.Case.GetText(ContractFacts.ReceivingCountry);
            foreach (var country in model.Countries.Countries.Where(c => c.Code == sentencing || c.Code == receiving))
            {
                Count(country.Span, "country", country.Code, rowOutcome);
            }
            foreach (var report in result.Report!.Instruments)
            {
                var instrument = model.Instruments.FirstOrDefault(i => i.Id == report.Id);
                if (instrument is null) continue;
                var interpreter = conditions.TryGetValue(instrument.Id, out var known) ? known
                    : conditions[instrument.Id] = new ConditionInterpreter(model.Vocabulary.Derived.Concat(instrument.Derived), instrument.Thresholds);
                // Requirements against the rules, reviews against the declared reviews: a review raised under a rule's id
                // (a rule no case file of the kind can decide: UnaskableFacts) is not that rule's outcome.
                var outcomes = report.Requirements.Select(r => (Result: r, Rules: instrument.Rules))
                    .Concat(report.Reviews.Select(r => (Result: r, Rules: instrument.Reviews)));
                foreach (var (outcome, rules) in outcomes)
                {
                    var rule = rules.FirstOrDefault(r => r.Id == outcome.Id);
                    if (rule is null || InEffect(rule, day) is not { } version) continue;
                    Count(version.Span, KindOf(rule), rule.Id, outcome.Outcome);
                    // A threshold version: the outcomes of the rules that read the threshold while that version is in effect.
                    if (!thresholdsRead.TryGetValue(version, out var names)) thresholdsRead[version] = names = ThresholdsRead(version, instrument, model);
                    foreach (var name in names)
                    {
                        var threshold = instrument.Thresholds.FirstOrDefault(t => t.Name == name);
                        var inEffect = threshold?.Versions.FirstOrDefault(v => day is { } today && v.Effective.Contains(today));
                        if (inEffect is not null) Count(inEffect.Span, "threshold", ThresholdName(threshold!, inEffect), outcome.Outcome);
                    }
                    foreach (var exception in version.Exceptions)
                    {
                        var holds = interpreter.Evaluate(exception.Condition, facts, ExplanationSink.MissingFactsOnly(), wantTrue: true, statesRequirement: false);
                        Count(exception.Span, AlternativeKind(exception), $"{rule.Id} / {exception.Id}", ContractNames.ToOutcome(holds));
                    }
                }
            }
        }
        return places.Select(p => new CoveredPlace(p.Key, p.Value.Kind, p.Value.Name, p.Value.Counts))
            .OrderBy(p => p.Span.Path, System.StringComparer.Ordinal).ThenBy(p => p.Span.Offset).ToList();
    }

    /// <summary>The thresholds a rule version's conditions read, through the derived facts they use too.</summary>
    private static HashSet<string> ThresholdsRead(RuleVersion version, InstrumentModel instrument, TreatyModel model)
    {
        var derived = model.Vocabulary.Derived.Concat(instrument.Derived).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last());
        var pending = new Stack<BoundExpression?>(version.Exceptions.Select(e => e.Condition).Prepend(version.Condition));
        var seen = new HashSet<string>();
        var names = new HashSet<string>();
        while (pending.Count > 0)
        {
            foreach (var node in ExpressionWalk.Nodes(pending.Pop()))
            {
                if (node is ThresholdReference t) names.Add(t.Name);
                if (node is DerivedReference r && derived.TryGetValue(r.Name, out var d) && seen.Add(r.Name))
                {
                    pending.Push(d.Condition);
                    pending.Push(d.UnboundedWhen);
                }
            }
        }
        return names;
    }

    private static string ThresholdName(ThresholdModel threshold, ThresholdVersion version) =>
        version.Effective.IsAlways ? threshold.Name : $"{threshold.Name} ({version.Effective})";

    /// <summary>The version of a rule in effect on the day (the only one when the day is not known and the rule has one).</summary>
    private static RuleVersion? InEffect(RuleModel rule, DateValue? day) =>
        day is { } today ? rule.Versions.FirstOrDefault(v => v.Effective.Contains(today))
        : rule.Versions.Count == 1 ? rule.Versions[0] : null;

    /// <summary>An 'unless' clause of the rule itself (its id is 'unless' or 'unless-N'), or an exception an instrument adds.</summary>
    private static string AlternativeKind(ExceptionModel exception) => exception.Id == "unless" || exception.Id.StartsWith("unless-", System.StringComparison.Ordinal) ? "unless" : "exception";

    private static string KindOf(RuleModel rule) => rule.Kind switch
    {
        RuleKind.Bar => "bar",
        RuleKind.Review => "review",
        _ => "requirement",
    };
}
