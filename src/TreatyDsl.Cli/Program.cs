using System;
using System.CommandLine;
using System.IO;

namespace TreatyDsl.Cli;

/// <summary>The `treaty` command line: `eval`, `check` and `matrix`.</summary>
public static class Program
{
    public static int Main(string[] args) => Invoke(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (tests call this in-process).</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter errors)
    {
        var cases = new Argument<string[]>("cases") { Arity = ArgumentArity.OneOrMore, Description = "Case files (JSON) to evaluate" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per case, one per line" };
        var treaties = new Option<string?>("--treaties") { Description = "Evaluate the .treaty files in this folder (interpreted) instead of the built-in set" };
        var eval = new Command("eval", "Evaluate case files under every instrument in force between their countries") { cases, json, treaties };
        eval.SetAction(parsed => Guard(errors, () => EvalCommand.Run(parsed.GetValue(cases) ?? Array.Empty<string>(), parsed.GetValue(json), parsed.GetValue(treaties), output, errors)));

        var folder = new Argument<string>("folder") { Arity = ArgumentArity.ZeroOrOne, Description = "Folder of .treaty files (default: treaties)", DefaultValueFactory = _ => "treaties" };
        var format = new Option<string>("--format") { Description = "text (compiler-style lines), json or sarif (SARIF 2.1.0)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(CheckCommand.Formats);
        var witnesses = new Option<string?>("--witnesses") { Description = "Also write each analysis finding's witness case to this folder, as a case file treaty eval reproduces it with" };
        var check = new Command("check", "Check .treaty files and list every problem with its file, line and column") { folder, format, witnesses };
        check.SetAction(parsed => Guard(errors, () => CheckCommand.Run(parsed.GetValue(folder) ?? "treaties", parsed.GetValue(format) ?? "text", parsed.GetValue(witnesses), output, errors)));

        var matrixFolder = new Argument<string>("folder") { Arity = ArgumentArity.ZeroOrOne, Description = "Folder of .treaty files (default: treaties)", DefaultValueFactory = _ => "treaties" };
        var html = new Option<bool>("--html") { Description = "Write a standalone HTML page (citations as tooltips and footnotes) instead of Markdown" };
        var matrix = new Command("matrix", "Print every instrument's requirements side by side, with citations") { matrixFolder, html };
        matrix.SetAction(parsed => Guard(errors, () => MatrixCommand.Run(parsed.GetValue(matrixFolder) ?? "treaties", parsed.GetValue(html), output, errors)));

        var root = new RootCommand("treaty: prisoner-transfer eligibility from .treaty files") { eval, check, matrix };
        var configuration = new InvocationConfiguration { Output = output, Error = errors };
        return root.Parse(args).Invoke(configuration);
    }

    /// <summary>An unexpected failure is exit status 1 with a one-line message, never a stack trace for the caseworker.</summary>
    private static int Guard(TextWriter errors, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex)
        {
            errors.WriteLine($"treaty: internal error: {ex.GetType().Name}: {ex.Message}");
            return EvalCommand.InternalError;
        }
    }
}
