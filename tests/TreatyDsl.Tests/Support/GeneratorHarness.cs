using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TreatyDsl.Generator;
using TreatyDsl.Runtime;
using TreatyDsl.Testing;

namespace TreatyDsl.Tests;

/// <summary>
/// Runs the generator the way the compiler does, with the Roslyn APIs directly (no Microsoft.CodeAnalysis.Testing):
/// .treaty texts as additional files, the test host's own framework assemblies as references.
/// </summary>
internal static class GeneratorHarness
{
    public sealed class TreatyText(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create("Consumer",
        references: ConsumerReferences().Select(p => MetadataReference.CreateFromFile(p)),
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable).WithSpecificDiagnosticOptions(SdkDefaultNoWarn));

    /// <summary>
    /// What every .NET SDK project suppresses by default (NoWarn 1701;1702): a reference built against an older
    /// version of a framework assembly (the runtime's System.Text.Json 9 package, here System.Text.Json 10) is assumed to match.
    /// </summary>
    public static readonly System.Collections.Generic.Dictionary<string, ReportDiagnostic> SdkDefaultNoWarn = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    /// <summary>
    /// The framework, plus the runtime and NodaTime as loaded by this test host. The two are named explicitly: the
    /// generator hands its analysis dependencies (TreatyDsl.Runtime among them) to whoever references it, and on a clean
    /// build that can leave the runtime out of the test host's deps file, hence out of the trusted platform list.
    /// </summary>
    private static string[] ConsumerReferences()
    {
        var loaded = new[] { typeof(TreatyCatalog).Assembly.Location, typeof(NodaTime.LocalDate).Assembly.Location };
        var names = loaded.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !names.Contains(Path.GetFileName(p)));
        return platform.Concat(loaded).ToArray();
    }

    public static AdditionalText[] ShippedTreaties() =>
        Directory.GetFiles(Paths.Treaties, "*.treaty").Select(f => (AdditionalText)new TreatyText(f, File.ReadAllText(f))).ToArray();

    /// <summary>The shipped treaties with one file's text replaced by <paramref name="edit"/> of it.</summary>
    public static AdditionalText[] ShippedTreatiesWith(string fileName, Func<string, string> edit) =>
        ShippedTreaties().Select(f => Path.GetFileName(f.Path) == fileName ? new TreatyText(f.Path, edit(f.GetText()!.ToString())) : f).ToArray();

    public static Compilation Generate(AdditionalText[] treaties, out System.Collections.Immutable.ImmutableArray<Diagnostic> generatorDiagnostics, BuildProperties? properties = null)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, treaties, optionsProvider: properties);
        driver.RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out generatorDiagnostics);
        return output;
    }

    /// <summary>The generated source with line numbers, to print when a compilation fails.</summary>
    public static string Listing(Compilation compilation) =>
        string.Join("\n\n", compilation.SyntaxTrees.Select(t => t.FilePath + "\n" + string.Join("\n", t.ToString().Split('\n').Select((l, i) => $"{i + 1,5}: {l}"))));

    /// <summary>Emits the compilation, loads it into a collectible context and returns its generated catalog.</summary>
    public static TreatyCatalog LoadCatalog(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics) + "\n" + Listing(compilation));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("generated-treaties", isCollectible: true).LoadFromStream(image);
        var catalog = assembly.GetType("Treaties.GeneratedTreaties", throwOnError: true)!.GetProperty("Catalog")!.GetValue(null);
        return (TreatyCatalog)catalog!;
    }
}
