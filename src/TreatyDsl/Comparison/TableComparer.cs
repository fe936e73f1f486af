using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Comparison;

/// <summary>
/// The rows of the country table that differ, in words, each with the cases found to be answered differently because of
/// it: for every instrument the difference names, in both directions, a case that instrument finds eligible, replayed
/// under both sides. A row is not searched exhaustively: a difference with no case shown is "not analysed", not "no change".
/// </summary>
internal static class TableComparer
{
    public static IReadOnlyList<TableChange> Compare(TreatyModel before, TreatyModel after, WitnessReplay replay, AnalysisBudget budget)
    {
        var olds = before.Countries.Countries.ToDictionary(c => c.Code);
        var news = after.Countries.Countries.ToDictionary(c => c.Code);
        var changes = new List<TableChange>();
        foreach (var code in after.Countries.Countries.Select(c => c.Code).Concat(before.Countries.Countries.Select(c => c.Code).Where(c => !news.ContainsKey(c))))
        {
            olds.TryGetValue(code, out var was);
            news.TryGetValue(code, out var now);
            var (differences, instruments) = Differences(was, now);
            if (differences.Count == 0) continue;
            var observed = new List<ObservedChange>();
            foreach (var id in instruments)
            {
                var instrument = after.Instruments.FirstOrDefault(i => i.Id == id) is { } a ? (after, a)
                    : before.Instruments.FirstOrDefault(i => i.Id == id) is { } b ? (before, b) : default;
                if (instrument.Item2 is null) continue;
                var parent = (now ?? was)!.TerritoryOf ?? code;
                foreach (var pair in new[] { AnalysisPeriods.Pair(CaseEvaluator.UnitedStates, code, parent), AnalysisPeriods.Pair(code, CaseEvaluator.UnitedStates, CaseEvaluator.UnitedStates) })
                {
                    if (SampleCases.Eligible(instrument.Item1, instrument.Item2, budget, pair) is not { } witness || replay.Replay(witness) is not { } replayed) continue;
                    var verdicts = (ContractNames.Of(replayed.Before.Verdict), ContractNames.Of(replayed.After.Verdict));
                    var recommended = (replayed.Before.Recommended ?? "none", replayed.After.Recommended ?? "none");
                    if (verdicts.Item1 != verdicts.Item2) observed.Add(replayed.Observe(id, "case verdict", verdicts.Item1, verdicts.Item2, new string[0]));
                    else if (recommended.Item1 != recommended.Item2) observed.Add(replayed.Observe(id, "recommended", recommended.Item1, recommended.Item2, new string[0]));
                }
            }
            changes.Add(new TableChange(code, differences, observed));
        }
        return changes;
    }

    /// <summary>What differs between two versions of a row (either may be missing), and the instruments the differences concern.</summary>
    private static (List<string> Differences, SortedSet<string> Instruments) Differences(CountryModel? was, CountryModel? now)
    {
        var differences = new List<string>();
        var instruments = new SortedSet<string>(System.StringComparer.Ordinal);
        var oldMemberships = was?.Memberships.ToDictionary(m => m.Instrument) ?? new Dictionary<string, MembershipModel>();
        var newMemberships = now?.Memberships.ToDictionary(m => m.Instrument) ?? new Dictionary<string, MembershipModel>();
        if (was is null) differences.Add("row added");
        if (now is null) differences.Add("row removed");
        foreach (var id in newMemberships.Keys.Union(oldMemberships.Keys))
        {
            var hadIt = oldMemberships.TryGetValue(id, out var a);
            var hasIt = newMemberships.TryGetValue(id, out var b);
            if (hadIt && hasIt && Equals(a!.Since, b!.Since)) continue;
            instruments.Add(id);
            differences.Add(!hadIt ? "party to " + id + " added" + Since(b!)
                : !hasIt ? "party to " + id + " removed"
                : "party to " + id + Since(a!) + " now" + Since(b!));
        }
        if (was is not null && now is not null)
        {
            var practiceBefore = Practice(was.Practice);
            var practiceAfter = Practice(now.Practice);
            if (practiceBefore != practiceAfter)
            {
                differences.Add("practice " + practiceBefore + " → " + practiceAfter);
                instruments.UnionWith(oldMemberships.Keys.Union(newMemberships.Keys));
            }
            if (was.TerritoryOf != now.TerritoryOf)
            {
                differences.Add("territory of " + (was.TerritoryOf ?? "none") + " → " + (now.TerritoryOf ?? "none"));
                instruments.UnionWith(oldMemberships.Keys.Union(newMemberships.Keys));
            }
        }
        return (differences, instruments);
    }

    private static string Since(MembershipModel membership) => membership.Since is { } since ? " (since " + since + ")" : string.Empty;

    private static string Practice(PracticeModel? practice) =>
        practice is null ? "none" : (practice.Kind == Syntax.PracticeKind.Only ? "only " : "prefers ") + string.Join(", ", practice.Instruments);
}
