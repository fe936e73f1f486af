using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary><c>treaty check --format json|sarif</c>: the same diagnostics as the text lines, as data.</summary>
public class CheckFormatTests
{
    private static (int Exit, JsonElement Document) Check(string folder, string format)
    {
        var output = new StringWriter();
        var exit = Program.Invoke(new[] { "check", folder, "--format", format }, output, new StringWriter());
        return (exit, JsonDocument.Parse(output.ToString()).RootElement.Clone());
    }

    [Fact]
    public void Sarif_names_the_rule_level_message_file_and_region_of_each_diagnostic()
    {
        var folder = Paths.BrokenTreatyFolder();

        var (exit, sarif) = Check(folder, "sarif");

        Assert.Equal(CheckCommand.FilesHaveErrors, exit);
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        Assert.Equal(SarifWriter.Schema, sarif.GetProperty("$schema").GetString());
        var run = Assert.Single(sarif.GetProperty("runs").EnumerateArray());
        Assert.Equal("treaty", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rule = Assert.Single(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray());
        Assert.Equal("TDSL0102", rule.GetProperty("id").GetString());
        Assert.Equal("Unknown name", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.EndsWith("/docs/diagnostics/TDSL0102.md", rule.GetProperty("helpUri").GetString(), System.StringComparison.Ordinal);
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("TDSL0102", result.GetProperty("ruleId").GetString());
        Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("'y' is not a fact, derived fact, threshold or value known here; did you mean 'x'?", result.GetProperty("message").GetProperty("text").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(new System.Uri(Path.Combine(folder, "bad.treaty")).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal((5, 30, 1), (location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32(), location.GetProperty("region").GetProperty("charLength").GetInt32()));
    }

    [Fact]
    public void Sarif_for_the_shipped_treaties_has_only_notes_and_exits_0()
    {
        var (exit, sarif) = Check(Paths.Treaties, "sarif");

        Assert.Equal(0, exit);
        Assert.All(sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => Assert.Equal("note", r.GetProperty("level").GetString()));
    }

    [Fact]
    public void Json_lists_each_diagnostic_with_its_place_and_help_page_and_counts_them()
    {
        var (exit, json) = Check(Paths.BrokenTreatyFolder(), "json");

        Assert.Equal(CheckCommand.FilesHaveErrors, exit);
        var d = Assert.Single(json.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("TDSL0102", d.GetProperty("id").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal((5, 30), (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()));
        var help = d.GetProperty("help").GetString()!;
        Assert.StartsWith("file:///", help, System.StringComparison.Ordinal);
        Assert.EndsWith("/docs/diagnostics/TDSL0102.md", help, System.StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(new System.Uri(help).LocalPath), help + " does not exist");
        Assert.Equal((1, 0), (json.GetProperty("errors").GetInt32(), json.GetProperty("warnings").GetInt32()));
    }

    [Fact]
    public void Text_ends_the_listing_with_each_id_once_its_title_and_the_link_to_its_page_in_the_tool()
    {
        var output = new StringWriter();

        Program.Invoke(new[] { "check", Paths.BrokenTreatyFolder() }, output, new StringWriter());

        var lines = output.ToString().Replace("\r\n", "\n").Split('\n');
        var heading = System.Array.IndexOf(lines, "Help for each id:");
        Assert.True(heading > 0, output.ToString());
        var link = new System.Uri(Path.Combine(System.AppContext.BaseDirectory, "docs", "diagnostics", "TDSL0102.md")).AbsoluteUri;
        Assert.Equal($"  TDSL0102 Unknown name: {link}", lines[heading + 1]);
        Assert.True(File.Exists(Path.Combine(System.AppContext.BaseDirectory, "docs", "diagnostics", "TDSL0102.md")));
    }

    [Theory]
    [InlineData("treaties/us mx.treaty", "treaties/us%20mx.treaty")]
    [InlineData("treaties\\us-mx.treaty", "treaties/us-mx.treaty")]
    public void A_relative_path_becomes_a_relative_URI_reference(string path, string uri) =>
        Assert.Equal(uri, SarifWriter.ArtifactUri(path));
}
