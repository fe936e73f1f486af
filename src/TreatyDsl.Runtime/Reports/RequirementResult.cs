using System;
using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>What one requirement or bar came to for a case, why, and where the law says so.</summary>
public sealed record RequirementResult
{
    // A result is made for every rule of every report, so it holds little: where its words come from, its outcome and
    // its missing facts. The source is either the words themselves (RuleWording: a result given them, the interpreter's)
    // or, for a generated report, the rules bound to the case (CaseRules), which know the words of each rule's version
    // and write its explanation when it is read: one reference stored per result, not two.
    private object source;
    private string? explanation;
    private readonly int rule; // the rule's index in its CaseRules, when the source is one
    private readonly ushort wording; // and which of its wordings it settled with (CaseRules.WordingOf)
    private IReadOnlyList<string>? missingFacts; // null for none: most results miss nothing, and a null is not stored through the collector's barrier

    /// <summary>A result with the given words and explanation.</summary>
    /// <param name="Id">The rule's short id, such as <c>min-remaining</c>.</param>
    /// <param name="Text">The sentence a caseworker reads.</param>
    /// <param name="Citation">The passage the rule encodes.</param>
    /// <param name="Outcome">Met, not met, or unknown.</param>
    /// <param name="Explanation">The facts used and what was tested, such as "5 months 30 days remaining; at least 6 months required".</param>
    /// <param name="MissingFacts">When the outcome is unknown, the facts that would settle it.</param>
    public RequirementResult(string Id, string Text, string Citation, Outcome Outcome, string Explanation, IReadOnlyList<string> MissingFacts)
        : this(new RuleWording(Id ?? string.Empty, Text ?? string.Empty, Citation ?? string.Empty), Outcome, Explanation, MissingFacts)
    {
    }

    /// <summary>A result whose id, text and citation are <paramref name="wording"/>'s.</summary>
    public RequirementResult(RuleWording wording, Outcome outcome, string explanation, IReadOnlyList<string> missingFacts)
    {
        source = wording ?? throw new ArgumentNullException(nameof(wording));
        Outcome = outcome;
        this.explanation = explanation;
        if (missingFacts is not { Count: 0 }) this.missingFacts = missingFacts;
    }

    private RequirementResult(CaseRules rules, int rule, ushort wording, Outcome outcome, IReadOnlyList<string>? missingFacts)
    {
        source = rules;
        this.rule = rule;
        this.wording = wording;
        Outcome = outcome;
        this.missingFacts = missingFacts;
    }

    private CaseRules? Rules => source as CaseRules;

    /// <summary>The rule's id, text and citation, shared by every result of the same rule version.</summary>
    public RuleWording Wording => source as RuleWording ?? ((CaseRules)source).WordingOf(rule, wording);

    /// <summary>The rule's short id, such as <c>min-remaining</c>.</summary>
    public string Id
    {
        get => Wording.Id;
        init => Reword(new RuleWording(value ?? string.Empty, Wording.Text, Wording.Citation));
    }

    /// <summary>The sentence a caseworker reads.</summary>
    public string Text
    {
        get => Wording.Text;
        init => Reword(new RuleWording(Wording.Id, value ?? string.Empty, Wording.Citation));
    }

    /// <summary>The passage the rule encodes.</summary>
    public string Citation
    {
        get => Wording.Citation;
        init => Reword(Wording.WithCitation(value ?? string.Empty));
    }

    // A copy given other words keeps them itself; its explanation, which its rules would have written, is written first.
    private void Reword(RuleWording wording)
    {
        explanation = Explanation;
        source = wording;
    }

    /// <summary>Met, not met, or unknown.</summary>
    public Outcome Outcome { get; init; }

    /// <summary>When the outcome is unknown, the facts that would settle it.</summary>
    public IReadOnlyList<string> MissingFacts
    {
        get => missingFacts ?? System.Array.Empty<string>();
        init => missingFacts = value;
    }

    /// <summary>
    /// The facts used and what was tested, such as "5 months 30 days remaining; at least 6 months required". A generated
    /// validator's report writes it when it is first read (<see cref="CaseRules"/>): the same words, paid for only by
    /// the caller who reads them; or, evaluated with an <see cref="ExplanationBuffer"/>, takes the words kept there.
    /// </summary>
    public string Explanation
    {
        get => explanation ??= KeptExplanation(out var words) ? (words.Length == 0 ? string.Empty : words.ToString()) : Rules?.Explain(rule) ?? string.Empty;
        init => explanation = value;
    }

    /// <summary>The explanation as the evaluation kept it (in an <see cref="ExplanationBuffer"/>), while the buffer still holds it.</summary>
    private bool KeptExplanation(out ReadOnlySpan<char> words)
    {
        if (Rules is { } rules) return rules.TryKept(rule, out words);
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
        else if (Rules is { } rules) rules.WriteExplanation(rule, writer);
        else writer.Write(string.Empty.AsSpan());
    }

    /// <summary>Builds the result of a rule from its three-valued "met" and the sink that watched it.</summary>
    public static RequirementResult From(string id, string text, string citation, Truth met, ExplanationSink sink) =>
        From(new RuleWording(id, text, citation), met, sink);

    /// <summary>Builds the result of a rule from its words, its three-valued "met" and the sink that watched it.</summary>
    public static RequirementResult From(RuleWording wording, Truth met, ExplanationSink sink)
    {
        if (sink is null) throw new ArgumentNullException(nameof(sink));
        var outcome = ContractNames.ToOutcome(met);
        return new RequirementResult(wording, outcome, sink.Explanation, MissingOf(outcome, sink));
    }

    /// <summary>
    /// A result whose words (<see cref="CaseRules.WordingOf"/>) and explanation <paramref name="rules"/> give, the
    /// explanation when it is read (or kept as it settled the outcome: <see cref="CaseRules.TryKept"/>).
    /// </summary>
    internal static RequirementResult Explained(Truth met, ExplanationSink sink, CaseRules rules, int rule, ushort wording)
    {
        var outcome = ContractNames.ToOutcome(met);
        return new RequirementResult(rules, rule, wording, outcome, outcome == Outcome.Unknown ? sink.CopyMissingFacts() : null);
    }

    /// <summary>Deconstructs the result into its six properties, in the order of the constructor's parameters.</summary>
    public void Deconstruct(out string Id, out string Text, out string Citation, out Outcome Outcome, out string Explanation, out IReadOnlyList<string> MissingFacts)
    {
        Id = this.Id;
        Text = this.Text;
        Citation = this.Citation;
        Outcome = this.Outcome;
        Explanation = this.Explanation;
        MissingFacts = this.MissingFacts;
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
