using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Generator;

/// <summary>
/// Every .treaty file's diagnostics from binding and checking a set of files together, as Roslyn diagnostics located
/// in the files, grouped by path. Immutable once made, so <see cref="AnalysisCache"/> can hand it to later compilations.
/// </summary>
internal sealed class TreatyFileDiagnostics
{
    private readonly Dictionary<string, List<Diagnostic>> byPath = new(StringComparer.Ordinal);
    private Lazy<Dictionary<string, List<Diagnostic>>> coverage = new(() => new Dictionary<string, List<Diagnostic>>());

    public IEnumerable<Diagnostic> For(string path) => byPath.TryGetValue(path, out var list) ? list : Enumerable.Empty<Diagnostic>();

    /// <summary>
    /// The outcomes no example gives (TDSL0505) in the file: off by default, so worked out only when a file's
    /// configuration first asks for them, once per set of files.
    /// </summary>
    public IEnumerable<Diagnostic> CoverageFor(string path) => coverage.Value.TryGetValue(path, out var list) ? list : Enumerable.Empty<Diagnostic>();

    /// <summary>The case files a build gives its examples: the JSON among its additional files.</summary>
    private static Examples.GivenCaseFiles CaseFilesOf(TreatyFileSet files) =>
        new(files.CaseFiles.Select(f => (f.Path, f.Content)),
            "a build reads a case file only when it is one of the project's additional files: add <AdditionalFiles Include=\"cases/*.json\" /> (with its folder) to the project");

    /// <summary>The examples run on the bound files and each place's missing outcomes; nothing when the files have errors.</summary>
    private static Dictionary<string, List<Diagnostic>> Coverage(TreatyFileSet files, Dictionary<string, TreatyFileSet.File> filesByPath)
    {
        var result = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        try
        {
            var model = TreatyLoader.Load(filesByPath.Values.Select(f => ParseCache.Parse(f.Path, f.Content)), null, CaseFilesOf(files));
            if (model.HasErrors) return result;
            var places = Examples.ExampleCoverage.Of(model, Examples.ExampleChecks.Run(model).Results);
            foreach (var diagnostic in Examples.ExampleCoverage.Diagnostics(places))
            {
                var text = filesByPath.TryGetValue(diagnostic.Span.Path, out var file) ? file.Text : null;
                if (TreatyDescriptors.ToRoslyn(diagnostic, LocationOf(diagnostic, text), files.HelpLinkBase) is not { } reported) continue;
                if (!result.TryGetValue(diagnostic.Span.Path, out var list)) result[diagnostic.Span.Path] = list = new List<Diagnostic>();
                list.Add(reported);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never take the compiler down; the coverage is advice, and the other diagnostics already say what is wrong.
        }
        return result;
    }

    /// <summary>
    /// Binds and analyses the set within the analysis budget (about a second: what is left is "not analysed",
    /// TDSL0309), stopping with an <see cref="OperationCanceledException"/> when the compilation is cancelled.
    /// </summary>
    public static TreatyFileDiagnostics Create(TreatyFileSet files, System.Threading.CancellationToken cancellationToken)
    {
        var result = new TreatyFileDiagnostics();
        // A path the compiler hands over twice is one file (the later text), not two that declare everything twice.
        var filesByPath = new Dictionary<string, TreatyFileSet.File>(StringComparer.Ordinal);
        foreach (var file in files.Files) filesByPath[file.Path] = file;
        result.coverage = new Lazy<Dictionary<string, List<Diagnostic>>>(() => Coverage(files, filesByPath), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        try
        {
            var model = TreatyLoader.Load(filesByPath.Values.Select(f => ParseCache.Parse(f.Path, f.Content)), new Analysis.AnalysisBudget(cancellation: cancellationToken), CaseFilesOf(files));
            foreach (var diagnostic in model.Diagnostics)
            {
                var text = filesByPath.TryGetValue(diagnostic.Span.Path, out var file) ? file.Text : null;
                if (TreatyDescriptors.ToRoslyn(diagnostic, LocationOf(diagnostic, text), files.HelpLinkBase) is { } reported) result.Add(diagnostic.Span.Path, reported);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never take the compiler down: our own failure is one error, on the first file, that says what happened.
            var first = files.Files[0].Path;
            var failure = DiagnosticCatalog.InternalError.Create(Text.SourceSpan.None(first), "check the treaty files", ex.GetType().Name, ex.Message);
            result.Add(first, TreatyDescriptors.ToRoslyn(failure, LocationOf(failure, filesByPath[first].Text), files.HelpLinkBase)!);
        }
        return result;
    }

    private void Add(string path, Diagnostic diagnostic)
    {
        if (!byPath.TryGetValue(path, out var list)) byPath[path] = list = new List<Diagnostic>();
        list.Add(diagnostic);
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
