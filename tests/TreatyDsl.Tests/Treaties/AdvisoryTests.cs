using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Binding;
using TreatyDsl.Cli;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>
/// The discretionary factors of treaties/doj-guidelines.treaty: each reported when its fact touches it, with its
/// direction and citation, never for a missing fact, never for a US national coming home, and never changing a verdict.
/// </summary>
public class AdvisoryTests
{
    /// <summary>A Mexican federal prisoner whose facts touch no factor: two years here, no plans to stay, a drug offence.</summary>
    private static CaseBuilder Quiet() =>
        CaseBuilder.Outgoing("MX")
            .Set("prisoner.yearsResidentInSentencingCountry", 2)
            .Set("prisoner.intendsToRemainInSentencingCountry", false)
            .Set("prisoner.domiciliaryOfSentencingCountry", false)
            .Set("prisoner.priorTransfer", false)
            .Offenses("drug");

    private static string[] Factors(CaseReport report) => report.Advisory.Select(a => a.Factor).ToArray();

    [Fact]
    public void A_case_whose_facts_touch_no_factor_has_no_advisory()
    {
        Assert.Empty(Quiet().Evaluate().Advisory);
    }

    [Theory]
    [InlineData("long-residence", "against", "DOJ Guidelines III.A.1.b (five years: DOJ Guidelines n.2)")]
    [InlineData("intends-to-remain", "against", "DOJ Guidelines III.A.1.a; DOJ Guidelines III.A.2")]
    [InlineData("us-domiciliary", "against", "DOJ Guidelines III.A.1.b")]
    [InlineData("immigration-history", "against", "DOJ Guidelines III.A.2")]
    [InlineData("serious-offense", "against", "DOJ Guidelines III.A.5; DOJ Guidelines III.B.1")]
    [InlineData("terrorism-or-national-security", "against", "DOJ Guidelines III.A.5; DOJ Guidelines III.B.4")]
    [InlineData("prior-transfer", "against", "DOJ Guidelines III.A.8")]
    [InlineData("dual-national", "either", "DOJ Guidelines III.A.9")]
    [InlineData("unpaid-restitution", "against", "DOJ Guidelines III.B.2.d")]
    [InlineData("state-approved", "for", "DOJ Guidelines IV")]
    public void Each_factor_is_reported_alone_when_its_fact_touches_it(string factor, string weighs, string citation)
    {
        var report = Touch(Quiet(), factor).Evaluate();

        var item = Assert.Single(report.Advisory);
        Assert.Equal((factor, weighs, citation), (item.Factor, item.Weighs, item.Citation));
        Assert.NotEmpty(item.Text);
    }

    private static CaseBuilder Touch(CaseBuilder c, string factor) => factor switch
    {
        "long-residence" => c.Set("prisoner.yearsResidentInSentencingCountry", 5),
        "intends-to-remain" => c.Set("prisoner.intendsToRemainInSentencingCountry", true),
        "us-domiciliary" => c.Set("prisoner.domiciliaryOfSentencingCountry", true),
        "immigration-history" => c.Offenses("drug", "immigration"),
        "serious-offense" => c.Offenses("firearm"),
        "terrorism-or-national-security" => c.Offenses("state-security"),
        "prior-transfer" => c.Set("prisoner.priorTransfer", true),
        "dual-national" => c.Set("prisoner.nationalities", new JsonArray("MX", "US")),
        "unpaid-restitution" => c.Set("financial.restitutionUnpaid", true),
        "state-approved" => c.Set("custody", "state").Set("consent.state", true),
        _ => throw new System.ArgumentException(factor),
    };

    [Fact]
    public void Four_years_of_residence_is_short_of_the_long_residence_factor()
    {
        Assert.Empty(Quiet().Set("prisoner.yearsResidentInSentencingCountry", 4).Evaluate().Advisory);
    }

    [Fact]
    public void A_factor_says_which_facts_touched_it()
    {
        var item = Assert.Single(Quiet().Set("prisoner.yearsResidentInSentencingCountry", 12).Evaluate().Advisory);

        Assert.Equal("prisoner.yearsResidentInSentencingCountry is 12 (prisoner.yearsResidentInSentencingCountry at least 5: yes)", item.Explanation);
    }

    [Fact]
    public void A_missing_fact_touches_no_factor()
    {
        var report = Quiet()
            .Remove("prisoner.yearsResidentInSentencingCountry")
            .Remove("prisoner.priorTransfer")
            .Remove("financial.restitutionUnpaid")
            .Evaluate();

        Assert.Empty(report.Advisory);
    }

    [Fact]
    public void A_state_prisoner_without_the_states_approval_gets_no_favourable_factor()
    {
        var report = Quiet().Set("custody", "state").Set("consent.state", false).Evaluate();

        Assert.Empty(report.Advisory);
        Assert.Equal(Verdict.Ineligible, report.Verdict);
    }

    [Fact]
    public void The_guidelines_do_not_weigh_a_US_national_coming_home_and_only_the_7_FAM_advice_on_restitution_applies()
    {
        var report = CaseBuilder.Incoming("TH").Set("prisoner.priorTransfer", true).Set("financial.restitutionUnpaid", true).Evaluate();

        Assert.Equal(new[] { "unpaid-restitution-foreign-sentence" }, report.Advisory.Select(a => a.Factor));
    }

    [Fact]
    public void Every_factor_against_transfer_still_leaves_an_eligible_case_eligible()
    {
        var c = Quiet();
        foreach (var factor in new[] { "long-residence", "prior-transfer", "unpaid-restitution", "serious-offense" }) c = Touch(c, factor);

        var report = c.Evaluate();

        Assert.Equal(new[] { "long-residence", "serious-offense", "prior-transfer", "unpaid-restitution" }, Factors(report));
        Assert.Equal((Verdict.Eligible, "us-mx"), (report.Verdict, report.Recommended));
    }

    public static IEnumerable<object[]> Samples() =>
        Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Samples))]
    public void Removing_the_advisory_factors_changes_nothing_but_the_advisory(string sample)
    {
        var model = TreatyLoader.LoadDirectory(Paths.Treaties);
        var with = InterpretedCatalog.Create(model);
        var without = InterpretedCatalog.Create(model with { Advisories = EquatableArray<AdvisorySetModel>.Empty });
        var text = File.ReadAllText(Path.Combine(Paths.Samples, sample));

        var a = CaseEvaluator.Evaluate(with, CaseFileReader.Read(text, with.Schema).Facts!);
        var b = CaseEvaluator.Evaluate(without, CaseFileReader.Read(text, without.Schema).Facts!);

        Assert.Empty(b.Advisory);
        Assert.Equal(JsonReportWriter.ToJsonLine(b), JsonReportWriter.ToJsonLine(a with { Advisory = b.Advisory }));
    }
}
