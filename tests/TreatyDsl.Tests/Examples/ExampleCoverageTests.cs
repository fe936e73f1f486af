using System.IO;
using System.Linq;
using System.Xml.Linq;
using TreatyDsl.Cli;
using TreatyDsl.Examples;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Examples;

/// <summary>Which outcomes the examples give at every rule and alternative (issue 29, item 2), on the shipped treaties and their examples.</summary>
public sealed class ExampleCoverageTests
{
    private static readonly TreatyDsl.Binding.TreatyModel Model = TreatyLoader.LoadDirectory(Paths.Treaties, analyse: false);

    private static CoveredPlace Place(string file, string kind, string name) =>
        ExampleCoverage.Of(Model, ExampleChecks.Run(Model).Results).Single(p => p.Span.Path.EndsWith(file) && p.Kind == kind && p.Name == name);

    [Fact]
    public void A_statute_rule_is_covered_met_and_not_met_by_the_examples_of_any_instrument()
    {
        var place = Place("baseline.treaty", "requirement", "prisoner-consent");

        Assert.True(place.Outcomes[Outcome.Met] > 0);
        Assert.Equal(1, place.Outcomes[Outcome.NotMet]); // prisoner-refuses
        Assert.Equal(new[] { Outcome.Unknown }, place.Missing);
    }

    [Fact]
    public void An_exception_counts_whether_its_condition_held()
    {
        var exception = Place("coe.treaty", "exception", "min-remaining / exceptional-circumstances");

        Assert.True(exception.Outcomes[Outcome.Met] > 0); // exceptional-circumstances-allow-less-than-six-months
        Assert.True(exception.Outcomes[Outcome.NotMet] > 0);
    }

    [Fact]
    public void A_rule_no_example_reaches_is_listed_with_every_outcome_missing()
    {
        // The shipped treaties without the examples of the Canadian treaty.
        var files = Directory.GetFiles(Paths.Treaties, "*.treaty").Select(p => (Path: "treaties/" + Path.GetFileName(p), Text: File.ReadAllText(p)))
            .Select(f => f.Path.EndsWith("us-ca.treaty") ? (f.Path, f.Text.Split("\n// ---------- examples")[0]) : f).ToArray();
        var model = TreatyLoader.Load(files, analyse: false);

        var place = ExampleCoverage.Of(model, ExampleChecks.Run(model).Results).Single(p => p.Span.Path.EndsWith("us-ca.treaty") && p.Name == "determinate-sentence");

        Assert.Equal(new[] { Outcome.Met, Outcome.NotMet, Outcome.Unknown }, place.Missing);
    }

    [Fact]
    public void A_threshold_version_counts_the_outcomes_of_the_rules_that_read_it_and_a_country_row_the_cases_with_the_country()
    {
        var usFr = Place("us-fr.treaty", "threshold", "minTimeRemaining");
        var france = Place("countries.treaty", "country", "FR");
        var albania = Place("countries.treaty", "country", "AL");

        Assert.Equal(1, usFr.Outcomes[Outcome.NotMet]); // fr-eleven-months-is-not-enough
        Assert.True(usFr.Outcomes[Outcome.Met] > 0);
        Assert.True(france.Outcomes[Outcome.Met] > 0);
        Assert.Equal(new[] { Outcome.Met, Outcome.NotMet, Outcome.Unknown }, albania.Missing);
    }

    [Fact]
    public void Treaty_test_coverage_prints_the_table_and_writes_cobertura_lines_mapped_to_the_treaty_files()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("treaty-coverage-").FullName, "coverage.xml");
        var output = new StringWriter();

        var exit = Program.Invoke(new[] { "test", Paths.Treaties, "--coverage", file }, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains(output.ToString().Split('\n'), l => l.Contains("requirement  min-remaining") && !l.Contains("unknown -"));
        var baseline = XDocument.Load(file).Descendants("class").Single(c => ((string)c.Attribute("filename")!).EndsWith("baseline.treaty"));
        var minRemaining = File.ReadAllLines(Path.Combine(Paths.Treaties, "baseline.treaty")).ToList().FindIndex(l => l.StartsWith("require min-remaining")) + 1;
        var line = baseline.Descendants("line").Single(l => (int)l.Attribute("number")! == minRemaining);
        Assert.Equal("100% (3/3)", (string)line.Attribute("condition-coverage")!);
    }

    [Fact]
    public void For_each_outcome_no_example_gives_the_analysis_suggests_a_ready_example_that_gives_it()
    {
        var withoutCanada = Directory.GetFiles(Paths.Treaties, "*.treaty").Select(p => (Path: "treaties/" + Path.GetFileName(p), Text: File.ReadAllText(p)))
            .Select(f => f.Path.EndsWith("us-ca.treaty") ? (f.Path, f.Text.Split("\n// ---------- examples")[0]) : f).ToArray();
        var model = TreatyLoader.Load(withoutCanada, analyse: false);

        var suggestions = ExampleSuggestions.For(model, ExampleCoverage.Of(model, ExampleChecks.Run(model).Results));

        Assert.Equal(new[] { "us-ca-determinate-sentence-met", "us-ca-determinate-sentence-not-met", "us-ca-immigration-offense-met", "us-ca-immigration-offense-not-met" },
            suggestions.Select(s => s.Split(':')[0].Substring("example ".Length)));
        // Titled and cited, each passes as written.
        var pasted = withoutCanada.Select(f => f.Path.EndsWith("us-ca.treaty")
            ? (f.Path, f.Item2 + "\n" + string.Join("\n", suggestions).Replace("\"the passage it is drawn from\"", "\"7 FAM 481.3-1 a\"")) : f).ToArray();
        var checkedModel = TreatyLoader.Load(pasted, analyse: false);
        Assert.DoesNotContain(checkedModel.Diagnostics, d => d.IsError);
        Assert.All(ExampleChecks.Run(checkedModel).Results.Where(r => r.Id.StartsWith("us-ca-")), r => Assert.True(r.Passed, r.Id));
    }
}
