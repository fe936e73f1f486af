using System;
using System.Collections.Generic;
using System.IO;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty eval CASE.json|DIR|-... [--json] [--treaties DIR]</c>: evaluates each case file. A refused file is
/// reported (file and JSON path) and the others still run. Exit status: 0 all evaluated, 2 some input refused.
/// </summary>
public static class EvalCommand
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int InputRefused = 2;

    public static int Run(IReadOnlyList<string> caseFiles, bool json, string? treatiesDirectory, TextWriter output, TextWriter errors) =>
        Run(caseFiles, json, treatiesDirectory, output, errors, TextReader.Null);

    /// <summary>Evaluates the case files; <c>-</c> among them reads one case from <paramref name="input"/>.</summary>
    public static int Run(IReadOnlyList<string> caseFiles, bool json, string? treatiesDirectory, TextWriter output, TextWriter errors, TextReader input)
    {
        TreatyCatalog catalog;
        if (treatiesDirectory is null)
        {
            catalog = BuiltInTreaties.Catalog;
        }
        else
        {
            var model = TreatyLoader.LoadDirectory(treatiesDirectory);
            foreach (var diagnostic in model.Diagnostics) errors.WriteLine(diagnostic.ToString());
            if (model.HasErrors)
            {
                errors.WriteLine($"The treaty files in '{treatiesDirectory}' have errors (above); no case was evaluated.");
                return InputRefused;
            }
            catalog = InterpretedCatalog.Create(model);
        }

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
