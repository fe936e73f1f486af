using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TreatyDsl.Generator;
using Xunit;
using TreatyDsl.Testing;

namespace TreatyDsl.Tests.Generator;

public class GeneratorTests
{
    [Fact]
    public void The_generated_validators_compile_without_any_diagnostic()
    {
        var output = GeneratorHarness.Generate(GeneratorHarness.ShippedTreaties(), out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + GeneratorHarness.Listing(output));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("UsMxValidator.g.cs"));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("CoeValidator.g.cs"));
    }

    [Fact]
    public void Editing_one_instrument_leaves_the_other_instruments_output_cached()
    {
        var files = GeneratorHarness.ShippedTreaties();
        var driver = (GeneratorDriver)CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation());
        var usMx = files.Single(f => f.Path.EndsWith("us-mx.treaty"));
        var edited = new GeneratorHarness.TreatyText(usMx.Path, usMx.GetText()!.ToString().Replace("prisoner.yearsResidentInSentencingCountry >= 5", "prisoner.yearsResidentInSentencingCountry >= 6"));
        driver = driver.ReplaceAdditionalText(usMx, edited).RunGenerators(GeneratorHarness.EmptyCompilation());

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Instruments];
        var outputs = steps.SelectMany(s => s.Outputs).ToList();
        static string IdOf(object spec) => ((TreatyDsl.Binding.InstrumentModel)spec.GetType().GetProperty("Instrument")!.GetValue(spec)!).Id;
        var coe = outputs.Single(o => IdOf(o.Value) == "coe");
        var mx = outputs.Single(o => IdOf(o.Value) == "us-mx");
        Assert.Contains(coe.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Equal(IncrementalStepRunReason.Modified, mx.Reason);
    }

    [Fact]
    public void A_project_with_no_treaty_files_gets_no_code_and_no_diagnostic_from_the_generator()
    {
        // An application that references a library built with TreatyDsl: the package flows to it, its files do not.
        var output = GeneratorHarness.Generate(System.Array.Empty<Microsoft.CodeAnalysis.AdditionalText>(), out var diagnostics,
            new BuildProperties(("TreatyNamespace", "not a namespace")));

        Assert.Empty(diagnostics);
        Assert.Equal(GeneratorHarness.EmptyCompilation().SyntaxTrees.Count(), output.SyntaxTrees.Count());
    }

    [Fact]
    public void A_broken_treaty_file_yields_no_output_for_it_and_no_exception()
    {
        var files = GeneratorHarness.ShippedTreatiesWith("us-mx.treaty", text => text + "\nbar broken: \"x\" cite \"c\" when nonsense.thing\n");
        var output = GeneratorHarness.Generate(files, out var diagnostics);

        var omission = Assert.Single(diagnostics);
        Assert.Equal("TDSL0202", omission.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, omission.Severity);
        Assert.Matches(@"^The validator for instrument 'us-mx' was not generated because its treaty files have errors; the first is TDSL0102 at us-mx\.treaty\(\d+,31\)$", omission.GetMessage());
        Assert.EndsWith("us-mx.treaty", omission.Location.GetLineSpan().Path);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith("UsMxValidator.g.cs"));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("CoeValidator.g.cs"));
    }

    [Theory]
    [InlineData("My App.Treaties")]
    [InlineData("MyApp.class")]
    [InlineData("2Fast.Treaties")]
    [InlineData("MyApp..Treaties")]
    public void An_invalid_namespace_property_is_TDSL0201_and_nothing_is_generated(string ns)
    {
        var output = GeneratorHarness.Generate(GeneratorHarness.ShippedTreaties(), out var diagnostics, new BuildProperties(("TreatyNamespace", ns)));

        var error = Assert.Single(diagnostics);
        Assert.Equal("TDSL0201", error.Id);
        Assert.Equal($"'{ns}' (from the TreatyNamespace or RootNamespace build property) is not a C# namespace; set TreatyNamespace to a dotted name such as MyApp.Treaties. Nothing was generated", error.GetMessage());
        Assert.Empty(output.SyntaxTrees);
    }

    [Theory]
    [InlineData("MyApp.Treaties")]
    [InlineData("MyApp.@event")]
    public void A_valid_namespace_property_names_the_generated_namespace(string ns)
    {
        var output = GeneratorHarness.Generate(GeneratorHarness.ShippedTreaties(), out var diagnostics, new BuildProperties(("TreatyNamespace", ns)));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.GetTypeByMetadataName(ns.Replace("@", "") + ".GeneratedTreaties"));
    }

    [Fact]
    public void A_broken_vocabulary_or_country_table_is_named_in_a_TDSL0202_warning()
    {
        var vocabularyBroken = GeneratorHarness.ShippedTreatiesWith("case-file.treaty", text => text + "\nfact broken: nosuchtype\n");
        var tableBroken = GeneratorHarness.ShippedTreatiesWith("countries.treaty", text => text + "\ncountry XQ \"Nowhere\" no-such-instrument from 2026-02-30\n");

        GeneratorHarness.Generate(vocabularyBroken, out var nothing);
        var emptyTable = GeneratorHarness.Generate(tableBroken, out var table);

        Assert.StartsWith("Nothing was generated because a file that declares the fact vocabulary has errors; the first is TDSL0104 at ", Assert.Single(nothing).GetMessage());
        Assert.StartsWith("The country table was generated empty, so every case is no-treaty, because its treaty file has errors; the first is TDSL0001 at ", Assert.Single(table).GetMessage());
        Assert.Contains(emptyTable.SyntaxTrees, t => t.FilePath.EndsWith("GeneratedTreaties.g.cs"));
    }
}
