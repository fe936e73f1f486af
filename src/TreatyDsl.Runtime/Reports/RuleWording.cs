using System;

namespace TreatyDsl.Runtime;

/// <summary>
/// The words a rule's result carries whatever the case: the rule's id, the sentence a caseworker reads and the passage
/// it cites. A generated validator holds one per rule version (and one per exception that cites a further passage), and
/// the interpreter one per bound version, so every result of that version shares it: a result stores one reference where
/// it would store three, and a writer that encodes these words once (as <c>treaty eval</c> does) finds them by it.
/// </summary>
public sealed class RuleWording
{
    /// <param name="id">The rule's short id, such as <c>min-remaining</c>.</param>
    /// <param name="text">The sentence a caseworker reads.</param>
    /// <param name="citation">The passage the rule encodes.</param>
    public RuleWording(string id, string text, string citation)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Citation = citation ?? throw new ArgumentNullException(nameof(citation));
    }

    /// <summary>The rule's short id, such as <c>min-remaining</c>.</summary>
    public string Id { get; }

    /// <summary>The sentence a caseworker reads.</summary>
    public string Text { get; }

    /// <summary>The passage the rule encodes.</summary>
    public string Citation { get; }

    /// <summary>The same text with another citation (an exception that cites a further passage).</summary>
    public RuleWording WithCitation(string citation) => new(Id, Text, citation);

    /// <inheritdoc/>
    public override string ToString() => $"{Id}: {Text} ({Citation})";
}
