using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using TreatyDsl.Parsing;
using Xunit;

namespace TreatyDsl.Tests.Parsing;

/// <summary>The one lexical layer: lossless on any text, and what each piece of .treaty text is.</summary>
public class TreatyLexerTests
{
    private static bool RoundTrips(string text)
    {
        var pieces = TreatyLexer.Scan(text);
        var at = 0;
        foreach (var piece in pieces)
        {
            if (piece.Start != at || piece.Length <= 0) return false;
            at = piece.End;
        }
        return at == text.Length && string.Concat(pieces.Select(p => p.TextIn(text))) == text;
    }

    [Fact]
    public void Scanning_any_text_and_joining_the_pieces_gives_the_text_back_each_character_in_exactly_one_piece()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? string.Empty).ToArbitrary(), RoundTrips)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Scanning_text_dense_in_quotes_backslashes_slashes_and_line_breaks_round_trips()
    {
        var alphabet = Gen.Elements('"', '\\', '/', '\n', '\r', ' ', 'a', '1', '.', '[', ']', '-', '=', '<', '!', '\t', '\u00a0');
        Prop.ForAll(alphabet.ArrayOf().Select(cs => new string(cs)).ToArbitrary(), RoundTrips).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_line_is_cut_into_words_numbers_text_punctuation_comments_and_trivia()
    {
        const string text = "require x: offenses[0].category != \"a \\\" b\" and 6 >= 2026-01-15 // why\r\n";

        var pieces = TreatyLexer.Scan(text).Select(p => (p.Kind, p.TextIn(text))).ToArray();

        Assert.Equal(new (TokenKind, string)[]
        {
            (TokenKind.Word, "require"), (TokenKind.WhiteSpace, " "), (TokenKind.Word, "x"), (TokenKind.Punctuation, ":"), (TokenKind.WhiteSpace, " "),
            (TokenKind.Word, "offenses[0].category"), (TokenKind.WhiteSpace, " "), (TokenKind.Punctuation, "!="), (TokenKind.WhiteSpace, " "),
            (TokenKind.Text, "\"a \\\" b\""), (TokenKind.WhiteSpace, " "), (TokenKind.Word, "and"), (TokenKind.WhiteSpace, " "), (TokenKind.Number, "6"),
            (TokenKind.WhiteSpace, " "), (TokenKind.Punctuation, ">="), (TokenKind.WhiteSpace, " "), (TokenKind.Number, "2026-01-15"), (TokenKind.WhiteSpace, " "),
            (TokenKind.Comment, "// why"), (TokenKind.WhiteSpace, "\r"), (TokenKind.LineBreak, "\n"),
        }, pieces);
    }

    [Fact]
    public void Lex_keeps_comments_and_counts_the_line_breaks_before_each_token()
    {
        const string text = "a\n\n// c\nb";

        var tokens = TreatyLexer.Lex(text).Select(t => (t.Kind, t.TextIn(text), t.LineBreaksBefore)).ToArray();

        Assert.Equal(new[] { (TokenKind.Word, "a", 0), (TokenKind.Comment, "// c", 2), (TokenKind.Word, "b", 1) }, tokens);
    }

    [Theory]
    [InlineData("\"abc\"", 5, true, "abc")]
    [InlineData("\"a\\\"b\"", 6, true, "a\"b")]
    [InlineData("\"a\\\\\"", 5, true, "a\\")]
    [InlineData("\"abc\nx\"", 4, false, null)]
    [InlineData("\"abc\\\nx\"", 5, false, null)]
    [InlineData("\"abc\\", 5, false, null)]
    public void Quoted_text_ends_at_its_closing_quote_or_its_line_and_says_its_unescaped_value(string text, int end, bool closed, string? value)
    {
        Assert.Equal(end, TreatyLexer.QuotedTextEnd(text, 0, out var wasClosed));
        Assert.Equal(closed, wasClosed);
        if (closed) Assert.Equal(value, TreatyLexer.TextValue(text, 0, end));
    }
}
