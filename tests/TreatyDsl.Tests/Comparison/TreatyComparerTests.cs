using System.Linq;
using TreatyDsl.Comparison;
using Xunit;

namespace TreatyDsl.Tests.Comparison;

/// <summary>What <c>treaty diff</c> reports for edits to the shipped files: each kind of change with a case eval reproduces, proofs, and what it leaves unanalysed.</summary>
public class TreatyComparerTests
{
    [Fact]
    public void The_same_files_change_nothing_and_every_instrument_has_the_same_rules()
    {
        var model = ComparisonFixture.ShippedModel.Value;
        var comparison = TreatyComparer.Compare(model, ComparisonFixture.Load(ComparisonFixture.Shipped));
        Assert.All(comparison.Instruments, i => Assert.Equal(ComparisonStatus.Unchanged, i.Status));
        Assert.Empty(comparison.Table);
        Assert.Empty(comparison.Vocabulary);
        Assert.False(comparison.MayChange);
        Assert.Equal("no case is answered differently; 13 with the same rules, 0 proved unchanged, 0 not analysed", comparison.Summary);
    }

    [Fact]
    public void Raising_Thailands_minimum_shows_each_kind_of_change_it_makes_and_no_other_instrument_changes()
    {
        var before = ComparisonFixture.ShippedModel.Value;
        var after = ComparisonFixture.Edited("us-th.treaty", "override threshold minTimeRemaining: 12 months", "override threshold minTimeRemaining: 18 months");
        var comparison = TreatyComparer.Compare(before, after);

        var th = comparison.Instruments.Single(i => i.Id == "us-th");
        Assert.Equal(ComparisonStatus.Changes, th.Status);
        Assert.Empty(th.NotAnalysed);
        var edit = Assert.Single(th.Edits);
        Assert.Equal("min-remaining", edit.Id);
        Assert.Equal("threshold minTimeRemaining changed from 12 months to 18 months", edit.Edit);
        Assert.Equal(("treaties/us-th.treaty", 19), (edit.Place.Path, edit.Place.Line));
        // Raising a minimum can only take eligibility away: never the other way.
        Assert.Equal(
            new[] { "eligible → ineligible", "eligible → undetermined", "undetermined → ineligible" },
            th.Changes.Where(c => c.Subject == "verdict").Select(c => c.Kind).OrderBy(k => k, System.StringComparer.Ordinal));
        // And the rule's own outcome, which is how eval's report shows it line by line.
        Assert.Equal(new[] { "rule min-remaining: met → not-met", "rule min-remaining: met → unknown" }, th.Changes.Where(c => c.Subject != "verdict").Select(c => c.Kind));
        var tightened = th.Changes.Single(c => c.Kind == "eligible → ineligible");
        var because = Assert.Single(tightened.Because);
        Assert.Equal(("min-remaining", "met", "not-met"), (because.Rule, because.Before, because.After));
        Assert.Contains("at least 18 months required", because.ExplanationAfter);
        Assert.Equal("eligible → ineligible", tightened.CaseVerdict);
        Assert.Equal("us-th → none", tightened.Recommended);
        Assert.Equal(("US", "TH"), (tightened.Sentencing, tightened.Receiving));
        foreach (var change in th.Changes) ComparisonFixture.AssertReproduced(before, after, change);
        Assert.All(comparison.Instruments.Where(i => i.Id != "us-th"), i => Assert.Equal(ComparisonStatus.Unchanged, i.Status));
    }

    [Fact]
    public void A_rule_rewritten_to_an_equivalent_condition_is_proved_to_change_no_case_in_every_instrument_that_includes_it()
    {
        var before = ComparisonFixture.ShippedModel.Value;
        var after = ComparisonFixture.Edited("baseline.treaty",
            "when all offense in offenses: offense.dualCriminality or offense.sentenceServed",
            "when not (any offense in offenses: not offense.sentenceServed and not offense.dualCriminality)");
        var comparison = TreatyComparer.Compare(before, after);
        Assert.All(comparison.Instruments, i =>
        {
            Assert.Equal(ComparisonStatus.ProvedSame, i.Status);
            Assert.Equal("dual-criminality", Assert.Single(i.Edits).Id);
            Assert.Empty(i.Changes);
        });
        Assert.False(comparison.MayChange);
    }

