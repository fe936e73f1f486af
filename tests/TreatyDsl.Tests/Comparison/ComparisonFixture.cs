using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Comparison;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Comparison;

/// <summary>The shipped treaty files, and the same files with one edit, bound for a comparison.</summary>
internal static class ComparisonFixture
{
    public static readonly IReadOnlyList<(string Path, string Text)> Shipped = Directory.GetFiles(Paths.Treaties, "*.treaty")
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(p => ("treaties/" + Path.GetFileName(p), File.ReadAllText(p)))
        .ToList();

    public static TreatyModel Load(IEnumerable<(string Path, string Text)> files)
    {
        var model = TreatyLoader.Load(files, analyse: false);
        Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
        return model;
    }

    public static readonly Lazy<TreatyModel> ShippedModel = new(() => Load(Shipped));

    /// <summary>The shipped files with <paramref name="find"/> replaced by <paramref name="replace"/> in <paramref name="file"/> (which must contain it once).</summary>
    public static TreatyModel Edited(string file, string find, string replace)
    {
        var files = Shipped.Select(f =>
        {
            if (f.Path != "treaties/" + file) return f;
            Assert.Equal(1, Occurrences(f.Text, find));
            return (f.Path, f.Text.Replace(find, replace));
        });
        return Load(files);
    }

    private static int Occurrences(string text, string find)
    {
        var count = 0;
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>
    /// Asserts that <paramref name="change"/>'s case file, read and evaluated as <c>treaty eval --treaties</c> does under
    /// each side, gives the values the change claims: the second check of every witness, outside the comparison's code.
    /// </summary>
    public static void AssertReproduced(TreatyModel before, TreatyModel after, ObservedChange change)
    {
        var old = Evaluate(before, change.CaseFile).Instruments.SingleOrDefault(i => i.Id == change.Instrument);
        var now = Evaluate(after, change.CaseFile).Instruments.SingleOrDefault(i => i.Id == change.Instrument);
        Assert.Equal(change.Before, ValueOf(old, change.Subject));
        Assert.Equal(change.After, ValueOf(now, change.Subject));
    }

    private static CaseReport Evaluate(TreatyModel model, string caseFile)
    {
        var catalog = InterpretedCatalog.Create(model);
        var read = CaseFileReader.Read(caseFile, catalog.Schema);
        Assert.False(read.Refused, string.Join("; ", read.Errors));
        return CaseEvaluator.Evaluate(catalog, read.Facts!);
    }

    private static string? ValueOf(InstrumentReport? report, string subject)
    {
        if (report is null) return "absent";
        if (subject == "verdict") return ContractNames.Of(report.Verdict);
        var id = subject.Substring(subject.IndexOf(' ') + 1);
        var result = report.Requirements.Concat(report.Reviews).SingleOrDefault(r => r.Id == id);
        return result is null ? "met" : ContractNames.Of(result.Outcome);
    }
}
