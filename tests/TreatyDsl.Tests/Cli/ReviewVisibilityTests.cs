using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Cli;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary>
/// A review the case raises is where a caseworker skimming a batch looks (issue 28, item 3): in the headline, in the
/// case-level JSON beside the verdict, and counted at the end of the text report; never only inside an instrument.
/// </summary>
public class ReviewVisibilityTests
{
    private static string CaseFile(CaseBuilder builder)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("review-").FullName, "case.json");
        File.WriteAllText(path, builder.Json);
        return path;
    }

    private static (string Output, int Exit) Eval(params string[] arguments)
    {
        var output = new StringWriter();
        var exit = Program.Invoke(new[] { "eval" }.Concat(arguments).ToArray(), output, new StringWriter());
        return (output.ToString().Replace("\r\n", "\n"), exit);
    }

    private static CaseBuilder MilitaryOffenceToThailand() => CaseBuilder.Outgoing("TH").Offenses("military");

    [Fact]
    public void The_headline_of_an_eligible_case_that_raises_a_review_says_so()
    {
        var (output, _) = Eval(CaseFile(MilitaryOffenceToThailand()));

        var headline = output.Split('\n')[0];
        Assert.StartsWith("Case A-2026-0001: ELIGIBLE (recommended: ", headline, StringComparison.Ordinal);
        Assert.Contains("; NEEDS REVIEW: military-or-political-offense (", headline, StringComparison.Ordinal);
        Assert.Contains("us-th", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_level_JSON_carries_each_raised_review_beside_the_verdict()
    {
        var (output, _) = Eval(CaseFile(MilitaryOffenceToThailand()), "--json");

        using var line = JsonDocument.Parse(output);
        var reviews = line.RootElement.GetProperty("reviews").EnumerateArray().ToList();
        Assert.NotEmpty(reviews);
        Assert.All(reviews, r => Assert.Equal("military-or-political-offense", r.GetProperty("id").GetString()));
        Assert.All(reviews, r => Assert.Equal("needs-review", r.GetProperty("outcome").GetString()));
        Assert.Contains(reviews, r => r.GetProperty("instrument").GetString() == "us-th");
        var names = line.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(new[] { "case", "verdict", "recommended", "reviews", "instruments", "advisory", "notes" }, names);
    }

    [Fact]
    public void A_review_that_cannot_be_ruled_out_is_in_the_headline_as_not_ruled_out()
    {
        var report = CaseBuilder.Outgoing("TH")
            .Set("offenses", System.Text.Json.Nodes.JsonNode.Parse("""[{ "description": "Unrecorded", "dualCriminality": true, "sentenceServed": false }]"""))
            .Evaluate();

        Assert.Contains(report.Reviews(), r => r.Instrument == "us-th" && !r.NeedsReview);
        Assert.Contains("; REVIEW NOT RULED OUT: military-or-political-offense (", TextReportWriter.Headline(report.Reviews()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_under_an_instrument_the_case_cannot_go_by_is_not_raised_for_the_case()
    {
        // Too little time left under every instrument: each is ineligible, so its review decides nothing.
        var report = MilitaryOffenceToThailand().Set("sentence.fullTermDate", "2026-02-01").Evaluate();

        Assert.Equal(Verdict.Ineligible, report.Verdict);
        Assert.Contains(report.Instruments, i => i.RaisedReviews.Any());
        Assert.Empty(report.Reviews());
    }

    [Fact]
    public void The_text_report_ends_with_how_many_cases_raise_a_review()
    {
        var (output, _) = Eval(CaseFile(MilitaryOffenceToThailand()), Path.Combine(Paths.Samples, "mx-eligible.json"));

        Assert.EndsWith("Reviews: 1 of the 2 cases raises one (NEEDS REVIEW or REVIEW NOT RULED OUT in the headline).\n", output, StringComparison.Ordinal);
        var (plain, _) = Eval(Path.Combine(Paths.Samples, "mx-eligible.json"));
        Assert.EndsWith("Reviews: the case raises none.\n", plain, StringComparison.Ordinal);
    }
}
