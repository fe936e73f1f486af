using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace TreatyDsl.Runtime;

/// <summary>
/// Collects what one rule's evaluation looked at: a sentence per test, and the facts that were missing.
/// The interpreter and generated validators call it at the same points with the same words, so their
/// explanations agree. The fast path passes no sink at all and so allocates nothing. A report reuses one sink for
/// all its requirements (<see cref="Reset"/>); what a result keeps (<see cref="Explanation"/>, a copy of the missing facts) is its own.
/// A sink made by <see cref="MissingFactsOnly"/> keeps no sentences: generated reports use one to settle each outcome
/// and its missing facts, and write the explanation only when it is read (<see cref="CaseRules"/>).
/// </summary>
public sealed class ExplanationSink
{
    // The sentences, written straight into one reused buffer ("; " between them) so that the explanation is the only
    // string a rule's sentences cost; the pieces are mostly constants.
    private readonly TextBuffer written = new();
    private int sentences;
    // The missing facts, in the order met: an array and a count, so that emptying the sink for each rule of a report
    // stores one number (the fact paths left behind are the rules' constants, nothing the sink keeps alive).
    private string[] missing = new string[4];
    private int missingCount;
    private readonly bool keepsSentences;
    private string? exception;
    private int quiet;

    /// <summary>A sink that keeps every sentence and every missing fact.</summary>
    public ExplanationSink()
        : this(keepsSentences: true)
    {
    }

    private ExplanationSink(bool keepsSentences) => this.keepsSentences = keepsSentences;

    /// <summary>A sink that keeps the missing facts and no sentences (<see cref="IsQuiet"/> is always true): for
    /// settling outcomes whose explanations are written later, if at all.</summary>
    public static ExplanationSink MissingFactsOnly() => new(keepsSentences: false);

    // Each thread's spare sink of each kind (Rent, Release): a report or an explanation is built on one thread from
    // start to end, so most take the spare one instead of making a sink, a buffer and a list every time. The spare stays
    // in its slot while it is out, marked rented, so that giving it back touches no thread-static slot (each access to
    // one is a call into the runtime on some platforms, paid twice per report otherwise).
    [ThreadStatic]
    private static ExplanationSink? spareQuiet;

    [ThreadStatic]
    private static ExplanationSink? spareExplaining;

    private bool rented;

    /// <summary>
    /// An empty sink of the kind asked for (keeping sentences, or the missing facts only): this thread's spare one, taken
    /// until <see cref="Release"/> gives it back, or a new one when that is in use (a report built while another is, by
    /// an <see cref="IExplanationWriter"/> reading explanations, say). What the sink recorded must not be kept past
    /// <see cref="Release"/>: results copy their missing facts, and explanations are made into strings or written out first.
    /// </summary>
    public static ExplanationSink Rent(bool keepsSentences)
    {
        var sink = keepsSentences ? spareExplaining : spareQuiet;
        if (sink is null)
        {
            sink = new ExplanationSink(keepsSentences);
            if (keepsSentences) spareExplaining = sink;
            else spareQuiet = sink;
        }
        else if (sink.rented)
        {
            sink = new ExplanationSink(keepsSentences); // the spare is out: this one is not kept once given back
        }
        sink.rented = true;
        sink.Reset();
        return sink;
    }

    /// <summary>Gives a sink from <see cref="Rent"/> back, to be rented again on its thread. A sink never given back is simply not reused.</summary>
    public void Release() => rented = false;

    /// <summary>
    /// Records one comparison. <paramref name="direct"/> is true when the rule's whole condition is this one test,
    /// so the sentence can say what is required ("at least 6 months required"); inside a larger condition it says
    /// instead whether the test held. <paramref name="wantTrue"/> is whether this test holding helps the rule be met.
    /// </summary>
    public void Comparison(string valuePhrase, string testPhrase, Truth result, bool direct, bool wantTrue)
    {
        if (IsQuiet) return;
        Begin().Append(valuePhrase);
        Outcome(testPhrase, result, direct, wantTrue);
    }

    /// <summary>
    /// <see cref="Comparison(string, string, Truth, bool, bool)"/> of one fact, given as its name and its value's text:
    /// the same sentence as with <c>FactFormat.Fact(fact, valueText)</c>, without making that phrase first.
    /// </summary>
    public void Comparison(string fact, string valueText, string testPhrase, Truth result, bool direct, bool wantTrue)
    {
        if (IsQuiet) return;
        FactFormat.AppendFact(Begin(), fact, valueText);
        Outcome(testPhrase, result, direct, wantTrue);
    }

    /// <summary>
    /// <see cref="Comparison(string, string, string, Truth, bool, bool)"/> of two facts (one compared with the other, or
    /// looked for in it): the same sentence as with <c>FactFormat.Fact(fact, valueText) + ", " + FactFormat.Fact(otherFact,
    /// otherValueText)</c>, without making those three strings first.
    /// </summary>
    public void Comparison(string fact, string valueText, string otherFact, string otherValueText, string testPhrase, Truth result, bool direct, bool wantTrue)
    {
        if (IsQuiet) return;
        var text = Begin();
        FactFormat.AppendFact(text, fact, valueText);
        FactFormat.AppendFact(text.Append(", "), otherFact, otherValueText);
        Outcome(testPhrase, result, direct, wantTrue);
    }

