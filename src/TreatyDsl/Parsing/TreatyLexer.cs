using System.Collections.Generic;
using System.Text;

namespace TreatyDsl.Parsing;

/// <summary>What a piece of .treaty text is.</summary>
public enum TokenKind
{
    /// <summary>A name or keyword, with its dotted parts and a list element's index: <c>us-mx</c>, <c>sentence.type</c>, <c>offenses[0].category</c>.</summary>
    Word,

    /// <summary>A number or a date, with any name characters stuck to it: <c>6</c>, <c>2.5</c>, <c>2026-01-15</c>.</summary>
    Number,

    /// <summary>Quoted text, quotes included; an unterminated one ends at its line (<see cref="TreatyLexer.IsClosed"/>).</summary>
    Text,

    /// <summary>A comment: <c>//</c> to the end of the line (the line break, and a CRLF's <c>\r</c>, not included).</summary>
    Comment,

    /// <summary>Punctuation and comparison operators: <c>: , ( ) [ ] = != &lt; &lt;= &gt; &gt;=</c>.</summary>
    Punctuation,

    /// <summary>Any other character, one at a time: text the grammar does not read.</summary>
    Other,

    /// <summary>Trivia: white space within a line (a CRLF's <c>\r</c> included).</summary>
    WhiteSpace,

    /// <summary>Trivia: one line break, <c>\n</c>.</summary>
    LineBreak,
}

/// <summary>A token: its kind, where it is, and how many line breaks the trivia before it holds.</summary>
public readonly record struct SyntaxToken(TokenKind Kind, int Start, int Length, int LineBreaksBefore)
{
    public int End => Start + Length;

    /// <summary>White space or a line break: what lies between the tokens the grammar reads (comments aside).</summary>
    public bool IsWhiteSpace => Kind is TokenKind.WhiteSpace or TokenKind.LineBreak;

    public string TextIn(string text) => text.Substring(Start, Length);

    /// <summary>Whether the token is the word or punctuation <paramref name="value"/>, compared in place.</summary>
    public bool Is(string text, string value) =>
        Length == value.Length && string.CompareOrdinal(text, Start, value, 0, value.Length) == 0;
}

/// <summary>
/// The one lexical layer of .treaty text: what white space, a comment, quoted text, a word and a number are. The
/// grammar's token steps (<see cref="Tokens"/>), the declaration splitter, citation lookup, the formatter and the
/// language server all read text through it, so they cannot disagree on where a comment or a string ends.
/// </summary>
/// <remarks>
/// Lossless and total: <see cref="Scan"/> cuts any text into pieces that, joined, give the text back, each character in
/// exactly one piece; a character the grammar does not read is a piece of its own (<see cref="TokenKind.Other"/>).
/// Quoted text stays on its line: a <c>\</c> escapes the character after it, except a line break, which ends the text.
/// </remarks>
public static class TreatyLexer
{
    /// <summary>Every piece of <paramref name="text"/>, trivia included, in order.</summary>
    public static List<SyntaxToken> Scan(string text)
    {
        var pieces = new List<SyntaxToken>();
        foreach (var piece in Pieces(text)) pieces.Add(piece);
        return pieces;
    }

    /// <summary>
    /// The tokens and comments of <paramref name="text"/>, without white space; each token counts the line breaks in the
    /// white space before it (the formatter's view).
    /// </summary>
    public static List<SyntaxToken> Lex(string text)
    {
        var tokens = new List<SyntaxToken>();
        foreach (var piece in Pieces(text))
        {
            if (!piece.IsWhiteSpace) tokens.Add(piece);
        }
        return tokens;
    }

    /// <summary>Every piece of <paramref name="text"/>, trivia included, without making a list.</summary>
    public static PieceEnumerable Pieces(string text) => new(text ?? string.Empty);

    /// <summary>The pieces of a text, as a struct so a <c>foreach</c> over them allocates nothing.</summary>
    public readonly struct PieceEnumerable
    {
        private readonly string text;

        internal PieceEnumerable(string text) => this.text = text;

        public PieceEnumerator GetEnumerator() => new(text);
    }

    /// <summary>Walks the pieces of a text, one <see cref="Next"/> at a time.</summary>
    public struct PieceEnumerator
    {
        private readonly string text;
        private int position;
        private int breaks;

        internal PieceEnumerator(string text)
        {
            this.text = text;
            position = 0;
            breaks = 0;
            Current = default;
        }

        public SyntaxToken Current { get; private set; }

        public bool MoveNext()
        {
            if (position >= text.Length) return false;
            var (kind, end) = Next(text, position);
            Current = new SyntaxToken(kind, position, end - position, breaks);
            if (kind == TokenKind.LineBreak) breaks++;
            else if (kind != TokenKind.WhiteSpace) breaks = 0;
            position = end;
            return true;
        }
    }

