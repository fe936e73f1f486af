using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Parsing;
using TreatyDsl.Text;

namespace TreatyDsl;

/// <summary>Parses and binds a set of .treaty texts, or every .treaty file in a folder.</summary>
public static class TreatyLoader
{
    public static TreatyModel Load(IEnumerable<(string Path, string Text)> files) => Load(files, analyse: true);

    /// <summary>Parses and binds texts; analyses the cases only when <paramref name="analyse"/> is true (see <see cref="Load(IEnumerable{ParseResult}, bool)"/>).</summary>
    public static TreatyModel Load(IEnumerable<(string Path, string Text)> files, bool analyse) =>
        Load(files.Select(f => TreatyParser.Parse(f.Path, f.Text)), analyse);

    /// <summary>Binds and analyses files already parsed (for callers that keep parse results, such as the analyzer's cache).</summary>
    public static TreatyModel Load(IEnumerable<ParseResult> parsedFiles) => Load(parsedFiles, analyse: true);

    /// <summary>
    /// Binds files already parsed, checks the country table, and, when <paramref name="analyse"/> is true, analyses the
    /// cases (docs/analysis.md). The generator needs only the bound model and the table's notes; the case analysis
    /// findings are the analyzer's and <c>treaty check</c>'s.
    /// </summary>
    public static TreatyModel Load(IEnumerable<ParseResult> parsedFiles, bool analyse) =>
        Load(parsedFiles, analyse ? new Analysis.AnalysisBudget() : null);

    /// <summary>
    /// Binds files already parsed, checks the country table, and analyses the cases within <paramref name="budget"/>
    /// (none: no case analysis). The budget's cancellation stops the analysis with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static TreatyModel Load(IEnumerable<ParseResult> parsedFiles, Analysis.AnalysisBudget? budget) => Load(parsedFiles, budget, null);

    /// <summary>
    /// As <see cref="Load(IEnumerable{ParseResult}, Analysis.AnalysisBudget?)"/>, with the case files the examples start
    /// from read through <paramref name="caseFiles"/> (none: an example that names one says it cannot be read here).
    /// </summary>
    public static TreatyModel Load(IEnumerable<ParseResult> parsedFiles, Analysis.AnalysisBudget? budget, Examples.ICaseFileSource? caseFiles)
    {
        var parsed = parsedFiles.OrderBy(p => p.File.Path, StringComparer.Ordinal).ToList();
        var model = Examples.CaseFileReferences.Read(Binder.Bind(parsed.Select(p => p.File), parsed.SelectMany(p => p.Diagnostics)), caseFiles);
        // The table checks add notes that cases print, so they run for the generator too; the case analysis does not.
        model = Analysis.CountryTableChecks.Run(model);
        return budget is null ? model : Diagnose(model, budget);
    }

    /// <summary>
    /// What is reported about a bound model where diagnostics appear (the analyzer, <c>treaty check</c>, the language
    /// server): its examples, checked by the interpreter (which needs the bound model only, never the analysis), and the
    /// case analysis within <paramref name="budget"/>.
    /// </summary>
    public static TreatyModel Diagnose(TreatyModel model, Analysis.AnalysisBudget budget)
    {
        // Independent of each other: a failing example is an error, but the rules are whole, so the analysis of them
        // still runs (and an example is not held up by what the analysis finds).
        var examples = Examples.ExampleChecks.Diagnostics(model);
        var analysed = Analysis.TreatyAnalysis.Run(model, budget);
        if (examples.Count == 0) return analysed;
        return analysed with
        {
            Diagnostics = analysed.Diagnostics.Concat(examples).OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToEquatableArray(),
        };
    }

    /// <summary>Loads and analyses every <c>*.treaty</c> file under <paramref name="directory"/>. A folder that cannot be read is a diagnostic, not an exception.</summary>
    public static TreatyModel LoadDirectory(string directory) => LoadDirectory(directory, analyse: true);

    /// <summary>
    /// Loads every <c>*.treaty</c> file under <paramref name="directory"/>, analysing the cases only when
    /// <paramref name="analyse"/> is true: evaluating cases needs the bound model and the country table's notes, never
    /// the proofs about rules, so <c>treaty eval</c> and <c>treaty matrix</c> load without them.
    /// </summary>
    public static TreatyModel LoadDirectory(string directory, bool analyse) => LoadDirectory(directory, analyse, out _);

    /// <summary>
    /// As <see cref="LoadDirectory(string, bool)"/>, and the files as read (path and text; none when the folder could not
    /// be read), for a caller with more to check in them, so the folder is read once.
    /// </summary>
    public static TreatyModel LoadDirectory(string directory, bool analyse, out IReadOnlyList<(string Path, string Text)> files)
    {
        List<(string Path, string Text)> read;
        try
        {
            read = Directory.EnumerateFiles(directory, "*.treaty", SearchOption.AllDirectories)
                .Select(path => (path.Replace('\\', '/'), SourceFiles.TryRead(path, out var problem) ?? throw new IOException($"'{path}': {problem}")))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            files = Array.Empty<(string, string)>();
            return Load(Array.Empty<(string, string)>(), analyse: false) with
            {
                Diagnostics = new[] { DiagnosticCatalog.MissingVocabulary.Create(SourceSpan.None(directory)) with { Message = $"Cannot read the treaty folder '{directory}': {ex.Message}" } }.ToEquatableArray(),
            };
        }
        files = read;
        // Case files beside the treaty files are read from disk, as the treaty files are.
        return Load(read.Select(f => TreatyParser.Parse(f.Path, f.Text)), analyse ? new Analysis.AnalysisBudget() : null, Examples.DiskCaseFiles.Instance);
    }
}