    private void Outcome(string testPhrase, Truth result, bool direct, bool wantTrue)
    {
        if (result == Truth.Unknown) return;
        if (direct)
        {
            written.Append("; ").Append(testPhrase).Append(wantTrue ? " required" : " not allowed");
        }
        else
        {
            written.Append(" (").Append(testPhrase).Append(": ").Append(result == Truth.True ? "yes" : "no").Append(')');
        }
    }

    /// <summary>Records a yes/no fact used as a condition on its own ("judgment.final is true").</summary>
    public void Flag(string valuePhrase, Truth result, bool direct, bool wantTrue)
    {
        if (IsQuiet) return;
        Begin().Append(valuePhrase);
        FlagOutcome(result, direct, wantTrue);
    }

    /// <summary><see cref="Flag(string, Truth, bool, bool)"/> of one fact, given as its name and its value's text.</summary>
    public void Flag(string fact, string valueText, Truth result, bool direct, bool wantTrue)
    {
        if (IsQuiet) return;
        FactFormat.AppendFact(Begin(), fact, valueText);
        FlagOutcome(result, direct, wantTrue);
    }

    private void FlagOutcome(Truth result, bool direct, bool wantTrue)
    {
        var matches = (result == Truth.True && wantTrue) || (result == Truth.False && !wantTrue);
        if (result == Truth.Unknown || matches || !direct) return;
        written.Append("; ").Append(wantTrue ? "true" : "false").Append(" required");
    }

    /// <summary>Records the outcome of 'any'/'all': which elements decided it.</summary>
    public void Quantifier(string text, Truth result, string detail)
    {
        if (IsQuiet) return;
        var word = result == Truth.True ? "yes" : result == Truth.False ? "no" : "not known";
        Begin().Append(text).Append(": ").Append(word);
        if (detail.Length > 0) written.Append(" (").Append(detail).Append(')');
    }

    /// <summary>Records what a derived yes/no fact came to, after the tests it is made of.</summary>
    public void Derived(string name, Truth result)
    {
        if (IsQuiet) return;
        Begin().Append("so ").Append(name).Append(" is ").Append(result == Truth.True ? "true" : result == Truth.False ? "false" : "not known");
    }

    /// <summary>Records free text, such as which version of a rule applies.</summary>
    public void Note(string text)
    {
        if (IsQuiet) return;
        Begin().Append(text);
    }

    /// <summary>The next sentences explain the named exception.</summary>
    public void BeginException(string id) => exception = id;

    /// <summary>Inside a quantifier's body: keep the missing facts, leave the per-element sentences out.</summary>
    public void EnterQuiet() => quiet++;

    /// <summary>Leaves the quantifier body entered with <see cref="EnterQuiet"/>.</summary>
    public void ExitQuiet() => quiet--;

    /// <summary>Whether the sink was made to keep sentences (outside a quantifier's body, it does).</summary>
    public bool KeepsSentences => keepsSentences;

    /// <summary>Whether sentences are being left out (inside a quantifier's body, or for a caller that wants only the
    /// outcome and the missing facts): a caller may then skip building them.</summary>
    public bool IsQuiet
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // asked before every sentence; a report's inlined rules leave the JIT no budget to inline it unasked
        get => quiet > 0 || !keepsSentences;
    }

    /// <summary>Forgets everything recorded, to watch the next rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // before every rule of a report, whose inlined rules leave the JIT no budget to inline it unasked
    public void Reset()
    {
        written.Clear();
        sentences = 0;
        missingCount = 0;
        exception = null;
        quiet = 0;
    }

    /// <summary>Records that the fact at <paramref name="factPath"/> was needed and missing.</summary>
    public void Missing(string factPath)
    {
        for (var i = 0; i < missingCount; i++) if (string.Equals(missing[i], factPath)) return;
        if (missingCount == missing.Length) System.Array.Resize(ref missing, missingCount * 2);
        missing[missingCount++] = factPath;
    }

    /// <summary>The sentences collected so far, joined with "; ".</summary>
    public string Explanation => sentences == 0 ? string.Empty : written.ToString();

    /// <summary><see cref="Explanation"/>'s characters, valid until the sink is next written to or reset.</summary>
    internal ReadOnlySpan<char> Written => written.Written;

    /// <summary>Every missing fact the requirement needed, in the order met (a copy: the sink goes on to watch the next rule).</summary>
    public IReadOnlyList<string> MissingFacts => CopyMissingFacts();

    /// <summary><see cref="MissingFacts"/> as an array of their own, for a result to keep (the sink goes on to watch the next rule).</summary>
    internal string[] CopyMissingFacts()
    {
        if (missingCount == 0) return System.Array.Empty<string>();
        var copy = new string[missingCount];
        System.Array.Copy(missing, copy, missingCount);
        return copy;
    }

    /// <summary>Starts the next sentence: the separator after the last one, and the exception's name if one was begun.</summary>
    private TextBuffer Begin()
    {
        if (sentences++ > 0) written.Append("; ");
        if (exception is not null)
        {
            written.Append("exception ").Append(exception).Append(": ");
            exception = null;
        }
        return written;
    }
}
