using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
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
    private static readonly byte[] NewLine = { (byte)'\n' };

    private readonly ArrayBufferWriter<byte> buffer = new(BlockSize * 2);
    private readonly Utf8JsonWriter json;
    private readonly TextWriter output;
    private readonly StreamWriter? utf8Stream;

    public JsonLinesOutput(TextWriter output)
    {
        this.output = output;
        utf8Stream = output is StreamWriter { Encoding.CodePage: 65001 } writer ? writer : null;
        json = new Utf8JsonWriter(buffer);
    }

    public void Write(CaseReport report)
    {
        JsonReportWriter.Write(json, report);
        json.Flush();
        json.Reset();
        buffer.Write(NewLine);
        if (buffer.WrittenCount >= BlockSize) Flush();
    }

    /// <summary>Writes out what is buffered, before anything else is written to the destination.</summary>
    public void Flush()
    {
        if (buffer.WrittenCount == 0) return;
        if (utf8Stream is not null)
        {
            utf8Stream.Flush();
            utf8Stream.BaseStream.Write(buffer.WrittenSpan);
        }
        else
        {
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        buffer.ResetWrittenCount();
    }

    public void Dispose()
    {
        Flush();
        json.Dispose();
    }
}
