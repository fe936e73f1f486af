using System.IO;
using System.Linq;
using TreatyDsl.Cli;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Interpretation;

/// <summary>The interpreter is the reference: the generated validators must give the same report on every sample.</summary>
public class EvaluatorAgreementTests
{
    public static TheoryData<string> Samples() => new(Directory.GetFiles(Paths.Samples, "*.json").Select(Path.GetFileName).OrderBy(n => n)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Generated_validators_and_the_interpreter_give_identical_reports(string sample)
    {
        var model = TreatyLoader.LoadDirectory(Paths.Treaties);
        Assert.False(model.HasErrors, string.Join("\n", model.Diagnostics));
        var interpreted = InterpretedCatalog.Create(model);
        var generated = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;
        var json = File.ReadAllText(Path.Combine(Paths.Samples, sample));

        var byInterpreter = CaseEvaluator.Evaluate(interpreted, CaseFileReader.Read(json, interpreted.Schema).Facts!);
        var byGenerated = CaseEvaluator.Evaluate(generated, CaseFileReader.Read(json, generated.Schema).Facts!);

        Assert.Equal(JsonReportWriter.ToJsonLine(byInterpreter), JsonReportWriter.ToJsonLine(byGenerated));
    }

    [Fact]
    public void Exactly_six_calendar_months_remaining_meets_the_us_mx_minimum()
    {
        var report = Evaluate("mx-boundary-six-months.json");
        var requirement = report.Instruments.Single(i => i.Id == "us-mx").Requirements.Single(r => r.Id == "min-remaining");
        Assert.Equal(Outcome.Met, requirement.Outcome);
        Assert.Equal("6 months remaining; at least 6 months required", requirement.Explanation);
    }

    [Fact]
    public void One_day_short_of_six_months_is_not_met_and_says_how_much_remains()
    {
        var json = File.ReadAllText(Path.Combine(Paths.Samples, "mx-boundary-six-months.json")).Replace("2026-07-15", "2026-07-14");
        var catalog = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;
        var report = CaseEvaluator.Evaluate(catalog, CaseFileReader.Read(json, catalog.Schema).Facts!);
        var requirement = report.Instruments.Single(i => i.Id == "us-mx").Requirements.Single(r => r.Id == "min-remaining");
        Assert.Equal(Outcome.NotMet, requirement.Outcome);
        Assert.Equal("5 months 29 days remaining; at least 6 months required; exception exceptional-circumstances: exceptionalCircumstances is false; true required", requirement.Explanation);
        Assert.Equal(Verdict.Ineligible, report.Verdict);
    }

    [Fact]
    public void A_missing_full_term_date_makes_time_remaining_unknown_never_met()
    {
        var report = Evaluate("mx-undetermined-missing-facts.json");
        var usMx = report.Instruments.Single(i => i.Id == "us-mx");
        Assert.Equal(Outcome.Unknown, usMx.Requirements.Single(r => r.Id == "min-remaining").Outcome);
        Assert.Equal(Verdict.Undetermined, usMx.Verdict);
        Assert.Contains("sentence.fullTermDate", usMx.MissingFacts);
        Assert.Equal(Verdict.Undetermined, report.Verdict);
    }

    [Fact]
    public void Mexico_uses_only_the_bilateral_so_coe_is_not_usable_and_us_mx_is_recommended()
    {
        var report = Evaluate("mx-eligible.json");
        Assert.False(report.Instruments.Single(i => i.Id == "coe").Usable);
        Assert.True(report.Instruments.Single(i => i.Id == "us-mx").Usable);
        Assert.Equal("us-mx", report.Recommended);
        Assert.Equal(Verdict.Eligible, report.Verdict);
    }

    [Fact]
    public void The_immigration_bar_and_the_domiciliary_bar_make_the_case_ineligible()
    {
        var usMx = Evaluate("mx-ineligible-domiciliary-immigration.json").Instruments.Single(i => i.Id == "us-mx");
        Assert.Equal(Outcome.NotMet, usMx.Requirements.Single(r => r.Id == "immigration-offense").Outcome);
        Assert.Equal(Outcome.NotMet, usMx.Requirements.Single(r => r.Id == "domiciliary").Outcome);
        Assert.Equal(Verdict.Ineligible, usMx.Verdict);
    }

    [Fact]
    public void A_served_immigration_offence_among_others_falls_under_the_multiple_offence_exception()
    {
        var usMx = Evaluate("mx-undetermined-missing-facts.json").Instruments.Single(i => i.Id == "us-mx");
        Assert.Equal(Outcome.Met, usMx.Requirements.Single(r => r.Id == "immigration-offense").Outcome);
    }

    private static CaseReport Evaluate(string sample)
    {
        var catalog = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;
        var read = CaseFileReader.Read(File.ReadAllText(Path.Combine(Paths.Samples, sample)), catalog.Schema);
        return CaseEvaluator.Evaluate(catalog, read.Facts!);
    }
}
