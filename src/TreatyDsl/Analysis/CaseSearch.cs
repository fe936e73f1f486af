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
/// the proof. The cases searched are every case file <c>treaty eval</c> accepts: a fact the vocabulary does not expect
/// for the case (<c>expected when</c> false: a full-term date on a life sentence) is still given, since a case file can
/// carry it and the evaluator reads it. Only the question of <see cref="FindUnsettled"/>, which is about case files
/// written as the vocabulary describes them, leaves such facts out.
/// </summary>
internal sealed partial class CaseSearch
{
    /// <summary>Partial cases one search may look at before it gives up and says "not analysed".</summary>
    public const int NodesPerSearch = 20_000;

    private readonly Interpreter interpreter;
    private readonly CaseSpace space;
    private readonly AnalysisBudget budget;
    private readonly RuleOutcomes outcomes;
    private readonly Dictionary<string, RuleModel> expectations = new();
    private readonly System.Func<RuleModel, ISet<string>> factsOf;
    private readonly ValueClasses classes;
    private int nodes;

    // Whether the vocabulary's offences say whether each is served, which eval settles where the facts do (OffenceBeingTransferred).
    private readonly bool settlesService;

    // Set by a node as it returns without a case: why none exists below it (see NoCaseReason), or null when that is not
    // known (it found one, ran out of budget, or its reasons are not tracked). Its caller reads it at once.
    private NoCaseReason? failure;

    // False once the search has met something it could not cover exactly: then finding nothing proves nothing.
    private bool exact;

    // True while FindUnsettled runs: facts the vocabulary does not expect for the case are not given.
    private bool asDescribed;

    /// <param name="interpreter">The judge: the instrument's interpreter.</param>
    /// <param name="space">The representative values of every fact.</param>
    /// <param name="vocabulary">The facts, for what each is expected for.</param>
    /// <param name="factsOf">Every fact a rule can read (countries as <see cref="CaseSpace.PartiesSlot"/>): rules that share none are independent.</param>
    /// <param name="budget">The run's budget, which every search spends and none may overrun.</param>
    /// <param name="costOf">What one evaluation of a rule costs, in evaluations' worth.</param>
    /// <param name="classes">The runs of values each rule cannot tell apart, which a node settled by that rule settles for all.</param>
    public CaseSearch(Interpreter interpreter, CaseSpace space, VocabularyModel vocabulary, System.Func<RuleModel, ISet<string>> factsOf, AnalysisBudget budget, System.Func<RuleModel, int> costOf, ValueClasses classes)
    {
        this.classes = classes;
        this.interpreter = interpreter;
        this.budget = budget;
        outcomes = new RuleOutcomes(interpreter, budget, costOf, factsOf);
        this.space = space;
        this.factsOf = factsOf;
        settlesService = space.SettlesService;
        foreach (var fact in vocabulary.Facts)
        {
            if (fact.ExpectedWhen is null) continue;
            var version = new RuleVersion(EffectivePeriod.Always, string.Empty, string.Empty, fact.ExpectedWhen, default, fact.Span);
            expectations[fact.Path] = new RuleModel(RuleKind.Requirement, "expected " + fact.Path, string.Empty, new[] { version }.ToEquatableArray());
        }
    }

    /// <summary>Whether this search has looked at more partial cases than it may, or the run's budget is spent: then nothing it did not find is proved.</summary>
    private bool OverBudget => nodes > NodesPerSearch || budget.Exhausted;

    /// <summary>Counts one more partial case; false when the search must stop (<see cref="OverBudget"/>).</summary>
    private bool NextNode()
    {
        nodes++;
        return !OverBudget;
    }

    /// <summary>A case for which <paramref name="goal"/> holds, as small as the search can make it; or proof there is none.</summary>
    public SearchResult Find(Goal goal)
    {
        nodes = 0;
        exact = true;
        var found = goal.Literals() is { } literals ? Solve(space.Start, literals) : Search(space.Start, goal);
        if (found is null) return SearchResult.None(exact && !OverBudget, failure?.Rules());
        // The goal is monotone, so the case eval reads (the facts it settles given outright) still meets it.
        return new SearchResult(found, () => Evaluated(Minimize(found, p => AsEvaluated(p) is not null && goal.Evaluate(new Probe(interpreter, p, outcomes), new List<string>()) == Truth.True)));
    }

