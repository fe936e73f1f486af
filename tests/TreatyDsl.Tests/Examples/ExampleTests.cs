using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Binding;
using TreatyDsl.Cli;
using TreatyDsl.Examples;
using TreatyDsl.Generator;
using Xunit;

namespace TreatyDsl.Tests.Examples;

/// <summary>
/// Examples in the language (issue 29, item 1): a case and what must come out, checked against the bound files by the
/// interpreter exactly as treaty eval checks a case file, reported where every diagnostic is.
/// </summary>
public sealed class ExampleTests
{
    private const string SixMonths = """

        example six-months-is-enough: "Six months left on the application date is enough"
          cite "7 FAM 481.3-1 d(5)"
          given sentencingCountry = US
          given receivingCountry = MX
          given applicationDate = 2026-01-15
          given sentence.type = determinate
          given sentence.fullTermDate = 2026-07-15
          given offenses[0].category = drug
          given prisoner.nationalities = [MX]
          expect us-mx min-remaining met
        """;

    private const string FiveMonths = """

        example five-months-is-not: "Five months is not enough"
          cite "7 FAM 481.3-1 d(5)"
          like six-months-is-enough
          given sentence.fullTermDate = 2026-06-15
          given exceptionalCircumstances = false
          expect us-mx min-remaining not-met
          expect us-mx ineligible
        """;

    private static (string Path, string Text)[] Shipped(string usMxExtra) =>
        Directory.GetFiles(Paths.Treaties, "*.treaty").OrderBy(p => p).Select(p =>
        {
            var path = "treaties/" + Path.GetFileName(p);
            var text = File.ReadAllText(p);
            if (path.EndsWith("us-mx.treaty")) text += usMxExtra;
            return (path, text);
        }).ToArray();

    private static TreatyModel Load(string usMxExtra) => TreatyLoader.Load(Shipped(usMxExtra));

    private static int LineOf(string usMxExtra, string marker) =>
        File.ReadAllText(Path.Combine(Paths.Treaties, "us-mx.treaty")).Split('\n').Length - 1 + usMxExtra.Split('\n').ToList().FindIndex(l => l.Contains(marker)) + 1;

    [Fact]
    public void Examples_that_hold_pass_and_report_nothing()
    {
        var model = Load(SixMonths + FiveMonths);

        Assert.DoesNotContain(model.Diagnostics, d => d.Id.StartsWith("TDSL05"));
        var (results, _) = ExampleChecks.Run(model);
        Assert.Equal(new[] { ("six-months-is-enough", true), ("five-months-is-not", true) }, results.Where(r => r.Id is "six-months-is-enough" or "five-months-is-not").Select(r => (r.Id, r.Passed)));
        Assert.All(results, r => Assert.True(r.Passed, r.Id)); // the shipped examples too
    }

    [Fact]
    public void A_failing_expectation_is_an_error_at_its_line_with_what_came_out_and_why()
    {
        var extra = SixMonths + FiveMonths.Replace("  given exceptionalCircumstances = false\n", string.Empty);

        var model = Load(extra);

        var failures = model.Diagnostics.Where(d => d.Id == "TDSL0501").ToList();
        Assert.Equal(2, failures.Count); // the rule's outcome, and the instrument's verdict that follows from it
        var failure = failures[0];
        Assert.Equal(("treaties/us-mx.treaty", LineOf(extra, "expect us-mx min-remaining not-met"), 3), (failure.Span.Path, failure.Span.Line, failure.Span.Column));
        Assert.Equal("Example 'five-months-is-not' fails: expected us-mx min-remaining not-met, actual unknown (5 months remaining; at least 6 months required; " +
            "exception exceptional-circumstances: exceptionalCircumstances is not known)", failure.Message);
        Assert.True(failure.IsError);
    }

    [Fact]
    public void An_edit_to_the_baseline_breaks_an_example_in_another_file()
    {
        var files = Shipped(SixMonths).Select(f => f.Path.EndsWith("baseline.treaty")
            ? (f.Path, f.Text.Replace("when timeRemaining >= minTimeRemaining", "when timeRemaining > minTimeRemaining"))
            : f).ToArray();

        var model = TreatyLoader.Load(files);

        var failure = Assert.Single(model.Diagnostics, d => d.Id == "TDSL0501" && d.Message.StartsWith("Example 'six-months-is-enough'"));
        Assert.Equal("treaties/us-mx.treaty", failure.Span.Path);
        Assert.StartsWith("Example 'six-months-is-enough' fails: expected us-mx min-remaining met, actual unknown (6 months remaining; more than 6 months required", failure.Message);
    }

