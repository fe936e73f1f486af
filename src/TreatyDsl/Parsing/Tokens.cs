using System;
using Sprache;

namespace TreatyDsl.Parsing;

/// <summary>
/// The grammar's tokens, read by scanning the text from the current position. Sprache's <c>Parse.Regex</c> copies the
/// whole rest of the input on every attempt, which made a long condition quadratic (4,000 terms took 20 s); these read
/// only the characters of the token itself. Digits are ASCII only: a number is what <c>int</c> and <c>decimal</c>
/// parse in the invariant culture, never another script's digits.
/// </summary>
internal static class Tokens
{
    /// <summary>A name: <c>[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*</c>; a hyphen belongs to it only when a name part follows.</summary>
    public static readonly Parser<string> Name = Scan(NameLength, "a name");

    /// <summary>A word with any hyphens (<c>[A-Za-z_][A-Za-z0-9_-]*</c>), so a keyword never matches the start of a longer word.</summary>
    public static readonly Parser<string> Word = Scan(WordLength, "a word");

    /// <summary>Two upper-case letters not followed by another name character, such as <c>MX</c>.</summary>
    public static readonly Parser<string> CountryCode = Scan((s, i) =>
        i + 1 < s.Length && IsUpper(s[i]) && IsUpper(s[i + 1]) && !IsNamePart(At(s, i + 2)) ? 2 : 0, "a country code such as MX");

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
        return IsNamePart(At(s, end)) ? 0 : end - i;
    }, "a number");

    /// <summary>ASCII digits only: a duration's whole amount.</summary>
    public static readonly Parser<string> WholeNumber = Scan(Digits, "a whole number");

    /// <summary>A duration's unit, singular or plural.</summary>
    public static readonly Parser<string> Unit = Scan(UnitLength, "a unit (years, months, weeks or days)");

    /// <summary>White space and <c>//</c> comments (to the end of the line), possibly none: never fails.</summary>
    public static readonly Parser<string> Trivia = input =>
    {
        var rest = input;
        while (!rest.AtEnd)
        {
            if (char.IsWhiteSpace(rest.Current))
            {
                rest = rest.Advance();
            }
            else if (rest.Current == '/' && At(rest.Source, rest.Position + 1) == '/')
            {
                while (!rest.AtEnd && rest.Current != '\n') rest = rest.Advance();
            }
            else
            {
                break;
            }
        }
        return Result.Success(string.Empty, rest);
    };

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

    /// <summary>A parser that reads the token whose length <paramref name="length"/> finds at a position (0: none there).</summary>
    private static Parser<string> Scan(Func<string, int, int> length, string expectation) => input =>
    {
        var n = input.AtEnd ? 0 : length(input.Source, input.Position);
        if (n <= 0) return Result.Failure<string>(input, $"expected {expectation}", new[] { expectation });
        var rest = input;
        for (var k = 0; k < n; k++) rest = rest.Advance();
        return Result.Success(input.Source.Substring(input.Position, n), rest);
    };

    private static int NameLength(string s, int i)
    {
        if (!IsNameStart(At(s, i))) return 0;
        var end = i + 1;
        while (true)
        {
            while (IsNameChar(At(s, end))) end++;
            if (At(s, end) == '-' && IsNameChar(At(s, end + 1))) { end++; continue; }
            return end - i;
        }
    }

    private static int WordLength(string s, int i)
    {
        if (!IsNameStart(At(s, i))) return 0;
        var end = i + 1;
        while (IsNamePart(At(s, end))) end++;
        return end - i;
    }

    private static int Digits(string s, int i)
    {
        var end = i;
        while (At(s, end) is >= '0' and <= '9') end++;
        return end - i;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    private static bool IsNameStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static bool IsNameChar(char c) => IsNameStart(c) || c is >= '0' and <= '9';

    private static bool IsNamePart(char c) => IsNameChar(c) || c == '-';
}
