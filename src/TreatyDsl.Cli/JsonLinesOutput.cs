using System;
using System.IO;
using System.Text;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// Writes reports one JSON line each (<see cref="JsonReportWriter"/>), through one reused buffer emptied every 64 KB
/// and at <see cref="Flush"/>, so a batch costs a write per block rather than per line and memory stays flat. When the
/// destination is a UTF-8 <see cref="StreamWriter"/> (standard output, as <see cref="Program.Main"/> opens it) the
/// bytes go straight to its stream; any other writer gets the same text.
/// </summary>
internal sealed class JsonLinesOutput : IDisposable
{
    private const int BlockSize = 64 * 1024;

    private readonly JsonLineWriter line = new(BlockSize * 2);
    private readonly JsonReportWriter reports;
    private readonly TextWriter output;
    private readonly StreamWriter? utf8Stream;

    private readonly ExplanationBuffer? explanations;

    /// <summary>Writes each report as a line to <paramref name="output"/>; given <paramref name="explanations"/>, the buffer the reports are evaluated with, their kept explanations are narrowed together.</summary>
    public JsonLinesOutput(TextWriter output, ExplanationBuffer? explanations = null)
    {
        this.output = output;
        this.explanations = explanations;
        utf8Stream = output is StreamWriter { Encoding.CodePage: 65001 } writer ? writer : null;
        reports = new JsonReportWriter(line);
    }

    public void Write(CaseReport report)
    {
        if (explanations is not null) line.TranscodeKept(explanations);
        reports.Write(report);
        line.Raw((byte)'\n');
        if (line.Length >= BlockSize) Flush();
    }

    /// <summary>Writes out what is buffered, before anything else is written to the destination.</summary>
    public void Flush()
    {
        if (line.Length == 0) return;
        if (utf8Stream is not null)
        {
            utf8Stream.Flush();
            utf8Stream.BaseStream.Write(line.Written);
        }
        else
        {
            output.Write(Encoding.UTF8.GetString(line.Written));
        }
        line.Clear();
    }

    public void Dispose() => Flush();
}
