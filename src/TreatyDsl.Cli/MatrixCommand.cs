using System.IO;
using TreatyDsl.Reporting;

namespace TreatyDsl.Cli;

/// <summary><c>treaty matrix [DIR] [--html]</c>: the requirements-by-instrument table of the treaty files.</summary>
public static class MatrixCommand
{
    public static int Run(string directory, bool html, TextWriter output, TextWriter errors)
    {
        var model = TreatyLoader.LoadDirectory(directory, analyse: false);
        if (model.HasErrors)
        {
            // A matrix of half-bound treaties would mislead; say what to fix instead (an unreadable folder included).
            foreach (var diagnostic in model.Diagnostics) if (diagnostic.IsError) errors.WriteLine(diagnostic.ToString());
            return EvalCommand.InputRefused;
        }
        var matrix = RequirementMatrix.Build(model);
        if (html) MatrixWriter.WriteHtml(matrix, output);
        else MatrixWriter.WriteMarkdown(matrix, output);
        return EvalCommand.Success;
    }
}
