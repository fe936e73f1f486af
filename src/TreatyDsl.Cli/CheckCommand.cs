using System;
using System.IO;
using System.Linq;

namespace TreatyDsl.Cli;

/// <summary><c>treaty check [DIR]</c>: parses and checks the treaty files and lists every problem with its place.</summary>
public static class CheckCommand
{
    public static int Run(string directory, TextWriter output, TextWriter errors)
    {
        if (!Directory.Exists(directory))
        {
            errors.WriteLine($"{directory}: no such folder of .treaty files");
            return EvalCommand.InputRefused;
        }

        var model = TreatyLoader.LoadDirectory(directory);
        // The listing is the command's output, in file order like a compiler's, so it reads top to bottom.
        var ordered = model.Diagnostics
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column);
        foreach (var diagnostic in ordered) output.WriteLine(diagnostic.ToString());
        var errorCount = model.Diagnostics.Count(d => d.IsError);
        var warningCount = model.Diagnostics.Count - errorCount;
        output.WriteLine(
            $"{Count(model.Instruments.Count, "instrument")}, {Count(model.Countries.Countries.Count, "country", "countries")}: " +
            $"{Count(errorCount, "error")}, {Count(warningCount, "warning")}.");
        return errorCount > 0 ? EvalCommand.InputRefused : EvalCommand.Success;
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
