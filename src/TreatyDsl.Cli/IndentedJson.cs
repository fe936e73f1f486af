using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TreatyDsl.Cli;

/// <summary>
/// The JSON that <c>treaty check</c> writes for people and tools to read (<c>--format json</c> and <c>sarif</c>): indented,
/// and with quotes and apostrophes in messages left as they are rather than escaped. Not for the contract's case output,
/// which <see cref="JsonReportWriter"/> writes one compact line per case.
/// </summary>
internal static class IndentedJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options)) write(json);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
