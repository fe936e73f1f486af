using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Generator;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// Severities of .treaty diagnostics set per file in .editorconfig (<c>treatydsl_diagnostic.ID.severity</c>), read the way
/// the compiler reads .editorconfig (Roslyn's own parser and section matching), and applied only to matching files.
/// </summary>
public class SeverityConfigurationTests
{
    /// <summary>Per-file options from an .editorconfig at /repo, as the compiler computes them for each additional file.</summary>
    private sealed class EditorConfig(string text) : AnalyzerConfigOptionsProvider
    {
        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }

        private readonly AnalyzerConfigSet set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(text, "/repo/.editorconfig") });

        public override AnalyzerConfigOptions GlobalOptions => new Options(ImmutableDictionary<string, string>.Empty);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);
    }

    /// <summary>The shipped treaties under /repo/treaties, with an unknown name added to us-mx and to coe.</summary>
    private static AdditionalText[] BrokenTreaties() => GeneratorHarness.ShippedTreaties()
        .Select(t => (AdditionalText)new GeneratorHarness.TreatyText("/repo/treaties/" + System.IO.Path.GetFileName(t.Path),
            t.GetText()!.ToString() + (t.Path.EndsWith("us-mx.treaty") || t.Path.EndsWith("coe.treaty") ? "\nbar broken: \"x\" cite \"c\" when nonsense.thing\n" : "")))
        .ToArray();

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string editorConfig, bool broken = true)
    {
        var treaties = broken ? BrokenTreaties() : GeneratorHarness.ShippedTreaties()
            .Select(t => (AdditionalText)new GeneratorHarness.TreatyText("/repo/treaties/" + System.IO.Path.GetFileName(t.Path), t.GetText()!.ToString())).ToArray();
        var options = new AnalyzerOptions(treaties.ToImmutableArray(), new EditorConfig(editorConfig));
        return await GeneratorHarness.EmptyCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
    }

    private static DiagnosticSeverity? SeverityIn(ImmutableArray<Diagnostic> diagnostics, string file) =>
        diagnostics.Where(d => d.Location.GetLineSpan().Path.EndsWith(file)).Select(d => (DiagnosticSeverity?)d.Severity).SingleOrDefault();

    [Fact]
    public async Task Without_configuration_both_errors_are_errors()
    {
        var diagnostics = await AnalyzeAsync("root = true\n");

        Assert.Equal(DiagnosticSeverity.Error, SeverityIn(diagnostics, "us-mx.treaty"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityIn(diagnostics, "coe.treaty"));
    }

    [Fact]
    public async Task A_section_for_one_file_lowers_its_diagnostic_and_leaves_the_others()
    {
        var diagnostics = await AnalyzeAsync("root = true\n[treaties/us-mx.treaty]\ntreatydsl_diagnostic.TDSL0102.severity = warning\n");

        Assert.Equal(DiagnosticSeverity.Warning, SeverityIn(diagnostics, "us-mx.treaty"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityIn(diagnostics, "coe.treaty"));
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("silent", DiagnosticSeverity.Hidden)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("Error", DiagnosticSeverity.Error)]
    [InlineData("default", DiagnosticSeverity.Error)]
    public async Task Each_severity_word_sets_the_severity_of_matching_files(string word, DiagnosticSeverity? expected)
    {
        var diagnostics = await AnalyzeAsync($"root = true\n[*.treaty]\ntreatydsl_diagnostic.TDSL0102.severity = {word}\n");

        Assert.Equal(expected, SeverityIn(diagnostics, "us-mx.treaty"));
        Assert.Equal(expected, SeverityIn(diagnostics, "coe.treaty"));
    }

    [Fact]
    public async Task Outcomes_no_example_gives_are_reported_only_in_the_folder_whose_configuration_switches_them_on()
    {
        var off = await AnalyzeAsync("root = true\n", broken: false);
        Assert.DoesNotContain(off, d => d.Id == "TDSL0505");

        var on = await AnalyzeAsync("root = true\n[treaties/us-mx.treaty]\ntreatydsl_diagnostic.TDSL0505.severity = warning\n", broken: false);
        var coverage = on.Where(d => d.Id == "TDSL0505").ToList();
        Assert.NotEmpty(coverage);
        Assert.All(coverage, d =>
        {
            Assert.EndsWith("/us-mx.treaty", d.Location.GetLineSpan().Path);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        });
        // The shipped examples give determinate-sentence met and not met; an unknown sentence type no example gives.
        var line = System.Array.FindIndex(System.IO.File.ReadAllLines(System.IO.Path.Combine(Paths.Treaties, "us-mx.treaty")), l => l.StartsWith("require determinate-sentence:", System.StringComparison.Ordinal));
        var rule = Assert.Single(coverage, d => d.Location.GetLineSpan().StartLinePosition.Line == line);
        Assert.StartsWith("No example gives requirement 'determinate-sentence' the outcome unknown;", rule.GetMessage());
    }
}