    /// <summary>
    /// The search for a conjunction of literals, split as it goes: once the literals still open share no fact still to
    /// give, each group is solved on its own and the cases are joined (their facts are disjoint). Two hundred
    /// requirements that share one fact cost one search per value of that fact, then one small search per requirement,
    /// instead of one search over all of them at once.
    /// </summary>
    private PartialCase? Solve(PartialCase partial, IReadOnlyList<Goal> literals)
    {
        failure = null;
        if (!NextNode()) return null;
        var probe = new Probe(interpreter, partial, outcomes);
        var open = new List<Goal>();
        // The facts the open literals miss, each once in the order first missed, and how many literals miss each.
        var missing = new List<string>();
        var sharedBy = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var own = new List<string>();
        for (var i = 0; i < literals.Count; i++)
        {
            var literal = literals[i];
            own.Clear();
            var truth = literal.Evaluate(probe, own);
            if (truth == Truth.False)
            {
                failure = NoCaseReason.AtOnce(FalseLiterals(probe, literals, i));
                return null;
            }
            if (truth == Truth.Unknown)
            {
                open.Add(literal);
                for (var f = 0; f < own.Count; f++)
                {
                    var fact = own[f];
                    if (own.IndexOf(fact, 0, f) >= 0) continue; // a literal misses few facts: counted once each
                    if (sharedBy.TryGetValue(fact, out var n)) sharedBy[fact] = n + 1;
                    else
                    {
                        sharedBy[fact] = 1;
                        missing.Add(fact);
                    }
                }
            }
        }
        if (open.Count == 0)
        {
            // Returned as found: the facts eval settles are stated once the whole case is (Find), since a group's case
            // stating them could clash with another group's case in a join. A case the reader refuses is none, and
            // every case below it has the marks that make it so.
            if (AsEvaluated(partial) is not null) return partial;
            failure = null;
            return null;
        }
        var groups = open.Count > 1 ? Independent(open, partial) : null;
        var refusedJoin = false;
        if (groups is { Count: > 1 })
        {
            var joined = partial;
            // The largest group first: it is the likeliest to fail, and one failure settles the whole node.
            foreach (var group in groups.OrderByDescending(g => g.Count))
            {
                // A group with no case: why is why the whole conjunction has none (set by the group's search).
                if (Solve(partial, group) is not { } part) return null;
                joined = joined.With(part.Values.Where(v => !partial.Has(v.Key)));
            }
            // Groups share no fact, but eval reads the offences' service with the sentence's end: the parts may together
            // make a case file the reader refuses (one marks every offence served, another gives a sentence that runs).
            // Then the groups are searched together below, one fact at a time, each split again once it is given.
            if (AsEvaluated(joined) is not null) return joined;
            refusedJoin = true;
        }
        // The fact most open literals miss first: giving it is what splits the rest into independent groups.
        var next = Choose(probe, missing.OrderByDescending(f => sharedBy[f]).ToList());
        if (next is null)
        {
            // The open literals stay unknown whatever else is given: each alone is why. Unless each group has a case
            // and only their join is refused: then nothing is proved.
            if (refusedJoin) exact = false;
            failure = refusedJoin ? null : NoCaseReason.AtOnce(open.Select(l => l.Rules.First()).ToList());
            return null;
        }
        var why = new NoCaseReason.Builder();
        // An element of a list is given the value that meets the most open literals first: among interchangeable
        // elements, the first values of each field would otherwise be tried for every element before any other.
        var result = EachValue(next, partial, step => Solve(step, open), why, PartialCase.ListOf(next) is null ? null : step => Preference(step, open));
        failure = result is null && !OverBudget ? why.Build() : null;
        return result;
    }

    /// <summary>How many of <paramref name="literals"/> the case meets, or the least there is when it fails one.</summary>
    private int Preference(PartialCase partial, IReadOnlyList<Goal> literals)
    {
        var probe = new Probe(interpreter, partial, outcomes);
        var met = 0;
        var scratch = new List<string>();
        foreach (var literal in literals)
        {
            scratch.Clear();
            var truth = literal.Evaluate(probe, scratch);
            if (truth == Truth.False) return int.MinValue;
            if (truth == Truth.True) met++;
        }
        return met;
    }

    /// <summary>How many rules of <paramref name="group"/> besides <paramref name="rule"/> the case meets, or the least there is when it settles the search's node (the rule met, another failed).</summary>
    private int Preference(PartialCase partial, RuleModel rule, IReadOnlyList<RuleModel> group)
    {
        var probe = new Probe(interpreter, partial, outcomes);
        if (probe.Evaluate(rule).Outcome == Outcome.Met) return int.MinValue;
        var others = probe.Group(group);
        return others.NotMetBesides(rule).Count > 0 ? int.MinValue : others.MetBesides(rule);
    }

