using System;
using System.Collections.Generic;
using System.Linq;

namespace TreatyDsl.Sources;

/// <summary>
/// What one citation names: its references (the parts between <c>;</c>), each a document and one or more passages,
/// read as docs/sources.md sets out. A reference may end in a remark in parentheses (a quotation, a country, a gloss),
/// which names nothing; <c>and</c> joins passages (<c>I and IV</c>, <c>b(5) and Note</c>, <c>additional requirement
/// 2 and 3</c>, <c>additional requirement 1, and n.2</c>).
/// </summary>
public static class CitationReference
{
    /// <summary>What is wrong with a citation's reference, for a message: the reference, and the passage that is not found (or null for a document not known).</summary>
    public sealed record Problem(string Reference, string? Document, string? Passage, string? Nearest);

    /// <summary>The problems of one citation against <paramref name="catalog"/>; none when every passage it names exists.</summary>
    public static IReadOnlyList<Problem> Check(string citation, PassageCatalog catalog)
    {
        var problems = new List<Problem>();
        foreach (var reference in TopLevelSplit(citation, ";").Select(r => r.Trim()).Where(r => r.Length > 0))
        {
            if (catalog.Outside.Any(o => reference.StartsWith(o, StringComparison.OrdinalIgnoreCase))) continue;
            var document = catalog.Documents.FirstOrDefault(d => reference.StartsWith(d + " ", StringComparison.Ordinal) || reference == d);
            if (document is null)
            {
                problems.Add(new Problem(reference, null, null, null));
                continue;
            }
            var rest = reference.Substring(document.Length).Trim();
            if (rest.Length == 0) continue; // the whole document
            var missing = FirstMissing(rest, document, catalog);
            // A trailing parenthesis is a remark when the passage without it is found.
            while (missing is not null && WithoutLastRemark(rest) is { } shorter)
            {
                rest = shorter;
                missing = FirstMissing(rest, document, catalog);
            }
            if (missing is not null) problems.Add(new Problem(reference, document, missing, TreatyDsl.Text.Suggestions.Closest(missing, catalog.PassagesOf(document), int.MaxValue)));
        }
        return problems;
    }

    /// <summary>The first passage of <paramref name="text"/> the document lacks, or null when it has them all.</summary>
    private static string? FirstMissing(string text, string document, PassageCatalog catalog)
    {
        if (catalog.Has(document, text)) return null;
        var parts = TopLevelSplit(text.Replace(", and ", " and "), " and ").Select(p => p.Trim()).ToList();
        if (parts.Count == 1) return text;
        var first = parts[0];
        if (!catalog.Has(document, first)) return first;
        foreach (var part in parts.Skip(1))
        {
            // "and Note": the note of the passage before it; "2 and 3": the same passage with the other number.
            var candidates = new List<string> { part, first + " " + part };
            var lastSpace = first.LastIndexOf(' ');
            if (part.All(char.IsDigit) && lastSpace > 0 && first.Substring(lastSpace + 1).All(char.IsDigit)) candidates.Add(first.Substring(0, lastSpace + 1) + part);
            if (!candidates.Any(c => catalog.Has(document, c))) return part;
        }
        return null;
    }

    /// <summary>
    /// The text without its last parenthesised group (and the space before it), or null when it does not end in one that
    /// is a remark: an item number such as <c>(4)</c> or <c>(a)</c> and a screen number <c>(BOP screen (3))</c> are part
    /// of the passage's name, so a wrong one is never taken off to leave a passage that exists.
    /// </summary>
    private static string? WithoutLastRemark(string text)
    {
        if (!text.EndsWith(")", StringComparison.Ordinal)) return null;
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')') depth++;
            else if (text[i] == '(' && --depth == 0)
            {
                var content = text.Substring(i + 1, text.Length - i - 2);
                var names = content.All(char.IsLetterOrDigit) && (content.All(char.IsDigit) || content.Length == 1) || content.StartsWith("BOP screen", StringComparison.Ordinal);
                return !names && i > 0 && text[i - 1] == ' ' ? text.Substring(0, i).TrimEnd() : null;
            }
        }
        return null;
    }

    /// <summary>Splits at <paramref name="separator"/> where it stands outside parentheses and quotation marks.</summary>
    private static List<string> TopLevelSplit(string text, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text.Substring(start, i - start));
                start = i + separator.Length;
                i += separator.Length - 1;
            }
        }
        parts.Add(text.Substring(start));
        return parts;
    }
}
