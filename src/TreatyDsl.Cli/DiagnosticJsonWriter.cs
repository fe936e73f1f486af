using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty check --format json</c>: one JSON document with every diagnostic (id, severity, title, message, file, line,
/// column, offset and length in UTF-16 units, help page) and the counts, for scripts and editors that want the data
/// rather than compiler-style lines.
/// </summary>
public static class DiagnosticJsonWriter
{
    public static string Write(IReadOnlyList<TreatyDiagnostic> diagnostics)
    {
        return IndentedJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                var descriptor = DiagnosticCatalog.Find(d.Id);
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                if (descriptor is not null) json.WriteString("title", descriptor.Title);
                json.WriteString("message", d.Message);
                json.WriteString("file", d.Span.Path);
                json.WriteNumber("line", d.Span.Line);
                json.WriteNumber("column", d.Span.Column);
                json.WriteNumber("offset", d.Span.Offset);
                json.WriteNumber("length", d.Span.Length);
                if (descriptor is not null) json.WriteString("help", HelpPages.For(d.Id));
                if (d.Witness is not null)
                {
                    json.WritePropertyName("witness");
                    json.WriteRawValue(d.Witness);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            json.WriteNumber("messages", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info));
            json.WriteEndObject();
        });
    }
}
