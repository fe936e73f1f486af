using System.Collections.Generic;
using System.Text;

namespace TreatyDsl.Runtime;

/// <summary>
/// Requirements that stay unknown only for facts the vocabulary does not expect for the case (a full-term date of a
/// death sentence): the report must not ask for a fact the case cannot have. Such a requirement stays unknown (the
/// verdict is not guessed), asks for nothing, and raises a review under its own id that says what the caseworker
/// decides, with the reason and citation its treaty file gives (<see cref="RuleDecision"/>). Applied by
/// <see cref="CaseEvaluator"/> to every instrument, generated or interpreted alike.
/// </summary>
public static class UnaskableFacts
{
    /// <summary>
    /// Rewrites, in place, each requirement of <paramref name="requirements"/> whose missing facts are all not expected
    /// for the case, and returns the reviews with one raised for each when <paramref name="decide"/> (an instrument that
    /// another requirement already rules out leaves nothing to decide); the reviews as they were when there is none.
    /// </summary>
    public static IReadOnlyList<RequirementResult> Apply(RequirementResult[] requirements, IReadOnlyList<RequirementResult> reviews, InstrumentInfo info,
        FactSchema schema, CaseFacts facts, bool decide = true)
    {
        List<RequirementResult>? raised = null;
        for (var i = 0; i < requirements.Length; i++)
        {
            var requirement = requirements[i];
            if (requirement.Outcome != Outcome.Unknown || requirement.MissingFacts.Count == 0) continue;
            // Most unknown requirements miss a fact the case can have: that is settled by the first, before any list is made.
            if (schema.NotExpected(requirement.MissingFacts[0], facts) is not { } first) continue;
            var unexpected = new List<FactDefinition> { first };
            for (var m = 1; m < requirement.MissingFacts.Count && schema.NotExpected(requirement.MissingFacts[m], facts) is { } fact; m++) unexpected.Add(fact);
            if (unexpected.Count != requirement.MissingFacts.Count) continue;
            var why = Why(unexpected);
            var explanation = requirement.Explanation;
            requirements[i] = requirement with
            {
                Explanation = (explanation.Length == 0 ? string.Empty : explanation + "; ") + why + ", so it is not asked for",
                MissingFacts = System.Array.Empty<string>(),
            };
            if (!decide) continue;
            var decision = DecisionFor(info, requirement);
            raised ??= new List<RequirementResult>(reviews);
            raised.Add(new RequirementResult(requirement.Id, decision.Reason, decision.Citation, Outcome.NotMet,
                $"{requirement.Id} cannot be decided from the case file: {why}", System.Array.Empty<string>()));
        }
        return raised ?? reviews;
    }

    /// <summary>"sentence.fullTermDate is not expected for this case (only when sentence.type = determinate)".</summary>
    private static string Why(List<FactDefinition> facts)
    {
        var text = new StringBuilder();
        for (var i = 0; i < facts.Count; i++)
        {
            if (i > 0) text.Append(i == facts.Count - 1 ? " and " : ", ");
            text.Append(facts[i].Path);
        }
        text.Append(facts.Count == 1 ? " is" : " are").Append(" not expected for this case");
        var conditions = new List<string>();
        foreach (var fact in facts) if (fact.ExpectedWhen is { } when && !conditions.Contains(when)) conditions.Add(when);
        if (conditions.Count > 0) text.Append(" (the vocabulary expects ").Append(facts.Count == 1 ? "it" : "them").Append(" only when ").Append(string.Join("; ", conditions)).Append(')');
        return text.ToString();
    }

    /// <summary>The rule's own decision, or words of its own naming the rule and its citation.</summary>
    private static RuleDecision DecisionFor(InstrumentInfo info, RequirementResult requirement)
    {
        if (info.Decisions is { } decisions)
        {
            for (var i = 0; i < decisions.Count; i++) if (decisions[i].RuleId == requirement.Id) return decisions[i];
        }
        return new RuleDecision(requirement.Id,
            $"No case file of this kind can settle '{requirement.Id}' (\"{requirement.Text}\"): the caseworker decides it from the sources.", requirement.Citation);
    }
}
