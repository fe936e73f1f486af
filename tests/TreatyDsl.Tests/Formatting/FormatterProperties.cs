using System;
using System.IO;
using System.Linq;
using TreatyDsl.Formatting;
using TreatyDsl.Tests.Fuzzing;
using Xunit;

namespace TreatyDsl.Tests.Formatting;

/// <summary>
/// What formatting promises for every file: it changes white space only (the same tokens, the same bound model: rules,
/// conditions, citations), formatting twice changes nothing more, and the layout depends on the tokens alone, not on
/// the white space they were written with. Checked over every shipped file and over files written from the grammar
/// (<see cref="TreatyGrammarGenerator"/>) with their white space shuffled and comments added: that one is a fuzz
/// target (<see cref="FuzzTargets.Format"/>), run by <see cref="FuzzTests"/>.
/// </summary>
public class FormatterProperties
{
    private static readonly (string Path, string Text)[] Shipped =
        Directory.GetFiles(Paths.Treaties, "*.treaty").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();

    [Fact]
    public void Every_shipped_treaty_file_is_already_formatted()
    {
        var unformatted = Shipped.Where(f => TreatyFormatter.Format(f.Path, f.Text).Text != f.Text).Select(f => f.Path).ToList();
        Assert.True(unformatted.Count == 0, "run 'treaty format treaties': " + string.Join(", ", unformatted));
    }

    [Fact]
    public void Shuffling_the_white_space_of_a_shipped_file_and_formatting_it_gives_back_the_shipped_file()
    {
        var random = new Random(31);
        foreach (var (path, text) in Shipped)
        {
            for (var round = 0; round < 3; round++)
            {
                var shuffled = WhitespaceShuffle.Shuffle(text, random);
                var formatted = TreatyFormatter.Format(path, shuffled);
                Assert.True(formatted.IsFormatted, $"{path}, round {round}: {string.Join("; ", formatted.Errors)} {formatted.Failure}");
                AssertSameLines(text, formatted.Text!, path);
            }
        }
    }

    [Fact]
    public void Formatting_the_shipped_files_with_comments_added_anywhere_keeps_the_bound_model_and_formatting_again_changes_nothing()
    {
        var random = new Random(7);
        var original = TreatyLoader.Load(Shipped, analyse: false);
        for (var round = 0; round < 3; round++)
        {
            var shuffled = Shipped.Select(f => (f.Path, WhitespaceShuffle.Shuffle(f.Text, random, addComments: true))).ToArray();
            var formatted = shuffled.Select(f => (f.Path, FormatOrFail(f.Path, f.Item2))).ToArray();
            foreach (var (path, text) in formatted) Assert.Equal(text, FormatOrFail(path, text));
            Assert.Null(SpanFreeComparison.Difference(original, TreatyLoader.Load(shuffled, analyse: false)));
            Assert.Null(SpanFreeComparison.Difference(original, TreatyLoader.Load(formatted, analyse: false)));
        }
    }

    [Fact]
    public void The_edits_for_a_file_turn_it_into_the_formatted_text_and_a_range_touches_only_the_declarations_in_it()
    {
        var text = "enum A:   x\n\nrequire r: \"t\" when a   unless b\nrequire s: \"t\" when c\n";
        var result = TreatyFormatter.Format("t.treaty", text);
        var all = FormattingEdits.For(text, result);
        Assert.Equal(result.Text, Apply(text, all));

        var second = text.IndexOf("require s", StringComparison.Ordinal);
        var ranged = FormattingEdits.For(text, result, second, second + 5);
        var edit = Assert.Single(ranged);
        Assert.Equal("enum A:   x\n\nrequire r: \"t\" when a   unless b\nrequire s: \"t\"\n  when c\n", Apply(text, ranged));
        Assert.Equal(second, edit.Start);
    }

    private static string Apply(string text, System.Collections.Generic.List<FormattingEdit> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Start)) text = text.Substring(0, edit.Start) + edit.NewText + text.Substring(edit.End);
        return text;
    }

    private static string FormatOrFail(string path, string text)
    {
        var result = TreatyFormatter.Format(path, text);
        Assert.True(result.IsFormatted, $"{path}: {string.Join("; ", result.Errors)} {result.Failure}\n{text}");
        return result.Text!;
    }

    /// <summary>Equal texts, or the first line that differs (a whole file in an assertion message says nothing).</summary>
    private static void AssertSameLines(string expected, string actual, string path)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        for (var i = 0; i < Math.Min(want.Length, got.Length); i++) Assert.True(want[i] == got[i], $"{path} line {i + 1}:\n  expected: {want[i]}\n  actual:   {got[i]}");
        Assert.Equal(want.Length, got.Length);
    }
}
