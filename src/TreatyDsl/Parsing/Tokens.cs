using System;
using System.Collections.Generic;
using Sprache;

namespace TreatyDsl.Parsing;

/// <summary>
/// The grammar's tokens, read by scanning the text from the current position. Sprache's <c>Parse.Regex</c> copies the
/// whole rest of the input on every attempt, which made a long condition quadratic (4,000 terms took 20 s); these read
/// only the characters of the token itself. Digits are ASCII only: a number is what <c>int</c> and <c>decimal</c>
/// parse in the invariant culture, never another script's digits. What trivia, quoted text and a word are comes from
/// <see cref="TreatyLexer"/>, the one lexical layer; these are the grammar's finer shapes of its pieces (a name whose
/// hyphens each have a name part after them, a date, a duration's unit) and Sprache steps that read them.
/// </summary>
internal static class Tokens
{
    /// <summary>A name: <c>[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*</c>; a hyphen belongs to it only when a name part follows.</summary>
    public static readonly Parser<string> Name = Scan(NameLength, "a name");

    /// <summary>A word with any hyphens (<c>[A-Za-z_][A-Za-z0-9_-]*</c>), so a keyword never matches the start of a longer word.</summary>
    public static readonly Parser<string> Word = Scan(WordLength, "a word");

    /// <summary>Two upper-case letters not followed by another name character, such as <c>MX</c>.</summary>
    public static readonly Parser<string> CountryCode = Scan((s, i) =>
        i + 1 < s.Length && IsUpper(s[i]) && IsUpper(s[i + 1]) && !TreatyLexer.IsNamePart(At(s, i + 2)) ? 2 : 0, "a country code such as MX");

    /// <summary><c>YYYY-MM-DD</c> not followed by another digit; whether it is a calendar date is the caller's question.</summary>
    public static readonly Parser<string> DateShape = Scan(DateLength, "a date (YYYY-MM-DD)");

    private static int DateLength(string s, int i) =>
        Digits(s, i) == 4 && At(s, i + 4) == '-' && Digits(s, i + 5) == 2 && At(s, i + 7) == '-' && Digits(s, i + 8) == 2 ? 10 : 0;

    /// <summary>ASCII digits with an optional fraction (<c>6</c>, <c>2.5</c>), not followed by a name character.</summary>
    public static readonly Parser<string> Number = Scan((s, i) =>
    {
        var whole = Digits(s, i);
        if (whole == 0) return 0;
        var end = i + whole;
        if (At(s, end) == '.' && Digits(s, end + 1) > 0) end += 1 + Digits(s, end + 1);
        return TreatyLexer.IsNamePart(At(s, end)) ? 0 : end - i;
    }, "a number");

    /// <summary>ASCII digits only: a duration's whole amount.</summary>
    public static readonly Parser<string> WholeNumber = Scan(Digits, "a whole number");

    /// <summary>A duration's unit, singular or plural.</summary>
    public static readonly Parser<string> Unit = Scan(UnitLength, "a unit (years, months, weeks or days)");

    /// <summary>
    /// The input after any white space and <c>//</c> comments (to the end of the line) at its start, possibly none. Skipped
    /// by scanning, with no result made: as Sprache combinators (<c>Many</c> of an <c>Or</c>) every token paid for two
    /// failed tries, each formatting an error message, even where there was nothing to skip.
    /// </summary>
    public static IInput SkipTrivia(IInput input)
    {
        // Measured on the text, then stepped over at once: comments are long, and a step per character costs.
        var end = TreatyLexer.TriviaEnd(input.Source, input.Position);
        return end == input.Position ? input : TextInput.Skip(input, end - input.Position);
    }

    /// <summary>
    /// Quoted text on one line (<see cref="TreatyLexer.QuotedTextEnd"/>), <c>\</c> escaping the character after it; the
    /// value is the text between the quotes with the escapes taken out. Read in one pass: a citation is long, and a parser step per character was most of the
    /// parse's cost.
    /// </summary>
    public static readonly Parser<string> QuotedText = input =>
    {
        var source = input.Source;
        var start = input.Position;
        if (start >= source.Length || source[start] != '"') return Result.Failure<string>(input, "expected '\"'", new[] { "'\"'" });
        var end = TreatyLexer.QuotedTextEnd(source, start, out var closed);
        if (!closed) return Result.Failure<string>(TextInput.Skip(input, end - start), "expected '\"'", new[] { "'\"'" });
        return Result.Success(TreatyLexer.TextValue(source, start, end), TextInput.Skip(input, end - start));
    };

