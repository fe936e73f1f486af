using System.IO;
using System.Linq;

namespace TreatyDsl.Cli;

/// <summary><c>treaty check [DIR]</c>: parses and checks the treaty files and lists every problem with its place.</summary>
public static class CheckCommand
{
    public static int Run(string directory, TextWriter output, TextWriter errors)
    {
        // An unreadable folder is the loader's diagnostic, like any other problem. The binder hands diagnostics over
        // in file order, so the listing reads top to bottom like a compiler's.
        var model = TreatyLoader.LoadDirectory(directory);
        foreach (var diagnostic in model.Diagnostics) output.WriteLine(diagnostic.ToString());
        var errorCount = model.Diagnostics.Count(d => d.IsError);
        var warningCount = model.Diagnostics.Count - errorCount;
        output.WriteLine(
            $"{Count(model.Instruments.Count, "instrument")}, {Count(model.Countries.Countries.Count(c => c.TerritoryOf is null), "country", "countries")}, " +
            $"{Count(model.Countries.Countries.Count(c => c.TerritoryOf is not null), "territory", "territories")}, " +
            $"{Count(model.Advisories.Sum(a => a.Advisories.Count), "advisory factor")}: " +
            $"{Count(errorCount, "error")}, {Count(warningCount, "warning")}.");
        return errorCount > 0 ? EvalCommand.InputRefused : EvalCommand.Success;
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
