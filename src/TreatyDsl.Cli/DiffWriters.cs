using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Comparison;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty diff</c>'s outputs for tools: one JSON object, and SARIF 2.1.0 with a result per change located at the
/// edited rule. The text for people is <see cref="Reporting.ComparisonText"/>, which the language server shows too.
/// </summary>
internal static class DiffWriters
{
    public static string Json(TreatyComparison comparison, string oldName, string newName) => IndentedJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("old", oldName);
        json.WriteString("new", newName);
        json.WriteString("summary", comparison.Summary);
        json.WriteBoolean("mayChange", comparison.MayChange);
        json.WriteStartArray("instruments");
        foreach (var instrument in comparison.Instruments)
        {
            json.WriteStartObject();
            json.WriteString("id", instrument.Id);
            json.WriteString("title", instrument.Title);
            json.WriteString("status", StatusName(instrument.Status));
            json.WriteStartArray("edits");
            foreach (var edit in instrument.Edits)
            {
                json.WriteStartObject();
                json.WriteString("id", edit.Id);
                json.WriteString("edit", edit.Edit);
                WritePlace(json, edit.Place);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (var change in instrument.Changes) WriteChange(json, change);
            json.WriteEndArray();
            json.WriteStartArray("notAnalysed");
            foreach (var note in instrument.NotAnalysed) json.WriteStringValue(note);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("countryTable");
        foreach (var row in comparison.Table)
        {
            json.WriteStartObject();
            json.WriteString("country", row.Country);
            json.WriteStartArray("differences");
            foreach (var d in row.Differences) json.WriteStringValue(d);
            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (var change in row.Changes) WriteChange(json, change);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("vocabulary");
        foreach (var fact in comparison.Vocabulary) json.WriteStringValue(fact);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string StatusName(ComparisonStatus status) => status switch
    {
        ComparisonStatus.Unchanged => "unchanged",
        ComparisonStatus.ProvedSame => "proved-same",
        ComparisonStatus.Changes => "changes",
        ComparisonStatus.AddedOrRemoved => "added-or-removed",
        _ => "not-analysed",
    };

    private static void WritePlace(Utf8JsonWriter json, SourcePlace place)
    {
        json.WriteString("file", place.Path);
        json.WriteNumber("line", place.Line);
        json.WriteNumber("column", place.Column);
    }

    private static void WriteChange(Utf8JsonWriter json, ObservedChange change)
    {
        json.WriteStartObject();
        json.WriteString("instrument", change.Instrument);
        json.WriteString("subject", change.Subject);
        json.WriteString("before", change.Before);
        json.WriteString("after", change.After);
        json.WriteString("sentencingCountry", change.Sentencing);
        json.WriteString("receivingCountry", change.Receiving);
        json.WriteString("applicationDate", change.ApplicationDate);
        json.WriteString("facts", change.Fragment);
        json.WriteString("caseVerdict", change.CaseVerdict);
        json.WriteString("recommended", change.Recommended);
        json.WriteStartArray("because");
        foreach (var rule in change.Because)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule.Rule);
            json.WriteString("before", rule.Before);
            json.WriteString("after", rule.After);
            json.WriteString("explanationBefore", rule.ExplanationBefore);
            json.WriteString("explanationAfter", rule.ExplanationAfter);
            json.WriteString("citation", rule.Citation);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("case");
        json.WriteRawValue(change.CaseFile);
        json.WriteEndObject();
    }

    /// <summary>SARIF 2.1.0: a result per change (a warning at the edited rule), per undecided question (a note), per changed country row.</summary>
    public static string Sarif(TreatyComparison comparison, string toolVersion)
    {
        var rules = new[]
        {
            ("case-changes", "A case is answered differently after the edit", "warning"),
            ("not-analysed", "Whether a case changes was not decided", "note"),
            ("country-row-changed", "A row of the country table changed", "warning"),
        };
        return SarifWriter.Log("treaty diff", toolVersion, json =>
        {
            foreach (var (id, title, level) in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", title);
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", level);
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }, json =>
        {
            foreach (var instrument in comparison.Instruments)
            {
                foreach (var change in instrument.Changes)
                {
                    WriteResult(json, 0, "warning", $"{instrument.Id}: {change.Sentence(explained: true)}", instrument.PlaceOf(change), change.CaseFile);
                }
                foreach (var note in instrument.NotAnalysed) WriteResult(json, 1, "note", $"{instrument.Id}: {note}", instrument.Place, null);
            }
            foreach (var row in comparison.Table)
            {
                var message = $"{row.Country}: {string.Join("; ", row.Differences)}" + string.Concat(row.Changes.Select(c => "; " + c.Sentence(explained: true)));
                WriteResult(json, 2, "warning", message, null, row.Changes.FirstOrDefault()?.CaseFile);
            }
        }, json => json.WriteString("summary", comparison.Summary));
    }

    private static void WriteResult(Utf8JsonWriter json, int rule, string level, string message, SourcePlace? place, string? caseFile)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", rule switch { 0 => "case-changes", 1 => "not-analysed", _ => "country-row-changed" });
        json.WriteNumber("ruleIndex", rule);
        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message);
        json.WriteEndObject();
        if (place is not null && place.Path.Length > 0)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", SarifWriter.ArtifactUri(place.Path));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", place.Line);
            json.WriteNumber("startColumn", place.Column);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        if (caseFile is not null)
        {
            json.WriteStartObject("properties");
            json.WritePropertyName("witness");
            json.WriteRawValue(caseFile);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
