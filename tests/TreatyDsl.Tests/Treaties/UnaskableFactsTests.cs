using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Cli;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>
/// A requirement that stays unknown only for a fact the vocabulary does not expect for the case (a full-term date of a
/// death sentence) asks for no such fact: it stays unknown, and a review under its id says what the caseworker decides,
/// in the words and citation of its treaty file's <c>accept TDSL0315</c> (issue 28, item 4).
/// </summary>
public sealed class UnaskableFactsTests
{
    private static CaseBuilder Death(string country) =>
        CaseBuilder.Outgoing(country).Set("sentence", JsonNode.Parse("""{ "type": "death", "imposedOn": "2021-02-01" }"""));

    [Fact]
    public void A_death_sentence_under_COE_asks_for_no_full_term_date_and_raises_the_decision_as_a_review()
    {
        var report = Death("DE").Evaluate();

        var coe = report.Instruments.Single(i => i.Id == "coe");
        var minRemaining = coe.Requirements.Single(r => r.Id == "min-remaining");
        Assert.Equal(Verdict.Undetermined, coe.Verdict);
        Assert.Equal(Outcome.Unknown, minRemaining.Outcome);
        Assert.Empty(minRemaining.MissingFacts);
        Assert.Empty(coe.MissingFacts);
        Assert.EndsWith("sentence.fullTermDate is not expected for this case (the vocabulary expects it only when sentence.type = determinate), so it is not asked for", minRemaining.Explanation);
        var review = Assert.Single(coe.RaisedReviews);
        Assert.Equal(("min-remaining", Outcome.NotMet), (review.Id, review.Outcome));
        Assert.StartsWith("A death or juvenile sentence has no full-term date, so whether enough of it remains to be served is for the caseworker to decide", review.Text);
        Assert.StartsWith("DOJ Guidelines II, additional requirement 2 and 3", review.Citation);
        Assert.Equal("min-remaining cannot be decided from the case file: sentence.fullTermDate is not expected for this case (the vocabulary expects it only when sentence.type = determinate)", review.Explanation);
    }

    [Fact]
    public void The_headline_and_the_case_level_json_carry_the_decision()
    {
        var report = Death("DE").Evaluate();

        Assert.Equal("; NEEDS REVIEW: min-remaining (coe)", TextReportWriter.Headline(report.Reviews()));
        Assert.Contains("\"reviews\":[{\"instrument\":\"coe\",\"id\":\"min-remaining\",\"outcome\":\"needs-review\"}]", JsonReportWriter.ToJsonLine(report));
    }

    [Fact]
    public void A_death_sentence_under_a_bilateral_raises_both_the_treaty_text_review_and_the_decision_and_asks_for_nothing()
    {
        var report = Death("FR").Evaluate();

        var bilateral = report.Instruments.Single(i => i.Id == "us-fr");
        Assert.Equal(Verdict.Undetermined, bilateral.Verdict);
        Assert.Empty(bilateral.MissingFacts);
        Assert.Equal(new[] { "capital-sentence-text", "min-remaining" }, bilateral.RaisedReviews.Select(r => r.Id).OrderBy(id => id));
    }

    [Fact]
    public void A_determinate_sentence_without_its_full_term_date_is_still_asked_for_it()
    {
        var report = CaseBuilder.Outgoing("DE").Remove("sentence.fullTermDate").Evaluate();

        var coe = report.Instruments.Single(i => i.Id == "coe");
        Assert.Equal(new[] { "sentence.fullTermDate" }, coe.MissingFacts);
        Assert.Empty(coe.RaisedReviews);
    }

    [Fact]
    public void A_sentence_of_unknown_type_may_have_a_full_term_date_so_it_is_asked_for()
    {
        var report = CaseBuilder.Outgoing("DE").Remove("sentence.type").Remove("sentence.fullTermDate").Evaluate();

        var coe = report.Instruments.Single(i => i.Id == "coe");
        Assert.Contains("sentence.fullTermDate", coe.MissingFacts);
        Assert.DoesNotContain(coe.RaisedReviews, r => r.Id == "min-remaining");
    }

    [Fact]
    public void Under_an_instrument_that_bars_a_death_sentence_nothing_is_asked_and_nothing_is_left_to_decide()
    {
        var report = CaseBuilder.Outgoing("BR").Set("sentence", JsonNode.Parse("""{ "type": "death", "imposedOn": "2021-02-01" }""")).Evaluate();

        var oas = report.Instruments.Single(i => i.Id == "oas");
        Assert.Equal(Verdict.Ineligible, oas.Verdict);
        Assert.Empty(oas.Requirements.Single(r => r.Id == "min-remaining").MissingFacts);
        Assert.DoesNotContain(oas.RaisedReviews, r => r.Id == "min-remaining");
    }
}
