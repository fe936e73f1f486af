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

    public static int Run(string directory, string format, TextWriter output, TextWriter errors)
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
        if (format == "json") ExampleResultWriters.WriteJson(output, results);
        else if (format == "junit") ExampleResultWriters.WriteJUnit(output, results);
        if (format != "text")
        {
            // Problems no example result carries (two examples of one name) still reach the person running it.
            foreach (var diagnostic in diagnostics.Where(d => d.Id is not ("TDSL0501" or "TDSL0502" or "TDSL0503" or "TDSL0504"))) errors.WriteLine(diagnostic.ToString());
            return failed ? Failed : EvalCommand.Success;
        }
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
        return failed ? Failed : EvalCommand.Success;
    }
}