    /// <summary>
    /// Every citation in a file, found with the tokens the grammar reads (so never in a comment or inside other quoted
    /// text): the text of each quoted string right after the word <c>cite</c>, or after <c>cite</c> and a rule id as
    /// <c>override cite RULE "..."</c> writes it, with the offset and length of the string as written (its quotes included).
    /// </summary>
    public static IEnumerable<(string Text, int Offset, int Length)> Citations(string text)
    {
        string? last = null;
        string? beforeLast = null;
        foreach (var token in TreatyLexer.Pieces(text))
        {
            if (token.IsWhiteSpace || token.Kind == TokenKind.Comment) continue;
            if (token.Kind == TokenKind.Text && TreatyLexer.IsClosed(text, token) && (last == "cite" || (beforeLast == "cite" && last is not null)))
            {
                yield return (TreatyLexer.TextValue(text, token.Start, token.End), token.Start, token.Length);
            }
            (beforeLast, last) = (last, token.Kind == TokenKind.Word ? token.TextIn(text) : null);
        }
    }

    /// <summary>Whether a date's shape (<c>YYYY-MM-DD</c>) starts here.</summary>
    public static bool LooksLikeDate(string s, int i) => DateLength(s, i) > 0;

    /// <summary>Whether a duration starts here: a whole number, white space, a unit.</summary>
    public static bool LooksLikeDuration(string s, int i)
    {
        var end = i + Digits(s, i);
        if (end == i || !char.IsWhiteSpace(At(s, end))) return false;
        while (char.IsWhiteSpace(At(s, end))) end++;
        return UnitLength(s, end) > 0;
    }

    /// <summary>The length of the duration unit at <paramref name="i"/> (a whole word, singular or plural), or 0.</summary>
    private static int UnitLength(string s, int i)
    {
        var length = WordLength(s, i);
        return length > 0 && Array.IndexOf(Units, s.Substring(i, length)) >= 0 ? length : 0;
    }

    private static readonly string[] Units = { "years", "year", "months", "month", "weeks", "week", "days", "day" };

    /// <summary>
    /// The keyword as a whole word (<c>for</c>, not the start of <c>former</c>), compared in place: a declaration tries
    /// many keywords at one place, and a failed try allocates nothing.
    /// </summary>
    public static Parser<string> Keyword(string keyword)
    {
        var message = $"expected '{keyword}'";
        var expected = new[] { $"'{keyword}'" };
        return input =>
        {
            var source = input.Source;
            var at = input.Position;
            return !input.AtEnd && WordLength(source, at) == keyword.Length && string.CompareOrdinal(source, at, keyword, 0, keyword.Length) == 0
                ? Result.Success(keyword, TextInput.Skip(input, keyword.Length))
                : Result.Failure<string>(input, message, expected);
        };
    }

    /// <summary>A parser that reads the token whose length <paramref name="length"/> finds at a position (0: none there).</summary>
    private static Parser<string> Scan(Func<string, int, int> length, string expectation)
    {
        var message = $"expected {expectation}";
        var expected = new[] { expectation };
        return input => ScanToken(input, length, message, expected);
    }

    private static IResult<string> ScanToken(IInput input, Func<string, int, int> length, string message, string[] expected)
    {
        var n = input.AtEnd ? 0 : length(input.Source, input.Position);
        if (n <= 0) return Result.Failure<string>(input, message, expected);
        return Result.Success(input.Source.Substring(input.Position, n), TextInput.Skip(input, n));
    }

    private static int NameLength(string s, int i)
    {
        if (!TreatyLexer.IsNameStart(At(s, i))) return 0;
        var end = i + 1;
        while (true)
        {
            while (IsNameChar(At(s, end))) end++;
            if (At(s, end) == '-' && IsNameChar(At(s, end + 1))) { end++; continue; }
            return end - i;
        }
    }

    private static int WordLength(string s, int i) => TreatyLexer.WordPartEnd(s, i) - i;

    private static int Digits(string s, int i)
    {
        var end = i;
        while (At(s, end) is >= '0' and <= '9') end++;
        return end - i;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    // A name part without the hyphen: a name's hyphen must have one of these after it.
    private static bool IsNameChar(char c) => c != '-' && TreatyLexer.IsNamePart(c);
}
