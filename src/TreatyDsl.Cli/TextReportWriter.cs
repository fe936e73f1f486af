using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>The readable report a caseworker sees by default: verdicts first, then each requirement with why and where the law says so.</summary>
public static class TextReportWriter
{
    public static void Write(TextWriter output, CaseReport report)
    {
        var recommended = report.Recommended is null ? string.Empty : $" (recommended: {report.Recommended})";
        output.WriteLine($"Case {report.CaseId}: {ContractNames.Of(report.Verdict).ToUpperInvariant()}{recommended}{Headline(report.Reviews())}");
        if (report.Verdict == Verdict.NoTreaty)
        {
            output.WriteLine("  No transfer instrument is in force between the sentencing and receiving countries.");
        }
        foreach (var instrument in report.Instruments)
        {
            var usable = instrument.Usable ? "usable" : "NOT USABLE with this country (recorded practice)";
            output.WriteLine();
            output.WriteLine($"  {instrument.Id}: {ContractNames.Of(instrument.Verdict)}, {usable}");
            output.WriteLine($"  {instrument.Title}");
            foreach (var requirement in instrument.Requirements)
            {
                output.WriteLine($"    [{Mark(requirement.Outcome)}] {requirement.Id}: {requirement.Text}");
                if (requirement.Explanation.Length > 0) output.WriteLine($"        why: {requirement.Explanation}");
                output.WriteLine($"        see: {requirement.Citation}");
            }
            if (instrument.MissingFacts.Count > 0)
            {
                output.WriteLine($"    missing facts: {string.Join(", ", instrument.MissingFacts)}");
            }
            foreach (var review in instrument.RaisedReviews)
            {
                // Not a requirement: what the caseworker must check in the treaty's own text, outside the verdict.
                output.WriteLine($"    [{(review.Outcome == Outcome.NotMet ? "REVIEW " : "review?")}] {review.Id}: {review.Text}");
                if (review.Explanation.Length > 0) output.WriteLine($"        why: {review.Explanation}");
                output.WriteLine($"        see: {review.Citation}");
            }
        }
        if (report.Advisory.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("  Advisory (for the human decision; not part of the verdict):");
            foreach (var item in report.Advisory)
            {
                output.WriteLine($"    [{WeighsMark(item.Weighs)}] {item.Factor}: {item.Text}");
                if (item.Explanation.Length > 0) output.WriteLine($"        why: {item.Explanation}");
                output.WriteLine($"        see: {item.Citation}");
            }
        }
        foreach (var note in report.Notes.Where(n => n.Length > 0))
        {
            output.WriteLine($"  note: {note}");
        }
        output.WriteLine();
    }

    /// <summary>
    /// The reviews in the headline, so that a caseworker skimming a batch cannot read a plain verdict past one:
    /// "; NEEDS REVIEW: capital-sentence-text (us-th)", and for reviews the facts cannot rule out
    /// "; REVIEW NOT RULED OUT: military-or-political-offense (coe, oas)".
    /// </summary>
    public static string Headline(IReadOnlyList<RaisedReview> reviews)
    {
        if (reviews.Count == 0) return string.Empty;
        var text = new StringBuilder();
        foreach (var (label, needs) in new[] { ("NEEDS REVIEW", true), ("REVIEW NOT RULED OUT", false) })
        {
            var ids = reviews.Where(r => r.NeedsReview == needs).GroupBy(r => r.Review.Id).ToList();
            if (ids.Count == 0) continue;
            text.Append("; ").Append(label).Append(": ");
            text.Append(string.Join("; ", ids.Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => r.Instrument))})")));
        }
        return text.ToString();
    }

    /// <summary>The last line of a text report: how many of its cases raise a review, so none is missed in a batch.</summary>
    public static void WriteReviewCount(TextWriter output, int cases, int raisingReviews)
    {
        const string where = " (NEEDS REVIEW or REVIEW NOT RULED OUT in the headline)";
        output.WriteLine((cases, raisingReviews) switch
        {
            (1, 0) => "Reviews: the case raises none.",
            (1, _) => "Reviews: the case raises one" + where + ".",
            (_, 0) => $"Reviews: none of the {Count(cases)} cases raises one.",
            (_, 1) => $"Reviews: 1 of the {Count(cases)} cases raises one" + where + ".",
            _ => $"Reviews: {Count(raisingReviews)} of the {Count(cases)} cases raise one" + where + ".",
        });
    }

    private static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string WeighsMark(string weighs) => weighs switch
    {
        AdvisoryWeighs.For => "for    ",
        AdvisoryWeighs.Against => "against",
        _ => "either ",
    };

    private static string Mark(Outcome outcome) => outcome switch
    {
        Outcome.Met => "met    ",
        Outcome.NotMet => "NOT MET",
        _ => "unknown",
    };
}
