using System.Linq;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>
/// A sentence with no end (life, indeterminate, dangerous-offender) leaves more than any minimum to serve
/// (`unbounded when` on timeRemaining, DOJ Guidelines II, additional requirement 3); whether an instrument accepts such a sentence is its own rule.
/// Every case is evaluated by the generated validators and checked against the interpreter (CaseBuilder).
/// </summary>
public class LifeSentenceTests
{
    private static CaseBuilder LifeSentence(string country) =>
        CaseBuilder.Outgoing(country).Set("sentence.type", "life").Remove("sentence.fullTermDate");

    private static RequirementResult MinRemaining(CaseReport report, string instrument) =>
        report.Instruments.Single(i => i.Id == instrument).Requirements.Single(r => r.Id == "min-remaining");

    [Theory]
    [InlineData("CA", "us-ca")]
    [InlineData("TH", "us-th")]
    public void A_life_sentence_to_Canada_or_Thailand_that_meets_everything_else_is_eligible(string country, string bilateral)
    {
        var report = LifeSentence(country).Evaluate();

        Assert.Equal(Verdict.Eligible, report.Verdict);
        Assert.Equal(Verdict.Eligible, report.Instruments.Single(i => i.Id == bilateral).Verdict);
        var minimum = MinRemaining(report, bilateral);
        Assert.Equal(Outcome.Met, minimum.Outcome);
        Assert.StartsWith("no end, so unlimited time remaining (sentence.type = life or sentence.type = indeterminate or sentence.type = dangerous-offender)", minimum.Explanation);
    }

    [Fact]
    public void A_life_sentence_to_Mexico_meets_the_minimum_but_not_the_determinate_sentence_rule()
    {
        var usMx = LifeSentence("MX").Evaluate().Instruments.Single(i => i.Id == "us-mx");

        Assert.Equal(Verdict.Ineligible, usMx.Verdict);
        Assert.Equal(Outcome.Met, usMx.Requirements.Single(r => r.Id == "min-remaining").Outcome);
        Assert.Equal(Outcome.NotMet, usMx.Requirements.Single(r => r.Id == "determinate-sentence").Outcome);
    }

    [Fact]
    public void With_the_sentence_type_unknown_a_full_term_far_enough_ahead_still_meets_the_minimum()
    {
        var report = CaseBuilder.Outgoing("CA").Remove("sentence.type").Set("sentence.fullTermDate", "2036-01-15").Evaluate();

        Assert.Equal(Outcome.Met, MinRemaining(report, "us-ca").Outcome);
    }

    [Fact]
    public void With_the_sentence_type_and_full_term_unknown_the_minimum_is_unknown_and_both_are_asked_for()
    {
        var report = CaseBuilder.Outgoing("CA").Remove("sentence.type").Remove("sentence.fullTermDate").Evaluate();

        var minimum = MinRemaining(report, "us-ca");
        Assert.Equal(Outcome.Unknown, minimum.Outcome);
        Assert.Equal(new[] { "sentence.type", "sentence.fullTermDate" }, minimum.MissingFacts);
        Assert.Contains("unless it has no end (sentence.type = life or sentence.type = indeterminate or sentence.type = dangerous-offender: not known)", minimum.Explanation);
    }

    [Fact]
    public void A_determinate_sentence_one_day_short_still_fails_the_minimum()
    {
        var report = CaseBuilder.Outgoing("CA").Set("applicationDate", "2026-01-15").Set("sentence.fullTermDate", "2026-07-14").Evaluate();

        Assert.Equal(Outcome.NotMet, MinRemaining(report, "us-ca").Outcome);
    }
}
