using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty eval CASE.json|DIR|-... [--json] [--treaties DIR]</c> or <c>treaty eval --jsonl FILE|-</c>: evaluates each case file. A refused file is
/// reported (file and JSON path) and the others still run. Exit status: 0 all evaluated, 2 some input refused.
/// </summary>
public static class EvalCommand
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int InputRefused = 2;

    /// <summary>The built-in treaties, or the interpreted ones of <paramref name="treatiesDirectory"/>; null (with the reasons) when those have errors.</summary>
    private static TreatyCatalog? LoadCatalog(string? treatiesDirectory, TextWriter errors) =>
        treatiesDirectory is null ? BuiltInTreaties.Catalog : LoadInterpreted(treatiesDirectory, errors);

    /// <summary>
    /// The interpreted catalog of a folder. A method of its own so that evaluating with the built-in treaties never
    /// loads the language's assembly (the parser, binder and interpreter), which would cost every run its start-up time.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static TreatyCatalog? LoadInterpreted(string treatiesDirectory, TextWriter errors)
    {
        var model = TreatyLoader.LoadDirectory(treatiesDirectory, analyse: false);
        // Errors and warnings in full; the information findings (the country table's notes, accepted findings) in one
        // line, so that every evaluation does not open with paragraphs nobody asked for: treaty check lists them.
        foreach (var diagnostic in model.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)) errors.WriteLine(diagnostic.ToString());
        var information = model.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        if (information > 0)
        {
            errors.WriteLine($"{treatiesDirectory}: {information} information finding{(information == 1 ? string.Empty : "s")} in the treaty files (treaty check {treatiesDirectory} lists them)");
        }
        if (!model.HasErrors) return InterpretedCatalog.Create(model);
        errors.WriteLine($"The treaty files in '{treatiesDirectory}' have errors (above); no case was evaluated.");
        return null;
    }

    /// <summary>
    /// <c>treaty eval --jsonl FILE|-</c>: one case per line in, one JSON result per line out (the <c>--json</c> line of
    /// the same case), read and written a line at a time so memory stays flat however many cases there are. A line
    /// that is not a case is refused with its line number and JSON path, and the other lines still run; blank lines
    /// are skipped. A file, or standard input when <paramref name="input"/> is null (as the command line runs), is read
    /// as bytes, each line handed to the case reader as the UTF-8 it is; a UTF-16 file (byte order mark) and a given
    /// <paramref name="input"/> are read as text.
    /// </summary>
    public static int RunLines(string source, string? treatiesDirectory, TextWriter output, TextWriter errors, TextReader? input,
        int maxLineBytes = Utf8LineReader.DefaultMaxLineBytes)
    {
        if (LoadCatalog(treatiesDirectory, errors) is not { } catalog) return InputRefused;
        var name = CaseInputs.DisplayName(source);
        if (source != CaseInputs.StandardInput && Directory.Exists(source))
        {
            errors.WriteLine($"{name}: is a folder; --jsonl reads one file of JSON lines (to evaluate the case files in a folder, give the folder without --jsonl)");
            return InputRefused;
        }
        Stream? stream = null;
        try
        {
            if (source != CaseInputs.StandardInput) stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            else if (input is null) stream = Console.OpenStandardInput();
        }
        catch (Exception ex) when (CaseInputs.IsUnreadable(ex))
        {
            errors.WriteLine($"{name}: cannot be read: {CaseInputs.WhyUnreadable(ex)}");
            return InputRefused;
        }

        var status = Success;
        var explanations = new ExplanationBuffer();
        using var lines = new JsonLinesOutput(output, explanations);
        Action<CaseReport> write = lines.Write; // made once, not once per line
        var bytes = stream is null ? null : new Utf8LineReader(stream, maxLineBytes);
        var text = bytes is null ? input : null;
        try
        {
            // A device such as /dev/zero opens like an empty file yet never ends: refused before it is read.
            if (bytes is not null && stream!.CanSeek && stream.Length == 0 && bytes.Peek(1).Length > 0)
            {
                errors.WriteLine($"{name}: is not a file but a device that reads without end; give a file or a pipe");
                return InputRefused;
            }
            if (bytes is not null && IsUtf16(bytes.Peek(2)))
            {
                if (!stream!.CanSeek)
                {
                    errors.WriteLine($"{name}: is UTF-16 (it starts with a UTF-16 byte order mark); send it as UTF-8, or give it as a file");
                    return InputRefused;
                }
                stream.Position = 0;
                text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                bytes = null;
            }

            var number = 0;
            if (bytes is not null)
            {
                while (bytes.TryReadLine(out var line, out var tooLong))
                {
                    number++;
                    if (tooLong)
                    {
                        // Read past without being held: the lines after it still run.
                        status = RefuseLongLine(new Place(name, number), maxLineBytes, "bytes", errors);
                        continue;
                    }
                    if (IsBlank(line.Span)) continue;
                    if (!EvaluateOrRefuse(new Place(name, number), CaseFileReader.Read(line, catalog.Schema), "lines", catalog, explanations, write, errors)) status = InputRefused;
                }
            }
            else
            {
                for (var line = BoundedLines.ReadLine(text!, maxLineBytes, out var tooLong); line is not null; line = BoundedLines.ReadLine(text!, maxLineBytes, out tooLong))
                {
                    number++;
                    if (tooLong)
                    {
                        status = RefuseLongLine(new Place(name, number), maxLineBytes, "characters", errors);
                        continue;
                    }
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    if (!EvaluateOrRefuse(new Place(name, number), CaseFileReader.Read(line, catalog.Schema), "lines", catalog, explanations, write, errors)) status = InputRefused;
                }
            }
        }
        catch (IOException ex)
        {
            errors.WriteLine($"{name}: cannot be read: {CaseInputs.WhyUnreadable(ex)}");
            status = InputRefused;
        }
        finally
        {
            if (!ReferenceEquals(text, input)) text?.Dispose();
            stream?.Dispose();
        }
        return status;
    }

    /// <summary>The file's bytes, or null when it has more than <paramref name="max"/>: never more than that is read.</summary>
    private static byte[]? ReadAtMost(string path, int max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)max + 1 - buffer.Length));
            if (read == 0) return buffer.ToArray();
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max) return null;
        }
    }

    /// <summary>The text's UTF-8 bytes, or null when it runs past <paramref name="max"/> bytes: never much more than that is held.</summary>
    private static byte[]? ReadAtMost(TextReader input, int max)
    {
        var text = new System.Text.StringBuilder();
        var chunk = new char[16 * 1024];
        var bytes = 0L;
        while (true)
        {
            var read = input.Read(chunk, 0, chunk.Length);
            if (read == 0) return System.Text.Encoding.UTF8.GetBytes(text.ToString());
            bytes += System.Text.Encoding.UTF8.GetByteCount(chunk, 0, read);
            if (bytes > max) return null;
            text.Append(chunk, 0, read);
        }
    }

    /// <summary>Says a line over the limit (counted in <paramref name="unit"/>) was not read and the others still are; the refusal's status.</summary>
    private static int RefuseLongLine(Place place, int max, string unit, TextWriter errors)
    {
        errors.WriteLine($"{place}: the line is longer than {Count(max)} {unit} (--max-line-bytes), so it is not read as a case");
        errors.WriteLine($"{place}: refused; the other lines are still evaluated.");
        return InputRefused;
    }

    private static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsUtf16(ReadOnlySpan<byte> start) => start.Length == 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF));

    /// <summary>Whether a line is empty or white space only, as <see cref="string.IsNullOrWhiteSpace"/> says of its text.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b >= 0x80) return string.IsNullOrWhiteSpace(System.Text.Encoding.UTF8.GetString(line));
            if (!char.IsWhiteSpace((char)b)) return false;
        }
        return true;
    }

    /// <summary>The largest case file read by default: 16 MiB (a case is a few kilobytes).</summary>
    public const int DefaultMaxCaseBytes = 16 * 1024 * 1024;

    public static int Run(IReadOnlyList<string> caseFiles, bool json, string? treatiesDirectory, TextWriter output, TextWriter errors) =>
        Run(caseFiles, json, treatiesDirectory, output, errors, TextReader.Null);

    /// <summary>
    /// Evaluates the case files; <c>-</c> among them reads one case from <paramref name="input"/>. A file (or input)
    /// larger than <paramref name="maxCaseBytes"/> is refused after reading at most that much of it, so a device that
    /// never ends (<c>/dev/zero</c>) or a huge file costs no more memory than the limit, and the files after it still run.
    /// </summary>
    public static int Run(IReadOnlyList<string> caseFiles, bool json, string? treatiesDirectory, TextWriter output, TextWriter errors, TextReader input,
        int maxCaseBytes = DefaultMaxCaseBytes)
    {
        if (LoadCatalog(treatiesDirectory, errors) is not { } catalog) return InputRefused;

        var status = Success;
        var explanations = new ExplanationBuffer();
        using var lines = json ? new JsonLinesOutput(output, explanations) : null;
        var cases = 0;
        var raisingReviews = 0;
        Action<CaseReport> write = lines is not null ? lines.Write : report =>
        {
            cases++;
            if (report.Reviews().Count > 0) raisingReviews++;
            TextReportWriter.Write(output, report);
        };
        foreach (var argument in caseFiles)
        {
            var file = CaseInputs.DisplayName(argument);
            byte[]? bytes;
            try
            {
                bytes = argument == CaseInputs.StandardInput ? ReadAtMost(input, maxCaseBytes) : ReadAtMost(argument, maxCaseBytes);
            }
            catch (Exception ex) when (CaseInputs.IsUnreadable(ex))
            {
                errors.WriteLine($"{file}: cannot be read: {CaseInputs.WhyUnreadable(ex)}");
                status = InputRefused;
                continue;
            }
            if (bytes is null)
            {
                errors.WriteLine($"{file}: is larger than {Count(maxCaseBytes)} bytes (--max-case-bytes), so it is not read as a case");
                errors.WriteLine($"{file}: refused; the other cases are still evaluated.");
                status = InputRefused;
                continue;
            }

            if (!EvaluateOrRefuse(new Place(file, 0), CaseFileReader.Read(bytes, catalog.Schema), "cases", catalog, explanations, write, errors)) status = InputRefused;
        }
        // The text report ends with how many cases raise a review, so a batch read page by page misses none.
        if (lines is null && cases > 0) TextReportWriter.WriteReviewCount(output, cases, raisingReviews);
        return status;
    }

    /// <summary>
    /// One case as read: its reader's warnings, then its report, or (when it could not be read as a case) each error and
    /// that it was refused, all named by <paramref name="place"/>. False when refused. The report is written whole before
    /// the next case is evaluated, so its explanations are kept in <paramref name="explanations"/> as the rules are
    /// settled (emptied for each case) instead of each rule running again to explain itself.
    /// </summary>
    private static bool EvaluateOrRefuse(Place place, CaseFileResult read, string others, TreatyCatalog catalog, ExplanationBuffer explanations, Action<CaseReport> write, TextWriter errors)
    {
        foreach (var warning in read.Warnings) errors.WriteLine($"{place}: warning: {warning}");
        if (read.Facts is null)
        {
            foreach (var error in read.Errors) errors.WriteLine($"{place}: {error}");
            errors.WriteLine($"{place}: refused; the other {others} are still evaluated.");
            return false;
        }
        explanations.Clear();
        write(CaseEvaluator.Evaluate(catalog, read.Facts, explanations));
        return true;
    }

    /// <summary>Where a case came from, as messages name it: the file, and the line of a JSON lines file (0 for none). Made into text only for a message.</summary>
    private readonly record struct Place(string File, int Line)
    {
        public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
    }
}
