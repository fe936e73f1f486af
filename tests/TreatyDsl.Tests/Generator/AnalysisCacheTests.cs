using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Generator;
using Xunit;
using TreatyDsl.Testing;

using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// A compilation whose .treaty files are those of an earlier compilation gets that one's diagnostics without binding and
/// analysing again (the compiler server and the IDE make a new compilation for every build and every C# keystroke);
/// any change to a file, to the set of files or to the help-link base is analysed afresh.
/// </summary>
public class AnalysisCacheTests
{
    private const string Broken = "\nbar broken: \"x\" cite \"c\" when nonsense.thing\n";

    /// <summary>The shipped treaties under a folder of their own (so no other test's compilations share their set), us-mx.treaty edited.</summary>
    private static AdditionalText[] Files(string folder, string usMxEdit = "") =>
        GeneratorHarness.ShippedTreaties()
            .Select(t => (AdditionalText)new GeneratorHarness.TreatyText(folder + "/" + System.IO.Path.GetFileName(t.Path), t.GetText()!.ToString() + (t.Path.EndsWith("us-mx.treaty", System.StringComparison.Ordinal) ? usMxEdit : "")))
            .ToArray();

    private static Diagnostic[] Errors(ImmutableArray<Diagnostic> diagnostics) => diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

    private static string NewFolder() => "/analysis-cache/" + System.Guid.NewGuid();

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(AdditionalText[] treaties, params (string, string)[] properties)
    {
        // A new compilation each time, with new additional texts, as each build or keystroke makes.
        var fresh = treaties.Select(t => (AdditionalText)new GeneratorHarness.TreatyText(t.Path, t.GetText()!.ToString())).ToImmutableArray();
        var options = new AnalyzerOptions(fresh, new BuildProperties(properties));
        return await GeneratorHarness.EmptyCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public async Task Unchanged_files_in_a_new_compilation_get_the_same_diagnostics_without_being_analysed_again()
    {
        var files = Files(NewFolder(), Broken);

        var first = await AnalyzeAsync(files);
        var second = await AnalyzeAsync(files);

        Assert.Equal("TDSL0102", Assert.Single(Errors(first)).Id);
        Assert.Equal(first.Length, second.Length);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public async Task An_edit_to_one_file_is_analysed_and_reported_at_its_place()
    {
        var folder = NewFolder();
        var before = await AnalyzeAsync(Files(folder));
        Assert.Empty(Errors(before));

        var edited = Files(folder, Broken);
        var diagnostics = await AnalyzeAsync(edited);

        var error = Assert.Single(Errors(diagnostics));
        Assert.Equal("TDSL0102", error.Id);
        Assert.Equal(folder + "/us-mx.treaty", error.Location.GetLineSpan().Path);
        var text = edited.Single(t => t.Path.EndsWith("us-mx.treaty", System.StringComparison.Ordinal)).GetText()!.ToString();
        Assert.Equal(text.LastIndexOf("nonsense.thing", System.StringComparison.Ordinal), error.Location.SourceSpan.Start);
    }

    [Fact]
    public async Task Removing_a_file_is_analysed_again()
    {
        var files = Files(NewFolder());
        Assert.Empty(Errors(await AnalyzeAsync(files)));

        // Without the vocabulary, every fact a rule names is unknown.
        var diagnostics = await AnalyzeAsync(files.Where(f => !f.Path.EndsWith("case-file.treaty", System.StringComparison.Ordinal)).ToArray());

        Assert.NotEmpty(Errors(diagnostics));
        Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("case-file.treaty", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_the_compiler_hands_over_twice_is_checked_once()
    {
        var files = Files(NewFolder());
        var once = await AnalyzeAsync(files);

        var usMx = files.Single(f => f.Path.EndsWith("us-mx.treaty", System.StringComparison.Ordinal));
        var twice = await AnalyzeAsync(files.Append(usMx).ToArray());

        Assert.Empty(Errors(twice));
        Assert.Equal(once.Select(d => d.ToString()), twice.Select(d => d.ToString()));
    }

    [Fact]
    public async Task The_same_files_with_another_help_link_base_get_that_base_in_their_links()
    {
        var files = Files(NewFolder(), Broken);
        var before = Assert.Single(Errors(await AnalyzeAsync(files, ("TreatyHelpLinkBase", "https://one.example.org/d"))));

        var after = Assert.Single(Errors(await AnalyzeAsync(files, ("TreatyHelpLinkBase", "https://two.example.org/d"))));

        Assert.Equal("https://one.example.org/d/TDSL0102.md", before.Descriptor.HelpLinkUri);
        Assert.Equal("https://two.example.org/d/TDSL0102.md", after.Descriptor.HelpLinkUri);
    }
}
