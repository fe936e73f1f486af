using System.IO;
using System.Linq;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty check [DIR] [--format text|json|sarif] [--witnesses OUT]</c>: parses and checks the treaty files and lists
/// every problem with its place: as compiler-style lines with a summary (text), as one JSON document (json), or as SARIF
/// 2.1.0 (sarif). With --witnesses, each analysis finding's witness case is also written to OUT as a case file that
/// <c>treaty eval --treaties DIR</c> reproduces the finding with. Exit status: 0 no errors, 1 the files have errors,
/// 2 the witnesses could not be written.
/// </summary>
public static class CheckCommand
{
    public static readonly string[] Formats = { "text", "json", "sarif" };

    /// <summary>Exit status when the treaty files have errors, as a compiler's (warnings and information alone exit 0).</summary>
    public const int FilesHaveErrors = 1;

    /// <summary>Exit status when check could not do what was asked (the witness folder cannot be written).</summary>
    public const int CannotComplete = 2;

    public static int Run(string directory, TextWriter output, TextWriter errors) => Run(directory, "text", output, errors);

    public static int Run(string directory, string format, TextWriter output, TextWriter errors) => Run(directory, format, null, output, errors);

    /// <param name="passages">A list of the passages each cited document has (docs/sources/passages.txt): when given,
    /// every citation that names a passage not in it is TDSL0401 at the citation.</param>
    public static int Run(string directory, string format, string? witnesses, TextWriter output, TextWriter errors, string? passages = null)
    {
        // An unreadable folder is the loader's diagnostic, like any other problem. The binder hands diagnostics over
        // in file order, so the listing reads top to bottom like a compiler's.
        var model = TreatyLoader.LoadDirectory(directory, analyse: true, out var files);
        System.Collections.Generic.IReadOnlyList<TreatyDsl.Diagnostics.TreatyDiagnostic> diagnostics = model.Diagnostics;
        if (passages is not null)
        {
            if (CitationDiagnostics(files, passages, errors) is not { } cited) return CannotComplete;
            diagnostics = diagnostics.Concat(cited).OrderBy(d => d.Span.Path, System.StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToList();
        }
        // At the severities the build reports them (.editorconfig and .globalconfig, by id or category); hidden ones, as
        // in a build's output, are not listed.
        var settings = new TreatyDsl.Diagnostics.Configuration.EditorConfigFiles();
        diagnostics = TreatyDsl.Reporting.ReportedDiagnostics.Of(model, diagnostics, settings.For)
            .Where(d => d.Severity != TreatyDsl.Diagnostics.DiagnosticSeverity.Hidden).ToList();
        var errorCount = diagnostics.Count(d => d.IsError);
        var status = errorCount > 0 ? FilesHaveErrors : EvalCommand.Success;
        if (witnesses is not null && !WriteWitnesses(diagnostics, witnesses, errors)) return CannotComplete;
        switch (format)
        {
            case "json":
                output.WriteLine(DiagnosticJsonWriter.Write(diagnostics));
                return status;
            case "sarif":
                output.WriteLine(SarifWriter.Write(diagnostics, typeof(CheckCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
                return status;
        }
        foreach (var diagnostic in diagnostics) output.WriteLine(diagnostic.ToString());
        WriteHelpLinks(diagnostics, output);
        var warningCount = diagnostics.Count(d => d.Severity == TreatyDsl.Diagnostics.DiagnosticSeverity.Warning);
        var infoCount = diagnostics.Count(d => d.Severity == TreatyDsl.Diagnostics.DiagnosticSeverity.Info);
        output.WriteLine(
            $"{Count(model.Instruments.Count, "instrument")}, {Count(model.Countries.Countries.Count(c => c.TerritoryOf is null), "country", "countries")}, " +
            $"{Count(model.Countries.Countries.Count(c => c.TerritoryOf is not null), "territory", "territories")}, " +
            $"{Count(model.Advisories.Sum(a => a.Advisories.Count), "advisory factor")}: " +
            $"{Count(errorCount, "error")}, {Count(warningCount, "warning")}" + (infoCount > 0 ? $", {Count(infoCount, "message")}." : "."));
        return status;
    }

    /// <summary>The citation check of the files as loaded, against the passage list; null (with a message) when the list cannot be read.</summary>
    private static System.Collections.Generic.IReadOnlyList<TreatyDsl.Diagnostics.TreatyDiagnostic>? CitationDiagnostics(
        System.Collections.Generic.IReadOnlyList<(string Path, string Text)> files, string passages, TextWriter errors)
    {
        if (TreatyDsl.Text.SourceFiles.TryRead(passages, out var problem) is not { } list)
        {
            errors.WriteLine($"treaty check: cannot read the passage list '{passages}': {problem}");
            return null;
        }
        return TreatyDsl.Sources.CitationCheck.Run(files, TreatyDsl.Sources.PassageCatalog.Parse(list));
    }

    /// <summary>
    /// Writes every witness as <c>TDSLnnnn-file-line.json</c>, and a second finding of the same id at the same line as
    /// <c>TDSLnnnn-file-line-2.json</c> (and so on), so no witness overwrites another; false (with a message) when the
    /// folder cannot be written.
    /// </summary>
    private static bool WriteWitnesses(System.Collections.Generic.IEnumerable<TreatyDsl.Diagnostics.TreatyDiagnostic> diagnostics, string folder, TextWriter errors)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var written = new System.Collections.Generic.HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var d in diagnostics.Where(d => d.Witness is not null))
            {
                var stem = $"{d.Id}-{Path.GetFileNameWithoutExtension(d.Span.Path)}-{d.Span.Line}";
                var name = stem + ".json";
                for (var n = 2; !written.Add(name); n++) name = $"{stem}-{n}.json";
                File.WriteAllText(Path.Combine(folder, name), d.Witness);
            }
            return true;
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException or System.ArgumentException)
        {
            errors.WriteLine($"treaty check: cannot write the witnesses to '{folder}': {ex.Message}");
            return false;
        }
    }

    /// <summary>Each id listed once, after the listing, with its title and the link to its page.</summary>
    private static void WriteHelpLinks(System.Collections.Generic.IEnumerable<TreatyDsl.Diagnostics.TreatyDiagnostic> diagnostics, TextWriter output)
    {
        var ids = diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return;
        output.WriteLine("Help for each id:");
        foreach (var id in ids) output.WriteLine($"  {id} {TreatyDsl.Diagnostics.DiagnosticCatalog.Find(id)?.Title}: {HelpPages.For(id)}");
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
