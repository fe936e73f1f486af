using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Cli;
using TreatyDsl.Generator;
using Xunit;

namespace TreatyDsl.Tests.Examples;

/// <summary>
/// An example may start from a case file (<c>case "cases/mx-eligible.json"</c>, beside the .treaty file), read as
/// <c>treaty eval</c> reads it, then change facts with <c>given</c>: on disk for <c>treaty test</c> and <c>treaty check</c>,
/// from the build's additional files for the analyzer.
/// </summary>
public sealed class ExampleCaseFileTests
{
    private const string FromSample = """

        example sample-mx-eligible: "The sample Mexican case is eligible"
          cite "7 FAM 481.3-1 d(5)"
          case "cases/mx-eligible.json"
          expect us-mx eligible
          expect recommended us-mx

        example sample-mx-short: "The same case with five months left is not"
          cite "7 FAM 481.3-1 d(5)"
          like sample-mx-eligible
          given sentence.fullTermDate = 2026-06-15
          expect us-mx min-remaining not-met
          expect us-mx ineligible
        """;

    /// <summary>A copy of the shipped treaties with <paramref name="extra"/> at the end of us-mx.treaty, and the sample case in cases/.</summary>
    private static string Folder(string extra, bool withCase = true)
    {
        var folder = Directory.CreateTempSubdirectory("treaties-cases-").FullName;
        foreach (var file in Directory.GetFiles(Paths.Treaties, "*.treaty")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.AppendAllText(Path.Combine(folder, "us-mx.treaty"), extra);
        if (withCase)
        {
            Directory.CreateDirectory(Path.Combine(folder, "cases"));
            File.Copy(Path.Combine(Paths.Samples, "mx-eligible.json"), Path.Combine(folder, "cases", "mx-eligible.json"));
        }
        return folder;
    }

    private static (int Exit, string Output) Test(string folder)
    {
        var output = new StringWriter();
        var exit = Program.Invoke(new[] { "test", folder }, output, new StringWriter());
        return (exit, output.ToString());
    }

    [Fact]
    public void An_example_starts_from_a_case_file_beside_it_and_one_like_it_changes_a_fact()
    {
        var (exit, output) = Test(Folder(FromSample));
        Assert.Equal(0, exit);
        Assert.Contains("PASS  sample-mx-eligible", output);
        Assert.Contains("PASS  sample-mx-short", output);
    }

    [Fact]
    public void A_case_file_that_is_not_there_is_an_error_at_its_name()
    {
        var folder = Folder(FromSample, withCase: false);
        var model = TreatyLoader.LoadDirectory(folder);
        var error = Assert.Single(model.Diagnostics, d => d.Id == "TDSL0504" && d.Message.StartsWith("Example 'sample-mx-eligible'"));
        Assert.EndsWith("/us-mx.treaty", error.Span.Path);
        Assert.Equal("\"cases/mx-eligible.json\"", File.ReadAllText(Path.Combine(folder, "us-mx.treaty")).Substring(error.Span.Offset, error.Span.Length));
        Assert.StartsWith("Example 'sample-mx-eligible': the case file 'cases/mx-eligible.json' (", error.Message);
        Assert.Contains(") cannot be read: ", error.Message);
        Assert.Equal(1, Test(folder).Exit);
    }

    [Fact]
    public void A_case_file_the_reader_refuses_is_an_error_that_names_the_json_path()
    {
        var folder = Folder(FromSample);
        var file = Path.Combine(folder, "cases", "mx-eligible.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"fullTermDate\": \"2031-01-31\"", "\"fullTermDate\": \"2031-13-01\""));
        var error = Assert.Single(TreatyLoader.LoadDirectory(folder).Diagnostics, d => d.Id == "TDSL0504");
        Assert.StartsWith("Example 'sample-mx-eligible': the case file 'cases/mx-eligible.json' is refused: $.sentence.fullTermDate:", error.Message);
    }

    [Fact]
    public void An_example_cannot_start_from_both_a_case_file_and_another_example()
    {
        var extra = FromSample + """

            example both: "Both"
              cite "c"
              case "cases/mx-eligible.json"
              like sample-mx-eligible
              expect us-mx eligible
            """;
        var error = Assert.Single(TreatyLoader.LoadDirectory(Folder(extra)).Diagnostics, d => d.Id == "TDSL0504");
        Assert.Equal("Example 'both': an example starts from a case file or from another example ('like sample-mx-eligible'), not both", error.Message);
    }

    [Fact]
    public async Task The_build_reads_a_case_file_from_its_additional_files_and_says_how_to_add_one_it_lacks()
    {
        var treaties = GeneratorHarness.ShippedTreatiesWith("us-mx.treaty", text => text + FromSample);
        var usMx = treaties.Single(t => t.Path.EndsWith("us-mx.treaty")).Path;
        var casePath = Path.Combine(Path.GetDirectoryName(usMx)!, "cases", "mx-eligible.json");
        var sample = new GeneratorHarness.TreatyText(casePath, File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json")));

        async Task<ImmutableArray<Diagnostic>> Analyse(params AdditionalText[] files) =>
            await GeneratorHarness.EmptyCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), new AnalyzerOptions(files.ToImmutableArray())).GetAnalyzerDiagnosticsAsync();

        var with = await Analyse(treaties.Append(sample).ToArray());
        Assert.DoesNotContain(with, d => d.Id.StartsWith("TDSL050", System.StringComparison.Ordinal));

        var without = await Analyse(treaties);
        var error = Assert.Single(without, d => d.Id == "TDSL0504");
        Assert.Contains("add <AdditionalFiles Include=\"cases/*.json\" />", error.GetMessage());
    }
}
