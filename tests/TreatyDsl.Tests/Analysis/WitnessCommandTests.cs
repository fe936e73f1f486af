using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Cli;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Analysis;

/// <summary><c>treaty check --witnesses DIR</c> writes each finding's witness as a case file, and <c>treaty eval --treaties</c> reproduces the finding from it.</summary>
public class WitnessCommandTests
{
    [Fact]
    public void A_witness_written_by_check_is_a_case_file_that_eval_reproduces_the_finding_with()
    {
        var treaties = Directory.CreateTempSubdirectory("treaties-").FullName;
        File.WriteAllText(Path.Combine(treaties, "case-file.treaty"), Vocabulary);
        File.WriteAllText(Path.Combine(treaties, "test.treaty"), Instrument(
            "require final: \"t\" cite \"c\" when judgment.final\n  unless not judgment.final\nrequire consent: \"t\" cite \"c\" when consent.prisoner\n"));
        var witnesses = Path.Combine(treaties, "witnesses");
        var checkOutput = new StringWriter();

        var checkExit = Program.Invoke(new[] { "check", treaties, "--witnesses", witnesses }, checkOutput, new StringWriter());

        Assert.Equal(0, checkExit);
        Assert.Contains("warning TDSL0311", checkOutput.ToString());
        var witness = Assert.Single(Directory.GetFiles(witnesses));
        Assert.Equal("TDSL0311-test-9.json", Path.GetFileName(witness)); // the finding is at the unless clause, line 9

        var evalOutput = new StringWriter();
        var evalExit = Program.Invoke(new[] { "eval", witness, "--json", "--treaties", treaties }, evalOutput, new StringWriter());

        Assert.Equal(0, evalExit);
        var report = JsonDocument.Parse(evalOutput.ToString()).RootElement;
        Assert.Equal("witness-TDSL0311-us-mx", report.GetProperty("case").GetString());
        var final = report.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "us-mx")
            .GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "final");
        Assert.Equal("met", final.GetProperty("outcome").GetString());
        Assert.Contains("false", File.ReadAllText(witness)); // judgment.final = false: met only through the exception
    }

    [Fact]
    public void Two_findings_of_one_id_at_one_line_write_two_witness_files()
    {
        // Both alternatives on line 8 are masked by 'neither': two TDSL0312 findings, one line, two example cases.
        var treaties = Directory.CreateTempSubdirectory("treaties-").FullName;
        File.WriteAllText(Path.Combine(treaties, "case-file.treaty"), Vocabulary);
        File.WriteAllText(Path.Combine(treaties, "test.treaty"), Instrument(
            "require either: \"t\" cite \"c\" when judgment.final or consent.prisoner or exceptionalCircumstances\n" +
            "require neither: \"t\" cite \"c\" when not judgment.final and not consent.prisoner\n"));
        var witnesses = Path.Combine(treaties, "witnesses");

        Program.Invoke(new[] { "check", treaties, "--witnesses", witnesses }, new StringWriter(), new StringWriter());

        var files = Directory.GetFiles(witnesses).Select(f => Path.GetFileName(f)).OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "TDSL0312-test-8-2.json", "TDSL0312-test-8.json" }, files);
        Assert.NotEqual(File.ReadAllText(Path.Combine(witnesses, files[0])), File.ReadAllText(Path.Combine(witnesses, files[1])));
    }

    [Fact]
    public void A_witness_folder_that_cannot_be_written_is_exit_2_with_a_message()
    {
        var treaties = Directory.CreateTempSubdirectory("treaties-").FullName;
        File.WriteAllText(Path.Combine(treaties, "case-file.treaty"), Vocabulary);
        var blocker = Path.Combine(treaties, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var errors = new StringWriter();

        var exit = Program.Invoke(new[] { "check", treaties, "--witnesses", Path.Combine(blocker, "witnesses") }, new StringWriter(), errors);

        Assert.Equal(CheckCommand.CannotComplete, exit);
        Assert.StartsWith("treaty check: cannot write the witnesses to", errors.ToString());
    }
}
