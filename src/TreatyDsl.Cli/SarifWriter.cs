using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty check --format sarif</c>: the diagnostics as SARIF 2.1.0, the format code-scanning services and IDEs read.
/// One run of the tool "treaty"; its rules are the catalog entries that occur (id, title, message template, default
/// level, help page); results are written in file order; each result points at its .treaty file by a relative URI (or a file URI for an absolute path) and
/// at its place by line, column (UTF-16 code units, SARIF's default) and character offset and length.
/// </summary>
public static class SarifWriter
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(IReadOnlyList<TreatyDiagnostic> diagnostics, string toolVersion)
    {
        var rules = diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        return Log("treaty", toolVersion, json => { foreach (var id in rules) WriteRule(json, id); }, json => { foreach (var d in diagnostics) WriteResult(json, d, rules.IndexOf(d.Id)); });
    }

    /// <summary>
    /// A SARIF log of one run of <paramref name="tool"/>: the frame every SARIF output of the tool shares, with the rules
    /// and the results each writes, and the run's property bag when it has one.
    /// </summary>
    public static string Log(string tool, string toolVersion, Action<Utf8JsonWriter> rules, Action<Utf8JsonWriter> results, Action<Utf8JsonWriter>? properties = null) =>
        IndentedJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", tool);
            json.WriteString("version", toolVersion);
            json.WriteStartArray("rules");
            rules(json);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            results(json);
            json.WriteEndArray();
            if (properties is not null)
            {
                json.WriteStartObject("properties");
                properties(json);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteRule(Utf8JsonWriter json, string id)
    {
        var descriptor = DiagnosticCatalog.Find(id);
        json.WriteStartObject();
        json.WriteString("id", id);
        if (descriptor is not null)
        {
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor.Title);
            json.WriteEndObject();
            // SARIF message strings use the same {0} placeholders as the catalog's templates.
            json.WriteStartObject("messageStrings");
            json.WriteStartObject("default");
            json.WriteString("text", descriptor.MessageFormat);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("helpUri", HelpPages.For(id));
            json.WriteStartObject("help");
            json.WriteString("text", $"See {HelpPages.For(id)}");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(descriptor.DefaultSeverity));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, TreatyDiagnostic d, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", d.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(d.Span.Path));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", d.Span.Line);
        json.WriteNumber("startColumn", d.Span.Column);
        json.WriteNumber("charOffset", d.Span.Offset);
        json.WriteNumber("charLength", d.Span.Length);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        if (d.Witness is not null)
        {
            // SARIF's property bag: the witness case file, as the analyzer's "witness" diagnostic property carries it.
            json.WriteStartObject("properties");
            json.WritePropertyName("witness");
            json.WriteRawValue(d.Witness);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>SARIF's levels: error, warning and note (for information).</summary>
    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative path as a relative URI reference with '/' separators and escaped segments; an absolute one as a file URI.</summary>
    public static string ArtifactUri(string path)
    {
        if (Path.IsPathRooted(path)) return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        return string.Join("/", path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }
}
