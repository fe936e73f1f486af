using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// Writes a case report as one line of JSON, exactly in the contract's shape (shared/contracts/case-and-cli.md).
/// Fields the contract does not name (title, text, per-requirement missingFacts, an instrument's review, an advisory's text, notes) are additions, never renames.
/// </summary>
public static class JsonReportWriter
{
    public static string ToJsonLine(CaseReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("case", report.CaseId);
            json.WriteString("verdict", ContractNames.Of(report.Verdict));
            if (report.Recommended is null) json.WriteNull("recommended");
            else json.WriteString("recommended", report.Recommended);
            json.WriteStartArray("instruments");
            foreach (var instrument in report.Instruments) WriteInstrument(json, instrument);
            json.WriteEndArray();
            json.WriteStartArray("advisory");
            foreach (var item in report.Advisory)
            {
                json.WriteStartObject();
                json.WriteString("factor", item.Factor);
                json.WriteString("weighs", item.Weighs);
                json.WriteString("citation", item.Citation);
                json.WriteString("explanation", item.Explanation);
                json.WriteString("text", item.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteStrings(json, "notes", report.Notes);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The outcome of a review a case raises.</summary>
    public const string NeedsReview = "needs-review";

    private static void WriteInstrument(Utf8JsonWriter json, InstrumentReport instrument)
    {
        json.WriteStartObject();
        json.WriteString("id", instrument.Id);
        json.WriteString("verdict", ContractNames.Of(instrument.Verdict));
        json.WriteBoolean("usable", instrument.Usable);
        json.WriteStartArray("requirements");
        foreach (var requirement in instrument.Requirements) WriteResult(json, requirement, ContractNames.Of(requirement.Outcome));
        json.WriteEndArray();
        WriteStrings(json, "missingFacts", instrument.MissingFacts);
        json.WriteString("title", instrument.Title);
        // An addition: the checks left to the treaty's own text that this case raises ("needs-review") or cannot rule
        // out ("unknown"). Never part of the verdict.
        json.WriteStartArray("review");
        foreach (var review in instrument.RaisedReviews)
        {
            WriteResult(json, review, review.Outcome == Outcome.NotMet ? NeedsReview : ContractNames.Of(review.Outcome));
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One requirement's or review's result: id, outcome (as named by the caller), citation, explanation, text, missing facts.</summary>
    private static void WriteResult(Utf8JsonWriter json, RequirementResult result, string outcome)
    {
        json.WriteStartObject();
        json.WriteString("id", result.Id);
        json.WriteString("outcome", outcome);
        json.WriteString("citation", result.Citation);
        json.WriteString("explanation", result.Explanation);
        json.WriteString("text", result.Text);
        WriteStrings(json, "missingFacts", result.MissingFacts);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