    /// <summary>
    /// The rules of the literal at <paramref name="first"/>, false for the probed case, and of every later one false too:
    /// each rules out its own run of values, and the caller can skip the widest (see <see cref="NoCaseReason"/>).
    /// </summary>
    private static List<RuleModel> FalseLiterals(Probe probe, IReadOnlyList<Goal> literals, int first)
    {
        var rules = new List<RuleModel> { literals[first].Rules.First() };
        for (var i = first + 1; i < literals.Count; i++)
        {
            if (literals[i].Evaluate(probe, new List<string>()) == Truth.False) rules.Add(literals[i].Rules.First());
        }
        return rules;
    }

    /// <summary>
    /// Runs <paramref name="node"/> on <paramref name="partial"/> with <paramref name="next"/> given each of its values in
    /// turn, until one finds a case; adds to <paramref name="why"/> why each found none. A value whose node found no case
    /// for reasons that rest on a few rules' outcomes only rules out, with it, every value none of those rules can tell
    /// from it (<see cref="ValueClasses"/>): the nodes below differ only in values those rules read alike, so every case
    /// below them fails the same way.
    /// </summary>
    private PartialCase? EachValue(string next, PartialCase partial, System.Func<PartialCase, PartialCase?> node, NoCaseReason.Builder why,
        System.Func<PartialCase, int>? preference = null)
    {
        if (next == CaseSpace.PartiesSlot)
        {
            foreach (var step in Steps(next, partial))
            {
                if (node(step) is { } found) return found;
                why.Add(failure);
                if (OverBudget) return null;
            }
            return null;
        }
        var values = ValuesToTry(next, partial);
        var reduce = classes.MayReduce(next);
        var order = Enumerable.Range(0, values.Count).ToList();
        if (preference is not null && values.Count > 1)
        {
            // Stable: values the preference ties on keep their order.
            var scores = values.Select(v => preference(partial.With(next, v))).ToList();
            order = order.OrderByDescending(i => scores[i]).ToList();
        }
        var ruledOut = new bool[values.Count];
        foreach (var i in order)
        {
            if (ruledOut[i]) continue;
            var found = node(partial.With(next, values[i]));
            if (found is not null) return found;
            var failed = failure;
            why.Add(failed);
            if (OverBudget) return null;
            ruledOut[i] = true;
            if (failed is null || !reduce) continue;
            var (first, last, rules) = failed.RunAround(classes, next, partial, values, i);
            var any = false;
            for (var j = first; j <= last; j++)
            {
                if (ruledOut[j]) continue;
                ruledOut[j] = true;
                any = true;
            }
            // The values ruled out with it have no case because these rules read them alike: the node's reason says so.
            if (any) why.AddEach(rules);
        }
        return null;
    }

