using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Interpretation;
using TreatyDsl.Syntax;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// The decision procedure: a depth-first search over partial cases, with the interpreter as the judge. A case starts
/// with every fact unknown; while the goal is unknown, the search gives one of the facts the interpreter reported
/// missing each of its representative values (<see cref="CaseSpace"/>). Because the goal is monotone (a definite
/// answer survives any further fact), it stops a branch as soon as the goal is true (a witness) or false (nothing
/// below can be one). When every branch has stopped and every value tried covered its class, no case exists: that is
/// the proof. A fact the vocabulary does not expect for the case so far (<c>expected when</c>) is never given: a case
/// file cannot carry it.
/// </summary>
internal sealed class CaseSearch
{
    /// <summary>Partial cases one search may look at before it gives up and says "not analysed".</summary>
    public const int Budget = 20_000;

    private readonly Interpreter interpreter;
    private readonly CaseSpace space;
    private readonly Dictionary<string, RuleModel> expectations = new();
    private int nodes;
    private bool exact;

    public CaseSearch(Interpreter interpreter, CaseSpace space, VocabularyModel vocabulary)
    {
        this.interpreter = interpreter;
        this.space = space;
        foreach (var fact in vocabulary.Facts)
        {
            if (fact.ExpectedWhen is null) continue;
            var version = new RuleVersion(EffectivePeriod.Always, string.Empty, string.Empty, fact.ExpectedWhen, default, fact.Span);
            expectations[fact.Path] = new RuleModel(RuleKind.Requirement, "expected " + fact.Path, string.Empty, new[] { version }.ToEquatableArray());
        }
    }

    /// <summary>A case for which <paramref name="goal"/> holds, as small as the search can make it; or proof there is none.</summary>
    public SearchResult Find(Goal goal)
    {
        nodes = 0;
        exact = true;
        var found = Search(space.Start, goal);
        if (found is null) return new SearchResult(null, exact && nodes <= Budget);
        return new SearchResult(Minimize(found, p => goal.Evaluate(new Probe(interpreter, p), new List<string>()) == Truth.True), true);
    }

    /// <summary>
    /// A case, partial or not, for which <paramref name="holds"/> is true, where <paramref name="rule"/> is not met and no
    /// rule of <paramref name="others"/> fails. Such questions ("removing the rule changes a verdict", "the rule stays
    /// unknown") are not monotone, so every fact the search meets may also be left unknown on purpose; the search still
    /// stops where the rule is met or another rule fails, which no further fact undoes. With <paramref name="branchOthers"/>
    /// false it gives only the facts the rule itself misses; with <paramref name="branchRule"/> false, only the facts the
    /// other rules miss. A fact is left unknown on purpose only when <paramref name="withholdable"/> says so (a null set:
    /// never, "however complete its case file").
    /// </summary>
    public SearchResult FindWhere(RuleModel rule, IReadOnlyList<RuleModel> others, System.Func<Probe, bool> holds, bool branchRule, bool branchOthers, ISet<string>? withholdable)
    {
        nodes = 0;
        exact = true;
        var found = Where(space.Start, rule, others, holds, branchRule, branchOthers, withholdable);
        if (found is null) return new SearchResult(null, exact && nodes <= Budget);
        return new SearchResult(Minimize(found, p => Qualifies(new Probe(interpreter, p), rule, others, holds)), true);
    }

    /// <summary>A case in which <paramref name="rule"/> stays unknown for want of facts the case file cannot carry though it gives every other fact the rule reads, and no other rule fails.</summary>
    public SearchResult FindUnsettled(RuleModel rule, IReadOnlyList<RuleModel> others) =>
        FindWhere(rule, others, probe =>
        {
            var result = probe.Evaluate(rule);
            return result.Outcome == Outcome.Unknown && Unexpected(probe, result.MissingFacts).Count > 0 && Choose(probe, result.MissingFacts) is null;
        }, branchRule: true, branchOthers: false, withholdable: null);

    /// <summary>The facts of the probed case that the vocabulary does not expect for it (its <c>expected when</c> is false).</summary>
    public IReadOnlyList<string> Unexpected(Probe probe, IEnumerable<string> paths) =>
        paths.Where(p => expectations.TryGetValue(p, out var rule) && probe.Evaluate(rule).Outcome == Outcome.NotMet).ToList();

    private PartialCase? Search(PartialCase partial, Goal goal)
    {
        if (++nodes > Budget) return null;
        var probe = new Probe(interpreter, partial);
        var missing = new List<string>();
        var truth = goal.Evaluate(probe, missing);
        if (truth == Truth.True) return partial;
        if (truth == Truth.False) return null;
        var next = Choose(probe, missing);
        if (next is null) return null;
        foreach (var step in Steps(next, partial))
        {
            if (Search(step, goal) is { } found) return found;
            if (nodes > Budget) return null;
        }
        return null;
    }

