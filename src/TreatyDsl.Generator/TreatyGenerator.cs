using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TreatyDsl.Binding;
using TreatyDsl.Parsing;

namespace TreatyDsl.Generator;

/// <summary>
/// Compiles the project's *.treaty additional files into strongly typed eligibility validators.
/// Never reports and never throws: files with errors produce no output and the analyzer
/// (<see cref="TreatyAnalyzer"/>) says why, at the place in the .treaty file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TreatyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => TreatyFiles.IsTreatyFile(text.Path))
            .Select(static (text, ct) => new TreatyFileText(text.Path, text.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.Files);

        // Parsing is per file and cached per file: an edit re-parses only the edited file.
        var parsed = files
            .Select(static (file, _) => TreatyParser.Parse(file.Path, file.Text))
            .WithTrackingName(TrackingNames.Parse);

        // Binding needs every file at once (instruments include baselines, rules read the vocabulary).
        var model = parsed.Collect()
            .Select(static (all, _) => Binder.Bind(all.OrderBy(p => p.File.Path, System.StringComparer.Ordinal).Select(p => p.File), all.SelectMany(p => p.Diagnostics)))
            .WithTrackingName(TrackingNames.Bind);

        var ns = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratedNamespace.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Namespace);
        context.RegisterSourceOutput(ns, static (spc, ns) =>
        {
            if (!GeneratedNamespace.IsValid(ns)) spc.ReportDiagnostic(Diagnostic.Create(TreatyDescriptors.InvalidNamespace, Location.None, TreatyDsl.Diagnostics.DiagnosticCatalog.InvalidNamespace.Create(default, ns).Message));
        });

        // Only the path map is taken from the compilation: plain data, equal from one keystroke to the next.
        var pathMap = context.CompilationProvider
            .Select(static (compilation, _) => PathMap.From(compilation))
            .WithTrackingName(TrackingNames.PathMap);

        var plan = model.Combine(ns).Combine(pathMap)
            .Select(static (pair, _) => GenerationPlan.Create(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Plan);

        var instruments = plan.SelectMany(static (p, _) => p.Instruments).WithTrackingName(TrackingNames.Instruments);
        var advisories = plan.SelectMany(static (p, _) => p.Advisories).WithTrackingName(TrackingNames.Advisories);
        var vocabulary = plan.Select(static (p, _) => p.Vocabulary).WithTrackingName(TrackingNames.Vocabulary);
        var catalog = plan.Select(static (p, _) => p.Catalog).WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(instruments, static (spc, spec) =>
            AddSource(spc, $"instrument '{spec.Instrument.Id}'", InstrumentEmitter.ClassName(spec.Instrument.Id), () => InstrumentEmitter.Emit(spec)));
        context.RegisterSourceOutput(advisories, static (spc, spec) =>
            AddSource(spc, $"advisory set '{spec.Set.Id}'", AdvisoryEmitter.ClassName(spec.Set.Id), () => AdvisoryEmitter.Emit(spec)));
        context.RegisterSourceOutput(vocabulary, static (spc, spec) =>
        {
            if (spec is not null) AddSource(spc, "the case type", GeneratedNames.CaseClass, () => VocabularyEmitter.Emit(spec));
        });
        context.RegisterSourceOutput(catalog, static (spc, spec) =>
        {
            if (spec is not null) AddSource(spc, "the catalog", GeneratedNames.CatalogClass, () => CatalogEmitter.Emit(spec));
        });
    }

    /// <summary>
    /// Emits one file. The binder has already proved every name unique (TDSL0122), so nothing here should fail; if it
    /// does, it is our bug, and it is reported as TDSL0900 instead of escaping into the compiler, which would drop every
    /// generated file (CS8785).
    /// </summary>
    private static void AddSource(SourceProductionContext context, string what, string className, System.Func<string> emit)
    {
        try
        {
            context.AddSource(className + ".g.cs", emit());
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(TreatyDescriptors.InternalError, Location.None,
                TreatyDsl.Diagnostics.DiagnosticCatalog.InternalError.Create(default, $"generate {what}", ex.GetType().Name, ex.Message).Message));
        }
    }
}

