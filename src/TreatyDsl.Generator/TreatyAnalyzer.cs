using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TreatyDsl.Diagnostics;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace TreatyDsl.Generator;

/// <summary>
/// Reports the language's diagnostics (parse and bind errors, warnings) at their place in the .treaty files,
/// so they show in the IDE and fail the build, with the ids of <see cref="DiagnosticCatalog"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TreatyAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, RoslynDescriptor> Descriptors =
        TreatyDescriptors.All.ToImmutableDictionary(d => d.Id);

    public override ImmutableArray<RoslynDescriptor> SupportedDiagnostics => TreatyDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        try
        {
            Report(context);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            // Never take the compiler down: our own failure is one located-nowhere error that says what happened.
            context.ReportDiagnostic(Diagnostic.Create(TreatyDescriptors.InternalError, Location.None,
                DiagnosticCatalog.InternalError.Create(default, "check the treaty files", ex.GetType().Name, ex.Message).Message));
        }
    }

    private static void Report(CompilationAnalysisContext context)
    {
        var files = context.Options.AdditionalFiles.Where(f => TreatyFiles.IsTreatyFile(f.Path)).ToList();
        if (files.Count == 0) return;
        var texts = files.ToDictionary(f => f.Path, f => f.GetText(context.CancellationToken));
        var model = TreatyLoader.Load(texts.Select(t => (t.Key, t.Value?.ToString() ?? string.Empty)));
        foreach (var diagnostic in model.Diagnostics)
        {
            if (!Descriptors.TryGetValue(diagnostic.Id, out var descriptor)) continue;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, LocationOf(diagnostic, texts.TryGetValue(diagnostic.Span.Path, out var text) ? text : null), diagnostic.Message));
        }
    }

    private static Location LocationOf(TreatyDiagnostic diagnostic, SourceText? text)
    {
        var span = diagnostic.Span;
        if (text is null) return Location.None;
        var start = System.Math.Min(span.Offset, text.Length);
        var length = System.Math.Min(span.Length, text.Length - start);
        var textSpan = new TextSpan(start, length);
        var lines = text.Lines.GetLinePositionSpan(textSpan);
        return Location.Create(span.Path, textSpan, lines);
    }
}
