using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TreatyDsl.Generator;
using Xunit;

namespace TreatyDsl.Tests;

public class GeneratorTests
{
    private sealed class TreatyText(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create("Consumer",
        references: ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static AdditionalText[] ShippedTreaties() =>
        Directory.GetFiles(Paths.Treaties, "*.treaty").Select(f => (AdditionalText)new TreatyText(f, File.ReadAllText(f))).ToArray();

    [Fact]
    public void The_generated_validators_compile_without_any_diagnostic()
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, ShippedTreaties());
        driver.RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var sources = string.Join("\n\n", output.SyntaxTrees.Select(t => t.FilePath + "\n" + string.Join("\n", t.ToString().Split('\n').Select((l, i) => $"{i + 1,5}: {l}"))));
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + sources);
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("UsMxValidator.g.cs"));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("CoeValidator.g.cs"));
    }

    [Fact]
    public void Editing_one_instrument_leaves_the_other_instruments_output_cached()
    {
        var files = ShippedTreaties();
        var driver = (GeneratorDriver)CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(EmptyCompilation());
        var usMx = files.Single(f => f.Path.EndsWith("us-mx.treaty"));
        var edited = new TreatyText(usMx.Path, usMx.GetText()!.ToString().Replace("prisoner.yearsResidentInSentencingCountry >= 5", "prisoner.yearsResidentInSentencingCountry >= 6"));
        driver = driver.ReplaceAdditionalText(usMx, edited).RunGenerators(EmptyCompilation());

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Instruments];
        var outputs = steps.SelectMany(s => s.Outputs).ToList();
        static string IdOf(object spec) => ((TreatyDsl.Binding.InstrumentModel)spec.GetType().GetProperty("Instrument")!.GetValue(spec)!).Id;
        var coe = outputs.Single(o => IdOf(o.Value) == "coe");
        var mx = outputs.Single(o => IdOf(o.Value) == "us-mx");
        Assert.Contains(coe.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Equal(IncrementalStepRunReason.Modified, mx.Reason);
    }

    [Fact]
    public void A_broken_treaty_file_yields_no_output_for_it_and_no_exception()
    {
        var files = ShippedTreaties().Select(f => f.Path.EndsWith("us-mx.treaty") ? new TreatyText(f.Path, f.GetText()!.ToString() + "\nbar broken: \"x\" cite \"c\" when nonsense.fact\n") : f).ToArray();
        var driver = CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, files);
        driver.RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith("UsMxValidator.g.cs"));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("CoeValidator.g.cs"));
    }
}