    /// <summary>The literals in groups that share no fact still open (not given; a list stays open while its elements' fields may be given).</summary>
    private List<List<Goal>> Independent(List<Goal> literals, PartialCase partial)
    {
        var parent = Enumerable.Range(0, literals.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owner = new Dictionary<string, int>();
        for (var i = 0; i < literals.Count; i++)
        {
            foreach (var rule in literals[i].Rules)
            {
                foreach (var fact in factsOf(rule))
                {
                    var given = fact == CaseSpace.PartiesSlot ? partial.Has(ContractFacts.SentencingCountry) : partial.Has(fact) && partial.Values[fact] is not ListLength;
                    if (given) continue;
                    if (owner.TryGetValue(fact, out var other)) parent[Find(i)] = Find(other);
                    else owner[fact] = i;
                }
            }
        }
        return Enumerable.Range(0, literals.Count).GroupBy(Find).Select(g => g.Select(i => literals[i]).ToList()).ToList();
    }

    /// <summary>
    /// A case, partial or not, for which <paramref name="holds"/> is true, where <paramref name="rule"/> is not met and no
    /// other rule of <paramref name="group"/> (the rule's component, which holds it) fails. Such questions ("removing the rule changes a verdict", "the rule stays
    /// unknown") are not monotone, so every fact the search meets may also be left unknown on purpose; the search still
    /// stops where the rule is met or another rule fails, which no further fact undoes. With <paramref name="branchOthers"/>
    /// false it gives only the facts the rule itself misses; with <paramref name="branchRule"/> false, only the facts the
    /// other rules miss. A fact is left unknown on purpose only when <paramref name="withholdable"/> says so (a null set:
    /// never, "however complete its case file"). Where nothing more can be given and <paramref name="holds"/> is false,
    /// <paramref name="whyNot"/> names the rules each of which alone makes it false there (null: not known), which lets the
    /// search skip the values none of them can tell apart (<see cref="NoCaseReason"/>).
    /// </summary>
    public SearchResult FindWhere(RuleModel rule, IReadOnlyList<RuleModel> group, System.Func<Probe, bool> holds, System.Func<Probe, List<RuleModel>>? whyNot, bool branchRule, bool branchOthers, ISet<string>? withholdable)
    {
        nodes = 0;
        exact = true;
        var found = Where(space.Start, rule, group, holds, whyNot, branchRule, branchOthers, withholdable);
        if (found is null) return SearchResult.None(exact && !OverBudget, failure?.Rules());
        // Dropping a fact never makes a rule fail (an outcome only becomes unknown), so a smaller case still has no other
        // rule failing and only the rule and the question need asking again; taking out a list element can (an 'any'
        // loses its element), so that asks everything.
        return new SearchResult(found, () => Evaluated(Minimize(found,
            p => AsEvaluated(p) is { } evaluated && Qualifies(new Probe(interpreter, evaluated, outcomes), rule, group, holds),
            p => AsEvaluated(p) is { } evaluated && new Probe(interpreter, evaluated, outcomes) is var probe && probe.Evaluate(rule).Outcome != Outcome.Met && holds(probe))));
    }

    /// <summary>A case in which <paramref name="rule"/> stays unknown for want of facts the case file cannot carry though it gives every other fact the rule reads, and no other rule fails.</summary>
    public SearchResult FindUnsettled(RuleModel rule, IReadOnlyList<RuleModel> group)
    {
        // Only a fact with an 'expected when' can be absent by construction: a rule that reads none cannot stay unknown so.
        if (!factsOf(rule).Any(expectations.ContainsKey)) return SearchResult.None(exhaustive: true);
        asDescribed = true;
        try
        {
            return FindWhere(rule, group, probe =>
            {
                var result = probe.Evaluate(rule);
                return result.Outcome == Outcome.Unknown && Unexpected(probe, result.MissingFacts).Count > 0 && Choose(probe, result.MissingFacts) is null;
            }, whyNot: null, branchRule: true, branchOthers: false, withholdable: null);
        }
        finally
        {
            asDescribed = false;
        }
    }

    /// <summary>The facts of the probed case that the vocabulary does not expect for it (its <c>expected when</c> is false).</summary>
    public IReadOnlyList<string> Unexpected(Probe probe, IEnumerable<string> paths) =>
        paths.Where(p => expectations.TryGetValue(p, out var rule) && probe.Evaluate(rule).Outcome == Outcome.NotMet).ToList();

    private PartialCase? Search(PartialCase partial, Goal goal)
    {
        if (!NextNode()) return null;
        var probe = new Probe(interpreter, partial, outcomes);
        var missing = new List<string>();
        var truth = goal.Evaluate(probe, missing);
        if (truth == Truth.True) return AsEvaluated(partial) is null ? null : partial; // null: every case below is one the reader refuses
        if (truth == Truth.False) return null;
        var next = Choose(probe, missing);
        if (next is null) return null;
        foreach (var step in Steps(next, partial))
        {
            if (Search(step, goal) is { } found) return found;
            if (OverBudget) return null;
        }
        return null;
    }

    private PartialCase? Where(PartialCase partial, RuleModel rule, IReadOnlyList<RuleModel> group, System.Func<Probe, bool> holds,
        System.Func<Probe, List<RuleModel>>? whyNot, bool branchRule, bool branchOthers, ISet<string>? withholdable)
    {
        failure = null;
        if (!NextNode()) return null;
        var probe = new Probe(interpreter, partial, outcomes);
        var result = probe.Evaluate(rule);
        if (result.Outcome == Outcome.Met)
        {
            // Settled by the rule itself, whose run is its own constants': the group is not asked.
            failure = NoCaseReason.AtOnce(new[] { rule });
            return null;
        }
        // Every other rule that fails is named, not only the first: each rules out its own run of values.
        var groupOutcomes = probe.Group(group);
        var settlers = groupOutcomes.NotMetBesides(rule);
        if (settlers.Count > 0)
        {
            failure = NoCaseReason.AtOnce(settlers);
            return null;
        }
        // A case eval reads otherwise (it settles an offence's service, or refuses the case file) is asked again as
        // eval reads it; when that one does not qualify, the cases below may. Why this one does not is then eval's
        // reading, not the rules': no reason is given, so no sibling value is ruled out with it.
        var rejected = false;
        if (holds(probe))
        {
            if (AsEvaluated(partial) is { } evaluated
                && (ReferenceEquals(evaluated, partial) || Qualifies(new Probe(interpreter, evaluated, outcomes), rule, group, holds)))
            {
                return evaluated;
            }
            rejected = true;
        }
        var missing = new List<string>();
        if (branchOthers) missing.AddRange(groupOutcomes.MissedBesides(rule));
        if (branchRule) missing.AddRange(result.MissingFacts);
        var next = Choose(probe, missing);
        if (next is null)
        {
            // Nothing more can be given: the case stays as it is, and holds no more below than here. Which facts the
            // vocabulary expects (what FindUnsettled asks about) is read by rules not tracked here.
            failure = whyNot is null || asDescribed || rejected ? null : NoCaseReason.AtOnce(whyNot(probe));
            return null;
        }
        // Every case file below is reached by giving each fact met on the way a value, or leaving it out: whichever
        // fact is given first, a node has no case for the reasons its children have none.
        var why = new NoCaseReason.Builder();
        var found = EachValue(next, partial, step => Where(step, rule, group, holds, whyNot, branchRule, branchOthers, withholdable), why,
            PartialCase.ListOf(next) is null ? null : step => Preference(step, rule, group));
        if (found is not null || OverBudget) return found;
        var mayWithhold = withholdable is not null && next != CaseSpace.PartiesSlot
            && (withholdable.Contains(next) || (PartialCase.ListOf(next) is { } list && withholdable.Contains(list)));
        if (mayWithhold && Where(partial.With(next, Withheld.Value), rule, group, holds, whyNot, branchRule, branchOthers, withholdable) is { } unknown)
        {
            return unknown;
        }
        why.Add(failure);
        failure = OverBudget || rejected ? null : why.Build();
        return null;
    }

    private static bool Qualifies(Probe probe, RuleModel rule, IReadOnlyList<RuleModel> group, System.Func<Probe, bool> holds) =>
        probe.Evaluate(rule).Outcome != Outcome.Met && probe.Group(group).NotMetBesides(rule).Count == 0 && holds(probe);

    /// <summary>The next fact to give (or <see cref="CaseSpace.PartiesSlot"/>), or null when none of the missing ones can be given.</summary>
    private string? Choose(Probe probe, IEnumerable<string> missing) => Choose(probe, missing, new HashSet<string>());

    /// <summary>
    /// <see cref="Choose(Probe, IEnumerable{string})"/>, following a fact to what must be given before it (what its
    /// expectation reads, the start of the period it ends) at most once per fact: expectations and periods may be
    /// written in a circle (<c>a expected when b</c>, <c>b expected when a</c>), which binds, and must not recurse forever.
    /// </summary>
    private string? Choose(Probe probe, IEnumerable<string> missing, HashSet<string> followed)
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
            if (asDescribed && expectations.TryGetValue(path, out var expectation))
            {
                var expected = probe.Evaluate(expectation);
                if (expected.Outcome == Outcome.NotMet) continue; // absent by construction
                if (expected.Outcome == Outcome.Unknown)
                {
                    if (Follow(path, followed) && Choose(probe, expected.MissingFacts, followed) is { } first) return first;
                    continue;
                }
            }
            if (space.PeriodStartOf(path) is { } start && !probe.Partial.Has(start))
            {
                if (Follow(path, followed) && Choose(probe, new[] { start }, followed) is { } first) return first;
                continue;
            }
            return path;
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is met for the first time on this walk; the second time, the walk has gone round
    /// a circle and the fact cannot be given, so nothing this search proves about the branch is a proof.
    /// </summary>
    private bool Follow(string path, HashSet<string> followed)
    {
        if (followed.Add(path)) return true;
        exact = false;
        return false;
    }

    /// <summary>The partial cases one step below: the fact given each of its representative values.</summary>
    private IEnumerable<PartialCase> Steps(string next, PartialCase partial)
    {
        if (next == CaseSpace.PartiesSlot)
        {
            foreach (var choice in space.PartyChoices) yield return partial.With(choice);
            yield break;
        }
        foreach (var value in ValuesToTry(next, partial)) yield return partial.With(next, value);
    }

    /// <summary>The representative values of a fact to try; a fact whose values do not cover every class makes the search inexact.</summary>
    private IReadOnlyList<object?> ValuesToTry(string next, PartialCase partial)
    {
        if (!space.IsExact(next, partial)) exact = false;
        var values = space.ValuesOf(next, partial);
        if (values.Count == 0) exact = false;
        return values;
    }

    /// <summary>A minimized witness as eval reads it (the minimizing kept only cases eval reads as given or settles).</summary>
    private PartialCase Evaluated(PartialCase witness) => AsEvaluated(witness) ?? witness;

    /// <summary>
    /// <see cref="PartialCase.AsEvaluated"/> where the vocabulary's offences have a service to settle; the case itself
    /// where they have not (eval's step then sets a field no rule can read).
    /// </summary>
    public PartialCase? AsEvaluated(PartialCase partial) => settlesService ? partial.AsEvaluated() : partial;

    /// <summary>Drops every fact the finding does not need, one at a time, keeping the countries and the date a case file needs.</summary>
    /// <param name="witness">The case found.</param>
    /// <param name="stillHolds">Whether a smaller case still shows the finding.</param>
    /// <param name="stillHoldsWithoutFact">The same for a case with a fact dropped, when less need be asked of it.</param>
    private PartialCase Minimize(PartialCase witness, System.Func<PartialCase, bool> stillHolds, System.Func<PartialCase, bool>? stillHoldsWithoutFact = null)
    {
        var keys = witness.Values.Keys
            .Where(k => k != ContractFacts.ApplicationDate && !CaseSpace.IsPartyFact(k))
            .OrderByDescending(k => k.Length) // fields of list elements before their lists
            .ToList();
        foreach (var key in keys)
        {
            if (!witness.Has(key)) continue;
            var smaller = witness.Without(key);
            if ((stillHoldsWithoutFact ?? stillHolds)(smaller)) witness = smaller;
        }
        // A list the search gave its longest length to keeps only the elements the finding needs.
        foreach (var list in witness.Values.Where(v => v.Value is ListLength).Select(v => v.Key).ToList())
        {
            for (var index = ((ListLength)witness.Values[list]!).Count - 1; index >= 0; index--)
            {
                var fewer = witness.WithoutElement(list, index);
                if (fewer.Values[list] is ListLength { Count: > 0 } || !(space.Fact(list)?.NonEmpty ?? false))
                {
                    if (stillHolds(fewer)) witness = fewer;
                }
            }
        }
        return witness;
    }
}

/// <summary>
/// What a search found: a witness, or none, and whether "none" is a proof. The witness is made as small as it can be
/// only when asked for: most searches only need to know that a case exists.
/// </summary>
internal sealed class SearchResult
{
    private readonly System.Lazy<PartialCase>? witness;