    [Fact]
    public void Narrowing_a_review_shows_the_cases_it_no_longer_raises()
    {
        var before = ComparisonFixture.ShippedModel.Value;
        var after = ComparisonFixture.Edited("baseline.treaty",
            "when any offense in offenses: offense.category = military or offense.category = political",
            "when any offense in offenses: offense.category = military");
        var coe = TreatyComparer.Compare(before, after).Instruments.Single(i => i.Id == "coe");
        Assert.Equal(ComparisonStatus.Changes, coe.Status);
        var change = coe.Changes.First(c => c.Subject == "review military-or-political-offense");
        Assert.Contains("category: political", change.Fragment);
        ComparisonFixture.AssertReproduced(before, after, change);
        Assert.DoesNotContain(coe.Changes, c => c.Subject == "verdict");
    }

    [Fact]
    public void A_removed_requirement_can_only_make_cases_eligible_and_each_case_is_reproduced()
    {
        var before = ComparisonFixture.ShippedModel.Value;
        var after = ComparisonFixture.Edited("us-th.treaty", "override threshold minTimeRemaining: 12 months", "override threshold minTimeRemaining: 0 months");
        var th = TreatyComparer.Compare(before, after).Instruments.Single(i => i.Id == "us-th");
        Assert.NotEmpty(th.Changes);
        Assert.All(th.Changes.Where(c => c.Subject == "verdict"), c => Assert.Contains(c.Kind, new[] { "ineligible → eligible", "ineligible → undetermined", "undetermined → eligible" }));
        foreach (var change in th.Changes) ComparisonFixture.AssertReproduced(before, after, change);
    }

    [Fact]
    public void A_country_leaving_a_convention_is_a_changed_row_with_a_case_it_no_longer_reaches()
    {
        var before = ComparisonFixture.ShippedModel.Value;
        var after = ComparisonFixture.Edited("countries.treaty", "country AL \"Albania\"\n  columns coe\n  coe from 2000-08-01 \"COE Entry Into Force 08/01/2000\"\n",
            "country AL \"Albania\"\n  columns coe\n");
        var comparison = TreatyComparer.Compare(before, after);
        var changed = Assert.Single(comparison.Table);
        Assert.Equal("AL", changed.Country);
        Assert.Contains("party to coe removed", changed.Differences);
        Assert.NotEmpty(changed.Changes);
        Assert.All(changed.Changes, c => Assert.Equal("AL", c.Sentencing == "US" ? c.Receiving : c.Sentencing));
        Assert.True(comparison.MayChange);
    }

    [Fact]
    public void A_changed_date_of_entry_into_force_is_listed_and_the_cases_it_moves_are_not_analysed()
    {
        var text = ComparisonFixture.Shipped.Single(f => f.Path == "treaties/us-th.treaty").Text;
        var line = text.Split('\n').First(l => l.TrimStart().StartsWith("in force from ", System.StringComparison.Ordinal));
        var after = ComparisonFixture.Edited("us-th.treaty", line, line.Replace("in force from 19", "in force from 20"));
        var th = TreatyComparer.Compare(ComparisonFixture.ShippedModel.Value, after).Instruments.Single(i => i.Id == "us-th");
        Assert.Equal(ComparisonStatus.NotAnalysed, th.Status);
        Assert.StartsWith("entry into force changed from 19", Assert.Single(th.Edits).Edit);
        Assert.StartsWith("the instrument's entry into force changed", Assert.Single(th.NotAnalysed));
    }

    [Fact]
    public void A_fact_defined_otherwise_is_listed_and_leaves_the_instruments_that_read_it_not_analysed()
    {
        var after = ComparisonFixture.Edited("case-file.treaty", "fact custody: Custody \"", "fact custody: Custody required \"");
        var comparison = TreatyComparer.Compare(ComparisonFixture.ShippedModel.Value, after);
        Assert.Equal(new[] { "fact custody changed (its type, whether it is required, or when it is expected)" }, comparison.Vocabulary);
        var coe = comparison.Instruments.Single(i => i.Id == "coe");
        Assert.Equal(ComparisonStatus.NotAnalysed, coe.Status);
        Assert.StartsWith("the vocabulary's definition of custody changed", Assert.Single(coe.NotAnalysed));
        Assert.True(comparison.MayChange);
    }
}
