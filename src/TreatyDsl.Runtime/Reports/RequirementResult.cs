using System;
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
    private string? explanation = Explanation;
    private readonly string? id = Id; // null for a generated report's result, whose rule knows its id (one reference fewer to store per rule)
    private readonly CaseRules? rules;
    private readonly int rule;

    /// <summary>The rule's short id, such as <c>min-remaining</c>.</summary>
    public string Id
    {
        get => id ?? rules?.IdOf(rule) ?? string.Empty;
        init => id = value;
    }

    private RequirementResult(string text, string citation, Outcome outcome, IReadOnlyList<string> missingFacts, CaseRules rules, int rule)
        : this(null!, text, citation, outcome, null!, missingFacts)
    {
        this.rules = rules;
        this.rule = rule;
    }

    /// <summary>
    /// The facts used and what was tested, such as "5 months 30 days remaining; at least 6 months required". A generated
    /// validator's report writes it when it is first read (<see cref="CaseRules"/>): the same words, paid for only by
    /// the caller who reads them; or, evaluated with an <see cref="ExplanationBuffer"/>, takes the words kept there.
    /// </summary>
    public string Explanation
    {
        get => explanation ??= KeptExplanation(out var words) ? (words.Length == 0 ? string.Empty : words.ToString()) : rules?.Explain(rule) ?? string.Empty;
        init => explanation = value;
    }

    /// <summary>The explanation as the evaluation kept it (in an <see cref="ExplanationBuffer"/>), while the buffer still holds it.</summary>
    private bool KeptExplanation(out ReadOnlySpan<char> words)
    {
        if (rules is not null) return rules.TryKept(rule, out words);
        words = default;
        return false;
    }

    /// <summary>
    /// Hands <see cref="Explanation"/> to <paramref name="writer"/>: the string, once it has been read or when it was given;
    /// the characters the evaluation kept, while its <see cref="ExplanationBuffer"/> holds them; otherwise the characters as the rule writes them, with no string made (a caller that writes every explanation out
    /// once, as <c>treaty eval</c> does, saves one string per result). The explanation is not kept: reading
    /// <see cref="Explanation"/> afterwards writes it again.
    /// </summary>
    public void WriteExplanation(IExplanationWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        if (explanation is not null) writer.Write(explanation.AsSpan());
        else if (KeptExplanation(out var words)) writer.Write(words);
        else if (rules is not null) rules.WriteExplanation(rule, writer);
        else writer.Write(string.Empty.AsSpan());
    }

    /// <summary>Builds the result of a rule from its three-valued "met" and the sink that watched it.</summary>
    public static RequirementResult From(string id, string text, string citation, Truth met, ExplanationSink sink)
    {
        var outcome = ContractNames.ToOutcome(met);
        return new RequirementResult(id, text, citation, outcome, sink.Explanation, MissingOf(outcome, sink));
    }

    /// <summary>A result whose explanation <paramref name="rules"/> writes when it is read (or kept as it settled the outcome: <see cref="CaseRules.TryKept"/>).</summary>
    internal static RequirementResult Explained(string text, string citation, Truth met, ExplanationSink sink, CaseRules rules, int rule)
    {
        var outcome = ContractNames.ToOutcome(met);
        return new RequirementResult(text, citation, outcome, MissingOf(outcome, sink), rules, rule);
    }

    /// <summary>Equal when every property is, the explanation compared by its words however it was made.</summary>
    public bool Equals(RequirementResult? other) =>
        other is not null
        && Id == other.Id
        && Text == other.Text
        && Citation == other.Citation
        && Outcome == other.Outcome
        && Explanation == other.Explanation
        && EqualityComparer<IReadOnlyList<string>>.Default.Equals(MissingFacts, other.MissingFacts);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = Hash(Id);
            hash = hash * 31 + Hash(Text);
            hash = hash * 31 + Hash(Citation);
            hash = hash * 31 + (int)Outcome;
            hash = hash * 31 + Hash(Explanation);
            return hash * 31 + EqualityComparer<IReadOnlyList<string>>.Default.GetHashCode(MissingFacts);
        }
    }

    private static int Hash(string? text) => text is null ? 0 : text.GetHashCode();

    // Facts that were missing but did not matter (the rule was settled anyway) are not asked for. A copy: the sink
    // may go on to watch the next rule.
    private static IReadOnlyList<string> MissingOf(Outcome outcome, ExplanationSink sink) =>
        outcome == Outcome.Unknown ? sink.CopyMissingFacts() : System.Array.Empty<string>();
}
