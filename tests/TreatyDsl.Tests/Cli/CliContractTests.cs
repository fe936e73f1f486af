using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

public class CliContractTests
{
    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Invoke(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Json_mode_prints_one_contract_shaped_object_per_case_in_order()
    {
        var files = new[] { "mx-eligible.json", "de-eligible-coe.json" }.Select(f => Path.Combine(Paths.Samples, f)).ToArray();
        var (exit, output, _) = Run(new[] { "eval" }.Concat(files).Append("--json").ToArray());

        Assert.Equal(0, exit);
        var lines = output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("A-2026-0001", first.RootElement.GetProperty("case").GetString());
        Assert.Equal("eligible", first.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("us-mx", first.RootElement.GetProperty("recommended").GetString());
        var requirement = first.RootElement.GetProperty("instruments")[0].GetProperty("requirements")[0];
        Assert.All(new[] { "id", "outcome", "citation", "explanation" }, p => Assert.True(requirement.TryGetProperty(p, out _)));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("coe", second.RootElement.GetProperty("recommended").GetString());
    }

    [Fact]
    public void A_refused_file_among_good_ones_exits_2_names_the_json_path_and_the_others_still_print()
    {
        var bad = Path.Combine(Path.GetTempPath(), "treaty-bad-date.json");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json")).Replace("2031-01-31", "2031-13-01"));
        var (exit, output, errors) = Run("eval", Path.Combine(Paths.Samples, "mx-eligible.json"), bad, Path.Combine(Paths.Samples, "de-eligible-coe.json"), "--json");

        Assert.Equal(2, exit);
        Assert.Contains($"{bad}: $.sentence.fullTermDate: \"2031-13-01\" is not a date", errors);
        Assert.Equal(2, output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_country_pair_with_no_instrument_is_no_treaty()
    {
        var file = Path.Combine(Path.GetTempPath(), "treaty-no-treaty.json");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json")).Replace("\"receivingCountry\": \"MX\"", "\"receivingCountry\": \"CN\""));
        var (exit, output, _) = Run("eval", file, "--json");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("no-treaty", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("recommended").ValueKind);
    }

    [Fact]
    public void The_treaties_option_evaluates_through_the_interpreter_and_reads_edits_without_a_rebuild()
    {
        var folder = Directory.CreateTempSubdirectory("treaties-").FullName;
        foreach (var file in Directory.GetFiles(Paths.Treaties)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var usMx = Path.Combine(folder, "us-mx.treaty");
        File.WriteAllText(usMx, File.ReadAllText(usMx).Replace("minTimeRemaining: 6 months", "minTimeRemaining: 12 months"));
        var (exit, output, _) = Run("eval", Path.Combine(Paths.Samples, "mx-boundary-six-months.json"), "--json", "--treaties", folder);

        Assert.Equal(0, exit);
        Assert.Contains("\"6 months remaining; at least 12 months required; exception exceptional-circumstances: exceptionalCircumstances is false; true required\"", output);
        Assert.Contains("\"verdict\":\"ineligible\"", output);
    }

    [Fact]
    public void The_treaties_option_evaluates_without_the_case_analysis_so_no_finding_about_rules_is_printed_or_can_stop_it()
    {
        // A rule no case meets is a TDSL0307 finding for treaty check; evaluation needs only the bound files and the
        // country table's notes, so it neither reports nor runs the proofs about rules (nor their accepted TDSL0315).
        var folder = Directory.CreateTempSubdirectory("treaties-").FullName;
        foreach (var file in Directory.GetFiles(Paths.Treaties)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.AppendAllText(Path.Combine(folder, "us-mx.treaty"), "\nrequire never: \"t\" cite \"c\"\n  when judgment.final and not judgment.final\n");
        var (exit, output, errors) = Run("eval", Path.Combine(Paths.Samples, "mx-eligible.json"), "--json", "--treaties", folder);

        Assert.Equal(0, exit);
        Assert.Contains("\"id\":\"never\",\"outcome\":\"not-met\"", output);
        Assert.DoesNotContain("TDSL0307", errors);
        Assert.DoesNotContain("TDSL0315", errors);
        // The country table's checks still run (their notes are printed with cases): their information findings, counted in one line.
        Assert.Matches(@": [1-9][0-9]* information findings in the treaty files \(treaty check ", errors);
    }

    [Fact]
    public void Broken_treaty_files_under_the_treaties_option_exit_2_with_located_messages()
    {
        var folder = Paths.BrokenTreatyFolder();
        var (exit, _, errors) = Run("eval", Path.Combine(Paths.Samples, "mx-eligible.json"), "--treaties", folder);

        Assert.Equal(2, exit);
        Assert.Contains("bad.treaty(5,30): error TDSL0102: 'y' is not a fact", errors);
    }
}
