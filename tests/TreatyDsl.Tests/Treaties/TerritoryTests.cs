using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

// Territories both ways: a foreign country's territory (7 FAM Exhibit 481, Table A) and a US territory or commonwealth
// (28 CFR 527.41(b)), in one file so a newcomer finds every territory rule's tests in one place.

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

/// <summary>
/// Sentences imposed in a US territory or commonwealth (28 CFR 527.41(b)): a US sentence of a state prisoner, whose
/// transfer needs the territory's approval as a state's; a territory as destination is the United States.
/// </summary>
public class UsTerritoryTests
{
    private static CaseBuilder SentencedIn(string territory) =>
        CaseBuilder.Outgoing("MX").Set("sentencingCountry", territory).Set("custody", "state");

    [Theory]
    [InlineData("PR")]
    [InlineData("GU")]
    [InlineData("VI")]
    [InlineData("AS")]
    [InlineData("MP")]
    public void A_sentence_imposed_in_a_territory_is_a_US_state_prisoners_sentence(string territory)
    {
        var approved = SentencedIn(territory).Set("consent.state", true).Evaluate();
        var refused = SentencedIn(territory).Set("consent.state", false).Evaluate();

        Assert.Equal(Verdict.Eligible, approved.Verdict);
        Assert.Equal("us-mx", approved.Recommended);
        Assert.Equal(Outcome.Met, approved.Instruments.Single(i => i.Id == "us-mx").Requirements.Single(r => r.Id == "state-consent").Outcome);
        Assert.Contains(approved.Notes, n => n.StartsWith("The sentence was imposed in ", System.StringComparison.Ordinal) && n.Contains($"({territory}), a territory or commonwealth of the United States"));
        Assert.Equal(Verdict.Ineligible, refused.Verdict);
    }

    [Fact]
    public void A_territory_sentence_needs_the_territorys_approval_whatever_custody_the_file_gives_and_the_note_says_so()
    {
        var report = CaseBuilder.Outgoing("MX").Set("sentencingCountry", "PR").Set("custody", "federal").Remove("consent.state").Evaluate();

        Assert.Equal(Verdict.Undetermined, report.Verdict);
        Assert.Equal(new[] { "consent.state" }, report.Instruments.Single(i => i.Id == "us-mx").MissingFacts);
        Assert.Contains("The sentence was imposed in Puerto Rico (PR), a territory or commonwealth of the United States: it is evaluated as a US sentence of a state prisoner, " +
            "whose transfer needs the territory's approval as a state's (the case file's custody 'federal' is read as 'state') (28 CFR 527.41(b); DOJ Guidelines IV)", report.Notes);
    }

    [Fact]
    public void A_transfer_to_a_territory_is_a_transfer_to_the_United_States_and_one_between_two_is_outside_the_program()
    {
        var home = CaseBuilder.Incoming("MX").Set("receivingCountry", "PR").Evaluate();
        var within = CaseBuilder.Incoming("MX").Set("sentencingCountry", "GU").Set("receivingCountry", "PR").Evaluate();

        Assert.Equal(Verdict.Eligible, home.Verdict);
        Assert.Contains(home.Notes, n => n.StartsWith("Puerto Rico (PR) is a territory or commonwealth of the United States", System.StringComparison.Ordinal));
        Assert.Equal(Verdict.NoTreaty, within.Verdict);
        Assert.Contains(CaseEvaluator.WithinTheUnitedStates, within.Notes);
    }
}