    public SearchResult(PartialCase found, System.Func<PartialCase> minimize)
    {
        witness = new System.Lazy<PartialCase>(minimize);
        Exhaustive = true;
        SettledBy = System.Array.Empty<RuleModel>();
    }

    private SearchResult(bool exhaustive, IReadOnlyList<RuleModel>? settledBy)
    {
        Exhaustive = exhaustive;
        SettledBy = settledBy ?? System.Array.Empty<RuleModel>();
    }

    /// <param name="exhaustive">Whether the search covered every class of values.</param>
    /// <param name="settledBy">The rules whose outcomes settled the search's cases (see <see cref="SettledBy"/>).</param>
    public static SearchResult None(bool exhaustive, IReadOnlyList<RuleModel>? settledBy = null) => new(exhaustive, settledBy);

    /// <summary>
    /// When no case was found, the rules whose outcomes settled the cases searched (a literal false, a rule met where it
    /// must not be), in the order first met; empty when not known. The likeliest to explain the result alone: a check
    /// that looks for one rule that does (a requirement that subsumes another, one that blocks an allowance) asks them first.
    /// </summary>
    public IReadOnlyList<RuleModel> SettledBy { get; }

    /// <summary>The witness, with every fact it does not need dropped; null when none was found.</summary>
    public PartialCase? Witness => witness?.Value;

    /// <summary>Whether the search covered every class of values (always true when a witness was found).</summary>
    public bool Exhaustive { get; }

    public bool Found => witness is not null;

    /// <summary>No case exists, and the search covered every class of values: a proof.</summary>
    public bool ProvedNone => witness is null && Exhaustive;
}
