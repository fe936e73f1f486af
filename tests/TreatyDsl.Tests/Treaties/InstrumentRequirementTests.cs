using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>The treaty-specific conditions of issue 3, each met and failed, plus the choice of instrument by country.</summary>
public class InstrumentRequirementTests
{
    private static RequirementResult Requirement(CaseReport report, string instrument, string id) =>
        report.Instruments.Single(i => i.Id == instrument).Requirements.Single(r => r.Id == id);

    private static InstrumentReport Instrument(CaseReport report, string id) => report.Instruments.Single(i => i.Id == id);

    [Theory]
    [InlineData("FR", "us-fr", "2027-01-15", Outcome.Met)]
    [InlineData("FR", "us-fr", "2027-01-14", Outcome.NotMet)]
    [InlineData("TH", "us-th", "2027-01-15", Outcome.Met)]
    [InlineData("TH", "us-th", "2027-01-14", Outcome.NotMet)]
    [InlineData("PE", "us-pe", "2026-07-15", Outcome.Met)]
    [InlineData("PE", "us-pe", "2026-07-14", Outcome.NotMet)]
    public void France_and_Thailand_need_twelve_calendar_months_where_others_need_six(string country, string instrument, string fullTermDate, Outcome expected)
    {
        var report = CaseBuilder.Outgoing(country).Set("applicationDate", "2026-01-15").Set("sentence.fullTermDate", fullTermDate).Evaluate();

        Assert.Equal(expected, Requirement(report, instrument, "min-remaining").Outcome);
    }

    [Theory]
    [InlineData("TH", "life", Outcome.Met)]
    [InlineData("TH", "juvenile", Outcome.Met)]
    [InlineData("TH", "dangerous-offender", Outcome.NotMet)]
    [InlineData("TH", "indeterminate", Outcome.NotMet)]
    [InlineData("CA", "dangerous-offender", Outcome.Met)]
    [InlineData("CA", "life", Outcome.Met)]
    [InlineData("CA", "indeterminate", Outcome.NotMet)]
    [InlineData("MX", "life", Outcome.NotMet)]
    [InlineData("MX", "determinate", Outcome.Met)]
    public void Each_treaty_allows_its_own_kinds_of_sentence(string country, string sentenceType, Outcome expected)
    {
        var report = CaseBuilder.Outgoing(country).Set("sentence.type", sentenceType).Evaluate();

        Assert.Equal(expected, Requirement(report, "us-" + country.ToLowerInvariant(), "determinate-sentence").Outcome);
    }

    [Theory]
    [InlineData("death", Outcome.NotMet)]
    [InlineData("determinate", Outcome.Met)]
    public void The_OAS_convention_bars_a_death_sentence(string sentenceType, Outcome expected)
    {
        var report = CaseBuilder.Outgoing("BR").Set("sentence.type", sentenceType).Evaluate();

        Assert.Equal(expected, Requirement(report, "oas", "capital-sentence").Outcome);
        Assert.Equal(new[] { "oas" }, report.Instruments.Select(i => i.Id));
    }

