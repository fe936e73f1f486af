using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TreatyDsl.Formatting;
using TreatyDsl.Text;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty format [DIR|FILE]... [--verify-no-changes]</c>: lays out .treaty files in the one canonical layout
/// (<see cref="TreatyFormatter"/>), in place. With <c>--verify-no-changes</c> nothing is written: each file that would
/// change is listed with the lines that would, as <c>dotnet format</c> does. Exit status: 0 every file is (now)
/// formatted; 2 with --verify-no-changes, a file would change; 1 a file could not be formatted (syntax errors, or it
/// cannot be read or written), which the others do not wait for.
/// </summary>
public static class FormatCommand
{
    /// <summary>Exit status when a file is not formatted and --verify-no-changes was given.</summary>
    public const int WouldChange = 2;

    /// <summary>Exit status when a file could not be formatted: its syntax errors are listed.</summary>
    public const int CannotFormat = 1;

    /// <summary>The most changed places listed for one file: the first few say where to look.</summary>
    private const int MaxPlacesPerFile = 10;

    public static int Run(IReadOnlyList<string> paths, bool verify, TextWriter output, TextWriter errors)
    {
        var files = new List<string>();
        foreach (var path in paths.Count == 0 ? new[] { "treaties" } : paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.treaty", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                errors.WriteLine(paths.Count == 0
                    ? $"treaty format: there is no 'treaties' folder in {Directory.GetCurrentDirectory()}. Run it where your .treaty files are, or name them: treaty format path/to/treaties"
                    : $"treaty format: there is no file or folder '{path}'. Name .treaty files or the folders that hold them: treaty format path/to/treaties");
                return Program.UsageError;
            }
        }

        var unformatted = 0;
        var failed = 0;
        foreach (var file in files)
        {
            var path = file.Replace('\\', '/');
            var text = SourceFiles.TryRead(file, out var problem);
            if (text is null)
            {
                errors.WriteLine($"treaty format: cannot read '{path}': {problem}");
                failed++;
                continue;
            }
            var result = TreatyFormatter.Format(path, text);
            if (!result.IsFormatted)
            {
                foreach (var diagnostic in result.Errors) errors.WriteLine(diagnostic.ToString());
                errors.WriteLine(result.Failure is { } failure
                    ? $"treaty format: '{path}' was left as it is: {failure} (a bug in the formatter; please report it with the file)"
                    : $"treaty format: '{path}' has syntax errors, so it was left as it is");
                failed++;
                continue;
            }
            if (result.Text == text) continue;
            unformatted++;
            if (verify)
            {
                ReportChanges(path, text, result, output);
            }
            else if (Write(file, result.Text!, errors))
            {
                output.WriteLine($"Formatted {path}");
            }
            else
            {
                failed++;
            }
        }

        if (verify && unformatted > 0)
        {
            errors.WriteLine($"treaty format: {unformatted} of {files.Count} file{(files.Count == 1 ? "" : "s")} would change; run 'treaty format {string.Join(" ", paths.DefaultIfEmpty("treaties"))}' to format {(unformatted == 1 ? "it" : "them")}");
        }
        return failed > 0 ? CannotFormat : verify && unformatted > 0 ? WouldChange : EvalCommand.Success;
    }

    /// <summary>Each place the formatter would change, as a compiler-style line an editor or CI log links to.</summary>
    private static void ReportChanges(string path, string text, FormattingResult result, TextWriter output)
    {
        var edits = FormattingEdits.For(text, result);
        foreach (var edit in edits.Take(MaxPlacesPerFile))
        {
            var place = TreatyDsl.Parsing.TreatyParser.SpanAt(path, text, edit.Start, edit.End - edit.Start);
            var lines = CountLines(text, edit.Start, edit.End);
            output.WriteLine($"{place}: error FORMAT: Not in the canonical layout: 'treaty format' would rewrite {(lines <= 1 ? "this line" : $"these {lines} lines")}");
        }
        if (edits.Count > MaxPlacesPerFile) output.WriteLine($"{path}: error FORMAT: and {edits.Count - MaxPlacesPerFile} more places");
    }

    private static int CountLines(string text, int start, int end)
    {
        var lines = 1;
        for (var i = start; i < end - 1 && i < text.Length; i++) if (text[i] == '\n') lines++;
        return lines;
    }

    /// <summary>Writes the formatted text over the file, keeping a byte order mark the file had.</summary>
    private static bool Write(string file, string text, TextWriter errors)
    {
        try
        {
            var bom = HasByteOrderMark(file);
            File.WriteAllText(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"treaty format: cannot write '{file}': {ex.Message}");
            return false;
        }
    }

    private static bool HasByteOrderMark(string file)
    {
        using var stream = File.OpenRead(file);
        Span<byte> head = stackalloc byte[3];
        return stream.Read(head) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
    }
}
