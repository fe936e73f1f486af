using System.Collections.Generic;
using System.Text;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// Writes a case report as one line of JSON, exactly in the contract's shape (shared/contracts/case-and-cli.md).
/// Fields the contract does not name (title, text, per-requirement missingFacts, an instrument's review, an advisory's text, notes) are additions, never renames.
/// </summary>
/// <remarks>
/// The line's shape is fixed, so it is written as fragments (each property name with its punctuation, held as UTF-8)
/// between values. The treaties' own words (rule texts, citations, ids, titles, outcome and verdict names, fact paths)
/// are the same in every report and are escaped once (<see cref="JsonLineWriter.Known"/>); what differs per case
/// (the case id, explanations, notes) is escaped as it is written. The bytes are those <see cref="System.Text.Json.Utf8JsonWriter"/>
/// wrote before (compact, default escaping): tests write each line back through it and compare.
/// </remarks>
public static class JsonReportWriter
{
    /// <summary>The outcome of a review a case raises.</summary>
    public const string NeedsReview = "needs-review";

    /// <summary>The report as one line of JSON (without the line break).</summary>
    public static string ToJsonLine(CaseReport report)
    {
        var line = new JsonLineWriter(8192);
        Write(line, report);
        return Encoding.UTF8.GetString(line.Written);
    }

    /// <summary>The report as one JSON object, appended to <paramref name="line"/> (compact, the contract's shape).</summary>
    public static void Write(JsonLineWriter line, CaseReport report)
    {
        line.Raw("{\"case\":"u8);
        line.String(report.CaseId);
        line.Raw(",\"verdict\":"u8);
        line.Known(ContractNames.Of(report.Verdict));
        line.Raw(",\"recommended\":"u8);
        if (report.Recommended is null) line.Null();
        else line.Known(report.Recommended);
        line.Raw(",\"instruments\":["u8);
        for (var i = 0; i < report.Instruments.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            WriteInstrument(line, report.Instruments[i]);
        }
        line.Raw("],\"advisory\":["u8);
        for (var i = 0; i < report.Advisory.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            WriteAdvisory(line, report.Advisory[i]);
        }
        line.Raw("],\"notes\":["u8);
        for (var i = 0; i < report.Notes.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            line.String(report.Notes[i]);
        }
        line.Raw("]}"u8);
    }

    private static void WriteInstrument(JsonLineWriter line, InstrumentReport instrument)
    {
        line.Raw("{\"id\":"u8);
        line.Known(instrument.Id);
        line.Raw(",\"verdict\":"u8);
        line.Known(ContractNames.Of(instrument.Verdict));
        line.Raw(",\"usable\":"u8);
        line.Boolean(instrument.Usable);
        line.Raw(",\"requirements\":["u8);
        for (var i = 0; i < instrument.Requirements.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            var requirement = instrument.Requirements[i];
            WriteResult(line, requirement, ContractNames.Of(requirement.Outcome));
        }
        line.Raw("],\"missingFacts\":"u8);
        WriteNames(line, instrument.MissingFacts);
        line.Raw(",\"title\":"u8);
        line.Known(instrument.Title);
        // An addition: the checks left to the treaty's own text that this case raises ("needs-review") or cannot rule
        // out ("unknown"). Never part of the verdict.
        line.Raw(",\"review\":["u8);
        var first = true;
        foreach (var review in instrument.Reviews)
        {
            if (!InstrumentReport.IsRaised(review)) continue;
            if (!first) line.Raw((byte)',');
            first = false;
            WriteResult(line, review, review.Outcome == Outcome.NotMet ? NeedsReview : ContractNames.Of(review.Outcome));
        }
        line.Raw("]}"u8);
    }

    /// <summary>One requirement's or review's result: id, outcome (as named by the caller), citation, explanation, text, missing facts.</summary>
    private static void WriteResult(JsonLineWriter line, RequirementResult result, string outcome)
    {
        line.Raw("{\"id\":"u8);
        line.Known(result.Id);
        line.Raw(",\"outcome\":"u8);
        line.Known(outcome);
        line.Raw(",\"citation\":"u8);
        line.Known(result.Citation);
        line.Raw(",\"explanation\":"u8);
        result.WriteExplanation(line); // the rule's words straight into the line, with no string made of them
        line.Raw(",\"text\":"u8);
        line.Known(result.Text);
        line.Raw(",\"missingFacts\":"u8);
        WriteNames(line, result.MissingFacts);
        line.Raw((byte)'}');
    }

    private static void WriteAdvisory(JsonLineWriter line, AdvisoryItem item)
    {
        line.Raw("{\"factor\":"u8);
        line.Known(item.Factor);
        line.Raw(",\"weighs\":"u8);
        line.Known(item.Weighs);
        line.Raw(",\"citation\":"u8);
        line.Known(item.Citation);
        line.Raw(",\"explanation\":"u8);
        line.String(item.Explanation);
        line.Raw(",\"text\":"u8);
        line.Known(item.Text);
        line.Raw((byte)'}');
    }

    /// <summary>A list of names the treaties hold (fact paths), each escaped once.</summary>
    private static void WriteNames(JsonLineWriter line, IReadOnlyList<string> names)
    {
        line.Raw((byte)'[');
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            line.Known(names[i]);
        }
        line.Raw((byte)']');
    }
}
