using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using TreatyDsl.Text;

namespace TreatyDsl.Analysis;

/// <summary>
/// Periods in which a dated rule or threshold has no version. Between two versions of a rule such a period is almost
/// always a typing slip (the rule silently counts as met there, as a rule not yet in force does); a threshold with no
/// value leaves every rule that reads it unknown, so for thresholds any gap while the instrument is in force counts.
/// Overlapping versions are already an error of the binder (TDSL0113).
/// </summary>
internal static class EffectiveDateChecks
{
    public static IEnumerable<Finding> Run(InstrumentModel instrument, AnalysisPeriod anyPeriod)
    {
        var inForce = Conversions.ToLocalDate(instrument.InForce);
        foreach (var rule in instrument.Rules)
        {
            foreach (var (from, before, span) in Gaps(rule.Versions.Select(v => (v.Effective, v.Span)), null, betweenOnly: true))
            {
                yield return Gap(instrument, anyPeriod, rule.Id, from, before, span);
            }
        }
        foreach (var threshold in instrument.Thresholds)
        {
            foreach (var (from, before, span) in Gaps(threshold.Versions.Select(v => (v.Effective, v.Span)), inForce, betweenOnly: false))
            {
                yield return Gap(instrument, anyPeriod, threshold.Name, from, before, span);
            }
        }
    }

    private static Finding Gap(InstrumentModel instrument, AnalysisPeriod period, string name, LocalDate? from, LocalDate? before, SourceSpan span)
    {
        var when = EffectiveDates.Describe(from, before);
        return new Finding(DiagnosticCatalog.VersionGap, span, name + "|" + when, instrument.Id, period, instruments => new object[] { name, when, instruments }, null);
    }

    /// <summary>The uncovered stretches of dates, each with the span of the version after it (or before it, at the end).</summary>
    private static IEnumerable<(LocalDate? From, LocalDate? Before, SourceSpan Span)> Gaps(
        IEnumerable<(EffectivePeriod Effective, SourceSpan Span)> versions, LocalDate? start, bool betweenOnly)
    {
        var sorted = versions
            .Select(v => (From: Conversions.ToLocalDate(v.Effective.From), Before: Conversions.ToLocalDate(v.Effective.Before), v.Span))
            .OrderBy(v => v.From ?? LocalDate.MinIsoValue)
            .ToList();
        if (sorted.Count == 0 || (sorted.Count == 1 && sorted[0].From is null && sorted[0].Before is null)) yield break;
        if (!betweenOnly && sorted[0].From is { } first && (start is null || start.Value < first))
        {
            yield return (start, first, sorted[0].Span);
        }
        for (var i = 0; i + 1 < sorted.Count; i++)
        {
            if (sorted[i].Before is { } end && sorted[i + 1].From is { } next && end < next) yield return (end, next, sorted[i + 1].Span);
        }
        if (!betweenOnly && sorted[sorted.Count - 1].Before is { } last) yield return (last, null, sorted[sorted.Count - 1].Span);
    }
}
