using System;

namespace TreatyDsl.Runtime;

/// <summary>
/// One instrument's rules bound to one case, for generated validators' reports. A report settles every rule's outcome,
/// citation and missing facts at once, with a sink that keeps no sentences; a rule's explanation is written only when
/// <see cref="RequirementResult.Explanation"/> is first read, by running that rule again with a sink that keeps them.
/// Building the sentences is most of what a report costs, and a caller often reads only the outcomes (or only the
/// explanations of the rules not met). The interpreter and generated code make the same sink calls, so the explanation
/// read later is the one an eager report would have held. A caller that writes every explanation out at once (as
/// <c>treaty eval</c> does) evaluates with an <see cref="ExplanationBuffer"/> instead: each rule is then settled with a
/// sink that keeps its sentences, and they are kept in the buffer, so no rule runs twice.
/// </summary>
/// <remarks>
/// The explanation describes the case as it is when read. A generated case cannot be changed after it is made; a
/// caller who builds one from lists it goes on changing would see explanations of the changed lists.
/// </remarks>
public abstract class CaseRules
{
    /// <summary>The case-file ids of the rules, by index: requirements first, then reviews, in file order.</summary>
    protected abstract string[] Ids { get; }

    /// <summary>
    /// Each rule's words, by index as <see cref="Ids"/>: first the words its method names first (its only version's, or
    /// its latest's), then each other wording a version or exception of it gives (the number <see cref="Settled(int, Truth, int, ExplanationSink, ExplanationBuffer?)"/>
    /// is told). Null for rules generated before wordings were numbered, whose results are given their words.
    /// </summary>
    protected virtual RuleWording[][]? Wordings => null;

    // A result holds the number of the wording its rule settled with in 16 bits; the words of a rule with more wordings
    // than that (none written by hand), and words given as text (Settled with a text and a citation), are kept here by
    // rule instead: made only when a report has any.
    private RuleWording?[]? unnumbered;

    /// <summary>The words the rule at <paramref name="rule"/> settled with (<paramref name="wording"/>, as its result holds it), for <see cref="RequirementResult.Wording"/>.</summary>
    internal RuleWording WordingOf(int rule, ushort wording)
    {
        if (unnumbered?[rule] is { } words) return words;
        return Numbered(rule, wording);
    }

    /// <summary>The rule's wording by its number in <see cref="Wordings"/> (bare words with its id where there is no table).</summary>
    private RuleWording Numbered(int rule, int wording) => Wordings?[rule][wording] ?? new RuleWording(Ids[rule], string.Empty, string.Empty);

    /// <summary>Runs the rule at <paramref name="rule"/> on the bound case, telling <paramref name="sink"/> what it looks at.</summary>
    protected abstract Truth Run(int rule, ExplanationSink sink, out string text, out string citation);

    /// <summary>The rule's result: outcome, text, citation and missing facts now, the explanation when read.</summary>
    /// <param name="rule">The rule's index in <see cref="Ids"/>.</param>
    /// <param name="sink">A sink that keeps no sentences (<see cref="ExplanationSink.Rent"/>, <see cref="ExplanationSink.MissingFactsOnly"/>), reused for each rule of a report.</param>
    public RequirementResult Result(int rule, ExplanationSink sink) => Result(rule, sink, kept: null);

    /// <summary>
    /// The rule's result: outcome, text, citation and missing facts; and, given <paramref name="kept"/>, the explanation
    /// too, written as the outcome is settled and kept there (so writing it out runs nothing again).
    /// </summary>
    /// <param name="rule">The rule's index in <see cref="Ids"/>.</param>
    /// <param name="sink">Reused for each rule of a report: one that keeps sentences (<see cref="ExplanationSink.Rent"/>) when <paramref name="kept"/> is given, one that keeps none otherwise.</param>
    /// <param name="kept">Where the report's explanations are kept; null to write each when it is read.</param>
    public RequirementResult Result(int rule, ExplanationSink sink, ExplanationBuffer? kept)
    {
        if (sink is null) throw new ArgumentNullException(nameof(sink));
        sink.Reset();
        var met = Run(rule, sink, out var text, out var citation);
        return Settled(rule, met, text, citation, sink, kept);
    }

