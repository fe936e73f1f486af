using System;

namespace TreatyDsl.Runtime;

/// <summary>
/// Explanations kept as a report is evaluated, for a caller that writes each report out whole before evaluating the next
/// (<c>treaty eval</c>). Evaluated with one (<see cref="CaseEvaluator.Evaluate(TreatyCatalog, CaseFacts, ExplanationBuffer?)"/>),
/// a generated report settles each rule once with a sink that keeps its sentences and copies them here, so writing the
/// explanations runs no rule again; without one, the report keeps no sentences and a rule is run again when its
/// explanation is read (<see cref="CaseRules"/>), which costs nothing for the caller who reads none.
/// </summary>
/// <remarks>
/// <see cref="Clear"/> empties it for the next report without making anything: a result whose explanation was kept in it
/// reads it from here until then, and afterwards writes it again by running its rule, so an explanation is never another
/// report's text. Not safe for use from more than one thread at a time: keep one per thread.
/// </remarks>
public sealed class ExplanationBuffer
{
    private readonly TextBuffer text = new();

    /// <summary>How many times the buffer has been emptied: a kept explanation is valid only in the generation it was kept in.</summary>
    internal int Generation { get; private set; }

    /// <summary>Forgets every kept explanation, to keep the next report's. Results still held read theirs by running their rules again.</summary>
    public void Clear()
    {
        text.Clear();
        Generation++;
    }

    /// <summary>
    /// Every explanation kept since the last <see cref="Clear"/>, one after another: each kept explanation a result hands
    /// to an <see cref="IExplanationWriter"/> is a slice of these characters (until more are kept, which may move them),
    /// so a writer may transcode them all at once and find each by where its slice begins.
    /// </summary>
    public ReadOnlySpan<char> Kept => text.Written;

    /// <summary>Keeps <paramref name="explanation"/>; returns where it starts.</summary>
    internal int Keep(ReadOnlySpan<char> explanation)
    {
        var start = text.Length;
        explanation.CopyTo(text.Extend(explanation.Length));
        return start;
    }

    /// <summary>The explanation kept at <paramref name="start"/> in <paramref name="generation"/>, unless the buffer has been emptied since.</summary>
    internal bool TryRead(int generation, int start, int length, out ReadOnlySpan<char> explanation)
    {
        if (generation != Generation)
        {
            explanation = default;
            return false;
        }
        explanation = text.Written.Slice(start, length);
        return true;
    }
}
