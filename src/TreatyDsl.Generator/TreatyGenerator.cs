using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;

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

        // Parsing is per file and cached per file: an edit re-parses only the edited file. The parse itself comes from
        // the cache the analyzer uses too, so whichever of the two reads an unchanged file first parses it for both.
        var parsed = files
            .Select(static (file, _) => ParseCache.Parse(file.Path, file.Text))
            .WithTrackingName(TrackingNames.Parse);

        // Binding needs every file at once (instruments include baselines, rules read the vocabulary). The loader also
        // checks the country table, whose notes the generated table carries; the case analysis is the analyzer's job.
        var model = parsed.Collect()
            .Select(static (all, _) => TreatyLoader.Load(all, analyse: false))
            .WithTrackingName(TrackingNames.Bind);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        // A project with no .treaty files of its own (an application that references a library built with TreatyDsl,
        // to which the package flows) gets nothing from the generator: no code, and no diagnostic about files it lacks.
        var hasTreatyFiles = files.Collect().Select(static (all, _) => all.Length > 0);

        // Only plain data is taken from the compilation (the path map; the language version, runtime and init marker
        // the generated code needs), equal from one keystroke to the next, so C# edits do not re-run the emitters.
        var pathMap = context.CompilationProvider
            .Select(static (compilation, _) => PathMap.From(compilation))
            .WithTrackingName(TrackingNames.PathMap);
        var consumer = context.CompilationProvider.Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => ConsumerProject.From(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Consumer);

        // A project that cannot take the generated code gets one diagnostic per cause, naming the fix, and no code.
        context.RegisterSourceOutput(settings.Combine(consumer).Combine(hasTreatyFiles), static (spc, all) =>
        {
            if (!all.Right) return;
            var (settings, consumer) = all.Left;
            foreach (var problem in settings.Problems().Concat(consumer.Problems()))
            {
                if (TreatyDescriptors.ToRoslyn(problem, Location.None, settings.HelpLinkBase) is { } diagnostic) spc.ReportDiagnostic(diagnostic);
            }
        });

        var plan = model.Combine(settings).Combine(consumer).Combine(pathMap)
            .Select(static (all, _) => GenerationPlan.Create(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.Plan);

        var instruments = plan.SelectMany(static (p, _) => p.Instruments).WithTrackingName(TrackingNames.Instruments);
        var advisories = plan.SelectMany(static (p, _) => p.Advisories).WithTrackingName(TrackingNames.Advisories);
        var vocabulary = plan.Select(static (p, _) => p.Vocabulary).WithTrackingName(TrackingNames.Vocabulary);
        var catalog = plan.Select(static (p, _) => p.Catalog).WithTrackingName(TrackingNames.Catalog);
        var omissions = plan.Select(static (p, _) => p.Omissions).WithTrackingName(TrackingNames.Omissions);

        context.RegisterSourceOutput(instruments, static (spc, spec) =>
            AddSource(spc, $"instrument '{spec.Instrument.Id}'", InstrumentEmitter.ClassName(spec.Instrument.Id), () => InstrumentEmitter.Emit(spec)));
        context.RegisterSourceOutput(advisories, static (spc, spec) =>
            AddSource(spc, $"advisory set '{spec.Set.Id}'", AdvisoryEmitter.ClassName(spec.Set.Id), () => AdvisoryEmitter.Emit(spec)));
        context.RegisterSourceOutput(vocabulary, static (spc, spec) =>
        {
            if (spec is null) return;
            AddSource(spc, "the case type", GeneratedNames.CaseClass, () => VocabularyEmitter.Emit(spec));
            AddSource(spc, "the case file reader", GeneratedNames.CaseReaderClass, () => CaseReaderEmitter.Emit(spec));
        });
        context.RegisterSourceOutput(omissions.Combine(settings).Combine(hasTreatyFiles), static (spc, all) =>
        {
            if (!all.Right) return;
            var pair = all.Left;
            var descriptor = TreatyDescriptors.WithHelpLinks(TreatyDescriptors.NotGenerated, pair.Right.HelpLinkBase);
            foreach (var omission in pair.Left) spc.ReportDiagnostic(Diagnostic.Create(descriptor, omission.Location(), omission.Message));
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
            context.ReportDiagnostic(TreatyDescriptors.ToRoslyn(DiagnosticCatalog.InternalError.Create(default, $"generate {what}", ex.GetType().Name, ex.Message), Location.None)!);
        }
    }
}

/// <summary>Names of the pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string Files = "TreatyFiles";
    public const string Parse = "Parse";
    public const string Bind = "Bind";
    public const string Settings = "Settings";
    public const string Consumer = "Consumer";
    public const string PathMap = "PathMap";
    public const string Plan = "Plan";
    public const string Instruments = "Instruments";
    public const string Advisories = "Advisories";
    public const string Vocabulary = "Vocabulary";
    public const string Catalog = "Catalog";
    public const string Omissions = "Omissions";
}