    [Theory]
    [InlineData("PA")]
    [InlineData("TR")]
    public void Panama_and_Turkey_bar_a_domiciliary_settle_no_intent_to_remain_and_leave_the_rest_unknown_never_met(string country)
    {
        var instrument = "us-" + country.ToLowerInvariant();
        var intends = CaseBuilder.Outgoing(country).Set("prisoner.intendsToRemainInSentencingCountry", true);
        var unknown = intends.Evaluate();
        var domiciliary = CaseBuilder.Outgoing(country).Set("prisoner.intendsToRemainInSentencingCountry", true).Set("prisoner.domiciliaryOfSentencingCountry", true).Evaluate();
        var notDomiciliary = CaseBuilder.Outgoing(country).Set("prisoner.intendsToRemainInSentencingCountry", true).Set("prisoner.domiciliaryOfSentencingCountry", false).Evaluate();
        var noIntent = CaseBuilder.Outgoing(country).Set("prisoner.intendsToRemainInSentencingCountry", false).Evaluate();
        var nothingKnown = CaseBuilder.Outgoing(country).Remove("prisoner.intendsToRemainInSentencingCountry").Evaluate();

        Assert.Equal(Outcome.Unknown, Requirement(unknown, instrument, "domiciliary").Outcome);
        Assert.Equal(Verdict.Undetermined, Instrument(unknown, instrument).Verdict);
        Assert.Equal(new[] { "prisoner.domiciliaryOfSentencingCountry" }, Instrument(unknown, instrument).MissingFacts);
        Assert.Equal(Outcome.NotMet, Requirement(domiciliary, instrument, "domiciliary").Outcome);
        Assert.Equal(Outcome.Met, Requirement(notDomiciliary, instrument, "domiciliary").Outcome);
        // DOJ Guidelines n.2: a domiciliary intends to remain; the contract's own fact settles the case without the determination.
        Assert.Equal(Outcome.Met, Requirement(noIntent, instrument, "domiciliary").Outcome);
        Assert.Equal(Outcome.Unknown, Requirement(nothingKnown, instrument, "domiciliary").Outcome);
        Assert.Equal(new[] { "prisoner.domiciliaryOfSentencingCountry", "prisoner.intendsToRemainInSentencingCountry" }, Instrument(nothingKnown, instrument).MissingFacts.OrderBy(f => f));
    }

