using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// The report writer `treaty eval` used before issue 13's fragment writer (TreatyDsl.Cli.JsonReportWriter now): the same
/// line through <see cref="Utf8JsonWriter"/>, with the same texts escaped once. Kept here as the baseline BatchBenchmarks
/// measures against (the benchmark checks that both write the same bytes before timing), changed only to write what the
/// line has gained since (the case's reviews).
/// </summary>
public static class Utf8JsonWriterReportWriter
{
    /// <summary>The report as one line of JSON (without the line break).</summary>
    public static string ToJsonLine(CaseReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var json = new Utf8JsonWriter(buffer)) Write(json, report);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The report as one JSON object, written to <paramref name="json"/> (compact, the contract's shape).</summary>
    public static void Write(Utf8JsonWriter json, CaseReport report)
    {
        var escaped = Escaped.ForThisThread;
        json.WriteStartObject();
        json.WriteString(Names.Case, report.CaseId);
        json.WriteString(Names.Verdict, escaped.Of(ContractNames.Of(report.Verdict)));
        if (report.Recommended is null) json.WriteNull(Names.Recommended);
        else json.WriteString(Names.Recommended, escaped.Of(report.Recommended));
        json.WriteStartArray(Names.Reviews);
        foreach (var raised in report.Reviews())
        {
            json.WriteStartObject();
            json.WriteString(Names.Instrument, escaped.Of(raised.Instrument));
            json.WriteString(Names.Id, escaped.Of(raised.Review.Id));
            json.WriteString(Names.Outcome, escaped.Of(raised.NeedsReview ? TreatyDsl.Cli.JsonReportWriter.NeedsReview : ContractNames.Of(Outcome.Unknown)));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray(Names.Instruments);
        foreach (var instrument in report.Instruments) WriteInstrument(json, instrument, escaped);
        json.WriteEndArray();
        json.WriteStartArray(Names.Advisory);
        foreach (var item in report.Advisory)
        {
            json.WriteStartObject();
            json.WriteString(Names.Factor, escaped.Of(item.Factor));
            json.WriteString(Names.Weighs, escaped.Of(item.Weighs));
            json.WriteString(Names.Citation, escaped.Of(item.Citation));
            json.WriteString(Names.Explanation, item.Explanation);
            json.WriteString(Names.Text, escaped.Of(item.Text));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray(Names.Notes);
        for (var i = 0; i < report.Notes.Count; i++) json.WriteStringValue(report.Notes[i]);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInstrument(Utf8JsonWriter json, InstrumentReport instrument, Escaped escaped)
    {
        json.WriteStartObject();
        json.WriteString(Names.Id, escaped.Of(instrument.Id));
        json.WriteString(Names.Verdict, escaped.Of(ContractNames.Of(instrument.Verdict)));
        json.WriteBoolean(Names.Usable, instrument.Usable);
        json.WriteStartArray(Names.Requirements);
        foreach (var requirement in instrument.Requirements) WriteResult(json, requirement, ContractNames.Of(requirement.Outcome), escaped);
        json.WriteEndArray();
        WriteNames(json, Names.MissingFacts, instrument.MissingFacts, escaped);
        json.WriteString(Names.Title, escaped.Of(instrument.Title));
        // An addition: the checks left to the treaty's own text that this case raises ("needs-review") or cannot rule
        // out ("unknown"). Never part of the verdict.
        json.WriteStartArray(Names.Review);
        foreach (var review in instrument.RaisedReviews)
        {
            WriteResult(json, review, review.Outcome == Outcome.NotMet ? TreatyDsl.Cli.JsonReportWriter.NeedsReview : ContractNames.Of(review.Outcome), escaped);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One requirement's or review's result: id, outcome (as named by the caller), citation, explanation, text, missing facts.</summary>
    private static void WriteResult(Utf8JsonWriter json, RequirementResult result, string outcome, Escaped escaped)
    {
        json.WriteStartObject();
        json.WriteString(Names.Id, escaped.Of(result.Id));
        json.WriteString(Names.Outcome, escaped.Of(outcome));
        json.WriteString(Names.Citation, escaped.Of(result.Citation));
        json.WriteString(Names.Explanation, result.Explanation);
        json.WriteString(Names.Text, escaped.Of(result.Text));
        WriteNames(json, Names.MissingFacts, result.MissingFacts, escaped);
        json.WriteEndObject();
    }

    /// <summary>A list of names the treaties hold (fact paths), each escaped once.</summary>
    private static void WriteNames(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<string> values, Escaped escaped)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++) json.WriteStringValue(escaped.Of(values[i]));
        json.WriteEndArray();
    }

    /// <summary>
    /// Rule texts, citations, titles and names (ids, outcomes, fact paths), escaped once. They are the same few hundred
    /// strings in every report (the treaty's own words, held by the validators), so they are kept by reference; escaping
    /// and transcoding them on every write was most of the writing time. Explanations, notes and case ids differ per
    /// case and are written as they are. Bounded, so a caller making new texts per case (the interpreter does not; a
    /// custom catalog might) cannot make it grow without end: past the bound, texts are escaped as they are written.
    /// One per thread, found once per report (a thread-static lookup per string cost as much as the lookup itself).
    /// </summary>
    private sealed class Escaped
    {
        private const int Bound = 4096;

        [System.ThreadStatic]
        private static Escaped? forThread;

        private readonly Dictionary<string, JsonEncodedText> known = new(ReferenceEqualityComparer.Instance);

        public static Escaped ForThisThread => forThread ??= new Escaped();

        public JsonEncodedText Of(string text)
        {
            if (known.TryGetValue(text, out var encoded)) return encoded;
            encoded = JsonEncodedText.Encode(text);
            if (known.Count < Bound) known[text] = encoded;
            return encoded;
        }
    }

    /// <summary>The property names, escaped once rather than on every write.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Case = JsonEncodedText.Encode("case");
        public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("verdict");
        public static readonly JsonEncodedText Recommended = JsonEncodedText.Encode("recommended");
        public static readonly JsonEncodedText Instruments = JsonEncodedText.Encode("instruments");
        public static readonly JsonEncodedText Reviews = JsonEncodedText.Encode("reviews");
        public static readonly JsonEncodedText Instrument = JsonEncodedText.Encode("instrument");
        public static readonly JsonEncodedText Advisory = JsonEncodedText.Encode("advisory");
        public static readonly JsonEncodedText Factor = JsonEncodedText.Encode("factor");
        public static readonly JsonEncodedText Weighs = JsonEncodedText.Encode("weighs");
        public static readonly JsonEncodedText Citation = JsonEncodedText.Encode("citation");
        public static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Usable = JsonEncodedText.Encode("usable");
        public static readonly JsonEncodedText Requirements = JsonEncodedText.Encode("requirements");
        public static readonly JsonEncodedText MissingFacts = JsonEncodedText.Encode("missingFacts");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Review = JsonEncodedText.Encode("review");
        public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    }
}
