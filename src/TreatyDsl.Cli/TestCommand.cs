using System.IO;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.Examples;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty test [DIR]</c>: runs every example of the treaty files, one line each (PASS or FAIL, its name, title and
/// place), with what each failing one expected, what came out and why. Exit 1 when one fails or cannot run.
/// </summary>
public static class TestCommand
{
    /// <summary>The exit status when an example fails or the files have errors.</summary>
    public const int Failed = 1;

    /// <summary>The output formats: readable lines, one JSON object, or JUnit XML.</summary>
    public static readonly string[] Formats = { "text", "json", "junit" };

    public static int Run(string directory, TextWriter output, TextWriter errors) => Run(directory, "text", output, errors);

    /// <param name="directory">The folder of .treaty files.</param>
    /// <param name="format">text, json or junit.</param>
    /// <param name="output">Where the results go.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="coverage">With a path: also print the coverage table (text format) and write Cobertura XML there.</param>
    /// <param name="suggest">Also print, for each rule outcome no example gives and the analysis can reach, a ready example that gives it.</param>
    public static int Run(string directory, string format, TextWriter output, TextWriter errors, string? coverage = null, bool suggest = false)
    {
        // The examples need the bound files only: no case analysis, so a run takes as long as evaluating the cases.
        var model = TreatyLoader.LoadDirectory(directory, analyse: false);
        if (model.HasErrors)
        {
            foreach (var diagnostic in model.Diagnostics.Where(d => d.IsError)) errors.WriteLine(diagnostic.ToString());
            errors.WriteLine("treaty test: the treaty files have errors, so no example was run");
            return Failed;
        }
        var (results, diagnostics) = ExampleChecks.Run(model);
        var failed = results.Any(r => !r.Passed) || diagnostics.Any(d => d.IsError);
        var text = format == "text";
        if (format == "json") ExampleResultWriters.WriteJson(output, results);
        else if (format == "junit") ExampleResultWriters.WriteJUnit(output, results);
        else WriteText(directory, results, diagnostics, output, errors);
        if (!text)
        {
            // Problems no example result carries (two examples of one name) still reach the person running it.
            foreach (var diagnostic in diagnostics.Where(d => d.Id is not ("TDSL0501" or "TDSL0502" or "TDSL0503" or "TDSL0504"))) errors.WriteLine(diagnostic.ToString());
        }
        // After the results: with text, in the same output; beside JSON or JUnit, the table is left out (the Cobertura file
        // is still written) and the suggestions go to the error output, so the output stays one document.
        if (coverage is not null)
        {
            if (text) output.WriteLine();
            if (!WriteCoverage(model, results, coverage, text ? output : null, errors)) return EvalCommand.InputRefused;
        }
        if (suggest)
        {
            if (text) output.WriteLine();
            WriteSuggestions(model, results, text ? output : errors);
        }
        return failed ? Failed : EvalCommand.Success;
    }

    /// <summary>A line per example, what each failing one expected, and a count.</summary>
    private static void WriteText(string directory, System.Collections.Generic.IReadOnlyList<ExampleResult> results, System.Collections.Generic.IReadOnlyList<TreatyDsl.Diagnostics.TreatyDiagnostic> diagnostics,
        TextWriter output, TextWriter errors)
    {
        foreach (var result in results)
        {
            var place = $"{result.Span.Path}({result.Span.Line},{result.Span.Column})";
            output.WriteLine($"{(result.Passed ? "PASS" : result.Broken ? "ERROR" : "FAIL")}  {result.Id}: {result.Title}  [{place}]");
            foreach (var failure in result.Failures) output.WriteLine($"      {failure}");
        }
        // Names and values in error, and examples that expect nothing, are said where they are.
        foreach (var diagnostic in diagnostics.Where(d => d.Id != DiagnosticCatalog.ExampleFails.Id)) errors.WriteLine(diagnostic.ToString());
        var passed = results.Count(r => r.Passed);
        output.WriteLine(results.Count == 0
            ? $"No examples in {directory}: write 'example NAME: \"...\" cite \"...\" given ... expect ...' beside a rule (docs/language.md)."
            : $"{results.Count} example{(results.Count == 1 ? string.Empty : "s")}: {passed} passed, {results.Count(r => !r.Passed && !r.Broken)} failed" +
              (results.Any(r => r.Broken) ? $", {results.Count(r => r.Broken)} could not run." : "."));
    }

    /// <summary>A ready example for each rule outcome no example gives, found by the analysis, to title, cite and paste beside the rule.</summary>
    private static void WriteSuggestions(Binding.TreatyModel model, System.Collections.Generic.IReadOnlyList<ExampleResult> results, TextWriter output)
    {
        var suggestions = ExampleSuggestions.For(model, ExampleCoverage.Of(model, results));
        output.WriteLine(suggestions.Count == 0
            ? "Suggestions: none; every requirement and bar is met and not met by some example, or no case can do what is missing."
            : $"Suggestions: {suggestions.Count} example{(suggestions.Count == 1 ? string.Empty : "s")} for outcomes no example gives (each a case the analysis found; give it a title and the passage it is drawn from):");
        foreach (var suggestion in suggestions)
        {
            output.WriteLine();
            output.Write(suggestion);
        }
    }

    /// <summary>The coverage table (when <paramref name="table"/> is given) and the Cobertura file; false when the file cannot be written.</summary>
    private static bool WriteCoverage(Binding.TreatyModel model, System.Collections.Generic.IReadOnlyList<ExampleResult> results, string path, TextWriter? table, TextWriter errors)
    {
        var places = ExampleCoverage.Of(model, results);
        if (table is not null) CoverageWriters.WriteTable(table, places);
        try
        {
            using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            CoverageWriters.WriteCobertura(file, places);
            table?.WriteLine($"Cobertura XML: {path}");
            return true;
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException or System.ArgumentException or System.NotSupportedException)
        {
            errors.WriteLine($"treaty test: cannot write the coverage to '{path}': {ex.Message}");
            return false;
        }
    }
}