    [Fact]
    public void Canada_bars_an_immigration_offence_under_its_treaty_but_COE_and_OAS_do_not()
    {
        var report = CaseBuilder.Outgoing("CA")
            .Set("offenses", JsonNode.Parse("""[{ "description": "Illegal reentry", "category": "immigration", "dualCriminality": true, "sentenceServed": false }]"""))
            .Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(report, "us-ca", "immigration-offense").Outcome);
        Assert.Equal(Verdict.Eligible, Instrument(report, "coe").Verdict);
        Assert.Equal(Verdict.Eligible, Instrument(report, "oas").Verdict);
        Assert.Equal("coe", report.Recommended);
    }

    /// <summary>
    /// DOJ Guidelines II, additional requirement 4: the exception needs "other transferable offenses", so an offence that
    /// is no crime in the receiving country does not open it, served or not (issue 28, item 2). Both offences marked
    /// served while the sentence runs is a case file the reader refuses (OffenceBeingTransferredTests).
    /// </summary>
    [Theory]
    [InlineData("MX", "us-mx", true, "false", Outcome.Met)]
    [InlineData("MX", "us-mx", false, "false", Outcome.NotMet)]
    [InlineData("MX", "us-mx", false, "null", Outcome.NotMet)]
    [InlineData("MX", "us-mx", null, "false", Outcome.Unknown)]
    [InlineData("CA", "us-ca", true, "false", Outcome.Met)]
    [InlineData("CA", "us-ca", false, "false", Outcome.NotMet)]
    public void The_immigration_exception_needs_another_offence_that_is_itself_transferable(string country, string instrument, bool? otherDualCriminality, string otherServed, Outcome expected)
    {
        var other = $$"""{ "description": "Possession", "category": "drug", "dualCriminality": {{(otherDualCriminality is { } dc ? (dc ? "true" : "false") : "null")}}, "sentenceServed": {{otherServed}} }""";
        var report = CaseBuilder.Outgoing(country)
            .Set("offenses", JsonNode.Parse($$"""[{ "description": "Illegal reentry", "category": "immigration", "dualCriminality": true, "sentenceServed": true }, {{other}}]"""))
            .Evaluate();

        Assert.Equal(expected, Requirement(report, instrument, "immigration-offense").Outcome);
    }

    /// <summary>
    /// A statute rule cites the paragraph that states it for the instrument evaluated: 7 FAM 481.3-1 d(5) is the
    /// bilateral treaties', 481.3-2 b(5) the COE Convention's, 481.3-3 (6) the OAS Convention's (issue 28, item 5).
    /// </summary>
    [Theory]
    [InlineData("MX", "us-mx", "min-remaining", "7 FAM 481.3-1 d(5)")]
    [InlineData("DE", "coe", "min-remaining", "7 FAM 481.3-2 b(5)")]
    [InlineData("BR", "oas", "min-remaining", "7 FAM 481.3-3 (6)")]
    [InlineData("MX", "us-mx", "state-consent", "DOJ Guidelines I and IV; 7 FAM 487")]
    [InlineData("DE", "coe", "state-consent", "7 FAM 481.3-2 b NOTE")]
    [InlineData("BR", "oas", "state-consent", "7 FAM 481.3-3 (1)")]
    public void A_statute_rule_cites_the_paragraph_that_states_it_for_the_instrument(string country, string instrument, string rule, string citationStart)
    {
        var report = CaseBuilder.Outgoing(country).Set("custody", "state").Set("consent.state", true).Evaluate();

        var citation = Requirement(report, instrument, rule).Citation;
        Assert.StartsWith(citationStart, citation, System.StringComparison.Ordinal);
        if (instrument != "coe") Assert.DoesNotContain("481.3-2", citation, System.StringComparison.Ordinal); // the COE Convention's paragraphs
    }

    [Theory]
    [InlineData("MX", "us-mx", "us-mx")]          // "Bilateral only used with U.S."
    [InlineData("BO", "us-bo", "us-bo,coe")]      // "Prefers bilateral"
    [InlineData("FR", "us-fr", "us-fr,coe")]      // "Prefers the Bilateral"
    [InlineData("CA", "coe", "us-ca,coe,oas")]    // "Generally Uses COE"
    [InlineData("PA", "coe", "coe,oas,us-pa")]    // "Prefers COE" (us-pa: no intent to remain, so no domicile)
    [InlineData("TR", "coe", "coe,us-tr")]        // "Prefers COE" (us-tr: likewise)
    [InlineData("PE", "us-pe", "us-pe")]          // no note, one instrument
    [InlineData("CL", "coe", "coe,oas")]          // no note: catalog order among the eligible
    public void The_recorded_practice_decides_what_is_usable_and_recommended(string country, string recommended, string eligibleAndUsable)
    {
        var report = CaseBuilder.Outgoing(country).Evaluate();

        Assert.Equal(recommended, report.Recommended);
        var actual = report.Instruments.Where(i => i.Usable && i.Verdict == Verdict.Eligible).Select(i => i.Id);
        Assert.Equal(eligibleAndUsable.Split(',').Order(), actual.Order());
    }

    [Fact]
    public void Mexico_uses_only_its_bilateral_so_coe_and_oas_are_evaluated_but_not_usable()
    {
        var report = CaseBuilder.Outgoing("MX").Evaluate();

        Assert.False(Instrument(report, "coe").Usable);
        Assert.False(Instrument(report, "oas").Usable);
        Assert.True(Instrument(report, "us-mx").Usable);
    }

    [Fact]
    public void A_US_national_coming_home_from_Thailand_is_evaluated_under_the_Thai_treaty()
    {
        var report = CaseBuilder.Incoming("TH").Set("sentence.fullTermDate", "2030-01-01").Evaluate();

        Assert.Equal(new[] { "us-th" }, report.Instruments.Select(i => i.Id));
        Assert.Equal(Verdict.Eligible, report.Verdict);
        Assert.Equal("us-th", report.Recommended);
    }

    [Theory]
    [InlineData(true, Outcome.Met)]
    [InlineData(false, Outcome.NotMet)]
    [InlineData(null, Outcome.Unknown)]
    public void A_state_prisoner_needs_the_state_s_consent_first(bool? stateConsent, Outcome expected)
    {
        var report = CaseBuilder.Outgoing("BR").Set("custody", "state").Set("consent.state", stateConsent is bool b ? JsonValue.Create(b) : null).Evaluate();

        Assert.Equal(expected, Requirement(report, "oas", "state-consent").Outcome);
    }

    [Fact]
    public void An_instrument_is_in_force_only_from_the_later_of_the_two_countries_dates()
    {
        // Ghana joined COE on 2019-07-01, long after the United States (1985-07-01).
        var before = CaseBuilder.Outgoing("GH").Set("applicationDate", "2019-06-30").Set("sentence.fullTermDate", "2025-01-01").Evaluate();
        var after = CaseBuilder.Outgoing("GH").Set("applicationDate", "2019-07-01").Set("sentence.fullTermDate", "2025-01-01").Evaluate();

        Assert.Equal(Verdict.NoTreaty, before.Verdict);
        Assert.Equal(Verdict.Eligible, after.Verdict);
    }
}
