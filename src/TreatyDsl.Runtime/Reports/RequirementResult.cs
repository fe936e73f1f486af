using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>What one requirement or bar came to for a case, why, and where the law says so.</summary>
/// <param name="Id">The rule's short id, such as <c>min-remaining</c>.</param>
/// <param name="Text">The sentence a caseworker reads.</param>
/// <param name="Citation">The passage the rule encodes.</param>
/// <param name="Outcome">Met, not met, or unknown.</param>
/// <param name="Explanation">The facts used and what was tested, such as "5 months 30 days remaining; at least 6 months required".</param>
/// <param name="MissingFacts">When the outcome is unknown, the facts that would settle it.</param>
public sealed record RequirementResult(
    string Id,
    string Text,
    string Citation,
    Outcome Outcome,
    string Explanation,
    IReadOnlyList<string> MissingFacts)
{
    /// <summary>Builds the result of a rule from its three-valued "met" and the sink that watched it.</summary>
    public static RequirementResult From(string id, string text, string citation, Truth met, ExplanationSink sink)
    {
        var outcome = ContractNames.ToOutcome(met);
        // Facts that were missing but did not matter (the rule was settled anyway) are not asked for. A copy: the sink
        // may go on to watch the next rule.
        var missing = outcome == Outcome.Unknown && sink.MissingFacts.Count > 0 ? Copy(sink.MissingFacts) : System.Array.Empty<string>();
        return new RequirementResult(id, text, citation, outcome, sink.Explanation, missing);
    }

    private static string[] Copy(IReadOnlyList<string> facts)
    {
        var copy = new string[facts.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = facts[i];
        return copy;
    }
}
