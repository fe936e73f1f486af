using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Parsing;
using Xunit;

namespace TreatyDsl.Tests.Parsing;

/// <summary>
/// The callers of the three scanners the lexer replaced read every shipped file, and text made of the language's
/// pieces, exactly as before: the declaration splitter cuts at the same places, the grammar skips the same trivia and
/// reads the same quoted text, the language server finds the same words. One difference is intended, and pinned on
/// its own: a <c>\</c> before a line break no longer carries quoted text onto the next line in the grammar, nor skips
/// the line break in the language server (the splitter already stopped there).
/// </summary>
public class ScannerAgreementTests
{
    private static readonly string[] ShippedTexts =
        Directory.GetFiles(Paths.Treaties, "*.treaty").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    public static TheoryData<string> ShippedFiles() => new(Directory.GetFiles(Paths.Treaties, "*.treaty").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!);

    // Pieces an editor's text is made of, mid-edit ones included ("sentence.", "x-", an unterminated string). No piece
    // ends in a backslash, so no backslash ever stands before a line break: that one case is meant to differ.
    private static readonly string[] Pieces =
    {
        "require", "record", "fact", "vocabulary", "country", "example", "x", "us-mx", "state-security", "a_b", "MX",
        "sentence.type", "offenses[0].category", "offenses[12].x", "kind", "sentence.kind", "record.x", "x-", "sentence.",
        "6", "2.5", "2026-01-15", "12months", "6 months",
        "\"text\"", "\"a \\\" b\"", "\"unterminated", "\"with // slash\"", "\"record inside\"", "\"\\\\\"", "\"\"",
        "// note", "// record x", "//", "cite", "when", "and",
        ":", ",", "(", ")", "[", "]", "=", "!=", "<", "<=", ">", ">=", "é", "#", "@", ".",
    };

    private static readonly string[] Separators = { " ", "  ", "\t", "\n", "\r\n", "\n\n", "\n  " };

    private static readonly Gen<string> Texts =
        from count in Gen.Choose(0, 40)
        from pieces in Gen.Elements(Pieces).ArrayOf(count)
        from separators in Gen.Elements(Separators).ArrayOf(count)
        select string.Concat(pieces.Zip(separators, (p, s) => p + s));

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_shipped_file_is_split_trivia_skipped_quoted_text_read_and_words_found_as_before(string file)
    {
        var text = File.ReadAllText(Path.Combine(Paths.Treaties, file));

        AssertAgree(text);
        Assert.NotEmpty(Words.All(text));
    }

    [Fact]
    public void Text_made_of_the_languages_pieces_is_read_as_before()
    {
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            AssertAgree(text);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Citations_in_the_shipped_files_are_the_quoted_text_after_cite_as_the_grammar_reads_it()
    {
        foreach (var text in ShippedTexts)
        {
            var citations = Tokens.Citations(text).ToList();
            Assert.NotEmpty(citations);
            foreach (var (value, offset, length) in citations)
            {
                var legacy = LegacyScanners.QuotedText(text, offset);
                Assert.Equal((true, offset + length, value), (legacy.Closed, legacy.End, legacy.Value));
                Assert.Equal("cite", PreviousWords(text, offset).First(w => w == "cite"));
            }
        }
    }

    [Theory]
    [InlineData("require a: x = \"ends \\\nrequire b: y = true\n")]
    [InlineData("require a: x = \"ends \\\r\nrequire b: y = true\r\n")]
    public void A_backslash_before_a_line_break_ends_quoted_text_at_its_line_for_every_reader(string text)
    {
        var quote = text.IndexOf('"');
        var lineEnd = text.IndexOf('\n');
        var second = text.IndexOf("require b", StringComparison.Ordinal);

        Assert.Equal((false, lineEnd), (TreatyLexer.QuotedTextEnd(text, quote, out var closed) is var end ? closed : true, end));
        Assert.Equal(new[] { 0, second }, DeclarationSplitter.Split(text).Select(c => c.Start));
        Assert.Equal(quote, DeclarationSplitter.Split(text)[0].UnterminatedStringAt);
        Assert.Contains(Words.All(text), w => w.Text == "b" && w.Offset == second + "require ".Length);
        Assert.Contains(TreatyParser.Parse("t.treaty", text).Diagnostics, d => d.Span.Line == 1);
    }

    private static void AssertAgree(string text)
    {
        Assert.Equal(LegacyScanners.Split(text), DeclarationSplitter.Split(text).Select(c => (c.Start, c.End, c.Keyword, c.UnterminatedStringAt)));
        Assert.Equal(LegacyScanners.Words(text), Words.All(text).Select(w => (w.Text, w.Offset)));
        for (var i = 0; i <= text.Length; i++)
        {
            Assert.Equal(LegacyScanners.TriviaEnd(text, i), TreatyLexer.TriviaEnd(text, i));
            if (i < text.Length && text[i] == '"')
            {
                var legacy = LegacyScanners.QuotedText(text, i);
                var end = TreatyLexer.QuotedTextEnd(text, i, out var closed);
                Assert.Equal(legacy, (closed, end, closed ? TreatyLexer.TextValue(text, i, end) : null));
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<string> PreviousWords(string text, int offset) =>
        TreatyLexer.Lex(text.Substring(0, offset)).Where(t => t.Kind == TokenKind.Word).Reverse().Take(2).Select(t => t.TextIn(text));
}
