using System.IO;
using System.Linq;
using TreatyDsl.Diagnostics;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// The case analysis (TDSL0305-0317): for each check a treaty text that must report it exactly at the marked place, and
/// a near miss that must not. Marks follow <see cref="AnalysisVerifier"/>.
/// </summary>
public class CaseCheckTests
{
    private static string Rule(string id, string condition, string kind = "require") => $"{kind} {id}: \"t\" cite \"c\" when {condition}\n";

    [Fact]
    public void Requirements_that_cannot_hold_together_make_the_instrument_vacuous_and_each_is_conflicting()
    {
        var findings = Verify(Instrument(
            Rule("{|TDSL0306:final|}", "judgment.final") + Rule("{|TDSL0306:not-final|}", "not judgment.final") + Rule("consent", "consent.prisoner"),
            id: "{|TDSL0305:us-mx|}"));

        var vacuous = findings.Single(f => f.Id == "TDSL0305");
        Assert.Equal("No case can be eligible under us-mx: the requirements 'final', 'not-final' cannot all be met by any case, whatever its facts", vacuous.Message);
        Assert.Null(vacuous.Witness);
    }

    [Fact]
    public void Requirements_that_can_hold_together_are_not_vacuous()
    {
        Verify(Instrument(Rule("final", "judgment.final") + Rule("consent", "consent.prisoner or consent.state")));
    }

    [Fact]
    public void A_rule_no_case_meets_is_never_met()
    {
        Verify(Instrument(Rule("{|TDSL0307:never|}", "judgment.final and not judgment.final") + Rule("consent", "consent.prisoner"), id: "{|TDSL0305:us-mx|}"));
    }

    [Fact]
    public void A_rule_no_case_fails_is_always_met_and_one_that_can_fail_is_not()
    {
        Verify(Instrument(Rule("{|TDSL0308:always|}", "consent.prisoner or not consent.prisoner") + Rule("consent", "consent.receivingCountry")));
        Verify(Instrument(Rule("sometimes", "consent.prisoner or judgment.final")));
    }

    [Fact]
    public void An_exception_that_holds_only_where_its_rule_is_met_is_dead()
    {
        Verify(Instrument("require final: \"t\" cite \"c\" when judgment.final\n  {|TDSL0310:unless judgment.final and consent.prisoner|}\n"));
        Verify(Instrument("require final: \"t\" cite \"c\" when judgment.final\n  unless consent.prisoner\n"));
    }

    [Fact]
    public void An_exception_that_holds_wherever_its_rule_fails_swallows_it_with_a_witness()
    {
        var finding = Assert.Single(Verify(Instrument("require final: \"t\" cite \"c\" when judgment.final\n  {|TDSL0311:unless not judgment.final|}\n")));

        Assert.Contains("(e.g. judgment.final = false:", finding.Message);
        Assert.Contains("\"final\": false", finding.Witness);
    }

    [Fact]
    public void An_alternative_the_other_alternatives_cover_is_redundant()
    {
        Verify(Instrument(Rule("resident", "prisoner.yearsResidentInSentencingCountry >= 5 or {|TDSL0313:prisoner.yearsResidentInSentencingCountry >= 10|}")));
        Verify(Instrument(Rule("resident", "prisoner.yearsResidentInSentencingCountry >= 5 or prisoner.yearsResidentInSentencingCountry < 2")));
    }

    [Fact]
    public void An_allowance_another_requirement_always_blocks_is_masked_and_names_the_blocker()
    {
        var finding = Assert.Single(Verify(Instrument(
            Rule("sentence", "sentence.type = determinate or {|TDSL0312:sentence.type = death|}") + Rule("no-death", "sentence.type = death", "bar"))));

        Assert.StartsWith("The alternative 'sentence.type = death' of 'sentence' never makes a case eligible under us-mx: wherever it applies, 'no-death' is never met (e.g. sentence.type = death)", finding.Message);
    }

    [Fact]
    public void A_bar_is_escaped_through_any_operand_of_its_and_so_each_is_an_alternative_that_can_be_redundant()
    {
        var finding = Assert.Single(Verify(Instrument(
            Rule("long-residence", "prisoner.yearsResidentInSentencingCountry >= 10 and {|TDSL0313:prisoner.yearsResidentInSentencingCountry >= 5|}", "bar"))));

        Assert.StartsWith("The alternative 'not prisoner.yearsResidentInSentencingCountry >= 5' of 'long-residence' never changes whether the rule is met", finding.Message);
        Verify(Instrument(Rule("long-residence", "prisoner.yearsResidentInSentencingCountry >= 10 and consent.prisoner", "bar")));
    }

