using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Cli;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>
/// Which offence is being transferred, where the case's own facts settle it (issue 28, item 1): a single offence is the
/// one the application is about; while the sentence runs on the application date, the offences not known served cannot
/// all be served, so the only one not marked served is the one being transferred; either must be a crime in the
/// receiving country (7 FAM 481.2 b(4); DOJ Guidelines II(2)). A case file that marks every offence served while the
/// sentence runs contradicts itself and is refused.
/// </summary>
public sealed class OffenceBeingTransferredTests
{
    private const string NoDualCriminality = """{ "description": "Gambling", "category": "other", "dualCriminality": false }""";

    [Fact]
    public void A_single_offence_is_the_one_transferred_so_without_dual_criminality_the_case_is_ineligible()
    {
        var report = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse($"[{NoDualCriminality}]")).Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(report, "coe", "dual-criminality").Outcome);
        Assert.Equal(Verdict.Ineligible, report.Verdict);
        Assert.Contains(report.Notes, n => n.StartsWith("offenses[0].sentenceServed is not given: the case's only offence is the one whose sentence the application is to transfer, so it is read as not served and dual criminality is asked of it"));
    }

    [Fact]
    public void A_single_offence_is_the_one_transferred_even_when_the_sentence_s_end_is_not_known()
    {
        var report = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse($"[{NoDualCriminality}]")).Remove("sentence.fullTermDate").Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(report, "coe", "dual-criminality").Outcome);
    }

    [Fact]
    public void A_life_sentence_runs_so_its_single_offence_is_the_one_transferred()
    {
        var report = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse($"[{NoDualCriminality}]"))
            .Set("sentence.type", "life").Remove("sentence.fullTermDate").Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(report, "coe", "dual-criminality").Outcome);
    }

    [Fact]
    public void With_every_other_offence_served_the_one_not_known_served_is_the_one_transferred()
    {
        var report = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse($$"""
            [{ "category": "drug", "dualCriminality": true, "sentenceServed": true }, {{NoDualCriminality}}]
            """)).Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(report, "coe", "dual-criminality").Outcome);
        Assert.Contains(report.Notes, n => n.StartsWith("offenses[1].sentenceServed is taken as false (not given)") && n.Contains("every other offence is marked served"));
    }

    [Fact]
    public void A_served_offence_without_dual_criminality_beside_one_not_known_served_is_not_transferred()
    {
        var report = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse("""
            [{ "category": "other", "dualCriminality": false, "sentenceServed": true },
             { "category": "drug", "dualCriminality": true }]
            """)).Evaluate();

        Assert.Equal(Outcome.Met, Requirement(report, "coe", "dual-criminality").Outcome);
    }

    [Fact]
    public void Two_offences_not_known_served_leave_open_which_is_transferred()
    {
        var report = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse($$"""
            [{ "category": "drug", "dualCriminality": true }, {{NoDualCriminality}}]
            """)).Evaluate();

        Assert.Equal(Outcome.Unknown, Requirement(report, "coe", "dual-criminality").Outcome);
        Assert.DoesNotContain(report.Notes, n => n.Contains("sentenceServed"));
    }

    [Fact]
    public void A_single_immigration_offence_with_time_left_is_transferred_so_Mexico_s_bar_applies()
    {
        var report = CaseBuilder.Outgoing("MX").Set("offenses", JsonNode.Parse("""
            [{ "description": "Illegal reentry", "category": "immigration", "dualCriminality": true }]
            """)).Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(report, "us-mx", "immigration-offense").Outcome);
    }

    [Fact]
    public void The_only_offence_marked_served_while_time_remains_is_refused_at_its_mark()
    {
        var read = CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse("""
            [{ "category": "other", "dualCriminality": false, "sentenceServed": true }]
            """)).Read();

        Assert.True(read.Refused);
        Assert.Equal(
            "$.offenses[0].sentenceServed: the case's only offence is marked served, but the sentence runs until 2031-01-31, after the application date 2026-01-15: " +
            "the prisoner is serving the sentence for it, so it is the offence being transferred (7 FAM 481.2 b(4) (\"the offense being transferred\"); DOJ Guidelines II(2)); " +
            "mark the offence being transferred \"sentenceServed\": false, or leave the mark out",
            Assert.Single(read.Errors));
    }

    [Fact]
    public void Every_offence_marked_served_under_a_sentence_with_no_end_is_refused_at_the_list()
    {
        var read = CaseBuilder.Outgoing("DE").Set("sentence.type", "life").Remove("sentence.fullTermDate").Set("offenses", JsonNode.Parse("""
            [{ "category": "drug", "dualCriminality": true, "sentenceServed": true }, { "category": "fraud", "dualCriminality": true, "sentenceServed": true }]
            """)).Read();

        Assert.True(read.Refused);
        Assert.StartsWith("$.offenses: every offence is marked served, but the sentence (life) has no end date: the prisoner is still serving the sentence for some offence", Assert.Single(read.Errors));
    }

    [Fact]
    public void The_only_offence_marked_served_when_the_full_term_has_ended_is_still_the_one_the_application_is_about()
    {
        var report = CaseBuilder.Outgoing("DE").Set("sentence.fullTermDate", "2025-12-31").Set("offenses", JsonNode.Parse("""
            [{ "category": "other", "dualCriminality": false, "sentenceServed": true }]
            """)).Evaluate();

        Assert.Equal(Outcome.NotMet, Requirement(report, "coe", "dual-criminality").Outcome);
        Assert.Contains(report.Notes, n => n.StartsWith("offenses[0].sentenceServed is marked true: the case's only offence is the one whose sentence the application is to transfer"));
    }

    [Fact]
    public void Every_offence_marked_served_when_the_full_term_has_ended_is_read_as_given()
    {
        var report = CaseBuilder.Outgoing("DE").Set("sentence.fullTermDate", "2025-12-31").Set("offenses", JsonNode.Parse("""
            [{ "category": "other", "dualCriminality": false, "sentenceServed": true }, { "category": "drug", "dualCriminality": true, "sentenceServed": true }]
            """)).Evaluate();

        Assert.Equal(Outcome.Met, Requirement(report, "coe", "dual-criminality").Outcome);
        Assert.Equal(Outcome.NotMet, Requirement(report, "coe", "min-remaining").Outcome);
        Assert.DoesNotContain(report.Notes, n => n.Contains("sentenceServed"));
    }

    [Fact]
    public void Eval_refuses_a_contradictory_case_file_by_name_and_path_and_still_evaluates_the_others()
    {
        var folder = Directory.CreateTempSubdirectory("treaty-served-").FullName;
        var contradictory = Path.Combine(folder, "all-served.json");
        File.WriteAllText(contradictory, CaseBuilder.Outgoing("DE").Set("offenses", JsonNode.Parse("""
            [{ "category": "drug", "dualCriminality": true, "sentenceServed": true }]
            """)).Json);
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = Program.Invoke(new[] { "eval", contradictory, Path.Combine(Paths.Samples, "mx-eligible.json"), "--json" }, output, errors);

        Assert.Equal(2, exit);
        Assert.Contains($"{contradictory}: $.offenses[0].sentenceServed: the case's only offence is marked served", errors.ToString());
        Assert.Single(output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
    }

    private static RequirementResult Requirement(CaseReport report, string instrument, string id) =>
        report.Instruments.Single(i => i.Id == instrument).Requirements.Single(r => r.Id == id);
}
