using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Comparison;

/// <summary>
/// The comparison stage: what an edit to the treaty files changes for cases (<c>treaty diff</c>). It runs on two models
/// that bind without errors, after the analysis stage whose search it asks, and before nothing: evaluating a case never
/// needs it. Every change it reports is a case eval answers differently under the two sides; every "no change" is a
/// proof over the analysis's fragment; everything else is "not analysed".
/// </summary>
public static class TreatyComparer
{
    /// <summary>Compares with the default budget of the analysis.</summary>
    public static TreatyComparison Compare(TreatyModel before, TreatyModel after) => Compare(before, after, new AnalysisBudget());

    /// <param name="before">The old files, bound without errors.</param>
    /// <param name="after">The new files, bound without errors.</param>
    /// <param name="budget">What the searches may spend, over all instruments; once spent, the rest is "not analysed".</param>
    public static TreatyComparison Compare(TreatyModel before, TreatyModel after, AnalysisBudget budget)
    {
        var replay = new WitnessReplay(before, after);
        var cache = new Dictionary<object, RuleTransitions>();
        var vocabulary = VocabularyDifferences.Of(before.Vocabulary, after.Vocabulary);
        var instruments = new List<InstrumentComparison>();
        var olds = before.Instruments.ToDictionary(i => i.Id);
        foreach (var current in after.Instruments)
        {
            instruments.Add(olds.TryGetValue(current.Id, out var old)
                ? InstrumentComparer.Compare(before, old, after, current, vocabulary.Facts, replay, budget, cache)
                : AddedOrRemoved(after, current, "added", replay, budget));
        }
        var kept = new HashSet<string>(after.Instruments.Select(i => i.Id));
        foreach (var old in before.Instruments.Where(i => !kept.Contains(i.Id))) instruments.Add(AddedOrRemoved(before, old, "removed", replay, budget));
        var table = TableComparer.Compare(before, after, replay, budget);
        return new TreatyComparison(instruments, table, vocabulary.Described);
    }

    /// <summary>An instrument one side lacks: a case it decides on its side, when the search finds one, shows what that changes.</summary>
    private static InstrumentComparison AddedOrRemoved(TreatyModel side, InstrumentModel instrument, string edit, WitnessReplay replay, AnalysisBudget budget)
    {
        var changes = new List<ObservedChange>();
        var notes = new List<string>();
        if (SampleCases.Eligible(side, instrument, budget) is { } witness && replay.Replay(witness) is { } replayed)
        {
            var was = replayed.BeforeOf(instrument.Id) is { } b ? ContractNames.Of(b.Verdict) : "absent";
            var now = replayed.AfterOf(instrument.Id) is { } a ? ContractNames.Of(a.Verdict) : "absent";
            if (was != now) changes.Add(replayed.Observe(instrument.Id, "verdict", was, now, new string[0]));
        }
        notes.Add("the instrument is " + edit + ": every case between the countries it joins may be answered differently; the case shown, if any, is one of them");
        var place = SourcePlace.Of(instrument.Span);
        return new InstrumentComparison(instrument.Id, instrument.Title, ComparisonStatus.AddedOrRemoved, new[] { new EditedRule(instrument.Id, "instrument " + edit, place) }, changes, notes, place);
    }
}

/// <summary>Cases the comparison starts from when it has no rule change to search: an instrument's eligible case.</summary>
internal static class SampleCases
{
    /// <summary>A case eligible under <paramref name="instrument"/> in its latest period, as a witness; null when none is found.</summary>
    public static Witness? Eligible(TreatyModel model, InstrumentModel instrument, AnalysisBudget budget, IReadOnlyList<KeyValuePair<string, object?>>? pair = null)
    {
        var context = InstrumentContext.ForLatestPeriod(model, instrument, budget);
        if (context is null) return null;
        var result = context.Search.Find(context.Eligible());
        if (!result.Found) return null;
        var partial = result.Witness!;
        if (pair is not null) partial = partial.With(pair);
        return context.Witness(partial, context.Rules.ToArray());
    }
}
