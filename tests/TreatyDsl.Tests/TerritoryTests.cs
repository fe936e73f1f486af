using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests;

/// <summary>Table A of 7 FAM Exhibit 481: a territory has the instruments, dates and practice of the country it belongs to.</summary>
public class TerritoryTests
{
    private static RequirementResult Requirement(CaseReport report, string instrument, string id) =>
        report.Instruments.Single(i => i.Id == instrument).Requirements.Single(r => r.Id == id);

    [Fact]
    public void A_Dutch_national_going_to_Aruba_is_eligible_under_the_Netherlands_COE_membership()
    {
        var report = CaseBuilder.Outgoing("AW").Set("prisoner.nationalities", new JsonArray("NL")).Evaluate();

        Assert.Equal((Verdict.Eligible, "coe"), (report.Verdict, report.Recommended));
        Assert.Equal(new[] { "coe" }, report.Instruments.Select(i => i.Id));
        Assert.Equal("coe is in force between US and AW (a territory of NL, with its instruments) since 1988-01-01; application date 2026-01-15",
            Requirement(report, "coe", "in-force").Explanation);
        Assert.Equal(Outcome.Met, Requirement(report, "coe", "nationality").Outcome);
    }

    [Fact]
    public void Without_an_application_date_the_in_force_requirement_is_unknown_and_says_what_is_missing()
    {
        var report = CaseBuilder.Outgoing("AW").Set("prisoner.nationalities", new JsonArray("NL")).Remove("applicationDate").Evaluate();

        var inForce = Requirement(report, "coe", "in-force");
        Assert.Equal(Outcome.Unknown, inForce.Outcome);
        Assert.Equal("coe is in force between US and AW (a territory of NL, with its instruments) since 1988-01-01; applicationDate is not known", inForce.Explanation);
        Assert.Equal(new[] { "applicationDate" }, inForce.MissingFacts);
    }

    [Fact]
    public void A_prisoner_recorded_with_the_territory_s_own_code_also_meets_the_nationality_requirement()
    {
        var report = CaseBuilder.Outgoing("BM").Evaluate();

        Assert.Equal(Outcome.Met, Requirement(report, "coe", "nationality").Outcome);
        Assert.Equal(Verdict.Eligible, report.Verdict);
    }

    [Fact]
    public void A_national_of_another_country_does_not_meet_the_nationality_requirement_for_a_territory()
    {
        var report = CaseBuilder.Outgoing("KY").Set("prisoner.nationalities", new JsonArray("JM")).Evaluate();

        var nationality = Requirement(report, "coe", "nationality");
        Assert.Equal(Outcome.NotMet, nationality.Outcome);
        Assert.Contains("receivingNationality is GB", nationality.Explanation);
    }

    [Fact]
    public void A_US_national_sentenced_in_a_UK_territory_can_come_home_under_COE()
    {
        var report = CaseBuilder.Incoming("GI").Evaluate();

        Assert.Equal((Verdict.Eligible, "coe"), (report.Verdict, report.Recommended));
    }

    [Fact]
    public void A_receivingNationality_written_in_the_case_file_is_replaced_by_the_table_s()
    {
        var report = CaseBuilder.Outgoing("MX").Set("prisoner.nationalities", new JsonArray("GT")).Set("receivingNationality", "GT").Evaluate();

        var nationality = Requirement(report, "us-mx", "nationality");
        Assert.Equal(Outcome.NotMet, nationality.Outcome);
        Assert.Contains("receivingNationality is MX", nationality.Explanation);
    }

    [Fact]
    public void Every_territory_has_a_row_with_its_parent_s_instruments()
    {
        var table = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Countries;
        var territories = table.Countries.Where(c => c.TerritoryOf is not null).ToList();

        Assert.Equal(new[] { "AW", "BQ", "CW", "BV", "AI", "BM", "IO", "VG", "KY", "FK", "GI", "IM", "MS", "PN", "SH" }, territories.Select(t => t.Code));
        Assert.All(territories, t => Assert.Equal(table.Find(t.TerritoryOf)!.Memberships, t.Memberships));
    }
}