    [Fact]
    public void A_way_out_of_a_bar_that_another_requirement_always_blocks_is_masked()
    {
        var finding = Assert.Single(Verify(Instrument(
            Rule("no-death", "sentence.type = death and {|TDSL0312:not exceptionalCircumstances|}", "bar") + Rule("ordinary", "not exceptionalCircumstances"))));

        Assert.StartsWith("The alternative 'exceptionalCircumstances' of 'no-death' never makes a case eligible under us-mx: wherever it applies, 'ordinary' is never met", finding.Message);
        SoundnessProperties.AssertReproduced(finding, TreatyDsl.Interpretation.InterpretedCatalog.Create(Loaded(Instrument(
            Rule("no-death", "sentence.type = death and not exceptionalCircumstances", "bar") + Rule("ordinary", "not exceptionalCircumstances")))),
            TreatyDsl.Interpretation.InterpretedCatalog.SchemaOf(Loaded(string.Empty).Vocabulary));
    }

    private static TreatyDsl.Binding.TreatyModel Loaded(string text) => TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", text) });

    [Fact]
    public void A_requirement_the_baseline_already_imposes_is_redundant_and_one_that_adds_something_is_not()
    {
        // With one instrument, the baseline's territory exception is dead (no territory reaches it) and its accepted
        // min-remaining finding shows; both are marked so that the test states every finding.
        var statute = File.ReadAllText(Path.Combine(Paths.Root, "treaties", "baseline.treaty"))
            .Replace("unless receivingNationality in prisoner.nationalities", "{|TDSL0310:unless receivingNationality in prisoner.nationalities|}")
            .Replace("require min-remaining", "require {|TDSL0315:min-remaining|}");
        var finding = Assert.Single(Verify(statute + Instrument(Rule("{|TDSL0314:final-again|}", "judgment.final"), includesStatute: true)), f => f.Id == "TDSL0314");

        Assert.Equal("'final-again' never decides a case under us-mx: every case that meets 'final-judgment' meets it (it is written exactly as 'final-judgment' is)", finding.Message);
        var findings = Verify(statute + Instrument(Rule("paid", "not financial.finesUnpaid"), includesStatute: true));
        Assert.DoesNotContain(findings, f => f.Id == "TDSL0314");
    }

    [Fact]
    public void A_rule_that_needs_a_fact_absent_by_construction_is_undecidable_with_the_class_as_witness()
    {
        var finding = Assert.Single(Verify(Instrument(Rule("{|TDSL0315:time|}", "timeRemaining >= 6 months"))));

        Assert.Contains("(e.g. sentence.type = death, no sentence.fullTermDate)", finding.Message);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        // Once the class is decided by another rule, nothing is left undetermined by construction.
        Verify(Instrument(Rule("time", "timeRemaining >= 6 months") + Rule("determinate", "sentence.type = determinate or sentence.type = life or sentence.type = indeterminate or sentence.type = dangerous-offender")));
    }

    [Fact]
    public void An_accepted_finding_is_information_with_its_justification_and_a_stale_accept_is_reported()
    {
        var accepted = Assert.Single(Verify(Instrument(
            "require time: \"t\" cite \"c\" when timeRemaining >= 6 months\n  accept TDSL0315 \"left to the caseworker\" cite \"src\"\n")
            .Replace("require time", "require {|TDSL0315:time|}")));
        Assert.Equal(DiagnosticSeverity.Info, accepted.Severity);
        Assert.EndsWith(". Accepted: left to the caseworker [src]", accepted.Message);

        Verify(Instrument("require final: \"t\" cite \"c\" when judgment.final\n  accept {|TDSL0317:TDSL0315|} \"stale\"\n"));
    }

    [Fact]
    public void Accepting_something_that_is_not_an_analysis_finding_is_TDSL0125()
    {
        var model = TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", Instrument("require final: \"t\" cite \"c\" when judgment.final\n  accept TDSL0102 \"no\"\n")) });

        var error = Assert.Single(model.Diagnostics, d => d.Id == "TDSL0125");
        Assert.Equal("'TDSL0102' is not the id of an analysis finding (TDSL03xx); 'accept' justifies a finding of the analysis, not an error", error.Message);
    }

    [Fact]
    public void A_threshold_with_a_stretch_of_dates_and_no_value_is_a_gap_and_versions_that_meet_are_not()
    {
        const string Gap = "threshold minimum: 6 months cite \"c\" effective before 2020-01-01\n{|TDSL0316:threshold minimum: 3 months cite \"c\" effective from 2020-02-01|}\n";
        var rules = Rule("time", "timeRemaining >= minimum") + Rule("determinate", "sentence.type = determinate");
        // The gap is reported at the version after it; the mark is adjusted to the threshold's name below.
        var model = TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", Instrument(Gap.Replace("{|TDSL0316:", string.Empty).Replace("|}", string.Empty) + rules)) });
        var gap = Assert.Single(model.Diagnostics, d => d.Id == "TDSL0316");
        Assert.Equal("'minimum' has no version in effect from 2020-01-01 before 2020-02-01, between its versions, under us-mx", gap.Message);

        Verify(Instrument("threshold minimum: 6 months cite \"c\" effective before 2020-01-01\nthreshold minimum: 3 months cite \"c\" effective from 2020-01-01\n" + rules));
    }
}
