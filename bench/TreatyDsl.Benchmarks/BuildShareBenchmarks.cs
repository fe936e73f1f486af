using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using TreatyDsl.Testing;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// What the generator and the analyzer add to the compiler's work for an application that uses them (issue 13: under
/// 10% of every build), in one process, as the compiler server or an IDE runs it: the sample application
/// (samples/CaseScreening and the 19 shipped treaties) compiled from its sources to an assembly, its symbols and its
/// documentation file. Baseline: the same application with the generator's output as ordinary C# files and no
/// generator or analyzer, so the generated code's own compilation is on both sides and the difference is what the
/// generator and analyzer do. Against it: each build handing the generator new additional texts (as every compiler
/// invocation reads the files again) with the driver kept from the build before (the compiler server keeps up to ten,
/// the IDE one per project), and with a new driver each time (a compiler without that cache). The parse cache
/// (<c>ParseCache</c>) is the process's, as in the server. The setup checks that all three compile without errors and
/// that the generator writes exactly the plain side's files. Only the compiler's work is timed, not MSBuild's, so the
/// ratio overstates the share of a whole build.
/// </summary>
[MemoryDiagnoser]
public class BuildShareBenchmarks
{
    private const string RootNamespace = "CaseScreening";

    /// <summary>What the SDK writes for ImplicitUsings in a console application.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithDocumentationMode(DocumentationMode.Diagnose);

    // One thread (the compiler's own parallelism off, the analyzer's too): on a shared two-core machine a parallel compile's
    // time depends on what else runs, and the question is how much work is added, not how it spreads over cores.
    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    private (string Path, string Text)[] ownSources = null!;
    private (string Path, string Text)[] generatedSources = null!;
    private (string Path, string Text)[] treaties = null!;
    private MetadataReference[] references = null!;
    private ISourceGenerator generator = null!;
    private ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly BuildProperties properties = new(("RootNamespace", RootNamespace));
    private GeneratorDriver keptDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var repository = Path.GetDirectoryName(Cases.TreatiesFolder)!;
        var program = Path.Combine(repository, "samples", "CaseScreening", "Program.cs");
        ownSources = [(program, File.ReadAllText(program)), ("CaseScreening.GlobalUsings.g.cs", ImplicitUsings)];
        treaties = Directory.GetFiles(Cases.TreatiesFolder, "*.treaty").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToArray();
        references = FrameworkAndRuntime().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

        // The generator and analyzer assembly, loaded from where the build put it for the compiler.
        var generatorPath = typeof(BuildShareBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TreatyGeneratorPath").Value!;
        var assembly = Assembly.LoadFrom(generatorPath);
        generator = ((IIncrementalGenerator)Activator.CreateInstance(assembly.GetType("TreatyDsl.Generator.TreatyGenerator", throwOnError: true)!)!).AsSourceGenerator();
        analyzers = [(DiagnosticAnalyzer)Activator.CreateInstance(assembly.GetType("TreatyDsl.Generator.TreatyAnalyzer", throwOnError: true)!)!];

        var first = CSharpGeneratorDriver.Create([generator], NewAdditionalTexts(), ParseOptions, properties).RunGenerators(Compile(ownSources));
        var run = first.GetRunResult();
        if (!run.Diagnostics.IsEmpty) throw new InvalidOperationException("The generator reported: " + string.Join("\n", run.Diagnostics));
        generatedSources = run.Results.Single().GeneratedSources.Select(s => ("Generated/" + s.HintName, s.SourceText.ToString())).ToArray();
        keptDriver = first;

        var plain = PlainCSharp();
        var withGenerator = WithGeneratorKeptDriver();
        var newDriver = WithGeneratorNewDriver();
        if (plain != withGenerator || plain != newDriver) throw new InvalidOperationException($"The builds differ: {plain} plain, {withGenerator} and {newDriver} with the generator.");
    }

    [Benchmark(Baseline = true, Description = "compile, generated code as plain C#")]
    public string PlainCSharp() => EmitChecked(Compile(ownSources.Concat(generatedSources)));

    [Benchmark(Description = "compile with generator + analyzer, driver kept")]
    public string WithGeneratorKeptDriver()
    {
        var texts = NewAdditionalTexts();
        keptDriver = keptDriver.ReplaceAdditionalTexts(texts).RunGeneratorsAndUpdateCompilation(Compile(ownSources), out var output, out _);
        Analyze(output, texts);
        return EmitChecked(output);
    }

    [Benchmark(Description = "compile with generator + analyzer, new driver")]
    public string WithGeneratorNewDriver()
    {
        var texts = NewAdditionalTexts();
        CSharpGeneratorDriver.Create([generator], texts, ParseOptions, properties).RunGeneratorsAndUpdateCompilation(Compile(ownSources), out var output, out _);
        Analyze(output, texts);
        return EmitChecked(output);
    }

    private CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources) => CSharpCompilation.Create(
        RootNamespace,
        sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), ParseOptions, s.Path)),
        references,
        CompilationOptions);

    /// <summary>Runs the analyzer; the shipped set has warnings (instruments the country table names but no file defines), no errors.</summary>
    private void Analyze(Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(texts, properties), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var found = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (found.IsEmpty || found.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new InvalidOperationException("The analyzer did not report the shipped set's warnings alone: " + string.Join("\n", found));
    }

    /// <summary>Emits the assembly, its portable symbols and documentation; says what was built, or throws if it failed.</summary>
    private static string EmitChecked(Compilation compilation)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        using var xml = new MemoryStream();
        var result = compilation.Emit(pe, pdb, xml, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return $"{compilation.SyntaxTrees.Count()} files, {result.Diagnostics.Length} compiler diagnostics, {pe.Length / 1024} KB";
    }

    private ImmutableArray<AdditionalText> NewAdditionalTexts() => [.. treaties.Select(t => (AdditionalText)new TreatyText(t.Path, t.Text))];

    /// <summary>The framework's assemblies (not the benchmark's own dependencies), the runtime and NodaTime.</summary>
    private static IEnumerable<string> FrameworkAndRuntime()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal));
        return platform.Concat([typeof(TreatyDsl.Runtime.TreatyCatalog).Assembly.Location, typeof(NodaTime.LocalDate).Assembly.Location]);
    }

    /// <summary>A .treaty file as the compiler hands it over; each build makes new ones, as each compiler run reads the files.</summary>
    private sealed class TreatyText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }
}
