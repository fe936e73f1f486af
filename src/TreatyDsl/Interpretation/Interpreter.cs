using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;

namespace TreatyDsl.Interpretation;

/// <summary>
/// The reference semantics of an instrument: evaluates its rules over a case by walking the bound model, choosing
/// each rule's version by the application date and trying its exceptions. The conditions themselves are
/// <see cref="ConditionInterpreter"/>'s.
/// </summary>
public sealed class Interpreter
{
    private readonly InstrumentModel instrument;
    private readonly ConditionInterpreter conditions;
    private readonly bool explain;
    // Each rule's words (RuleWordings), in the order of the instrument's rules and of its reviews.
    private readonly RuleWording[][][] ruleWordings;
    private readonly RuleWording[][][] reviewWordings;

    /// <param name="vocabulary">The facts and the vocabulary's derived facts.</param>
    /// <param name="instrument">The instrument to evaluate.</param>
    /// <param name="explain">False for callers that want only outcomes and missing facts (the analysis): no sentences are built.</param>
    public Interpreter(VocabularyModel vocabulary, InstrumentModel instrument, bool explain = true)
    {
        this.instrument = instrument;
        this.explain = explain;
        conditions = new ConditionInterpreter(vocabulary.Derived.Concat(instrument.Derived), instrument.Thresholds);
        ruleWordings = instrument.Rules.Select(RuleWordings).ToArray();
        reviewWordings = instrument.Reviews.Select(RuleWordings).ToArray();
    }

    /// <summary>
    /// A rule's words, made once per version as the generated validator makes them: by version, the version's own, then
    /// each exception's (the version's citation and the exception's joined, or the version's words when they are the same).
    /// </summary>
    private static RuleWording[][] RuleWordings(RuleModel rule) =>
        rule.Versions.Select(version =>
        {
            var own = new RuleWording(rule.Id, version.Text, version.Citation);
            return version.Exceptions.Select(x => x.Citation == version.Citation ? own : own.WithCitation(version.CitationMetBy(x))).Prepend(own).ToArray();
        }).ToArray();

    public InstrumentReport Evaluate(CaseFacts facts)
    {
        var sink = new ExplanationSink(); // one for the whole report, reset for each rule
        var results = new List<RequirementResult>(instrument.Rules.Count);
        for (var i = 0; i < instrument.Rules.Count; i++) results.Add(EvaluateRule(instrument.Rules[i], ruleWordings[i], facts, sink));
        var reviews = new List<RequirementResult>(instrument.Reviews.Count);
        for (var i = 0; i < instrument.Reviews.Count; i++) reviews.Add(EvaluateRule(instrument.Reviews[i], reviewWordings[i], facts, sink));
        return InstrumentReport.FromRequirements(instrument.Id, instrument.Title, results, reviews: reviews);
    }

    public RequirementResult EvaluateRule(RuleModel rule, CaseFacts facts) =>
        EvaluateRule(rule, RuleWordings(rule), facts, new ExplanationSink());

    private RequirementResult EvaluateRule(RuleModel rule, RuleWording[][] wording, CaseFacts facts, ExplanationSink sink)
    {
        sink.Reset();
        if (!explain) sink.EnterQuiet();
        var applicationDate = facts.GetDate(ContractFacts.ApplicationDate);
        var chosen = EffectiveDates.Choose(applicationDate,
            rule.Versions.Select(v => Conversions.ToLocalDate(v.Effective.From)).ToArray(),
            rule.Versions.Select(v => Conversions.ToLocalDate(v.Effective.Before)).ToArray());
        if (chosen == EffectiveDates.DateUnknown)
        {
            sink.Missing(ContractFacts.ApplicationDate);
            sink.Note($"which version of {rule.Id} applies depends on applicationDate, which is not known");
            return RequirementResult.From(LatestOf(wording), Truth.Unknown, sink);
        }
        if (chosen == EffectiveDates.NoneInEffect)
        {
            sink.Note($"not in effect on {FactFormat.Value(applicationDate)}");
            return RequirementResult.From(LatestOf(wording), Truth.True, sink);
        }

        var version = rule.Versions[chosen];
        if (!version.Effective.IsAlways)
        {
            sink.Note("version in effect " + EffectiveDates.Describe(Conversions.ToLocalDate(version.Effective.From), Conversions.ToLocalDate(version.Effective.Before)));
        }
        // The explanation says why a requirement is met and why a bar applies; a review, like an advisory factor, says
        // whether its test held (it requires nothing).
        var review = rule.Kind == RuleKind.Review;
        var main = conditions.Evaluate(version.Condition, facts, sink, wantTrue: rule.Kind != RuleKind.Bar, statesRequirement: !review);
        var met = rule.Kind == RuleKind.Requirement ? main : Logic.Not(main);
        var words = wording[chosen][0];
        if (met != Truth.True)
        {
            for (var x = 0; x < version.Exceptions.Count; x++)
            {
                var exception = version.Exceptions[x];
                sink.BeginException(exception.Id);
                var holds = conditions.Evaluate(exception.Condition, facts, sink, wantTrue: true);
                met = Logic.Or(met, holds);
                if (met == Truth.True)
                {
                    words = wording[chosen][x + 1];
                    break;
                }
            }
        }
        return RequirementResult.From(words, met, sink);
    }

    /// <summary>The words of the rule's latest version (<see cref="RuleModel.Latest"/>, its last), which a result carries when no version can be chosen.</summary>
    private static RuleWording LatestOf(RuleWording[][] wording) => wording[wording.Length - 1][0];
}