    /// <summary>
    /// The result of the rule at <paramref name="rule"/>, which the caller has just run on the bound case with
    /// <paramref name="sink"/> (emptied before it): what <see cref="Result(int, ExplanationSink, ExplanationBuffer?)"/>
    /// returns, for a generated report that calls its rule methods directly rather than through <see cref="Run"/>.
    /// </summary>
    /// <param name="rule">The rule's index in <see cref="Ids"/>.</param>
    /// <param name="met">What the rule came to.</param>
    /// <param name="wording">Which of the rule's <see cref="Wordings"/> the version (and exception) that settled it gives: 0 for its first.</param>
    /// <param name="sink">The sink the rule was run with.</param>
    /// <param name="kept">Where the report's explanations are kept; null to write each when it is read.</param>
    public RequirementResult Settled(int rule, Truth met, int wording, ExplanationSink sink, ExplanationBuffer? kept)
    {
        if (wording < 0) throw new ArgumentOutOfRangeException(nameof(wording), "A wording's number is never negative.");
        if (wording <= ushort.MaxValue)
        {
            if (unnumbered is not null) unnumbered[rule] = null;
            return Settled(rule, met, (ushort)wording, sink, kept);
        }
        Unnumbered(rule, Numbered(rule, wording));
        return Settled(rule, met, (ushort)0, sink, kept);
    }

    /// <summary>
    /// <see cref="Settled(int, Truth, int, ExplanationSink, ExplanationBuffer?)"/> with the words given as text, for a
    /// report generated before rules had numbered wordings (and for <see cref="Result(int, ExplanationSink, ExplanationBuffer?)"/>).
    /// </summary>
    public RequirementResult Settled(int rule, Truth met, string text, string citation, ExplanationSink sink, ExplanationBuffer? kept)
    {
        Unnumbered(rule, new RuleWording(Ids[rule], text, citation));
        return Settled(rule, met, (ushort)0, sink, kept);
    }

    private void Unnumbered(int rule, RuleWording words)
    {
        unnumbered ??= new RuleWording?[Ids.Length];
        unnumbered[rule] = words;
    }

    private RequirementResult Settled(int rule, Truth met, ushort wording, ExplanationSink sink, ExplanationBuffer? kept)
    {
        if (sink is null) throw new ArgumentNullException(nameof(sink));
        if (kept is not null)
        {
            if (!sink.KeepsSentences) throw new ArgumentException("A report whose explanations are kept needs a sink that keeps sentences.", nameof(sink));
            Keep(rule, sink.Written, kept);
        }
        return RequirementResult.Explained(met, sink, this, rule, wording);
    }

    // Where each rule's explanation was kept, when the report was evaluated with a buffer: held here, once per report,
    // rather than in every result (a result is made for every rule of every report, and most callers keep none).
    private ExplanationBuffer? kept;
    private int keptGeneration;
    private int[]? keptAt; // the start and length of rule i's words at 2i and 2i + 1; -1 where none was kept

    private void Keep(int rule, ReadOnlySpan<char> words, ExplanationBuffer buffer)
    {
        if (keptAt is null)
        {
            kept = buffer;
            keptGeneration = buffer.Generation;
            keptAt = new int[Ids.Length * 2];
            for (var i = 0; i < keptAt.Length; i += 2) keptAt[i] = -1;
        }
        // A second buffer, or the same one emptied since: those rules explain themselves again when read.
        if (!ReferenceEquals(buffer, kept) || buffer.Generation != keptGeneration) return;
        keptAt[rule * 2] = buffer.Keep(words);
        keptAt[rule * 2 + 1] = words.Length;
    }

    /// <summary>The rule's explanation as it was kept when its outcome was settled, while the buffer still holds it.</summary>
    internal bool TryKept(int rule, out ReadOnlySpan<char> words)
    {
        if (keptAt is not null && keptAt[rule * 2] >= 0) return kept!.TryRead(keptGeneration, keptAt[rule * 2], keptAt[rule * 2 + 1], out words);
        words = default;
        return false;
    }

    /// <summary>The rule's result on its own (a report's results share one sink instead).</summary>
    public RequirementResult Result(int rule)
    {
        var sink = ExplanationSink.Rent(keepsSentences: false);
        var result = Result(rule, sink);
        sink.Release();
        return result;
    }

    /// <summary>
    /// The rule's explanation: the rule run again with a sink that keeps sentences, the thread's spare one
    /// (<see cref="ExplanationSink.Rent"/>), so an explanation read while another is being written (by an
    /// <see cref="IExplanationWriter"/>) gets a sink of its own.
    /// </summary>
    internal string Explain(int rule)
    {
        var sink = Explaining(rule);
        try
        {
            return sink.Explanation;
        }
        finally
        {
            sink.Release();
        }
    }

    /// <summary>The rule's explanation handed to <paramref name="writer"/> as characters, with no string made.</summary>
    internal void WriteExplanation(int rule, IExplanationWriter writer)
    {
        var sink = Explaining(rule);
        try
        {
            writer.Write(sink.Written);
        }
        finally
        {
            sink.Release();
        }
    }

    /// <summary>A rented explaining sink (the caller gives it back), after running <paramref name="rule"/> into it.</summary>
    private ExplanationSink Explaining(int rule)
    {
        var sink = ExplanationSink.Rent(keepsSentences: true);
        Run(rule, sink, out _, out _);
        return sink;
    }
}
