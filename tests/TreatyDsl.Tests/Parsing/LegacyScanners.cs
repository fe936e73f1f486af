using System.Collections.Generic;

namespace TreatyDsl.Tests.Parsing;

/// <summary>
/// Frozen copies of the three scanners <see cref="TreatyDsl.Parsing.TreatyLexer"/> replaced (as of a8b8485): the
/// declaration splitter's, the grammar's trivia and quoted text, and the language server's words. Kept only as the
/// oracle the new callers are checked against (<see cref="ScannerAgreementTests"/>); nothing in src/ may use them.
/// </summary>
internal static class LegacyScanners
{
    private static readonly HashSet<string> DeclarationKeywords = new()
    {
        "vocabulary", "enum", "record", "fact", "derive",
        "instrument", "baseline", "threshold", "override", "require", "bar", "review", "exception",
        "countries", "country", "territory", "usage", "advisories", "advisory", "example",
    };

    /// <summary>The old DeclarationSplitter.Split: (start, end, keyword, unterminated string at).</summary>
    public static List<(int Start, int End, string? Keyword, int? UnterminatedStringAt)> Split(string text)
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
            if (atLineStart && (char.IsLetter(c) || c == '_'))
            {
                var end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_' || text[end] == '-')) end++;
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

        var chunks = new List<(int, int, string?, int?)>(starts.Count);
        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k].Offset;
            var end = k + 1 < starts.Count ? starts[k + 1].Offset : text.Length;
            int? bad = null;
            foreach (var u in unterminated)
            {
                if (u >= start && u < end) { bad = u; break; }
            }
            chunks.Add((start, end, starts[k].Keyword, bad));
        }
        return chunks;
    }

    /// <summary>The old grammar's trivia skip (Tokens.SkipTrivia): where the white space and comments at <paramref name="i"/> end.</summary>
    public static int TriviaEnd(string source, int end)
    {
        while (end < source.Length)
        {
            if (char.IsWhiteSpace(source[end])) end++;
            else if (source[end] == '/' && end + 1 < source.Length && source[end + 1] == '/') { while (end < source.Length && source[end] != '\n') end++; }
            else break;
        }
        return end;
    }

    /// <summary>The old grammar's quoted text (Tokens.QuotedText) at a quote: whether it closed, where it stopped, and its value.</summary>
    public static (bool Closed, int End, string? Value) QuotedText(string source, int start)
    {
        System.Text.StringBuilder? unescaped = null;
        var run = start + 1;
        var end = run;
        while (end < source.Length && source[end] != '"' && source[end] != '\n')
        {
            if (source[end] == '\\' && end + 1 < source.Length)
            {
                unescaped ??= new System.Text.StringBuilder();
                unescaped.Append(source, run, end - run).Append(source[end + 1]);
                end += 2;
                run = end;
            }
            else
            {
                end++;
            }
        }
        if (end >= source.Length || source[end] != '"') return (false, end, null);
        var value = unescaped is null ? source.Substring(start + 1, end - start - 1) : unescaped.Append(source, run, end - run).ToString();
        return (true, end + 1, value);
    }

    /// <summary>The old language server's Words.All: each name outside comments and strings, with its offset.</summary>
    public static IEnumerable<(string Text, int Offset)> Words(string text)
    {
        static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                yield return (text.Substring(start, i - start).TrimEnd('.', '-'), start);
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && IsWordChar(text[i])) i++;
            }
            else
            {
                i++;
            }
        }
    }
}