    /// <summary>The piece that starts at <paramref name="i"/> (which must be inside the text): its kind and where it ends.</summary>
    public static (TokenKind Kind, int End) Next(string text, int i)
    {
        var c = text[i];
        if (c == '\n') return (TokenKind.LineBreak, i + 1);
        if (char.IsWhiteSpace(c))
        {
            var end = i + 1;
            while (end < text.Length && text[end] != '\n' && char.IsWhiteSpace(text[end])) end++;
            return (TokenKind.WhiteSpace, end);
        }
        if (c == '/' && At(text, i + 1) == '/') return (TokenKind.Comment, CommentEnd(text, i));
        if (c == '"') return (TokenKind.Text, QuotedTextEnd(text, i, out _));
        if (IsNameStart(c)) return (TokenKind.Word, WordEnd(text, i));
        if (c is >= '0' and <= '9')
        {
            // A number with name characters stuck to it (6months, 2026-01-15x) is one piece the grammar rejects whole.
            var end = i + 1;
            while (IsNamePart(At(text, end)) || At(text, end) == '.') end++;
            return (TokenKind.Number, end);
        }
        if ((c is '!' or '<' or '>') && At(text, i + 1) == '=') return (TokenKind.Punctuation, i + 2);
        if (c is ':' or ',' or '(' or ')' or '[' or ']' or '=' or '<' or '>') return (TokenKind.Punctuation, i + 1);
        return (TokenKind.Other, i + 1);
    }

    /// <summary>The end of the white space and comments that start at <paramref name="i"/> (<paramref name="i"/> itself if none do).</summary>
    public static int TriviaEnd(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) i++;
            else if (text[i] == '/' && At(text, i + 1) == '/') i = CommentEnd(text, i);
            else break;
        }
        return i;
    }

    /// <summary>The end of the comment at <paramref name="i"/>: its line's end, before the line break and a CRLF's <c>\r</c>.</summary>
    public static int CommentEnd(string text, int i)
    {
        var end = i;
        while (end < text.Length && text[end] != '\n') end++;
        if (text[end - 1] == '\r') end--;
        return end;
    }

    /// <summary>
    /// The end of the quoted text whose opening quote is at <paramref name="i"/>: after its closing quote, or, unclosed
    /// (<paramref name="closed"/> false), at its line's end or the text's. A <c>\</c> escapes the character after it,
    /// unless that is a line break.
    /// </summary>
    public static int QuotedTextEnd(string text, int i, out bool closed)
    {
        var end = i + 1;
        while (end < text.Length && text[end] != '"' && text[end] != '\n')
        {
            end += text[end] == '\\' && end + 1 < text.Length && text[end + 1] != '\n' ? 2 : 1;
        }
        closed = end < text.Length && text[end] == '"';
        return closed ? end + 1 : end;
    }

    /// <summary>Whether the quoted text <paramref name="token"/> has its closing quote.</summary>
    public static bool IsClosed(string text, SyntaxToken token)
    {
        QuotedTextEnd(text, token.Start, out var closed);
        return closed;
    }

    /// <summary>What quoted text says: the characters between its quotes, each <c>\</c> taken out of the escape it starts.</summary>
    public static string TextValue(string text, int start, int end)
    {
        var close = end > start + 1 && text[end - 1] == '"' ? end - 1 : end;
        var escape = text.IndexOf('\\', start + 1, close - start - 1);
        if (escape < 0) return text.Substring(start + 1, close - start - 1);
        var value = new StringBuilder(close - start);
        var run = start + 1;
        while (escape >= 0 && escape + 1 < close)
        {
            value.Append(text, run, escape - run).Append(text[escape + 1]);
            run = escape + 2;
            escape = run < close ? text.IndexOf('\\', run, close - run) : -1;
        }
        return value.Append(text, run, close - run).ToString();
    }

    /// <summary>
    /// The end of the word at <paramref name="i"/>: name characters and hyphens, dotted parts, and a list element's
    /// index written against it (<c>offenses[0].category</c>), none of which the grammar lets white space split.
    /// </summary>
    public static int WordEnd(string text, int i)
    {
        while (true)
        {
            i = DottedNameEnd(text, i);
            var next = IndexEnd(text, i);
            if (next == i) return i;
            i = next;
        }
    }

    /// <summary>The end of the dotted name at <paramref name="i"/> (<c>sentence.type</c>), up to any list element's index.</summary>
    public static int DottedNameEnd(string text, int i)
    {
        i = WordPartEnd(text, i);
        while (At(text, i) == '.' && IsNameStart(At(text, i + 1))) i = WordPartEnd(text, i + 1);
        return i;
    }

    /// <summary>The end of one part of a word at <paramref name="i"/>: <c>[A-Za-z_][A-Za-z0-9_-]*</c>, no dots (<paramref name="i"/> if none starts there).</summary>
    public static int WordPartEnd(string text, int i)
    {
        if (!IsNameStart(At(text, i))) return i;
        i++;
        while (IsNamePart(At(text, i))) i++;
        return i;
    }

    /// <summary>The end of a list element's index at <paramref name="i"/> with the dot and name start after it (<c>[0].c</c>: after the dot), or <paramref name="i"/>.</summary>
    public static int IndexEnd(string text, int i)
    {
        if (At(text, i) != '[') return i;
        var close = i + 1;
        while (At(text, close) is >= '0' and <= '9') close++;
        return close > i + 1 && At(text, close) == ']' && At(text, close + 1) == '.' && IsNameStart(At(text, close + 2)) ? close + 2 : i;
    }

    /// <summary>A character a name can start with: an ASCII letter or <c>_</c>.</summary>
    public static bool IsNameStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    /// <summary>A character a name can go on with: a name start, an ASCII digit, or <c>-</c>.</summary>
    public static bool IsNamePart(char c) => IsNameStart(c) || c is (>= '0' and <= '9') or '-';

    /// <summary>A character of a name as it is being typed: a name part or the dot of a dotted name (editors select and complete by it).</summary>
    public static bool IsTypedNameCharacter(char c) => IsNamePart(c) || c == '.';

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}
