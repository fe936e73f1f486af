using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary><c>treaty diff</c> as a policy editor runs it: folders or a git revision, its three formats, its exit status, and case files eval answers differently.</summary>
public class DiffCommandTests
{
    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Invoke(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>A copy of the shipped treaties with Thailand's minimum raised from 12 to 18 months.</summary>
    private static string EditedCopy()
    {
        var folder = Directory.CreateTempSubdirectory("treaties-edited-").FullName;
        foreach (var file in Directory.GetFiles(Paths.Treaties, "*.treaty")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var th = Path.Combine(folder, "us-th.treaty");
        File.WriteAllText(th, File.ReadAllText(th).Replace("override threshold minTimeRemaining: 12 months", "override threshold minTimeRemaining: 18 months"));
        return folder;
    }

    [Fact]
    public void The_same_files_exit_0_with_a_summary_that_nothing_changes()
    {
        var (exit, output, _) = Run("diff", Paths.Treaties, Paths.Treaties);
        Assert.Equal(0, exit);
        Assert.Contains("the same rules, so no case changes: coe, oas, us-bo", output);
        Assert.EndsWith("summary: no case is answered differently; 13 with the same rules, 0 proved unchanged, 0 not analysed" + Environment.NewLine, output);
    }

    [Fact]
    public void A_raised_minimum_exits_1_and_every_case_file_it_writes_is_answered_differently_by_eval_under_the_old_and_the_new_files()
    {
        var edited = EditedCopy();
        var witnesses = Path.Combine(edited, "..", Path.GetFileName(edited) + "-cases");
        var (exit, output, _) = Run("diff", Paths.Treaties, edited, "--witnesses", witnesses);
        Assert.Equal(1, exit);
        Assert.Contains("us-th (Treaty on Cooperation in the Execution of Penal Sentences between the United States of America and the Kingdom of Thailand): verdicts change: eligible → ineligible, undetermined → ineligible, eligible → undetermined, outcomes of rule min-remaining", output);
        Assert.Contains("  edited: min-remaining (threshold minTimeRemaining changed from 12 months to 18 months) at " + edited.Replace('\\', '/') + "/us-th.treaty(19,20)", output);
        Assert.Contains("  because min-remaining changes:", output);
        Assert.Contains("    eligible before, ineligible now: from US to TH", output);
        Assert.Contains("summary: 1 instrument answers some case differently (us-th: eligible → ineligible, ", output);
        var files = Directory.GetFiles(witnesses, "us-th-*.json");
        Assert.Equal(5, files.Length);
        foreach (var file in files)
        {
            var before = Run("eval", file, "--json", "--treaties", Paths.Treaties).Output;
            var after = Run("eval", file, "--json", "--treaties", edited).Output;
            Assert.NotEqual(Outcomes(before), Outcomes(after));
        }
    }

    /// <summary>Thailand's verdict and min-remaining's outcome in eval's JSON output.</summary>
    private static string Outcomes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var th = document.RootElement.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "us-th");
        var rule = th.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "min-remaining");
        return th.GetProperty("verdict").GetString() + " " + rule.GetProperty("outcome").GetString();
    }

    [Fact]
    public void Json_output_carries_each_change_with_its_case_and_the_rules_that_turn_it()
    {
        var (exit, output, _) = Run("diff", Paths.Treaties, EditedCopy(), "--format", "json");
        Assert.Equal(1, exit);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.True(root.GetProperty("mayChange").GetBoolean());
        var th = root.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "us-th");
        Assert.Equal("changes", th.GetProperty("status").GetString());
        var change = th.GetProperty("changes").EnumerateArray().First(c => c.GetProperty("before").GetString() == "eligible" && c.GetProperty("after").GetString() == "ineligible");
        Assert.Equal("min-remaining", change.GetProperty("because")[0].GetProperty("rule").GetString());
        Assert.Equal("TH", change.GetProperty("case").GetProperty("receivingCountry").GetString());
        Assert.Equal("unchanged", root.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "coe").GetProperty("status").GetString());
    }

    [Fact]
    public void Sarif_output_has_a_warning_per_change_at_the_edited_threshold()
    {
        var edited = EditedCopy();
        var (_, output, _) = Run("diff", Paths.Treaties, edited, "--format", "sarif");
        using var document = JsonDocument.Parse(output);
        var run = document.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count); // three verdict changes, and min-remaining's own two: met → not-met, met → unknown
        Assert.All(results, r =>
        {
            Assert.Equal("case-changes", r.GetProperty("ruleId").GetString());
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("/us-th.treaty", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(19, location.GetProperty("region").GetProperty("startLine").GetInt32());
        });
        Assert.StartsWith("1 instrument answers some case differently", run.GetProperty("properties").GetProperty("summary").GetString());
    }

    [Fact]
    public void With_git_the_folder_is_compared_with_itself_at_a_revision()
    {
        var repository = Directory.CreateTempSubdirectory("treaty-repo-").FullName;
        var folder = Path.Combine(repository, "treaties");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Paths.Treaties, "*.treaty")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        Git(repository, "init", "-q");
        Git(repository, "add", ".");
        Git(repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "treaties");
        Assert.Equal(0, Run("diff", "--git", "HEAD", folder).Exit);
        var th = Path.Combine(folder, "us-th.treaty");
        File.WriteAllText(th, File.ReadAllText(th).Replace("override threshold minTimeRemaining: 12 months", "override threshold minTimeRemaining: 18 months"));
        var (exit, output, _) = Run("diff", "--git", "HEAD", folder);
        Assert.Equal(1, exit);
        Assert.StartsWith("treaty diff: " + folder + " at HEAD → " + folder, output);
        Assert.Contains("us-th (", output);
        var (badExit, _, errors) = Run("diff", "--git", "no-such-revision", folder);
        Assert.Equal(2, badExit);
        Assert.Contains("treaty diff: cannot read '" + folder + "' at no-such-revision: git ls-tree", errors);
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void Files_with_errors_exit_2_and_name_the_side_that_has_them()
    {
        var broken = Paths.BrokenTreatyFolder();
        var (exit, _, errors) = Run("diff", broken, Paths.Treaties);
        Assert.Equal(2, exit);
        Assert.Contains("bad.treaty(5,30): error", errors);
        Assert.Contains($"treaty diff: the files of {broken} have errors, so nothing was compared", errors);
    }

    [Theory]
    [InlineData(new[] { "diff", "treaties" }, "Give the old and the new folder (treaty diff OLD NEW), or --git REV to compare with a revision.")]
    [InlineData(new[] { "diff", "a", "b", "--git", "HEAD" }, "With --git REV give one folder (the new files; default treaties), not two.")]
    public void A_diff_without_two_sides_is_a_usage_error_that_says_how_to_give_them(string[] args, string message)
    {
        var (exit, _, errors) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, errors);
    }
}
