using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>
/// Collects what one rule's evaluation looked at: a sentence per test, and the facts that were missing.
/// The interpreter and generated validators call it at the same points with the same words, so their
/// explanations agree. The fast path passes no sink at all and so allocates nothing. A report reuses one sink for
/// all its requirements (<see cref="Reset"/>); what a result keeps (<see cref="Explanation"/>, a copy of the missing facts) is its own.
/// </summary>
public sealed class ExplanationSink
{
    private readonly List<string> parts = new();
    private readonly List<string> missing = new();
    private string? prefix;
    private int quiet;

    /// <summary>
    /// Records one comparison. <paramref name="direct"/> is true when the rule's whole condition is this one test,
    /// so the sentence can say what is required ("at least 6 months required"); inside a larger condition it says
    /// instead whether the test held. <paramref name="wantTrue"/> is whether this test holding helps the rule be met.
    /// </summary>
    public void Comparison(string valuePhrase, string testPhrase, Truth result, bool direct, bool wantTrue)
    {
        if (quiet > 0) return;
        if (result == Truth.Unknown)
        {
            Add(valuePhrase);
        }
        else if (direct)
        {
            Add(valuePhrase + "; " + testPhrase + (wantTrue ? " required" : " not allowed"));
        }
        else
        {
            Add(valuePhrase + " (" + testPhrase + ": " + (result == Truth.True ? "yes" : "no") + ")");
        }
    }

    /// <summary>Records a yes/no fact used as a condition on its own ("judgment.final is true").</summary>
    public void Flag(string valuePhrase, Truth result, bool direct, bool wantTrue)
    {
        if (quiet > 0) return;
        var matches = (result == Truth.True && wantTrue) || (result == Truth.False && !wantTrue);
        Add(result == Truth.Unknown || matches || !direct ? valuePhrase : valuePhrase + "; " + (wantTrue ? "true" : "false") + " required");
    }

    /// <summary>Records the outcome of 'any'/'all': which elements decided it.</summary>
    public void Quantifier(string text, Truth result, string detail)
    {
        if (quiet > 0) return;
        var word = result == Truth.True ? "yes" : result == Truth.False ? "no" : "not known";
        Add(text + ": " + word + (detail.Length == 0 ? string.Empty : " (" + detail + ")"));
    }

    /// <summary>Records what a derived yes/no fact came to, after the tests it is made of.</summary>
    public void Derived(string name, Truth result)
    {
        if (quiet > 0) return;
        Add("so " + name + " is " + (result == Truth.True ? "true" : result == Truth.False ? "false" : "not known"));
    }

    /// <summary>Records free text, such as which version of a rule applies.</summary>
    public void Note(string text)
    {
        if (quiet > 0) return;
        Add(text);
    }

    /// <summary>The next sentences explain the named exception.</summary>
    public void BeginException(string id) => prefix = "exception " + id + ": ";

    /// <summary>Inside a quantifier's body: keep the missing facts, leave the per-element sentences out.</summary>
    public void EnterQuiet() => quiet++;

    /// <summary>Leaves the quantifier body entered with <see cref="EnterQuiet"/>.</summary>
    public void ExitQuiet() => quiet--;

    /// <summary>Whether sentences are being left out (inside a quantifier's body, or for a caller that wants only the
    /// outcome and the missing facts): a caller may then skip building them.</summary>
    public bool IsQuiet => quiet > 0;

    /// <summary>Forgets everything recorded, to watch the next rule.</summary>
    public void Reset()
    {
        parts.Clear();
        missing.Clear();
        prefix = null;
        quiet = 0;
    }

    /// <summary>Records that the fact at <paramref name="factPath"/> was needed and missing.</summary>
    public void Missing(string factPath)
    {
        if (!missing.Contains(factPath)) missing.Add(factPath);
    }

    /// <summary>The sentences collected so far, joined with "; ".</summary>
    public string Explanation => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => string.Join("; ", parts),
    };

    /// <summary>Every missing fact the requirement needed, in the order met.</summary>
    public IReadOnlyList<string> MissingFacts => missing;

    private void Add(string text)
    {
        parts.Add(prefix is null ? text : prefix + text);
        prefix = null;
    }
}
