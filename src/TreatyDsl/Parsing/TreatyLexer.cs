using System.Collections.Generic;

namespace TreatyDsl.Parsing;

/// <summary>What a token of .treaty text is.</summary>
public enum TokenKind
{
    /// <summary>A name or keyword, with its dotted parts and a list element's index: <c>us-mx</c>, <c>sentence.type</c>, <c>offenses[0].category</c>.</summary>
    Word,

    /// <summary>A number or a date: <c>6</c>, <c>2.5</c>, <c>2026-01-15</c>.</summary>
    Number,

    /// <summary>Quoted text, quotes included; an unterminated one ends at its line.</summary>
    Text,

    /// <summary>A comment: <c>//</c> to the end of the line (the line break not included).</summary>
    Comment,

    /// <summary>Punctuation and comparison operators: <c>: , ( ) [ ] = != &lt; &lt;= &gt; &gt;=</c>.</summary>
    Punctuation,

    /// <summary>Any other character, one at a time: text the grammar does not read.</summary>
    Other,
}

/// <summary>A token: its kind, where it is, and how many line breaks the white space before it holds.</summary>
public readonly record struct SyntaxToken(TokenKind Kind, int Start, int Length, int LineBreaksBefore)
{
    public int End => Start + Length;

    public string TextIn(string text) => text.Substring(Start, Length);

    /// <summary>Whether the token is the word or punctuation <paramref name="value"/>, compared in place.</summary>
    public bool Is(string text, string value) =>
        Length == value.Length && string.CompareOrdinal(text, Start, value, 0, value.Length) == 0;
}

/// <summary>
/// Cuts .treaty text into tokens, keeping every character of it: what lies between two tokens is white space only,
/// and the line breaks in it are counted on the token after. Never fails: a character the grammar does not read is a
/// token of its own (<see cref="TokenKind.Other"/>). The grammar reads the same words, numbers and quoted text
/// (<see cref="Tokens"/>); this is for tools that need the whole text, comments included (the formatter).
/// </summary>
public static class TreatyLexer
{
    public static List<SyntaxToken> Lex(string text)
    {
        text ??= string.Empty;
        var tokens = new List<SyntaxToken>();
        var i = 0;
        var breaks = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { breaks++; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            var kind = TokenKind.Punctuation;
            if (c == '/' && At(text, i + 1) == '/')
            {
                kind = TokenKind.Comment;
                while (i < text.Length && text[i] != '\n') i++;
                // A comment's own line break ends it, and the '\r' of a CRLF file is part of that break, not of the comment.
                if (i > start && text[i - 1] == '\r') i--;
            }
            else if (c == '"')
            {
                kind = TokenKind.Text;
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
                }
                if (i < text.Length && text[i] == '"') i++;
            }
            else if (IsNameStart(c))
            {
                kind = TokenKind.Word;
                i = WordEnd(text, i);
            }
            else if (c is >= '0' and <= '9')
            {
                kind = TokenKind.Number;
                while (At(text, i) is (>= '0' and <= '9') or '.' or '-') i++;
            }
            else if ((c is '!' or '<' or '>') && At(text, i + 1) == '=')
            {
                i += 2;
            }
            else if (c is ':' or ',' or '(' or ')' or '[' or ']' or '=' or '<' or '>')
            {
                i++;
            }
            else
            {
                kind = TokenKind.Other;
                i++;
            }
            tokens.Add(new SyntaxToken(kind, start, i - start, breaks));
            breaks = 0;
        }
        return tokens;
    }

    /// <summary>
    /// The end of the word at <paramref name="i"/>: name characters and hyphens, dotted parts, and a list element's
    /// index written against it (<c>offenses[0].category</c>), none of which the grammar lets white space split.
    /// </summary>
    private static int WordEnd(string text, int i)
    {
        while (true)
        {
            while (IsNamePart(At(text, i))) i++;
            if (At(text, i) == '.' && IsNameStart(At(text, i + 1))) { i++; continue; }
            if (At(text, i) == '[')
            {
                var close = i + 1;
                while (At(text, close) is >= '0' and <= '9') close++;
                if (close > i + 1 && At(text, close) == ']' && At(text, close + 1) == '.' && IsNameStart(At(text, close + 2)))
                {
                    i = close + 2;
                    continue;
                }
            }
            return i;
        }
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsNameStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static bool IsNamePart(char c) => IsNameStart(c) || c is (>= '0' and <= '9') or '-';
}
