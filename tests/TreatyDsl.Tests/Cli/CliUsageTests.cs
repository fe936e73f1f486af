using System.IO;
using System.Linq;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary>The treaty command behaves like a well-made command: usage errors exit 2 with a hint, folders and standard input work, help shows examples.</summary>
public class CliUsageTests
{
    private static (int Exit, string Output, string Errors) Run(string[] args, string? input = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Invoke(args, output, errors, input is null ? null : new StringReader(input));
        return (exit, output.ToString(), errors.ToString());
    }

    private static string Sample(string name) => Path.Combine(Paths.Samples, name);

    [Fact]
    public void A_mistyped_option_is_a_usage_error_with_a_suggestion_and_nothing_is_evaluated()
    {
        var (exit, output, errors) = Run(new[] { "eval", Sample("mx-eligible.json"), "--jsn" });

        Assert.Equal(Program.UsageError, exit);
        Assert.Empty(output);
        Assert.Equal("treaty: Unknown option '--jsn'; did you mean '--json'?\nRun 'treaty eval --help' for usage and examples.\n", errors.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_mistyped_command_is_a_usage_error_that_names_the_commands_and_the_nearest()
    {
        var (exit, output, errors) = Run(new[] { "evl", Sample("mx-eligible.json") });

        Assert.Equal(Program.UsageError, exit);
        Assert.Empty(output);
        Assert.Equal("treaty: 'evl' is not a command (eval, check, test, format, diff, matrix, schema, lsp); did you mean 'eval'?\nRun 'treaty --help' for usage and examples.\n", errors.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Eval_with_treaties_lists_errors_and_warnings_and_counts_the_information_findings_in_one_line()
    {
        var (exit, _, errors) = Run(new[] { "eval", Sample("mx-eligible.json"), "--treaties", Paths.Treaties });

        Assert.Equal(0, exit);
        var lines = errors.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        Assert.DoesNotContain(lines, l => l.Contains(": info TDSL", System.StringComparison.Ordinal));
        Assert.Matches(@"^.*treaties: \d+ information findings in the treaty files \(treaty check .*treaties lists them\)$", Assert.Single(lines));
    }

    [Fact]
    public void A_folder_evaluates_every_case_file_in_it_in_name_order()
    {
        var (exit, output, _) = Run(new[] { "eval", Paths.Samples, "--json" });

        var expected = Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, System.StringComparer.Ordinal).Count();
        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_dash_reads_one_case_from_standard_input_and_a_refused_one_is_named_as_such()
    {
        var (exit, output, _) = Run(new[] { "eval", "-", "--json" }, File.ReadAllText(Sample("mx-eligible.json")));
        var (badExit, _, badErrors) = Run(new[] { "eval", "-" }, "{ \"id\": 1 }");

        Assert.Equal(0, exit);
        Assert.StartsWith("{\"case\":\"A-2026-0001\",\"verdict\":\"eligible\"", output);
        Assert.Equal(EvalCommand.InputRefused, badExit);
        Assert.Contains("(standard input): refused", badErrors);
    }

    [Fact]
    public void Jsonl_writes_the_json_line_of_each_case_and_refuses_a_bad_line_by_its_number_while_the_rest_run()
    {
        var first = File.ReadAllText(Sample("mx-eligible.json")).ReplaceLineEndings(" ");
        var second = File.ReadAllText(Sample("de-eligible-coe.json")).ReplaceLineEndings(" ");
        var lines = string.Join("\n", first, "{\"id\": 5", "", second) + "\n";

        var (exit, output, errors) = Run(new[] { "eval", "--jsonl", "-" }, lines);
        var (_, expected, _) = Run(new[] { "eval", "--json", Sample("mx-eligible.json"), Sample("de-eligible-coe.json") });

        Assert.Equal(EvalCommand.InputRefused, exit);
        Assert.Equal(expected, output);
        Assert.Contains("(standard input):2: ", errors, System.StringComparison.Ordinal);
        Assert.Contains("(standard input):2: refused; the other lines are still evaluated.", errors, System.StringComparison.Ordinal);
        Assert.DoesNotContain(":3:", errors, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_from_a_file_reads_crlf_lines_a_byte_order_mark_and_blank_lines_and_refuses_a_line_that_is_not_utf8_by_its_number()
    {
        // A file is read as bytes, each line handed to the case reader as it is; the lines must still end, number
        // and read as text lines do, and a line that is not UTF-8 is refused (as a case file would be), the rest run.
        var first = File.ReadAllText(Sample("mx-eligible.json")).ReplaceLineEndings(" ");
        var second = File.ReadAllText(Sample("de-eligible-coe.json")).ReplaceLineEndings(" ");
        var bytes = new MemoryStream();
        void Text(string text) => bytes.Write(System.Text.Encoding.UTF8.GetBytes(text));
        bytes.Write(new byte[] { 0xEF, 0xBB, 0xBF });
        Text(first + "\r\n \t \r\n");
        Text("{\"id\": \"bad ");
        bytes.Write(new byte[] { 0xC3, 0x28 });
        Text("\"}\r\n\u00A0\n" + second);
        var file = Path.Combine(Path.GetTempPath(), $"treaty-jsonl-{System.Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(file, bytes.ToArray());
        try
        {
            var (exit, output, errors) = Run(new[] { "eval", "--jsonl", file });
            var (_, expected, _) = Run(new[] { "eval", "--json", Sample("mx-eligible.json"), Sample("de-eligible-coe.json") });

            Assert.Equal(EvalCommand.InputRefused, exit);
            Assert.Equal(expected, output);
            Assert.Equal(
                $"{file}:3: $: not UTF-8: 0xC3 at byte offset 12 is not valid UTF-8; save the file as UTF-8\n{file}:3: refused; the other lines are still evaluated.\n",
                errors.Replace("\r\n", "\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Jsonl_refuses_a_line_over_the_limit_with_its_number_and_evaluates_the_lines_after_it(bool utf16)
    {
        var first = File.ReadAllText(Sample("mx-eligible.json")).ReplaceLineEndings(" ");
        var second = File.ReadAllText(Sample("de-eligible-coe.json")).ReplaceLineEndings(" ");
        var limit = System.Math.Max(first.Length, second.Length) + 10;
        var file = Path.Combine(Path.GetTempPath(), $"treaty-jsonl-{System.Guid.NewGuid():N}.jsonl");
        var text = first + "\n" + new string(' ', limit + 1) + "{}\n" + second + "\n";
        if (utf16) File.WriteAllText(file, text, new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        else File.WriteAllText(file, text);
        try
        {
            var (exit, output, errors) = Run(new[] { "eval", "--jsonl", file, "--max-line-bytes", limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var (_, expected, _) = Run(new[] { "eval", "--json", Sample("mx-eligible.json"), Sample("de-eligible-coe.json") });

            Assert.Equal(EvalCommand.InputRefused, exit);
            Assert.Equal(expected, output);
            var unit = utf16 ? "characters" : "bytes";
            Assert.Equal(
                $"{file}:2: the line is longer than {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {unit} (--max-line-bytes), so it is not read as a case\n{file}:2: refused; the other lines are still evaluated.\n",
                errors.Replace("\r\n", "\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_case_file_over_the_limit_is_refused_by_name_and_the_files_after_it_are_evaluated()
    {
        var first = Sample("mx-eligible.json");
        var second = Sample("de-eligible-coe.json");
        var limit = (int)System.Math.Max(new FileInfo(first).Length, new FileInfo(second).Length);
        var big = Path.Combine(Path.GetTempPath(), $"treaty-big-{System.Guid.NewGuid():N}.json");
        File.WriteAllText(big, "{" + new string(' ', limit) + "}");
        try
        {
            var (exit, output, errors) = Run(new[] { "eval", "--json", first, big, second, "--max-case-bytes", limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var (_, expected, _) = Run(new[] { "eval", "--json", first, second });

            Assert.Equal(EvalCommand.InputRefused, exit);
            Assert.Equal(expected, output);
            Assert.Equal(
                $"{big}: is larger than {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes (--max-case-bytes), so it is not read as a case\n{big}: refused; the other cases are still evaluated.\n",
                errors.Replace("\r\n", "\n"));
        }
        finally
        {
            File.Delete(big);
        }
    }

    [Fact]
    public void A_device_among_the_case_files_is_read_no_further_than_the_limit_and_the_others_are_evaluated()
    {
        if (!File.Exists("/dev/zero")) return; // Unix only; there is no such device elsewhere
        var first = Sample("mx-eligible.json");
        var second = Sample("de-eligible-coe.json");

        // It once read /dev/zero until memory ran out (4.2 GB), and the file after it was never evaluated.
        var (exit, output, errors) = Run(new[] { "eval", "--json", first, "/dev/zero", second });
        var (_, expected, _) = Run(new[] { "eval", "--json", first, second });

        Assert.Equal(EvalCommand.InputRefused, exit);
        Assert.Equal(expected, output);
        Assert.StartsWith("/dev/zero: is larger than 16,777,216 bytes (--max-case-bytes)", errors, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_given_a_folder_says_so_plainly()
    {
        var (exit, output, errors) = Run(new[] { "eval", "--jsonl", Paths.Samples });

        Assert.Equal(EvalCommand.InputRefused, exit);
        Assert.Empty(output);
        Assert.Equal($"{Paths.Samples}: is a folder; --jsonl reads one file of JSON lines (to evaluate the case files in a folder, give the folder without --jsonl)\n", errors.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_path_that_does_not_exist_is_named_and_said_to_be_missing_in_plain_words()
    {
        var missing = Path.Combine(Path.GetTempPath(), "treaty-no-such-folder", "cases.jsonl");

        var (exit, _, errors) = Run(new[] { "eval", "--jsonl", missing });
        var (fileExit, _, fileErrors) = Run(new[] { "eval", missing, Path.Combine(Paths.Samples, "mx-eligible.json") });

        Assert.Equal(EvalCommand.InputRefused, exit);
        Assert.Equal($"{missing}: cannot be read: there is no such file\n", errors.Replace("\r\n", "\n"));
        Assert.Equal(EvalCommand.InputRefused, fileExit);
        Assert.StartsWith($"{missing}: cannot be read: there is no such file", fileErrors, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_refuses_a_device_that_never_ends_instead_of_reading_it()
    {
        if (!File.Exists("/dev/zero")) return; // Unix only; there is no such device elsewhere

        var (exit, output, errors) = Run(new[] { "eval", "--jsonl", "/dev/zero" });

        Assert.Equal(EvalCommand.InputRefused, exit);
        Assert.Empty(output);
        Assert.Equal("/dev/zero: is not a file but a device that reads without end; give a file or a pipe\n", errors.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Jsonl_from_a_utf16_file_is_read_as_text_and_writes_the_same_lines()
    {
        var lines = File.ReadAllText(Sample("mx-eligible.json")).ReplaceLineEndings(" ") + "\n" + File.ReadAllText(Sample("de-eligible-coe.json")).ReplaceLineEndings(" ") + "\n";
        var file = Path.Combine(Path.GetTempPath(), $"treaty-jsonl-{System.Guid.NewGuid():N}.jsonl");
        File.WriteAllText(file, lines, new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        try
        {
            var (exit, output, errors) = Run(new[] { "eval", "--jsonl", file });
            var (_, expected, _) = Run(new[] { "eval", "--json", Sample("mx-eligible.json"), Sample("de-eligible-coe.json") });

            Assert.Equal(0, exit);
            Assert.Equal(expected, output);
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Jsonl_to_a_utf8_stream_writes_the_same_lines_as_to_any_writer_across_several_output_blocks()
    {
        // Standard output, when redirected, is a UTF-8 StreamWriter and the lines go to its stream as bytes in 64 KB
        // blocks; any other writer gets text. 40 cases of about 12 KB each cross several blocks.
        var line = File.ReadAllText(Sample("mx-eligible.json")).ReplaceLineEndings(" ");
        var lines = string.Concat(Enumerable.Repeat(line + "\n", 40));
        var (_, expected, _) = Run(new[] { "eval", "--jsonl", "-" }, lines);

        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1024, leaveOpen: true))
        {
            writer.Write("before ");
            Assert.Equal(0, Program.Invoke(new[] { "eval", "--jsonl", "-" }, writer, new StringWriter(), new StringReader(lines)));
        }

        Assert.Equal(40, expected.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("before " + expected, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Eval_without_cases_or_jsonl_is_a_usage_error_that_says_what_to_give()
    {
        var (exit, output, errors) = Run(new[] { "eval" });

        Assert.Equal(Program.UsageError, exit);
        Assert.Empty(output);
        Assert.StartsWith("treaty: Give the case files to evaluate (files, folders, or - for standard input), or --jsonl FILE.", errors, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Check_without_a_treaties_folder_says_where_it_looked_and_how_to_name_one()
    {
        var (exit, _, errors) = Run(new[] { "check", Path.Combine(Path.GetTempPath(), "no-such-treaties-folder") });

        Assert.Equal(Program.UsageError, exit);
        Assert.StartsWith("treaty check: there is no folder '", errors);
        Assert.Contains("Name the folder that holds the .treaty files: treaty check path/to/treaties", errors);
    }

    [Theory]
    [InlineData("eval", "treaty eval samples/cases/mx-eligible.json")]
    [InlineData("check", "treaty check treaties --format sarif")]
    [InlineData("matrix", "treaty matrix > matrix.md")]
    public void Help_for_every_command_shows_an_example(string command, string example)
    {
        var (exit, output, _) = Run(new[] { command, "--help" });

        Assert.Equal(0, exit);
        Assert.Contains("Examples:", output);
        Assert.Contains(example, output);
    }
}
