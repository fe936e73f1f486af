using System.Collections.Generic;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// One of two three-valued readings of a case a pair search looks for, with the value wanted: "the old rules' verdict
/// is eligible", "the new one is unknown". <see cref="Read"/> gives the reading for a probed case and, when it is
/// unknown, adds the facts that could settle it.
/// </summary>
internal readonly record struct Reading(System.Func<Probe, List<string>, Truth> Read, Truth Wanted);

internal sealed partial class CaseSearch
{
    /// <summary>The case every search starts from (<see cref="CaseSpace.Start"/>).</summary>
    public PartialCase Start() => space.Start;

    /// <summary>
    /// A case file for which <paramref name="left"/> and <paramref name="right"/> both read as wanted, or proof there is
    /// none. A definite reading is monotone (it survives any further fact), an unknown one is not: a case wanted unknown
    /// on one side is one where the facts that side would need are left out. So the search gives only facts a side wanted
    /// definite misses, each of its representative values and, when a side is wanted unknown, also left out on purpose;
    /// a case where a side wanted unknown reads unknown keeps doing so with fewer facts, so every case file that shows
    /// the pair has one among those searched (see docs/analysis.md, "Comparing two versions").
    /// </summary>
    public SearchResult FindPair(Reading left, Reading right) => FindPair(left, right, space.Start, mayProve: true);

    /// <summary>
    /// <see cref="FindPair(Reading, Reading)"/> among the cases that extend <paramref name="start"/> (a case found for
    /// part of the question): a quick way to a witness. Finding none there proves nothing about the others, so the
    /// result is never a proof unless <paramref name="start"/> is where every search starts.
    /// </summary>
    public SearchResult FindPairFrom(Reading left, Reading right, PartialCase start) => FindPair(left, right, start, mayProve: false);

    private SearchResult FindPair(Reading left, Reading right, PartialCase start, bool mayProve)
    {
        nodes = 0;
        exact = true;
        failure = null;
        var withhold = left.Wanted == Truth.Unknown || right.Wanted == Truth.Unknown;
        var found = Pair(start, left, right, withhold);
        if (found is null) return SearchResult.None(mayProve && exact && !OverBudget);
        return new SearchResult(found, () => Evaluated(Minimize(found, p => AsEvaluated(p) is { } evaluated && Shows(new Probe(interpreter, evaluated, outcomes), left, right))));
    }

    private static bool Shows(Probe probe, Reading left, Reading right) =>
        left.Read(probe, new List<string>()) == left.Wanted && right.Read(probe, new List<string>()) == right.Wanted;

    private PartialCase? Pair(PartialCase partial, Reading left, Reading right, bool withhold)
    {
        if (!NextNode()) return null;
        var probe = new Probe(interpreter, partial, outcomes);
        var leftMissing = new List<string>();
        var leftTruth = left.Read(probe, leftMissing);
        // A definite reading stays as it is below: one that is not wanted settles the whole branch.
        if (leftTruth != Truth.Unknown && leftTruth != left.Wanted) return null;
        var rightMissing = new List<string>();
        var rightTruth = right.Read(probe, rightMissing);
        if (rightTruth != Truth.Unknown && rightTruth != right.Wanted) return null;
        var hit = leftTruth == left.Wanted && rightTruth == right.Wanted;
        // Every case file names its two countries: a case that shows the pair only while they are not given is none, so
        // the countries are given before a case is taken (each pair the table sends to the instrument in turn).
        var countriesGiven = partial.Has(ContractFacts.SentencingCountry);
        if (hit && countriesGiven)
        {
            // A case eval reads otherwise (it settles an offence's service, or refuses the file) is asked again as eval
            // reads it; when that one does not show the pair, the cases below may.
            if (AsEvaluated(partial) is { } evaluated && (ReferenceEquals(evaluated, partial) || Shows(new Probe(interpreter, evaluated, outcomes), left, right)))
            {
                return evaluated;
            }
        }
        var missing = new List<string>();
        if (leftTruth == Truth.Unknown && left.Wanted != Truth.Unknown) missing.AddRange(leftMissing);
        if (rightTruth == Truth.Unknown && right.Wanted != Truth.Unknown) missing.AddRange(rightMissing);
        var next = hit && !countriesGiven ? CaseSpace.PartiesSlot : Choose(probe, missing);
        if (next is null) return null;
        foreach (var step in Steps(next, partial))
        {
            if (Pair(step, left, right, withhold) is { } found) return found;
            if (OverBudget) return null;
        }
        return withhold && next != CaseSpace.PartiesSlot ? Pair(partial.With(next, Withheld.Value), left, right, withhold) : null;
    }
}
