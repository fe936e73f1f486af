using System.Collections.Generic;

namespace TreatyDsl.Parsing;

/// <summary>
/// Cuts a .treaty file into declarations so the parser can recover after an error: every declaration starts
/// with a keyword as the first word on its line, so a bad declaration costs that declaration only and the
/// next one is parsed as usual. Strings and comments are skipped so a keyword inside them never cuts.
/// </summary>
internal static class DeclarationSplitter
{
    public static readonly HashSet<string> DeclarationKeywords = new()
    {
        "vocabulary", "enum", "record", "fact", "derive",
        "instrument", "baseline", "threshold", "override", "require", "bar", "review", "exception",
        "countries", "country", "territory", "usage", "advisories", "advisory", "example",
    };

    /// <summary>A piece of the file: [Start, End) offsets; Keyword is the first word, or null for leading junk.</summary>
    public readonly record struct Chunk(int Start, int End, string? Keyword, int? UnterminatedStringAt);

    public static List<Chunk> Split(string text)
    {
        var starts = new List<(int Offset, string? Keyword)>();
        var unterminated = new List<int>();
        var i = 0;
        var atLineStart = true;
        var sawContent = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { atLineStart = true; i++; continue; }
            if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '"')
            {
                // Quoted text before any declaration is content too: its chunk is reported (never dropped unread).
                if (!sawContent && starts.Count == 0) starts.Add((i, null));
                var open = i;
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
                }
                if (i >= text.Length || text[i] == '\n') unterminated.Add(open);
                else i++;
                atLineStart = false;
                sawContent = true;
                continue;
            }
            if (atLineStart && IsWordStart(c))
            {
                var end = i;
                while (end < text.Length && IsWordPart(text[end])) end++;
                var word = text.Substring(i, end - i);
                if (DeclarationKeywords.Contains(word)) starts.Add((i, word));
                else if (!sawContent && starts.Count == 0) starts.Add((i, null));
            }
            else if (!sawContent && starts.Count == 0)
            {
                starts.Add((i, null));
            }
            sawContent = true;
            atLineStart = false;
            i++;
        }

        var chunks = new List<Chunk>(starts.Count);
        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k].Offset;
            var end = k + 1 < starts.Count ? starts[k + 1].Offset : text.Length;
            int? bad = null;
            foreach (var u in unterminated)
            {
                if (u >= start && u < end) { bad = u; break; }
            }
            chunks.Add(new Chunk(start, end, starts[k].Keyword, bad));
        }
        return chunks;
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';
}