    private PartialCase? Where(PartialCase partial, RuleModel rule, IReadOnlyList<RuleModel> others, System.Func<Probe, bool> holds,
        bool branchRule, bool branchOthers, ISet<string>? withholdable)
    {
        if (++nodes > Budget) return null;
        var probe = new Probe(interpreter, partial);
        var result = probe.Evaluate(rule);
        if (result.Outcome == Outcome.Met) return null;
        var missing = new List<string>();
        foreach (var other in others)
        {
            var r = probe.Evaluate(other);
            if (r.Outcome == Outcome.NotMet) return null;
            if (branchOthers && r.Outcome == Outcome.Unknown) missing.AddRange(r.MissingFacts);
        }
        if (holds(probe)) return partial;
        if (branchRule) missing.AddRange(result.MissingFacts);
        var next = Choose(probe, missing);
        if (next is null) return null;
        foreach (var step in Steps(next, partial))
        {
            if (Where(step, rule, others, holds, branchRule, branchOthers, withholdable) is { } found) return found;
            if (nodes > Budget) return null;
        }
        var mayWithhold = withholdable is not null && next != CaseSpace.PartiesSlot
            && (withholdable.Contains(next) || (PartialCase.ListOf(next) is { } list && withholdable.Contains(list)));
        if (mayWithhold && Where(partial.With(next, Withheld.Value), rule, others, holds, branchRule, branchOthers, withholdable) is { } unknown)
        {
            return unknown;
        }
        return null;
    }

    private bool Qualifies(Probe probe, RuleModel rule, IReadOnlyList<RuleModel> others, System.Func<Probe, bool> holds) =>
        probe.Evaluate(rule).Outcome != Outcome.Met && others.All(o => probe.Evaluate(o).Outcome != Outcome.NotMet) && holds(probe);

    /// <summary>The next fact to give (or <see cref="CaseSpace.PartiesSlot"/>), or null when none of the missing ones can be given.</summary>
    private string? Choose(Probe probe, IEnumerable<string> missing)
    {
        foreach (var path in missing)
        {
            if (CaseSpace.IsPartyFact(path))
            {
                if (!probe.Partial.Has(path)) return CaseSpace.PartiesSlot;
                continue;
            }
            if (probe.Partial.Has(path)) continue;
            if (PartialCase.ListOf(path) is not null) return path;
            if (space.Fact(path) is null)
            {
                exact = false; // a missing fact the analysis cannot give: whatever it proves about this branch is not a proof
                continue;
            }
            if (expectations.TryGetValue(path, out var expectation))
            {
                var expected = probe.Evaluate(expectation);
                if (expected.Outcome == Outcome.NotMet) continue; // absent by construction
                if (expected.Outcome == Outcome.Unknown)
                {
                    if (Choose(probe, expected.MissingFacts) is { } first) return first;
                    continue;
                }
            }
            if (space.PeriodStartOf(path) is { } start && !probe.Partial.Has(start))
            {
                if (Choose(probe, new[] { start }) is { } first) return first;
                continue;
            }
            return path;
        }
        return null;
    }

    /// <summary>The partial cases one step below: the fact given each of its representative values.</summary>
    private IEnumerable<PartialCase> Steps(string next, PartialCase partial)
    {
        if (next == CaseSpace.PartiesSlot)
        {
            foreach (var choice in space.PartyChoices) yield return partial.With(choice);
            yield break;
        }
        if (!space.IsExact(next, partial)) exact = false;
        var values = space.ValuesOf(next, partial);
        if (values.Count == 0) exact = false;
        foreach (var value in values) yield return partial.With(next, value);
    }

    /// <summary>Drops every fact the finding does not need, one at a time, keeping the countries and the date a case file needs.</summary>
    private static PartialCase Minimize(PartialCase witness, System.Func<PartialCase, bool> stillHolds)
    {
        var keys = witness.Values.Keys
            .Where(k => k != ContractFacts.ApplicationDate && !CaseSpace.IsPartyFact(k))
            .OrderByDescending(k => k.Length) // fields of list elements before their lists
            .ToList();
        foreach (var key in keys)
        {
            if (!witness.Has(key)) continue;
            var smaller = witness.Without(key);
            if (stillHolds(smaller)) witness = smaller;
        }
        return witness;
    }
}

/// <summary>What a search found: a witness, or none; <see cref="Exhaustive"/> says whether "none" is a proof.</summary>
internal sealed record SearchResult(PartialCase? Witness, bool Exhaustive)
{
    public bool Found => Witness is not null;

    /// <summary>No case exists, and the search covered every class of values: a proof.</summary>
    public bool ProvedNone => Witness is null && Exhaustive;
}
