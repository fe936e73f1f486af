using System.IO;
using System.Linq;

namespace TreatyDsl.Cli;

/// <summary><c>treaty check [DIR]</c>: parses and checks the treaty files and lists every problem with its place.</summary>
public static class CheckCommand
{
    public static int Run(string directory, TextWriter output, TextWriter errors)
    {
        var model = TreatyLoader.LoadDirectory(directory);
        foreach (var diagnostic in model.Diagnostics) (diagnostic.IsError ? errors : output).WriteLine(diagnostic.ToString());
        var errorCount = model.Diagnostics.Count(d => d.IsError);
        var warningCount = model.Diagnostics.Count - errorCount;
        output.WriteLine($"{model.Instruments.Count} instruments, {model.Countries.Countries.Count} countries: {errorCount} errors, {warningCount} warnings.");
        return errorCount > 0 ? EvalCommand.InputRefused : EvalCommand.Success;
    }
}