internal static class TreatyFiles
{
    public static bool IsTreatyFile(string path) => path.EndsWith(".treaty", System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Decides what to emit. A file with errors produces nothing: an instrument or advisory set is emitted only if no error
/// touches its own file or the baseline files its rules come from; nothing is emitted if the vocabulary has errors.
/// </summary>
/// <remarks>
/// What is left out is never left out silently: each omission is a warning (TDSL0202) at the place to fix, naming the
/// first error, so the reason stays visible even where that error has been configured away.
/// </remarks>
internal sealed record GenerationPlan(EquatableArray<InstrumentSpec> Instruments, EquatableArray<AdvisorySpec> Advisories, VocabularySpec? Vocabulary, CatalogSpec? Catalog, EquatableArray<Omission> Omissions)
{
    public static GenerationPlan Create(TreatyModel model, GeneratorSettings settings, ConsumerProject consumer, PathMap pathMap)
    {
        if (!settings.CanGenerate || !consumer.CanCompile) return Nothing(); // GeneratorSettings and ConsumerProject say why
        var target = new GeneratedTarget(settings.Namespace, settings.TypeAccessibility, !consumer.HasIsExternalInit);
        var errors = model.Diagnostics.Where(d => d.IsError).ToList();
        var vocabularyFiles = new HashSet<string>(model.Vocabulary.Facts.Select(f => f.Span.Path).Concat(model.Vocabulary.Derived.Select(d => d.Span.Path)));
        var vocabularyError = errors.FirstOrDefault(d => d.Id == "TDSL0112" || vocabularyFiles.Contains(d.Span.Path));
        if (model.Vocabulary.Facts.Count == 0 || vocabularyError is not null)
        {
            var first = vocabularyError ?? errors.FirstOrDefault();
            var reason = first is null ? "the vocabulary declares no facts" : "a file that declares the fact vocabulary has errors; the first is " + Describe(first);
            return Nothing(new Omission("Nothing was generated because " + reason, first?.Span ?? model.Diagnostics.FirstOrDefault()?.Span ?? default));
        }

        var omissions = new List<Omission>();
        TreatyDiagnostic? FirstErrorIn(IEnumerable<string> paths)
        {
            var set = new HashSet<string>(paths);
            return errors.FirstOrDefault(d => set.Contains(d.Span.Path));
        }
        var instruments = new List<InstrumentSpec>();
        foreach (var instrument in model.Instruments)
        {
            var error = FirstErrorIn(instrument.Rules.Concat(instrument.Reviews).SelectMany(r => r.Versions.Select(v => v.Span.Path)).Append(instrument.Span.Path));
            if (error is null) instruments.Add(new InstrumentSpec(target, model.Vocabulary, instrument, pathMap));
            else omissions.Add(new Omission($"The validator for instrument '{instrument.Id}' was not generated because its treaty files have errors; the first is {Describe(error)}", instrument.Span));
        }
        var advisories = new List<AdvisorySpec>();
        foreach (var set in model.Advisories)
        {
            // A set's factors are always in its header's file (a header owns what follows it in the same file).
            var error = FirstErrorIn(new[] { set.Span.Path });
            if (error is null) advisories.Add(new AdvisorySpec(target, model.Vocabulary, set, pathMap));
            else omissions.Add(new Omission($"The advisory set '{set.Id}' was not generated because its treaty file has errors; the first is {Describe(error)}", set.Span));
        }
        var countries = model.Countries;
        if (FirstErrorIn(model.Countries.Countries.Select(c => c.Span.Path)) is { } tableError)
        {
            countries = new CountryTableModel(model.Countries.Title, model.Countries.Citation, EquatableArray<CountryModel>.Empty);
            omissions.Add(new Omission($"The country table was generated empty, so every case is no-treaty, because its treaty file has errors; the first is {Describe(tableError)}", tableError.Span));
        }
        var instrumentSpecs = instruments.ToEquatableArray();
        var advisorySpecs = advisories.ToEquatableArray();
        return new GenerationPlan(
            instrumentSpecs,
            advisorySpecs,
            new VocabularySpec(target, model.Vocabulary),
            new CatalogSpec(target, model.Vocabulary, countries, instrumentSpecs.Select(i => i.Instrument.Id).ToEquatableArray(), advisorySpecs.Select(a => a.Set.Id).ToEquatableArray(), pathMap),
            omissions.ToEquatableArray());
    }

    private static GenerationPlan Nothing(params Omission[] omissions) =>
        new(EquatableArray<InstrumentSpec>.Empty, EquatableArray<AdvisorySpec>.Empty, null, null, omissions.ToEquatableArray());

    /// <summary>"TDSL0102 at us-mx.treaty(51,31)": the file's name, as the compiler shows the full path beside the warning anyway.</summary>
    private static string Describe(TreatyDiagnostic error)
    {
        var path = error.Span.Path ?? string.Empty;
        var name = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return $"{error.Id} at {name}({error.Span.Line},{error.Span.Column})";
    }
}
