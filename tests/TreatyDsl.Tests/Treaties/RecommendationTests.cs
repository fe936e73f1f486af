using System.Linq;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>
/// France prefers its bilateral (12 months remaining, unless the case is exceptional) over COE (6 months). With 11 months
/// left, whether the bilateral applies turns on exceptionalCircumstances; while that is unknown, nothing is recommended.
/// </summary>
public class RecommendationTests
{
    private static CaseBuilder FrenchCaseWithElevenMonthsLeft() =>
        CaseBuilder.Outgoing("FR").Set("applicationDate", "2026-01-15").Set("sentence.fullTermDate", "2026-12-15");

    [Fact]
    public void An_exceptional_case_is_recommended_under_the_preferred_bilateral()
    {
        var report = FrenchCaseWithElevenMonthsLeft().Set("exceptionalCircumstances", true).Evaluate();

        Assert.Equal("us-fr", report.Recommended);
    }

    [Fact]
    public void A_case_that_is_not_exceptional_is_recommended_under_COE()
    {
        var report = FrenchCaseWithElevenMonthsLeft().Set("exceptionalCircumstances", false).Evaluate();

        Assert.Equal("coe", report.Recommended);
    }

    [Fact]
    public void While_the_preferred_bilateral_is_undetermined_nothing_is_recommended_and_a_note_says_why()
    {
        var report = FrenchCaseWithElevenMonthsLeft().Remove("exceptionalCircumstances").Evaluate();

        Assert.Equal(Verdict.Eligible, report.Verdict);
        Assert.Null(report.Recommended);
        Assert.Contains("No instrument is recommended yet: coe is eligible, but us-fr comes first in the order of preference and is undetermined (missing: exceptionalCircumstances)", report.Notes);
    }
}