/// <summary>Names of the pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string Files = "TreatyFiles";
    public const string Parse = "Parse";
    public const string Bind = "Bind";
    public const string Namespace = "Namespace";
    public const string PathMap = "PathMap";
    public const string Plan = "Plan";
    public const string Instruments = "Instruments";
    public const string Advisories = "Advisories";
    public const string Vocabulary = "Vocabulary";
    public const string Catalog = "Catalog";
}

internal static class TreatyFiles
{
    public static bool IsTreatyFile(string path) => path.EndsWith(".treaty", System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Decides what to emit. A file with errors produces nothing: an instrument or advisory set is emitted only if no error
/// touches its own file or the baseline files its rules come from; nothing is emitted if the vocabulary has errors.
/// </summary>
internal sealed record GenerationPlan(EquatableArray<InstrumentSpec> Instruments, EquatableArray<AdvisorySpec> Advisories, VocabularySpec? Vocabulary, CatalogSpec? Catalog)
{
    public static GenerationPlan Create(TreatyModel model, string ns, PathMap pathMap)
    {
        if (!GeneratedNamespace.IsValid(ns)) return new GenerationPlan(EquatableArray<InstrumentSpec>.Empty, EquatableArray<AdvisorySpec>.Empty, null, null);
        var errorFiles = new HashSet<string>(model.Diagnostics.Where(d => d.IsError).Select(d => d.Span.Path));
        var vocabularyBroken = model.Vocabulary.Facts.Count == 0
            || model.Vocabulary.Facts.Any(f => errorFiles.Contains(f.Span.Path))
            || model.Vocabulary.Derived.Any(d => errorFiles.Contains(d.Span.Path))
            || model.Diagnostics.Any(d => d.IsError && d.Id == "TDSL0112");
        if (vocabularyBroken) return new GenerationPlan(EquatableArray<InstrumentSpec>.Empty, EquatableArray<AdvisorySpec>.Empty, null, null);

        var instruments = model.Instruments
            .Where(i => !errorFiles.Contains(i.Span.Path) && i.Rules.All(r => r.Versions.All(v => !errorFiles.Contains(v.Span.Path))))
            .Select(i => new InstrumentSpec(ns, model.Vocabulary, i, pathMap))
            .ToEquatableArray();
        var advisories = model.Advisories
            // A set's factors are always in its header's file (a header owns what follows it in the same file).
            .Where(a => !errorFiles.Contains(a.Span.Path))
            .Select(a => new AdvisorySpec(ns, model.Vocabulary, a, pathMap))
            .ToEquatableArray();
        var countryTableBroken = model.Countries.Countries.Any(c => errorFiles.Contains(c.Span.Path));
        var countries = countryTableBroken ? new CountryTableModel(model.Countries.Title, model.Countries.Citation, EquatableArray<CountryModel>.Empty) : model.Countries;
        return new GenerationPlan(
            instruments,
            advisories,
            new VocabularySpec(ns, model.Vocabulary),
            new CatalogSpec(ns, model.Vocabulary, countries, instruments.Select(i => i.Instrument.Id).ToEquatableArray(), advisories.Select(a => a.Set.Id).ToEquatableArray()));
    }
}

internal static class GeneratedNamespace
{
    /// <summary>The TreatyNamespace build property, else RootNamespace + ".Treaties", else "Treaties".</summary>
    public static string From(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.TreatyNamespace", out var explicitNs) && !string.IsNullOrWhiteSpace(explicitNs)) return explicitNs.Trim();
        if (options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root)) return root.Trim() + ".Treaties";
        return "Treaties";
    }

    /// <summary>Whether <paramref name="ns"/> can follow <c>namespace</c>: dotted identifiers, a keyword only as <c>@keyword</c>.</summary>
    public static bool IsValid(string ns) => ns.Split('.').All(segment =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(segment.StartsWith("@", System.StringComparison.Ordinal) ? segment.Substring(1) : segment)
        && (segment.StartsWith("@", System.StringComparison.Ordinal) || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(segment) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None));
}
