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
