using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Diagnostics;
using TreatyDsl.Generator;
using Xunit;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using LanguageSeverity = TreatyDsl.Diagnostics.DiagnosticSeverity;

namespace TreatyDsl.Tests.Generator;

public class AnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(AdditionalText[] treaties)
    {
        var options = new AnalyzerOptions(treaties.ToImmutableArray());
        var compilation = GeneratorHarness.EmptyCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), options);
        return await compilation.GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public void The_analyzer_supports_every_catalog_diagnostic_with_the_same_id_category_and_severity()
    {
        var supported = new TreatyAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);

        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id).OrderBy(i => i), supported.Keys.OrderBy(i => i));
        Assert.All(DiagnosticCatalog.All, entry =>
        {
            var descriptor = supported[entry.Id];
            Assert.Equal(entry.Title, descriptor.Title.ToString());
            Assert.Equal(entry.Category, descriptor.Category);
            Assert.Equal(entry.DefaultSeverity switch
            {
                LanguageSeverity.Error => DiagnosticSeverity.Error,
                LanguageSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            }, descriptor.DefaultSeverity);
        });
    }

    [Fact]
    public async Task An_unknown_fact_is_reported_as_TDSL0102_at_its_place_in_the_treaty_file()
    {
        var treaties = GeneratorHarness.ShippedTreatiesWith("us-mx.treaty", text => text + "\nbar broken: \"x\" cite \"c\" when nonsense.thing\n");
        var lineOfBar = treaties.Single(t => t.Path.EndsWith("us-mx.treaty")).GetText()!.Lines.Count - 2;

        var diagnostics = await AnalyzeAsync(treaties);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("TDSL0102", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.EndsWith("us-mx.treaty", span.Path);
        Assert.Equal(lineOfBar, span.StartLinePosition.Line);
        Assert.Equal(30, span.StartLinePosition.Character);
        Assert.StartsWith("'nonsense.thing' is not a fact", error.GetMessage());
    }

    [Fact]
    public async Task The_shipped_treaties_have_no_errors()
    {
        var diagnostics = await AnalyzeAsync(GeneratorHarness.ShippedTreaties());

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task Analysing_one_open_treaty_file_reports_its_own_diagnostics_without_a_build()
    {
        var treaties = GeneratorHarness.ShippedTreaties()
            .Select(t => t.Path.EndsWith("us-mx.treaty") || t.Path.EndsWith("coe.treaty")
                ? new GeneratorHarness.TreatyText(t.Path, t.GetText()!.ToString() + "\nbar broken: \"x\" cite \"c\" when nonsense.thing\n")
                : t)
            .ToArray();
        var usMx = treaties.Single(t => t.Path.EndsWith("us-mx.treaty"));
        var analyzer = new TreatyAnalyzer();
        var compilation = GeneratorHarness.EmptyCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), new AnalyzerOptions(treaties.ToImmutableArray()));

        var result = await compilation.GetAnalysisResultAsync(usMx, System.Threading.CancellationToken.None);

        var diagnostic = Assert.Single(result.AdditionalFileDiagnostics[usMx][analyzer]);
        Assert.Equal("TDSL0102", diagnostic.Id);
        Assert.EndsWith("us-mx.treaty", diagnostic.Location.GetLineSpan().Path);
    }
}
