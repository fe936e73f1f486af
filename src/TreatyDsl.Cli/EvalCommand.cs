using System;
using System.Collections.Generic;
using System.IO;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty eval CASE.json|DIR|-... [--json] [--treaties DIR]</c> or <c>treaty eval --jsonl FILE|-</c>: evaluates each case file. A refused file is
/// reported (file and JSON path) and the others still run. Exit status: 0 all evaluated, 2 some input refused.
/// </summary>
public static class EvalCommand
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int InputRefused = 2;

    /// <summary>The built-in treaties, or the interpreted ones of <paramref name="treatiesDirectory"/>; null (with the reasons) when those have errors.</summary>
    private static TreatyCatalog? LoadCatalog(string? treatiesDirectory, TextWriter errors)
    {
        if (treatiesDirectory is null) return BuiltInTreaties.Catalog;
        var model = TreatyLoader.LoadDirectory(treatiesDirectory);
        foreach (var diagnostic in model.Diagnostics) errors.WriteLine(diagnostic.ToString());
        if (!model.HasErrors) return InterpretedCatalog.Create(model);
        errors.WriteLine($"The treaty files in '{treatiesDirectory}' have errors (above); no case was evaluated.");
        return null;
    }

    /// <summary>
    /// <c>treaty eval --jsonl FILE|-</c>: one case per line in, one JSON result per line out (the <c>--json</c> line of
    /// the same case), read and written a line at a time so memory stays flat however many cases there are. A line
    /// that is not a case is refused with its line number and JSON path, and the other lines still run; blank lines
    /// are skipped.
    /// </summary>
    public static int RunLines(string source, string? treatiesDirectory, TextWriter output, TextWriter errors, TextReader input)
    {
        if (LoadCatalog(treatiesDirectory, errors) is not { } catalog) return InputRefused;
        var name = source == CaseInputs.StandardInput ? "(standard input)" : source;
        TextReader reader;
        try
        {
            reader = source == CaseInputs.StandardInput ? input : new StreamReader(source, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.WriteLine($"{name}: cannot be read: {ex.Message}");
            return InputRefused;
        }

        var status = Success;
        try
        {
            var number = 0;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var place = $"{name}:{number}";
                var read = CaseFileReader.Read(line, catalog.Schema);
                foreach (var warning in read.Warnings) errors.WriteLine($"{place}: warning: {warning}");
                if (read.Facts is null)
                {
                    foreach (var error in read.Errors) errors.WriteLine($"{place}: {error}");
                    errors.WriteLine($"{place}: refused; the other lines are still evaluated.");
                    status = InputRefused;
                    continue;
                }
                output.WriteLine(JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(catalog, read.Facts)));
            }
        }
        catch (IOException ex)
        {
            errors.WriteLine($"{name}: cannot be read: {ex.Message}");
            status = InputRefused;
        }
        finally
        {
            if (!ReferenceEquals(reader, input)) reader.Dispose();
        }
        return status;
    }

    public static int Run(IReadOnlyList<string> caseFiles, bool json, string? treatiesDirectory, TextWriter output, TextWriter errors) =>
        Run(caseFiles, json, treatiesDirectory, output, errors, TextReader.Null);

    /// <summary>Evaluates the case files; <c>-</c> among them reads one case from <paramref name="input"/>.</summary>
    public static int Run(IReadOnlyList<string> caseFiles, bool json, string? treatiesDirectory, TextWriter output, TextWriter errors, TextReader input)
    {
        if (LoadCatalog(treatiesDirectory, errors) is not { } catalog) return InputRefused;

        var status = Success;
        foreach (var argument in caseFiles)
        {
            var file = argument == CaseInputs.StandardInput ? "(standard input)" : argument;
            byte[] bytes;
            try
            {
                bytes = argument == CaseInputs.StandardInput ? System.Text.Encoding.UTF8.GetBytes(input.ReadToEnd()) : File.ReadAllBytes(argument);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.WriteLine($"{file}: cannot be read: {ex.Message}");
                status = InputRefused;
                continue;
            }

            var read = CaseFileReader.Read(bytes, catalog.Schema);
            foreach (var warning in read.Warnings) errors.WriteLine($"{file}: warning: {warning}");
            if (read.Facts is null)
            {
                foreach (var error in read.Errors) errors.WriteLine($"{file}: {error}");
                errors.WriteLine($"{file}: refused; the other cases are still evaluated.");
                status = InputRefused;
                continue;
            }

            var report = CaseEvaluator.Evaluate(catalog, read.Facts);
            if (json) output.WriteLine(JsonReportWriter.ToJsonLine(report));
            else TextReportWriter.Write(output, report);
        }
        return status;
    }
}
