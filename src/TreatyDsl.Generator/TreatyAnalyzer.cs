using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TreatyDsl.Diagnostics;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace TreatyDsl.Generator;

/// <summary>
/// Reports the language's diagnostics (parse and bind errors, warnings) at their place in the .treaty files,
/// so they show in the IDE and fail the build, with the ids of <see cref="DiagnosticCatalog"/>.
/// <para>
/// Each .treaty file's diagnostics are reported by an additional-file action, so an editor that analyses only the open
/// file gets them without a build. Binding needs every file at once (instruments include baselines, rules read the
/// vocabulary), so the model is built once per compilation, by the first file that asks, and shared by the others.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TreatyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<RoslynDescriptor> SupportedDiagnostics => TreatyDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var files = start.Options.AdditionalFiles.Where(f => TreatyFiles.IsTreatyFile(f.Path)).ToImmutableArray();
            if (files.IsEmpty) return;
            var helpLinkBase = GeneratorSettings.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions).HelpLinkBase;
            var model = new Lazy<CompilationModel>(() => CompilationModel.Create(files, helpLinkBase, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(file =>
            {
                if (!TreatyFiles.IsTreatyFile(file.AdditionalFile.Path)) return;
                var options = file.Options.AnalyzerConfigOptionsProvider.GetOptions(file.AdditionalFile);
                foreach (var diagnostic in model.Value.For(file.AdditionalFile.Path))
                {
                    if (ConfiguredSeverity.Apply(diagnostic, options) is { } configured) file.ReportDiagnostic(configured);
                }
            });
        });
    }

    /// <summary>Every .treaty file's diagnostics, as Roslyn diagnostics located in the file, grouped by path.</summary>
    private sealed class CompilationModel
    {
        private readonly Dictionary<string, List<Diagnostic>> byPath = new(StringComparer.Ordinal);

        public IEnumerable<Diagnostic> For(string path) => byPath.TryGetValue(path, out var list) ? list : Enumerable.Empty<Diagnostic>();

        public static CompilationModel Create(ImmutableArray<AdditionalText> files, string? helpLinkBase, CancellationToken cancellationToken)
        {
            var result = new CompilationModel();
            var texts = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
            foreach (var file in files) texts[file.Path] = file.GetText(cancellationToken);
            try
            {
                var model = TreatyLoader.Load(texts.Select(t => ParseCache.Parse(t.Key, t.Value?.ToString() ?? string.Empty)));
                foreach (var diagnostic in model.Diagnostics)
                {
                    texts.TryGetValue(diagnostic.Span.Path, out var text);
                    if (TreatyDescriptors.ToRoslyn(diagnostic, LocationOf(diagnostic, text), helpLinkBase) is { } reported) result.Add(diagnostic.Span.Path, reported);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never take the compiler down: our own failure is one error, on the first file, that says what happened.
                var first = files[0].Path;
                var failure = DiagnosticCatalog.InternalError.Create(Text.SourceSpan.None(first), "check the treaty files", ex.GetType().Name, ex.Message);
                result.Add(first, TreatyDescriptors.ToRoslyn(failure, LocationOf(failure, texts[first]), helpLinkBase)!);
            }
            return result;
        }

        private void Add(string path, Diagnostic diagnostic)
        {
            if (!byPath.TryGetValue(path, out var list)) byPath[path] = list = new List<Diagnostic>();
            list.Add(diagnostic);
        }
    }

    private static Location LocationOf(TreatyDiagnostic diagnostic, SourceText? text)
    {
        var span = diagnostic.Span;
        if (text is null) return Location.None;
        var start = Math.Min(span.Offset, text.Length);
        var length = Math.Min(span.Length, text.Length - start);
        var textSpan = new TextSpan(start, length);
        var lines = text.Lines.GetLinePositionSpan(textSpan);
        return Location.Create(span.Path, textSpan, lines);
    }
}
