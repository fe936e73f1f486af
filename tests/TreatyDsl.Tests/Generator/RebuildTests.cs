using System.IO;
using System.Linq;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The validators really come from the .treaty files: editing the us-mx minimum and regenerating changes both the
/// generated code and the verdict of a case at the six-month boundary.
/// </summary>
public class RebuildTests
{
    private static CaseReport EvaluateBoundaryCase(TreatyCatalog catalog)
    {
        var json = File.ReadAllText(Path.Combine(Paths.Samples, "mx-boundary-six-months.json"));
        return CaseEvaluator.Evaluate(catalog, CaseFileReader.Read(json, catalog.Schema).Facts!);
    }

    private static string UsMxSource(Microsoft.CodeAnalysis.Compilation compilation) =>
        compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("UsMxValidator.g.cs")).ToString();

    [Fact]
    public void Raising_the_us_mx_minimum_to_seven_months_regenerates_the_validator_and_the_boundary_case_becomes_ineligible()
    {
        var shipped = GeneratorHarness.Generate(GeneratorHarness.ShippedTreaties(), out _);
        var edited = GeneratorHarness.Generate(GeneratorHarness.ShippedTreatiesWith("us-mx.treaty",
            text => text.Replace("override threshold minTimeRemaining: 6 months", "override threshold minTimeRemaining: 7 months")), out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotEqual(UsMxSource(shipped), UsMxSource(edited));
        var before = EvaluateBoundaryCase(GeneratorHarness.LoadCatalog(shipped)).Instruments.Single(i => i.Id == "us-mx");
        var after = EvaluateBoundaryCase(GeneratorHarness.LoadCatalog(edited)).Instruments.Single(i => i.Id == "us-mx");
        Assert.Equal(Verdict.Eligible, before.Verdict);
        Assert.Equal(Verdict.Ineligible, after.Verdict);
        var minimum = after.Requirements.Single(r => r.Id == "min-remaining");
        Assert.Equal(Outcome.NotMet, minimum.Outcome);
        Assert.StartsWith("6 months remaining; at least 7 months required", minimum.Explanation);
    }
}
