using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Diagnostics;
using TreatyDsl.Generator;
using Xunit;
using TreatyDsl.Testing;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// Help links resolve outside the repository: the TreatyHelpLinkBase build property (which the package sets to its own
/// copy of the pages) makes every analyzer and generator diagnostic link to an absolute page.
/// </summary>
public class HelpLinkTests
{
    private static AdditionalText[] WithUnknownFact() =>
        GeneratorHarness.ShippedTreatiesWith("us-mx.treaty", text => text + "\nbar broken: \"x\" cite \"c\" when nonsense.thing\n");

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(AdditionalText[] treaties, params (string, string)[] properties)
    {
        var options = new AnalyzerOptions(treaties.ToImmutableArray(), new BuildProperties(properties));
        return await GeneratorHarness.EmptyCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
    }

    [Theory]
    [InlineData("https://docs.example.org/treatydsl/diagnostics", "https://docs.example.org/treatydsl/diagnostics/")]
    [InlineData("https://docs.example.org/treatydsl/diagnostics/", "https://docs.example.org/treatydsl/diagnostics/")]
    [InlineData("/home/me/.nuget/packages/treatydsl/0.1.0/docs/diagnostics/", "file:///home/me/.nuget/packages/treatydsl/0.1.0/docs/diagnostics/")]
    [InlineData(@"C:\Users\me\.nuget\packages\treatydsl\0.1.0\docs\diagnostics\", "file:///C:/Users/me/.nuget/packages/treatydsl/0.1.0/docs/diagnostics/")]
    [InlineData("/opt/my tools/docs", "file:///opt/my%20tools/docs/")]
    public void A_URL_or_a_full_folder_path_becomes_an_absolute_base_ending_in_a_slash(string value, string expected) =>
        Assert.Equal(expected, HelpLinks.NormalizeBase(value));

    [Theory]
    [InlineData("docs/diagnostics")]
    [InlineData("ftp://example.org/diagnostics/")]
    [InlineData("   ")]
    public void A_relative_path_another_scheme_or_nothing_is_no_base(string value) =>
        Assert.Null(HelpLinks.NormalizeBase(value));

    [Fact]
    public async Task An_analyzer_diagnostic_links_to_its_page_under_TreatyHelpLinkBase()
    {
        var diagnostics = await AnalyzeAsync(WithUnknownFact(), ("TreatyHelpLinkBase", "https://docs.example.org/treatydsl/diagnostics"));

        var error = Assert.Single(diagnostics, d => d.Id == "TDSL0102");
        Assert.Equal("https://docs.example.org/treatydsl/diagnostics/TDSL0102.md", error.Descriptor.HelpLinkUri);
        Assert.EndsWith("us-mx.treaty", error.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_TreatyHelpLinkBase_a_diagnostic_keeps_its_repository_page()
    {
        var diagnostics = await AnalyzeAsync(WithUnknownFact());

        Assert.Equal("docs/diagnostics/TDSL0102.md", Assert.Single(diagnostics, d => d.Id == "TDSL0102").Descriptor.HelpLinkUri);
    }

    [Fact]
    public void A_generator_diagnostic_links_under_TreatyHelpLinkBase_too()
    {
        GeneratorHarness.Generate(WithUnknownFact(), out var diagnostics, new BuildProperties(("TreatyHelpLinkBase", "/opt/treatydsl/docs/diagnostics")));

        var omission = Assert.Single(diagnostics);
        Assert.Equal("TDSL0202", omission.Id);
        Assert.Equal("file:///opt/treatydsl/docs/diagnostics/TDSL0202.md", omission.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void A_TreatyHelpLinkBase_that_is_no_absolute_base_is_TDSL0206_and_links_stay_as_they_were()
    {
        GeneratorHarness.Generate(WithUnknownFact(), out var diagnostics, new BuildProperties(("TreatyHelpLinkBase", "docs/diagnostics")));

        var warning = Assert.Single(diagnostics, d => d.Id == "TDSL0206");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("'docs/diagnostics' (from the TreatyHelpLinkBase build property) is neither an absolute URL nor a full folder path", warning.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal("docs/diagnostics/TDSL0202.md", Assert.Single(diagnostics, d => d.Id == "TDSL0202").Descriptor.HelpLinkUri);
    }
}