    [Fact]
    public void Names_that_do_not_exist_are_errors_where_they_are_written_with_the_nearest_name()
    {
        var extra = """

            example broken: "Names that do not exist"
              cite "c"
              like no-such-example
              expect us-mx min-remainin met
            """;

        var model = Load(extra);

        var errors = model.Diagnostics.Where(d => d.Id == "TDSL0502").Select(d => (d.Span.Line, d.Message)).ToList();
        Assert.Equal(new[]
        {
            (LineOf(extra, "like no-such-example"), "Example 'broken': 'like no-such-example' names no example"),
            (LineOf(extra, "min-remainin"), "Example 'broken': 'min-remainin' is not a requirement or bar of us-mx; did you mean 'min-remaining'?"),
        }, errors);
    }

    [Theory]
    [InlineData("given sentence.fullTermDat = 2026-06-15", "TDSL0502", "Example 'x': 'sentence.fullTermDat' is not a fact of the vocabulary; did you mean 'sentence.fullTermDate'?")]
    [InlineData("given offenses[0].categry = drug", "TDSL0502", "Example 'x': 'categry' is not a field of Offense; did you mean 'category'?")]
    [InlineData("given prisoner.dateOfBirth = 1990-03-14", "TDSL0503", "Example 'x' gives 'prisoner.dateOfBirth', which no rule, derived fact or advisory reads: it cannot change what the example shows; remove it")]
    [InlineData("given sentence.type = lif", "TDSL0504", "Example 'x': 'lif' is not a value of SentenceType (determinate, life, indeterminate, death, juvenile, dangerous-offender); did you mean 'life'?")]
    [InlineData("given receivingCountry = XX", "TDSL0504", "Example 'x': 'XX' is not an ISO 3166-1 country code, which 'receivingCountry' needs")]
    [InlineData("given judgment.final = 2026-01-01", "TDSL0504", "Example 'x': 'judgment.final' is true or false, and this value is not one")]
    public void A_given_fact_that_does_not_fit_is_an_error_at_the_example(string given, string id, string message)
    {
        var model = Load($"\nexample x: \"t\"\n  cite \"c\"\n  {given}\n  expect verdict eligible\n");

        var error = Assert.Single(model.Diagnostics, d => d.Id.StartsWith("TDSL05"));
        Assert.Equal((id, message), (error.Id, error.Message));
    }

    [Fact]
    public void An_example_that_goes_round_in_a_circle_is_an_error()
    {
        var model = Load("\nexample a: \"t\"\n  cite \"c\"\n  like b\n  expect verdict eligible\nexample b: \"t\"\n  cite \"c\"\n  like a\n  expect verdict eligible\n");

        Assert.Equal(2, model.Diagnostics.Count(d => d.Id == "TDSL0502" && d.Message.Contains("goes round in a circle")));
    }

    [Fact]
    public void A_case_the_reader_would_refuse_is_an_error_not_a_verdict()
    {
        var model = Load(SixMonths.Replace("given offenses[0].category = drug", "given offenses[0].sentenceServed = true"));

        var error = Assert.Single(model.Diagnostics, d => d.Id.StartsWith("TDSL05"));
        Assert.Equal("TDSL0504", error.Id);
        Assert.Contains("its case is one the case file reader refuses: $.offenses[0].sentenceServed: the case's only offence is marked served", error.Message);
    }

