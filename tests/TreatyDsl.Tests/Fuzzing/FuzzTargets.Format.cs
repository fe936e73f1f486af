using System;
using System.Linq;
using TreatyDsl.Formatting;
using TreatyDsl.Parsing;
using TreatyDsl.Tests.Formatting;

namespace TreatyDsl.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    // ---------- format: files written from the grammar, white space shuffled and comments added, formatted ----------

    /// <summary>A file from <see cref="TreatyGrammarGenerator"/> with its white space shuffled and comments added anywhere.</summary>
    public static string ShuffledGrammarTreaty(Random random) =>
        WhitespaceShuffle.Shuffle(TreatyGrammarGenerator.Generate(random), random, addComments: true);

    /// <summary>
    /// The file formats; the formatted text has the same tokens and, beside the shipped vocabulary and baseline, the
    /// same bound model; formatting it again changes nothing; and the same file spaced any other way formats the same.
    /// </summary>
    public static void Format(string text)
    {
        var result = TreatyFormatter.Format("test.treaty", text);
        Expect(result.IsFormatted, "the file was not formatted: " + string.Join("; ", result.Errors) + result.Failure);
        var formatted = result.Text!;

        var before = TreatyLexer.Lex(text).Select(t => t.TextIn(text).TrimEnd()).ToList();
        var after = TreatyLexer.Lex(formatted).Select(t => t.TextIn(formatted)).ToList();
        Expect(before.SequenceEqual(after), "the formatted text has other tokens");

        var again = TreatyFormatter.Format("test.treaty", formatted).Text;
        Expect(again == formatted, "formatting the formatted text changed it:\n" + formatted + "\n---\n" + again);

        var model = TreatyLoader.Load(new[] { ("case-file.treaty", VocabularyText), ("baseline.treaty", BaselineText), ("test.treaty", text) }, analyse: false);
        var formattedModel = TreatyLoader.Load(new[] { ("case-file.treaty", VocabularyText), ("baseline.treaty", BaselineText), ("test.treaty", formatted) }, analyse: false);
        var difference = SpanFreeComparison.Difference(model, formattedModel);
        Expect(difference is null, "the bound model changed: " + difference);

        var respaced = WhitespaceShuffle.Shuffle(text, new Random(text.Length));
        var canonical = TreatyFormatter.Format("test.treaty", respaced).Text;
        Expect(canonical == formatted, "the same file spaced another way formats differently:\n" + formatted + "\n---\n" + canonical);
    }
}
