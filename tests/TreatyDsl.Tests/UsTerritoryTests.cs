using System.Linq;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests;

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
