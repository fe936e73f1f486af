using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Comparison;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty diff</c>'s three outputs: text for policy staff (each instrument, its changes grouped by the rules that turn
/// them, each with its case and what each side's rule says, then the summary line), one JSON object, and SARIF 2.1.0
/// with a result per change located at the edited rule.
/// </summary>
internal static class DiffWriters
{
    public static void Text(TextWriter output, TreatyComparison comparison, string oldName, string newName, IReadOnlyDictionary<ObservedChange, string>? files)
    {
        output.WriteLine($"treaty diff: {oldName} → {newName}");
        var same = comparison.Instruments.Where(i => i.Status == ComparisonStatus.Unchanged).Select(i => i.Id).ToList();
        foreach (var instrument in comparison.Instruments.Where(i => i.Status != ComparisonStatus.Unchanged))
        {
            output.WriteLine();
            output.WriteLine($"{instrument.Id} ({instrument.Title}): {Headline(instrument)}");
            foreach (var edit in instrument.Edits) output.WriteLine($"  edited: {edit} at {edit.Place}");
            foreach (var group in instrument.Changes.GroupBy(c => c.Group))
            {
                output.WriteLine(group.First().Because.Count == 0 ? $"  {group.Key}:" : $"  because {group.Key} {(group.First().Because.Count == 1 ? "changes" : "change")}:");
                foreach (var change in group) WriteChange(output, change, files, "    ");
            }
            foreach (var note in instrument.NotAnalysed) output.WriteLine($"  not analysed: {note}");
        }
        if (same.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"the same rules, so no case changes: {string.Join(", ", same)}");
        }
        if (comparison.Table.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("country table:");
            foreach (var row in comparison.Table)
            {
                output.WriteLine($"  {row.Country}: {string.Join("; ", row.Differences)}");
                foreach (var change in row.Changes) WriteChange(output, change, files, "    ");
                if (row.Changes.Count == 0) output.WriteLine("    not analysed: no case tried was answered differently, which proves nothing about the others");
            }
        }
        if (comparison.Vocabulary.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("vocabulary (case files may be read differently; not analysed):");
            foreach (var fact in comparison.Vocabulary) output.WriteLine($"  {fact}");
        }
        output.WriteLine();
        output.WriteLine("summary: " + comparison.Summary);
    }

    private static string Headline(InstrumentComparison instrument) => instrument.Status switch
    {
        ComparisonStatus.ProvedSame => "rules changed, and no case's verdict or review changes (proved for every case and pair of countries)",
        ComparisonStatus.Changes => (instrument.Changes.Any(c => c.Subject == "verdict") ? "verdicts change" : "no verdict changes, but") + ": " + instrument.ChangeSummary
            + (instrument.NotAnalysed.Count > 0 ? " (not all analysed)" : string.Empty),
        ComparisonStatus.AddedOrRemoved => instrument.Edits[0].Edit,
        _ => "not analysed",
    };

    private static void WriteChange(TextWriter output, ObservedChange change, IReadOnlyDictionary<ObservedChange, string>? files, string indent)
    {
        var subject = change.Subject == "verdict" ? string.Empty : change.Subject + " ";
        output.WriteLine($"{indent}{subject}{change.Before} before, {change.After} now: from {change.Sentencing} to {change.Receiving}, applied {change.ApplicationDate}: {change.Fragment}");
        foreach (var rule in change.Because)
        {
            output.WriteLine($"{indent}  {rule.Rule}: {rule.Before} before, {rule.After} now [{rule.Citation}]");
            if (rule.ExplanationBefore.Length > 0) output.WriteLine($"{indent}    before: {rule.ExplanationBefore}");
            if (rule.ExplanationAfter.Length > 0) output.WriteLine($"{indent}    now:    {rule.ExplanationAfter}");
        }
        output.WriteLine($"{indent}  case verdict {change.CaseVerdict}; recommended {change.Recommended}");
        if (files is not null && files.TryGetValue(change, out var file)) output.WriteLine($"{indent}  case file: {file} (treaty eval {file} --treaties OLD, then NEW)");
    }

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
    public static string Sarif(TreatyComparison comparison, string toolVersion) => IndentedJson.Write(json =>
    {
        var rules = new[]
        {
            ("case-changes", "A case is answered differently after the edit", "warning"),
            ("not-analysed", "Whether a case changes was not decided", "note"),
            ("country-row-changed", "A row of the country table changed", "warning"),
        };
        json.WriteStartObject();
        json.WriteString("$schema", SarifWriter.Schema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "treaty diff");
        json.WriteString("version", toolVersion);
        json.WriteStartArray("rules");
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
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var instrument in comparison.Instruments)
        {
            foreach (var change in instrument.Changes)
            {
                WriteResult(json, 0, "warning", $"{instrument.Id}: {Sentence(change)}", instrument.PlaceOf(change), change.CaseFile);
            }
            foreach (var note in instrument.NotAnalysed) WriteResult(json, 1, "note", $"{instrument.Id}: {note}", instrument.Place, null);
        }
        foreach (var row in comparison.Table)
        {
            var message = $"{row.Country}: {string.Join("; ", row.Differences)}" + string.Concat(row.Changes.Select(c => "; " + Sentence(c)));
            WriteResult(json, 2, "warning", message, null, row.Changes.FirstOrDefault()?.CaseFile);
        }
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("summary", comparison.Summary);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>"eligible before, ineligible now from US to TH (sentence.type = life, ...) because min-remaining: met → not-met".</summary>
    private static string Sentence(ObservedChange change) =>
        $"{(change.Subject == "verdict" ? string.Empty : change.Subject + " ")}{change.Before} before, {change.After} now for a case from {change.Sentencing} to {change.Receiving} ({change.Fragment})"
        + (change.Because.Count == 0 ? string.Empty : " because " + string.Join(", ", change.Because.Select(b => $"{b.Rule} is {b.After} now ({b.ExplanationAfter}), {b.Before} before")));

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
