using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;

namespace TreatyDsl.Cli;

/// <summary>
/// The `treaty` command line: `eval`, `check`, `test`, `format`, `diff`, `matrix`, `schema` and `lsp`. Exit status: 0 done; for eval, 2 when an input was refused;
/// for check, 1 when the treaty files have errors; 2 for a usage error (an unknown option, a missing folder), with a
/// hint; 1 for an internal error.
/// </summary>
public static class Program
{
    /// <summary>Exit status of a command line that cannot be run as written.</summary>
    public const int UsageError = 2;

    public static int Main(string[] args)
    {
        if (!Console.IsOutputRedirected) return Invoke(args, Console.Out, Console.Error);
        // Redirected (a file, a pipe): written in blocks rather than with a system call per line, which is most of
        // what a large batch costs. A terminal keeps Console.Out, which shows each line as it is written.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
        return Invoke(args, output, Console.Error);
    }

    /// <summary>
    /// Runs the command line with the given streams (tests call this in-process). Without <paramref name="input"/>,
    /// standard input is read: as bytes by <c>eval --jsonl -</c>, as text otherwise.
    /// </summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter errors, TextReader? input = null)
    {
        var cases = new Argument<string[]>("cases")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Case files (JSON); a folder evaluates the *.json files in it; - reads one case from standard input",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per case, one per line" };
        var treaties = new Option<string?>("--treaties") { Description = "Evaluate the .treaty files in this folder (interpreted) instead of the built-in set" };
        var jsonl = new Option<string?>("--jsonl") { Description = "Read cases one per line (JSON lines) from this file, or - for standard input, and write one JSON result per line" };
        var maxLine = new Option<int>("--max-line-bytes")
        {
            Description = $"With --jsonl, the longest line read as a case (default {Utf8LineReader.DefaultMaxLineBytes:D} bytes, 16 MiB); a longer one is refused with its line number and skipped",
            DefaultValueFactory = _ => Utf8LineReader.DefaultMaxLineBytes,
        };
        maxLine.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--max-line-bytes must be at least 1.");
        });
        var maxCase = new Option<int>("--max-case-bytes")
        {
            Description = $"The largest case file read (default {EvalCommand.DefaultMaxCaseBytes:D} bytes, 16 MiB); a larger one is refused and the others still run",
            DefaultValueFactory = _ => EvalCommand.DefaultMaxCaseBytes,
        };
        maxCase.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--max-case-bytes must be at least 1.");
        });
        var eval = new Command("eval", "Evaluate case files under every instrument in force between their countries." + Examples(
            "treaty eval samples/cases/mx-eligible.json",
            "treaty eval samples/cases --json",
            "treaty eval case.json --treaties my-treaties",
            "cat case.json | treaty eval -",
            "treaty eval --jsonl cases.jsonl > results.jsonl")) { cases, json, treaties, jsonl, maxLine, maxCase };
        eval.Validators.Add(result =>
        {
            // A mistyped option would otherwise be read as a case file name (after the cases before it were printed).
            foreach (var token in (result.GetResult(cases)?.Tokens ?? Enumerable.Empty<System.CommandLine.Parsing.Token>()).Select(t => t.Value).Where(v => v.Length > 1 && v[0] == '-'))
            {
                var closest = CaseInputs.Closest(token, new[] { "--json", "--jsonl", "--treaties", "--max-line-bytes", "--max-case-bytes", "--help" });
                result.AddError($"Unknown option '{token}'" + (closest is null ? "." : $"; did you mean '{closest}'?"));
            }
            var given = result.GetValue(cases) is { Length: > 0 };
            var lines = result.GetValue(jsonl) is not null;
            if (!given && !lines) result.AddError("Give the case files to evaluate (files, folders, or - for standard input), or --jsonl FILE.");
            if (given && lines) result.AddError("Give either case files or --jsonl FILE, not both.");
        });
        eval.SetAction(parsed => Guard(errors, () => parsed.GetValue(jsonl) is { } lines
            ? EvalCommand.RunLines(lines, parsed.GetValue(treaties), output, errors, input, parsed.GetValue(maxLine))
            : EvalCommand.Run(CaseInputs.Expand(parsed.GetValue(cases) ?? Array.Empty<string>()), parsed.GetValue(json), parsed.GetValue(treaties), output, errors, input ?? Console.In, parsed.GetValue(maxCase))));

        var folder = FolderArgument();
        var format = new Option<string>("--format") { Description = "text (compiler-style lines), json or sarif (SARIF 2.1.0)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(CheckCommand.Formats);
        var witnesses = new Option<string?>("--witnesses") { Description = "Also write each analysis finding's witness case to this folder, as a case file treaty eval reproduces it with" };
        var passages = new Option<string?>("--passages") { Description = "Also check that every citation names a passage that exists, against this list of passages (docs/sources/passages.txt): TDSL0401" };
        var check = new Command("check", "Check .treaty files and list every problem with its file, line and column." + Examples(
            "treaty check",
            "treaty check treaties --format sarif > treaty.sarif",
            "treaty check treaties --witnesses witnesses",
            "treaty check treaties --passages docs/sources/passages.txt")) { folder, format, witnesses, passages };
        check.SetAction(parsed => Guard(errors, () => WithFolder(parsed.GetValue(folder), "check", errors,
            dir => CheckCommand.Run(dir, parsed.GetValue(format) ?? "text", parsed.GetValue(witnesses), output, errors, parsed.GetValue(passages)))));

        var matrixFolder = FolderArgument();
        var html = new Option<bool>("--html") { Description = "Write a standalone HTML page (citations as tooltips and footnotes) instead of Markdown" };
        var matrix = new Command("matrix", "Print every instrument's requirements side by side, with citations." + Examples(
            "treaty matrix > matrix.md",
            "treaty matrix treaties --html > matrix.html")) { matrixFolder, html };
        matrix.SetAction(parsed => Guard(errors, () => WithFolder(parsed.GetValue(matrixFolder), "matrix", errors,
            dir => MatrixCommand.Run(dir, parsed.GetValue(html), output, errors))));

        var testFolder = FolderArgument();
        var testFormat = new Option<string>("--format") { Description = "text (a line per example), json, or junit (JUnit XML, for CI test reports)", DefaultValueFactory = _ => "text" };
        testFormat.AcceptOnlyFromAmong(TestCommand.Formats);
        var coverage = new Option<string?>("--coverage")
        {
            Description = "Also print which outcomes (met, not met, unknown) the examples give at every rule and alternative, and write Cobertura XML to this file (default coverage.cobertura.xml)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var suggest = new Option<bool>("--suggest") { Description = "Also print a ready example for each rule outcome (met, not met) no example gives, from a case the analysis finds" };
        var test = new Command("test", "Run the examples written in .treaty files, one line each; exit 1 when one fails." + Examples(
            "treaty test",
            "treaty test treaties --coverage",
            "treaty test treaties --suggest",
            "treaty test my-treaties --format junit > examples.xml")) { testFolder, testFormat, coverage, suggest };
        test.SetAction(parsed => Guard(errors, () => WithFolder(parsed.GetValue(testFolder), "test", errors,
            dir => TestCommand.Run(dir, parsed.GetValue(testFormat) ?? "text", output, errors,
                parsed.GetResult(coverage) is null ? null : parsed.GetValue(coverage) ?? "coverage.cobertura.xml", parsed.GetValue(suggest)))));

        var diffOld = new Argument<string?>("old") { Arity = ArgumentArity.ZeroOrOne, Description = "The old folder of .treaty files (not with --git)" };
        var diffNew = new Argument<string?>("new") { Arity = ArgumentArity.ZeroOrOne, Description = "The new folder of .treaty files (default: treaties)" };
        var git = new Option<string?>("--git") { Description = "Compare the folder's files with the same folder at this git revision (HEAD, main, a commit)" };
        var diffFormat = new Option<string>("--format") { Description = "text (for people), json, or sarif (SARIF 2.1.0, a result per change at the edited rule)", DefaultValueFactory = _ => "text" };
        diffFormat.AcceptOnlyFromAmong(DiffCommand.Formats);
        var diffWitnesses = new Option<string?>("--witnesses") { Description = "Also write each change's case to this folder, as a case file treaty eval answers differently under the old and the new files" };
        var diff = new Command("diff", "Show what an edit to the treaty files changes for cases: each kind of change with a case eval answers differently, or proof that none changes. Exit 0 when no case changes, 1 when some does or was not analysed, 2 on errors." + Examples(
            "treaty diff old-treaties treaties",
            "treaty diff --git HEAD",
            "treaty diff --git main treaties --format sarif > diff.sarif",
            "treaty diff old-treaties treaties --witnesses changed-cases")) { diffOld, diffNew, git, diffFormat, diffWitnesses };
        diff.Validators.Add(result =>
        {
            var withGit = result.GetValue(git) is not null;
            var given = new[] { result.GetValue(diffOld), result.GetValue(diffNew) }.Count(v => v is not null);
            if (withGit && given > 1) result.AddError("With --git REV give one folder (the new files; default treaties), not two.");
            if (!withGit && given < 2) result.AddError("Give the old and the new folder (treaty diff OLD NEW), or --git REV to compare with a revision.");
        });
        diff.SetAction(parsed => Guard(errors, () =>
        {
            var revision = parsed.GetValue(git);
            var first = parsed.GetValue(diffOld);
            var second = parsed.GetValue(diffNew);
            if (revision is null && !Directory.Exists(first))
            {
                errors.WriteLine($"treaty diff: there is no folder '{first}'. Name the folder that holds the old .treaty files: treaty diff OLD NEW");
                return UsageError;
            }
            return WithFolder(revision is null ? second : first, "diff", errors,
                dir => DiffCommand.Run(revision is null ? first : null, dir, revision, parsed.GetValue(diffFormat) ?? "text", parsed.GetValue(diffWitnesses), output, errors));
        }));

        var formatPaths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = ".treaty files, or folders of them (default: treaties, in the current folder)",
        };
        var verify = new Option<bool>("--verify-no-changes") { Description = "Write nothing; list each file that would change and exit 2 if any would (for CI)" };
        var formatCommand = new Command("format", "Lay out .treaty files in the one canonical layout (docs/language.md, Layout), in place. Only white space changes; a file with syntax errors is left as it is." + Examples(
            "treaty format",
            "treaty format treaties/us-mx.treaty",
            "treaty format treaties --verify-no-changes")) { formatPaths, verify };
        formatCommand.SetAction(parsed => Guard(errors, () =>
            FormatCommand.Run(parsed.GetValue(formatPaths) ?? Array.Empty<string>(), parsed.GetValue(verify), output, errors)));

        var schemaFolder = FolderArgument();
        var schema = new Command("schema", "Print the case file's JSON Schema (draft 2020-12), generated from the vocabulary of the .treaty files (docs/case-file.md)." + Examples(
            "treaty schema > case-file.schema.json",
            "treaty schema my-treaties")) { schemaFolder };
        schema.SetAction(parsed => Guard(errors, () => WithFolder(parsed.GetValue(schemaFolder), "schema", errors, dir =>
        {
            var model = TreatyLoader.LoadDirectory(dir, analyse: false);
            if (model.HasErrors)
            {
                foreach (var diagnostic in model.Diagnostics.Where(d => d.IsError)) errors.WriteLine(diagnostic.ToString());
                errors.WriteLine("treaty schema: the treaty files have errors, so no schema was written");
                return CheckCommand.FilesHaveErrors;
            }
            output.Write(Reporting.CaseFileSchema.Write(model.Vocabulary));
            return EvalCommand.Success;
        })));

        // Editors start it; '--stdio' is what LSP clients (vscode-languageclient) pass to ask for the transport it always uses.
        var stdio = new Option<bool>("--stdio") { Description = "Talk over standard input and output (the only transport; accepted for LSP clients that pass it)" };
        var lsp = new Command("lsp", "Run the language server for .treaty files (Language Server Protocol over standard input and output), for editors." + Examples(
            "treaty lsp",
            "editors/vscode starts it for VS Code; docs/getting-started-policy.md configures other editors")) { stdio };
        lsp.SetAction(_ => Guard(errors, () => LanguageServer.TreatyLanguageServer.RunAsync(
            Console.OpenStandardInput(), Console.OpenStandardOutput(), HelpPages.Base, errors).GetAwaiter().GetResult()));

        var root = new RootCommand("treaty: prisoner-transfer eligibility from .treaty files." + Examples(
            "treaty eval samples/cases/mx-eligible.json",
            "treaty check treaties")) { eval, check, test, formatCommand, diff, matrix, schema, lsp };
        var configuration = new InvocationConfiguration { Output = output, Error = errors };
        var parse = root.Parse(args);
        // A mistyped command gets its nearest name, as a mistyped option does.
        if (args.Length > 0 && args[0].Length > 0 && args[0][0] != '-' && root.Subcommands.All(c => c.Name != args[0]))
        {
            var names = root.Subcommands.Select(c => c.Name).ToList();
            var closest = CaseInputs.Closest(args[0], names);
            errors.WriteLine($"treaty: '{args[0]}' is not a command ({string.Join(", ", names)})" + (closest is null ? "." : $"; did you mean '{closest}'?"));
            errors.WriteLine("Run 'treaty --help' for usage and examples.");
            return UsageError;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) errors.WriteLine($"treaty: {error.Message}");
            var command = parse.CommandResult.Command;
            errors.WriteLine($"Run 'treaty{(command == root ? string.Empty : " " + command.Name)} --help' for usage and examples.");
            return UsageError;
        }
        return parse.Invoke(configuration);
    }

    private static Argument<string?> FolderArgument() =>
        new("folder") { Arity = ArgumentArity.ZeroOrOne, Description = "Folder of .treaty files (default: treaties, in the current folder)" };

    private static string Examples(params string[] lines) => "\n\nExamples:\n" + string.Concat(lines.Select(l => "  " + l + "\n")).TrimEnd('\n');

    /// <summary>
    /// Runs a command on a folder of .treaty files. A missing folder is a usage error that says where it looked and how to
    /// name one, rather than a made-up diagnostic at a position in no file.
    /// </summary>
    private static int WithFolder(string? given, string command, TextWriter errors, Func<string, int> run)
    {
        var folder = given ?? "treaties";
        if (Directory.Exists(folder)) return run(folder);
        errors.WriteLine(given is null
            ? $"treaty {command}: there is no 'treaties' folder in {Directory.GetCurrentDirectory()}. Run it where your .treaty files are, or name their folder: treaty {command} path/to/treaties"
            : $"treaty {command}: there is no folder '{given}'. Name the folder that holds the .treaty files: treaty {command} path/to/treaties");
        return UsageError;
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