    [Fact]
    public void Treaty_test_prints_a_line_per_example_and_exits_1_when_one_fails()
    {
        var folder = Directory.CreateTempSubdirectory("treaty-test-").FullName;
        foreach (var (path, text) in Shipped(SixMonths + FiveMonths.Replace("  given exceptionalCircumstances = false\n", string.Empty)))
        {
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(path)), text);
        }
        var output = new StringWriter();

        var exit = Program.Invoke(new[] { "test", folder }, output, new StringWriter());

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Contains(lines, l => l.StartsWith("PASS  six-months-is-enough: Six months left on the application date is enough  [", System.StringComparison.Ordinal));
        var failing = lines.FindIndex(l => l.StartsWith("FAIL  five-months-is-not: Five months is not enough  [", System.StringComparison.Ordinal));
        Assert.StartsWith("      expected us-mx min-remaining not-met, actual unknown", lines[failing + 1]);
        Assert.Single(lines, l => l.StartsWith("FAIL"));
        Assert.Matches(@"^(\d+) examples: \d+ passed, 1 failed\.$", lines[^1]);
    }

    [Fact]
    public void Treaty_test_writes_junit_for_ci_test_reports_and_json_for_tools()
    {
        var folder = Directory.CreateTempSubdirectory("treaty-test-").FullName;
        foreach (var (path, text) in Shipped(SixMonths + FiveMonths.Replace("  given exceptionalCircumstances = false\n", string.Empty)))
        {
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(path)), text);
        }
        var junit = new StringWriter();
        var json = new StringWriter();

        var junitExit = Program.Invoke(new[] { "test", folder, "--format", "junit" }, junit, new StringWriter());
        var jsonExit = Program.Invoke(new[] { "test", folder, "--format", "json" }, json, new StringWriter());

        Assert.Equal((1, 1), (junitExit, jsonExit));
        var xml = System.Xml.Linq.XDocument.Parse(junit.ToString());
        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal(("1", "0"), ((string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!));
        Assert.Equal(suite.Elements("testcase").Count().ToString(), (string)suite.Attribute("tests")!);
        var failing = suite.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("five-months-is-not"));
        Assert.StartsWith("expected us-mx min-remaining not-met, actual unknown", (string)failing.Element("failure")!.Attribute("message")!);
        using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
        var root = document.RootElement;
        Assert.Equal((root.GetProperty("examples").GetInt32() - 1, 1, 0), (root.GetProperty("passed").GetInt32(), root.GetProperty("failed").GetInt32(), root.GetProperty("errors").GetInt32()));
        var result = root.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("outcome").GetString() != "passed");
        Assert.Equal(("five-months-is-not", "failed", "7 FAM 481.3-1 d(5)"), (result.GetProperty("id").GetString(), result.GetProperty("outcome").GetString(), result.GetProperty("citation").GetString()));
    }

    [Fact]
    public void A_failing_example_does_not_hold_up_the_analysis_of_the_rules()
    {
        // The policy walkthrough's edit (docs/getting-started-policy.md): an 'unless' that swallows the rule.
        var files = Shipped(string.Empty).Select(f => f.Path.EndsWith("us-mx.treaty")
            ? (f.Path, System.Text.RegularExpressions.Regex.Replace(f.Text, @"(require determinate-sentence:.*?\n  when sentence.type = determinate\n)", "$1  unless sentence.type != determinate\n", System.Text.RegularExpressions.RegexOptions.Singleline))
            : f).ToArray();

        var model = TreatyLoader.Load(files);

        Assert.Contains(model.Diagnostics, d => d.Id == "TDSL0311" && d.Span.Path == "treaties/us-mx.treaty");
        Assert.Contains(model.Diagnostics, d => d.Id == "TDSL0501" && d.Message.StartsWith("Example 'mx-life-sentence' fails: expected us-mx determinate-sentence not-met, actual met"));
    }

    [Fact]
    public async Task The_analyzer_reports_a_failing_example_at_its_line_in_every_build()
    {
        var treaties = GeneratorHarness.ShippedTreatiesWith("us-mx.treaty", text => text + SixMonths.Replace("2026-07-15", "2026-07-14"));
        var options = new AnalyzerOptions(treaties.ToImmutableArray());

        var diagnostics = await GeneratorHarness.EmptyCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

        var error = Assert.Single(diagnostics, d => d.Id == "TDSL0501" && d.GetMessage().StartsWith("Example 'six-months-is-enough'"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, error.Severity);
        Assert.EndsWith("us-mx.treaty", error.Location.GetLineSpan().Path);
        Assert.StartsWith("Example 'six-months-is-enough' fails: expected us-mx min-remaining met, actual unknown (5 months 29 days remaining", error.GetMessage());
    }
}
