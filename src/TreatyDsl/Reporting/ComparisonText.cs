using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Comparison;

namespace TreatyDsl.Reporting;

/// <summary>
/// What an edit changes, as policy staff read it (<c>treaty diff</c>, and the language server's comparison): each
/// instrument that changes, its edits and where they are, its changes grouped by the rules that turn them, each with its
/// case and what each side's rule says; the instruments with the same rules; the country table and the vocabulary;
/// then the summary line.
/// </summary>
public static class ComparisonText
{
    /// <param name="output">Where the text goes.</param>
    /// <param name="comparison">The comparison.</param>
    /// <param name="oldName">What the old side is called ("old-treaties", "treaties at HEAD").</param>
    /// <param name="newName">What the new side is called.</param>
    /// <param name="files">Where each change's case file was written, when it was.</param>
    public static void Write(TextWriter output, TreatyComparison comparison, string oldName, string newName, IReadOnlyDictionary<ObservedChange, string>? files)
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
        if (files is not null && files.TryGetValue(change, out var file)) output.WriteLine($"{indent}  case file: {file}");
    }
}
