using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TreatyDsl.Generator;
using Xunit;
using TreatyDsl.Testing;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The generated code in the projects developers really have: documentation files and every warning on, old language
/// versions, a netstandard2.0 library, no runtime reference, types kept internal. Each either compiles without a single
/// diagnostic or gets exactly one TreatyDsl diagnostic that names the fix, never a flood of C# errors.
/// </summary>
public class StrictConsumerTests
{
    /// <summary>Runs the generator over the shipped treaties for <paramref name="project"/> and returns every diagnostic, the generator's and the compiler's.</summary>
    private static (Compilation Output, ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compiler) Build(
        CSharpCompilation project, LanguageVersion language = LanguageVersion.Latest, params (string Name, string Value)[] properties)
    {
        var parse = new CSharpParseOptions(language, DocumentationMode.Diagnose);
        var driver = CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, GeneratorHarness.ShippedTreaties(), parse, new BuildProperties(properties));
        driver.RunGeneratorsAndUpdateCompilation(project, out var output, out var generatorDiagnostics);
        return (output, generatorDiagnostics, output.GetDiagnostics());
    }

    /// <summary>The test project's consumer compilation at the highest warning level, warnings as errors.</summary>
    private static CSharpCompilation Strict(CSharpCompilation project, NullableContextOptions nullable = NullableContextOptions.Enable) =>
        project.WithOptions(project.Options.WithWarningLevel(9999).WithGeneralDiagnosticOption(ReportDiagnostic.Error).WithNullableContextOptions(nullable));

    private static string Metadata(string key) =>
        typeof(StrictConsumerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>A netstandard2.0 library: its reference assemblies, the runtime, and the netstandard2.0 builds of the runtime's dependencies the generated code uses (NodaTime, System.Text.Json, System.Memory).</summary>
    private static CSharpCompilation NetStandardLibrary() => CSharpCompilation.Create("Library",
        references: Directory.GetFiles(Metadata("NetStandardReferenceFolder"), "*.dll")
            .Append(typeof(TreatyDsl.Runtime.TreatyCatalog).Assembly.Location)
            .Append(Metadata("NodaTimeNetStandardReference"))
            .Append(Metadata("SystemTextJsonNetStandardReference"))
            .Append(Metadata("SystemMemoryNetStandardReference"))
            .Select(p => MetadataReference.CreateFromFile(p)),
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions(GeneratorHarness.SdkDefaultNoWarn));

    private static string Ids(ImmutableArray<Diagnostic> diagnostics) => string.Join("\n", diagnostics);

    [Fact]
    public void Generated_code_compiles_without_a_diagnostic_with_documentation_nullable_and_every_warning_as_an_error()
    {
        var (output, generator, compiler) = Build(Strict(GeneratorHarness.EmptyCompilation()));

        Assert.True(generator.IsEmpty, Ids(generator));
        Assert.True(compiler.IsEmpty, Ids(compiler));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("TreatyCase.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_code_compiles_in_a_netstandard2_0_library_on_CSharp_9_with_the_init_marker_generated_for_it()
    {
        var (output, generator, compiler) = Build(Strict(NetStandardLibrary()), LanguageVersion.CSharp9);

        Assert.True(generator.IsEmpty, Ids(generator));
        Assert.True(compiler.IsEmpty, Ids(compiler));
        var marker = output.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit");
        Assert.NotNull(marker);
        Assert.Equal(Accessibility.Internal, marker!.DeclaredAccessibility);
    }

    [Fact]
    public void A_framework_with_the_init_marker_gets_no_second_one()
    {
        var (output, _, _) = Build(GeneratorHarness.EmptyCompilation());

        Assert.DoesNotContain(output.SyntaxTrees, t => t.ToString().Contains("class IsExternalInit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp8, "8.0")]
    public void A_project_on_a_language_version_before_CSharp_9_gets_one_TDSL0203_naming_the_fix_and_no_code(LanguageVersion language, string shown)
    {
        var project = Strict(NetStandardLibrary(), NullableContextOptions.Disable);

        var (output, generator, compiler) = Build(project, language);

        var diagnostic = Assert.Single(generator);
        Assert.Equal("TDSL0203", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"The generated validators need C# 9 or later, and this project compiles as C# {shown}; nothing was generated. Set <LangVersion>latest</LangVersion> (or 9.0 or later) in the project file", diagnostic.GetMessage());
        Assert.Empty(output.SyntaxTrees);
        Assert.True(compiler.IsEmpty, Ids(compiler));
    }

    [Fact]
    public void A_project_without_the_runtime_gets_one_TDSL0204_naming_the_package_and_no_code()
    {
        var project = GeneratorHarness.EmptyCompilation();
        project = project.RemoveReferences(project.References.Where(r => r.Display!.EndsWith("TreatyDsl.Runtime.dll", StringComparison.OrdinalIgnoreCase)));

        var (output, generator, compiler) = Build(project);

        var diagnostic = Assert.Single(generator);
        Assert.Equal("TDSL0204", diagnostic.Id);
        Assert.Equal($"The generated validators need TreatyDsl.Runtime {ConsumerProject.RequiredRuntime} or later, and this project does not reference it; nothing was generated. Reference the TreatyDsl package, which brings the matching TreatyDsl.Runtime, or add a reference to TreatyDsl.Runtime {ConsumerProject.RequiredRuntime}", diagnostic.GetMessage());
        Assert.Empty(output.SyntaxTrees);
        Assert.True(compiler.IsEmpty, Ids(compiler));
    }

    [Fact]
    public void TreatyGeneratedAccessibility_internal_makes_every_generated_type_internal_and_still_compiles_strictly()
    {
        var (output, generator, compiler) = Build(Strict(GeneratorHarness.EmptyCompilation()), LanguageVersion.Latest, ("TreatyGeneratedAccessibility", "internal"));

        Assert.True(generator.IsEmpty, Ids(generator));
        Assert.True(compiler.IsEmpty, Ids(compiler));
        var generated = output.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Treaties").GetTypeMembers();
        Assert.Contains(generated, t => t.Name == "GeneratedTreaties");
        Assert.All(generated, t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
    }

    [Fact]
    public void An_accessibility_other_than_public_or_internal_is_TDSL0205_and_nothing_is_generated()
    {
        var (output, generator, _) = Build(GeneratorHarness.EmptyCompilation(), LanguageVersion.Latest, ("TreatyGeneratedAccessibility", "protected"));

        var diagnostic = Assert.Single(generator);
        Assert.Equal("TDSL0205", diagnostic.Id);
        Assert.StartsWith("'protected' (from the TreatyGeneratedAccessibility build property)", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(output.SyntaxTrees);
    }
}
