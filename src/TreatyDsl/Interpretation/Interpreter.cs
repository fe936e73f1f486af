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

    /// <param name="vocabulary">The facts and the vocabulary's derived facts.</param>
    /// <param name="instrument">The instrument to evaluate.</param>
    /// <param name="explain">False for callers that want only outcomes and missing facts (the analysis): no sentences are built.</param>
    public Interpreter(VocabularyModel vocabulary, InstrumentModel instrument, bool explain = true)
    {
        this.instrument = instrument;
        this.explain = explain;
        conditions = new ConditionInterpreter(vocabulary.Derived.Concat(instrument.Derived), instrument.Thresholds);
    }

    public InstrumentReport Evaluate(CaseFacts facts)
    {
        var sink = new ExplanationSink(); // one for the whole report, reset for each rule
        var results = new List<RequirementResult>(instrument.Rules.Count);
        foreach (var rule in instrument.Rules) results.Add(EvaluateRule(rule, facts, sink));
        var reviews = new List<RequirementResult>(instrument.Reviews.Count);
        foreach (var review in instrument.Reviews) reviews.Add(EvaluateRule(review, facts, sink));
        return InstrumentReport.FromRequirements(instrument.Id, instrument.Title, results, reviews: reviews);
    }

    public RequirementResult EvaluateRule(RuleModel rule, CaseFacts facts) => EvaluateRule(rule, facts, new ExplanationSink());

    private RequirementResult EvaluateRule(RuleModel rule, CaseFacts facts, ExplanationSink sink)
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
            return RequirementResult.From(rule.Id, rule.Latest.Text, rule.Latest.Citation, Truth.Unknown, sink);
        }
        if (chosen == EffectiveDates.NoneInEffect)
        {
            sink.Note($"not in effect on {FactFormat.Value(applicationDate)}");
            return RequirementResult.From(rule.Id, rule.Latest.Text, rule.Latest.Citation, Truth.True, sink);
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
        var citation = version.Citation;
        if (met != Truth.True)
        {
            foreach (var exception in version.Exceptions)
            {
                sink.BeginException(exception.Id);
                var holds = conditions.Evaluate(exception.Condition, facts, sink, wantTrue: true);
                met = Logic.Or(met, holds);
                if (met == Truth.True)
                {
                    if (exception.Citation != citation) citation = citation + "; " + exception.Citation;
                    break;
                }
            }
        }
        return RequirementResult.From(rule.Id, version.Text, citation, met, sink);
    }
}
