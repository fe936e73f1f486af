using System.Collections.Generic;

namespace TreatyDsl.Parsing;

/// <summary>
/// Cuts a .treaty file into declarations so the parser can recover after an error: every declaration starts
/// with a keyword as the first word on its line, so a bad declaration costs that declaration only and the
/// next one is parsed as usual. Reads the text through <see cref="TreatyLexer"/>, so a keyword inside quoted text
/// or a comment never cuts, and quoted text ends exactly where the grammar ends it.
/// </summary>
internal static class DeclarationSplitter
{
    /// <summary>A piece of the file: [Start, End) offsets; Keyword is the first word, or null for leading junk.</summary>
    public readonly record struct Chunk(int Start, int End, string? Keyword, int? UnterminatedStringAt);

    public static List<Chunk> Split(string text)
    {
        var starts = new List<(int Offset, string? Keyword)>();
        var unterminated = new List<int>();
        var atLineStart = true;
        foreach (var token in TreatyLexer.Pieces(text))
        {
            if (token.Kind == TokenKind.LineBreak) { atLineStart = true; continue; }
            if (token.Kind is TokenKind.WhiteSpace or TokenKind.Comment) continue;
            var keyword = atLineStart && token.Kind == TokenKind.Word ? TreatyKeywords.DeclarationAt(text, token.Start) : null;
            // Whatever comes before the first declaration is a chunk of its own, reported (never dropped unread).
            if (keyword is not null || starts.Count == 0) starts.Add((token.Start, keyword));
            if (token.Kind == TokenKind.Text && !TreatyLexer.IsClosed(text, token)) unterminated.Add(token.Start);
            atLineStart = false;
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
}
