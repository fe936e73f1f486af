using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>
/// What the sources say, in the direction and for the instrument they say it (issue 10; docs/sources.md): Mexico's fines
/// rule, unpaid fines and restitution as advice in both directions, and dual criminality of the offences transferred.
/// Every case runs through the generated validators and the interpreter alike (CaseBuilder.Evaluate).
/// </summary>
public class SourceDirectionTests
{
    private static RequirementResult Requirement(CaseReport report, string instrument, string id) =>
        report.Instruments.Single(i => i.Id == instrument).Requirements.Single(r => r.Id == id);

    [Fact]
    public void Unpaid_US_fines_do_not_make_a_Mexican_prisoner_ineligible_but_are_raised_as_advice()
    {
        var report = CaseBuilder.Outgoing("MX").Set("financial.finesUnpaid", true).Evaluate();

        Assert.Equal(Outcome.Met, Requirement(report, "us-mx", "fines-paid").Outcome);
        Assert.Equal(Verdict.Eligible, report.Verdict);
        var advice = Assert.Single(report.Advisory, a => a.Factor == "unpaid-fines");
        Assert.Equal("against", advice.Weighs);
        Assert.Contains("7 FAM 481.3-3 (3) and Note", advice.Citation);
    }

    [Fact]
    public void Unpaid_Mexican_fines_make_a_US_national_held_in_Mexico_ineligible_and_unknown_fines_leave_it_undetermined()
    {
        var unpaid = CaseBuilder.Incoming("MX").Set("financial.finesUnpaid", true).Evaluate();
        var unknown = CaseBuilder.Incoming("MX").Remove("financial.finesUnpaid").Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(unpaid, "us-mx", "fines-paid").Outcome);
        Assert.Equal(Verdict.Ineligible, unpaid.Verdict);
        Assert.Contains(unpaid.Advisory, a => a.Factor == "unpaid-fines");
        Assert.Equal(Outcome.Unknown, Requirement(unknown, "us-mx", "fines-paid").Outcome);
        Assert.Equal(Verdict.Undetermined, unknown.Verdict);
    }

    [Fact]
    public void Unpaid_fines_and_restitution_are_advice_in_both_directions_and_never_change_a_verdict()
    {
        var incoming = CaseBuilder.Incoming("DE").Set("financial.finesUnpaid", true).Set("financial.restitutionUnpaid", true).Evaluate();
        var outgoing = CaseBuilder.Outgoing("DE").Set("financial.finesUnpaid", true).Set("financial.restitutionUnpaid", true).Evaluate();

        Assert.Equal(new[] { "unpaid-fines", "unpaid-restitution-foreign-sentence" }, incoming.Advisory.Select(a => a.Factor).OrderBy(f => f));
        // A US sentence: the DOJ guidelines' own restitution factor (III.B.2.d), not the 7 FAM one, beside the fines.
        Assert.Equal(new[] { "unpaid-fines", "unpaid-restitution" }, outgoing.Advisory.Select(a => a.Factor).Where(f => f.StartsWith("unpaid")).OrderBy(f => f));
        Assert.Equal(Verdict.Eligible, incoming.Verdict);
        Assert.Equal(Verdict.Eligible, outgoing.Verdict);
    }

    [Theory]
    [InlineData(true, Outcome.Met)]      // fully served: not transferred, so dual criminality is not asked of it
    [InlineData(false, Outcome.NotMet)]  // still being served: it is transferred, and is no crime in the receiving country
    [InlineData(null, Outcome.Unknown)]  // not known whether served: unknown is not yes
    public void Dual_criminality_is_required_of_the_offences_being_transferred(bool? secondServed, Outcome expected)
    {
        var offenses = JsonNode.Parse("""
            [{ "category": "drug", "dualCriminality": true, "sentenceServed": false },
             { "category": "other", "dualCriminality": false, "sentenceServed": null }]
            """)!.AsArray();
        offenses[1]!["sentenceServed"] = secondServed is null ? null : JsonValue.Create(secondServed.Value);

        var report = CaseBuilder.Outgoing("DE").Set("offenses", offenses).Evaluate();

        Assert.Equal(expected, Requirement(report, "coe", "dual-criminality").Outcome);
    }

    [Fact]
    public void Where_no_usage_preference_is_recorded_the_report_says_the_recommendation_is_only_the_catalogs_order()
    {
        var chile = CaseBuilder.Outgoing("CL").Evaluate();

        Assert.Equal("coe", chile.Recommended);
        Assert.Contains("The country table records no usage preference for Chile (CL): coe is recommended only because it comes first in the catalog's order; " +
            "oas is also eligible, and the choice between them is the caseworker's", chile.Notes);
        // One eligible instrument leaves nothing to choose; a recorded preference that names the recommended one needs no note.
        Assert.DoesNotContain(CaseBuilder.Outgoing("PE").Evaluate().Notes, n => n.Contains("catalog's order"));
        Assert.DoesNotContain(CaseBuilder.Outgoing("CA").Evaluate().Notes, n => n.Contains("catalog's order"));
    }

    [Fact]
    public void A_military_or_political_offence_raises_a_review_under_every_instrument_and_never_changes_a_verdict()
    {
        var military = CaseBuilder.Outgoing("DE").Offenses("military").Evaluate();
        var drug = CaseBuilder.Outgoing("DE").Offenses("drug").Evaluate();

        var coe = military.Instruments.Single(i => i.Id == "coe");
        Assert.Equal(Verdict.Eligible, coe.Verdict);
        var review = Assert.Single(coe.RaisedReviews);
        Assert.Equal(("military-or-political-offense", Outcome.NotMet), (review.Id, review.Outcome));
        Assert.StartsWith("DOJ Guidelines II, additional requirement 5", review.Citation);
        Assert.Empty(drug.Instruments.Single(i => i.Id == "coe").RaisedReviews);
    }

    [Fact]
    public void A_death_sentence_raises_a_review_under_a_bilateral_only_and_an_unknown_category_cannot_be_ruled_out()
    {
        var peru = CaseBuilder.Outgoing("PE").Set("sentence.type", "death").Evaluate();
        var germany = CaseBuilder.Outgoing("DE").Set("sentence.type", "death").Evaluate();
        var unknownCategory = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse("""[{ "dualCriminality": true, "sentenceServed": false }]""")).Evaluate();

        Assert.Contains(peru.Instruments.Single(i => i.Id == "us-pe").RaisedReviews, r => r.Id == "capital-sentence-text" && r.Outcome == Outcome.NotMet);
        Assert.Empty(germany.Instruments.Single(i => i.Id == "coe").RaisedReviews);
        var unknown = Assert.Single(unknownCategory.Instruments.Single(i => i.Id == "coe").RaisedReviews);
        Assert.Equal(Outcome.Unknown, unknown.Outcome);
        Assert.Equal(new[] { "offenses[0].category" }, unknown.MissingFacts);
    }
}
