using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;

namespace TreatyDsl.Comparison;

/// <summary>
/// Compares one instrument present on both sides: for every period of application dates and every kind of change
/// (eligible to ineligible, unknown to eligible, a review raised, ...), a case that shows it, replayed through eval, or
/// proof that none exists; "not analysed" where the analysis cannot decide. Only the rules an edit reaches are searched:
/// the rest of the instrument shares no fact with them, and only decides whether their change shows in the verdict.
/// </summary>
internal sealed class InstrumentComparer
{
    private static readonly Truth[] Values = { Truth.True, Truth.False, Truth.Unknown };

    private readonly MergedInstrument merged;
    private readonly TreatyModel after;
    private readonly WitnessReplay replay;
    private readonly AnalysisBudget budget;
    private readonly List<ObservedChange> changes = new();
    private readonly List<string> notAnalysed = new();
    private readonly HashSet<string> kindsSeen = new(System.StringComparer.Ordinal);
    private readonly Dictionary<object, RuleTransitions> cache;

    private InstrumentComparer(MergedInstrument merged, TreatyModel after, WitnessReplay replay, AnalysisBudget budget, Dictionary<object, RuleTransitions> cache)
    {
        this.cache = cache;
        this.merged = merged;
        this.after = after;
        this.replay = replay;
        this.budget = budget;
    }

    /// <param name="before">The old files' model.</param>
    /// <param name="old">The instrument as the old files have it.</param>
    /// <param name="after">The new files' model.</param>
    /// <param name="current">The instrument as the new files have it.</param>
    /// <param name="differing">The facts whose definition differs between the two vocabularies.</param>
    /// <param name="replay">Plays each case found through eval on both sides.</param>
    /// <param name="budget">What the searches may spend.</param>
    /// <param name="cache">What each changed rule alone can do, by its meanings and period: shared by every instrument of a comparison.</param>
    public static InstrumentComparison Compare(TreatyModel before, InstrumentModel old, TreatyModel after, InstrumentModel current, ISet<string> differing, WitnessReplay replay, AnalysisBudget budget,
        Dictionary<object, RuleTransitions> cache)
    {
        var merged = MergedInstrument.Of(before, old, after, current, differing);
        var edits = merged.Rules.Concat(merged.Reviews).Where(r => r.Changed)
            .SelectMany(r => r.Differences.Select(d => new EditedRule(r.Id, d.What, SourcePlace.Of(d.Span)))).ToList();
        var place = SourcePlace.Of(current.Span);
        // The header decides which cases reach the instrument at all (the in-force requirement): a change there is listed,
        // and the cases it moves are not searched.
        var header = HeaderChanges(old, current);
        edits.AddRange(header.Select(h => new EditedRule(current.Id, h, place)));
        var headerNote = header.Count == 0 ? new string[0]
            : new[] { "the instrument's " + string.Join(" and ", header) + ": which cases reach it changes, and those cases are not analysed" };
        // A fact the rules read that is defined otherwise may be read otherwise, even by rules written alike: not analysed.
        if (merged.ChangedFacts.Count > 0)
        {
            return new InstrumentComparison(current.Id, current.Title, ComparisonStatus.NotAnalysed, edits, new ObservedChange[0],
                new[] { "the vocabulary's definition of " + string.Join(", ", merged.ChangedFacts) + " changed, and the instrument's rules read it: comparing rules over different facts is outside the analysis" }.Concat(headerNote).ToArray(), place);
        }
        if (!merged.Changed)
        {
            return new InstrumentComparison(current.Id, current.Title, header.Count == 0 ? ComparisonStatus.Unchanged : ComparisonStatus.NotAnalysed, edits, new ObservedChange[0], headerNote, place);
        }
        var comparer = new InstrumentComparer(merged, after, replay, budget, cache);
        comparer.notAnalysed.AddRange(headerNote);
        comparer.Run();
        var status = comparer.changes.Count > 0 ? ComparisonStatus.Changes
            : comparer.notAnalysed.Count > 0 ? ComparisonStatus.NotAnalysed
            : ComparisonStatus.ProvedSame;
        // The verdict's changes first, then the reviews', then the rules' own: what a caseworker sees first comes first.
        var ordered = comparer.changes.OrderBy(c => c.Subject == "verdict" ? 0 : c.Subject.StartsWith("review ", System.StringComparison.Ordinal) ? 1 : 2).ToList();
        return new InstrumentComparison(current.Id, current.Title, status, edits, ordered, comparer.notAnalysed, place);
    }

    /// <summary>What differs in the instrument's header, in words: its date of entry into force, its parties.</summary>
    private static List<string> HeaderChanges(InstrumentModel old, InstrumentModel current)
    {
        var changes = new List<string>();
        if (!Equals(old.InForce, current.InForce)) changes.Add($"entry into force changed from {old.InForce?.ToString() ?? "none"} to {current.InForce?.ToString() ?? "none"}");
        if (!old.Parties.Equals(current.Parties)) changes.Add($"parties changed from {string.Join(", ", old.Parties)} to {string.Join(", ", current.Parties)}");
        return changes;
    }

    private void Run()
    {
        var atoms = Atoms.Collect(after.Vocabulary, merged.Model);
        var named = new HashSet<object>(atoms.Constants.Values.SelectMany(c => c));
        var periods = AnalysisPeriods.Of(merged.Model, after.Countries, named);
        if (periods.Count == 0)
        {
            notAnalysed.Add("no pair of countries reaches the instrument in the new country table");
            return;
        }
        foreach (var period in periods)
        {
            var context = new InstrumentContext(after.Vocabulary, merged.Model, period, atoms, budget);
            // First each changed rule on its own, over its own facts (small searches): how its outcome can change.
            var transitions = new Dictionary<RulePair, RuleTransitions>();
            foreach (var pair in merged.Rules.Concat(merged.Reviews).Where(r => r.Changed)) transitions[pair] = RuleLevel(context, pair);
            CompareVerdicts(context, transitions);
        }
    }

    /// <summary>
    /// The changes of one rule's outcome: each found with its case (reported as a change of the rule), or proved
    /// impossible. Asked once per rule and period for every instrument that has the same rule (<see cref="RulePair.Meanings"/>).
    /// </summary>
    private RuleTransitions RuleLevel(InstrumentContext context, RulePair pair)
    {
        var subject = (pair.Kind == RuleKind.Review ? "review " : "rule ") + pair.Id;
        var readsCountries = Copies(pair).Any(r => context.FactsOf(r).Contains(CaseSpace.PartiesSlot));
        object? key = pair.Meanings is null ? null
            : (pair.Meanings, context.Period.Date, readsCountries ? string.Join(";", context.Period.Parties.Select(p => string.Join(",", p.Select(f => f.Value)))) : string.Empty);
        if (key is null || !cache.TryGetValue(key, out var transitions))
        {
            transitions = SearchRuleLevel(Narrowed(context, Copies(pair)), pair, subject);
            if (key is not null) cache[key] = transitions;
        }
        foreach (var change in transitions.Found) Report(context, change.Value, subject, change.Key.Was, change.Key.Now, new[] { pair.Id }, Copies(pair));
        foreach (var note in transitions.Undecided) notAnalysed.Add(Describe(context.Period) + ": " + note);
        return transitions;
    }

    private RuleTransitions SearchRuleLevel(InstrumentContext context, RulePair pair, string subject)
    {
        var found = new Dictionary<(Truth, Truth), PartialCase>();
        var undecided = new List<string>();
        foreach (var was in Values)
        {
            foreach (var now in Values)
            {
                if (was == now) continue;
                var result = context.Search.FindPair(Outcome(pair.Old, was), Outcome(pair.New, now));
                if (result.Found) found[(was, now)] = result.Witness!;
                else if (!result.ProvedNone || !Copies(pair).All(context.InFragment))
                {
                    undecided.Add("whether " + subject + " can go from " + OutcomeName(was) + " to " + OutcomeName(now) + " was not decided");
                }
            }
        }
        return new RuleTransitions(found, undecided);
    }

    /// <summary>Every change of the instrument's verdict in the period.</summary>
    /// <param name="context">The period's search over the whole instrument (for which facts each rule reads).</param>
    /// <param name="transitions">What each changed rule alone can do.</param>
    private void CompareVerdicts(InstrumentContext context, Dictionary<RulePair, RuleTransitions> transitions)
    {
        // A rule proved to decide every case alike on both sides counts as unchanged: its new copy stands for both.
        var changed = merged.Rules.Where(r => r.Changed && !(transitions[r].Decided && transitions[r].Found.Count == 0)).ToList();
        if (changed.Count == 0) return;
        var oldSide = merged.Rules.Where(r => r.Old is not null).Select(r => changed.Contains(r) ? r.Old! : r.New ?? r.Old!).ToList();
        var newSide = merged.Rules.Where(r => r.New is not null).Select(r => r.New!).ToList();
        var changedCopies = new HashSet<RuleModel>(changed.SelectMany(Copies), ReferenceEqualityComparer<RuleModel>.Instance);
        // The rules that share a fact, however indirectly, with a changed one decide what the change does; the others
        // (the same on both sides) only hide it when one of them fails, and let it through when all are met.
        var touched = Touched(context, oldSide.Union(newSide, ReferenceEqualityComparer<RuleModel>.Instance).ToList(), changedCopies);
        var rest = newSide.Where(r => !touched.Contains(r)).ToList();
        var restMet = rest.Count == 0 ? Found(context.Search.Start()) : RestMet(Narrowed(context, rest), rest);
        if (restMet.Undecided) notAnalysed.Add(Describe(context.Period) + ": whether the instrument's other rules can all be met was not decided, so a change may be hidden");
        // The countries are given with every case, so rules of the rest that read them are settled with the touched ones'.
        var touchedReadsCountries = touched.Any(r => context.FactsOf(r).Contains(CaseSpace.PartiesSlot));
        var parties = context.Period.Parties;
        var oldTouched = oldSide.Where(touched.Contains).ToList();
        var newTouched = newSide.Where(touched.Contains).ToList();
        var wide = context;
        context = Narrowed(context, touched);
        var changedIds = changed.Select(r => r.Id).ToList();
        // The verdicts the changed rules' own changes allow, whatever the other rules do: a kind outside them is impossible
        // when every changed rule's changes are known. The others' verdict is the same on both sides.
        var possible = changed.All(r => transitions[r].Decided) ? Possible(changed.Select(r => transitions[r].Found.Keys.ToList()).ToList()) : null;
        foreach (var was in Values)
        {
            foreach (var now in Values)
            {
                if (was == now || (possible is not null && !possible.Contains((was, now)))) continue;
                var oldReading = Verdict(oldTouched, was);
                var newReading = Verdict(newTouched, now);
                // A case of one changed rule's change, completed with the other rules, is the likeliest witness: tried first.
                var result = Seeds(changed, transitions).Select(seed => context.Search.FindPairFrom(oldReading, newReading, seed)).FirstOrDefault(r => r.Found)
                    ?? context.Search.FindPair(oldReading, newReading);
                if (!result.Found)
                {
                    if (!result.ProvedNone || !touched.All(context.InFragment))
                    {
                        notAnalysed.Add(Describe(context.Period) + ": whether a case's verdict can go from " + VerdictName(was) + " to " + VerdictName(now)
                            + " was not decided (" + (result.ProvedNone ? "a rule is outside the analysed fragment" : "the search ran out of its budget") + ")");
                    }
                    continue;
                }
                // What the rest of the instrument makes of it: all met, the change shows as found; unknown, only a
                // failure on one side shows (against unknown on the other).
                var witness = result.Witness!;
                if (restMet.Case is { } restCase)
                {
                    // The touched rules' case with the rest's: their facts are disjoint but for the countries, which the
                    // side that reads them chooses.
                    var joined = touchedReadsCountries
                        ? witness.With(restCase.Values.Where(v => !witness.Has(v.Key)))
                        : restCase.With(witness.Values.Where(v => !CaseSpace.IsPartyFact(v.Key) || !restCase.Has(v.Key)));
                    Report(context, joined, "verdict", was, now, changedIds, changedCopies);
                }
                if (rest.Count > 0 && Logic.And(was, Truth.Unknown) is var a && Logic.And(now, Truth.Unknown) is var b && a != b)
                {
                    // The rest unknown for this case (its facts are not given): with the countries the case has, or, when
                    // the touched rules do not read them, any pair that leaves the rest unknown.
                    var choices = touchedReadsCountries ? new[] { witness } : parties.Select(p => witness.With(p)).ToArray();
                    if (choices.FirstOrDefault(c => Verdict(rest, Truth.Unknown).Read(new Probe(wide.Interpreter, c), new List<string>()) == Truth.Unknown) is { } unknownRest)
                    {
                        Report(context, unknownRest, "verdict", a, b, changedIds, changedCopies);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The period's search over <paramref name="rules"/> alone: its cases tell apart only the values those rules can (and
    /// lists are as long as their quantifiers need), so a question about a few rules costs what they cost, not what the
    /// instrument does. Their derived facts and thresholds are the instrument's.
    /// </summary>
    private InstrumentContext Narrowed(InstrumentContext context, IEnumerable<RuleModel> rules)
    {
        var model = merged.Model with { Rules = rules.ToEquatableArray() };
        return new InstrumentContext(after.Vocabulary, model, context.Period, Atoms.Collect(after.Vocabulary, model), budget);
    }

    /// <summary>The cases of the changed rules' own changes, to start a verdict search from.</summary>
    private static IEnumerable<PartialCase> Seeds(IEnumerable<RulePair> changed, Dictionary<RulePair, RuleTransitions> transitions) =>
        changed.SelectMany(r => transitions[r].Found.Values);

    /// <summary>
    /// The (before, after) verdicts some combination of the changed rules' outcome changes allows, each rule changing as
    /// found or keeping its outcome, and the other rules adding one outcome to both sides: an over-approximation, so
    /// a pair outside it is impossible. Past six changed rules every pair is taken as possible.
    /// </summary>
    private static HashSet<(Truth, Truth)>? Possible(List<List<(Truth Was, Truth Now)>> changes)
    {
        if (changes.Count > 6) return null;
        var options = changes.Select(found => found.Concat(Values.Select(v => (v, v))).ToList()).ToList();
        var reached = new HashSet<(Truth, Truth)> { (Truth.True, Truth.True) };
        foreach (var option in options)
        {
            reached = new HashSet<(Truth, Truth)>(reached.SelectMany(r => option.Select(o => (Logic.And(r.Item1, o.Item1), Logic.And(r.Item2, o.Item2)))));
        }
        return new HashSet<(Truth, Truth)>(reached.SelectMany(r => Values.Select(other => (Logic.And(r.Item1, other), Logic.And(r.Item2, other)))));
    }

    private static IEnumerable<RuleModel> Copies(RulePair pair) => new[] { pair.Old, pair.New }.Where(r => r is not null).Select(r => r!).Distinct();

    /// <summary>Replays the case through eval; reports the change as eval shows it, once per kind, or says it was not reproduced.</summary>
    /// <param name="context">The period's search, for the witness's facts.</param>
    /// <param name="partial">The case found.</param>
    /// <param name="subject">"verdict", "rule ID" or "review ID".</param>
    /// <param name="was">The subject's value under the old files, by the rules.</param>
    /// <param name="now">Its value under the new files.</param>
    /// <param name="changedIds">The changed rules, whose outcomes the change is explained by.</param>
    /// <param name="focus">The rules whose facts the case's short form names.</param>
    private void Report(InstrumentContext context, PartialCase partial, string subject, Truth was, Truth now, IReadOnlyList<string> changedIds, IEnumerable<RuleModel> focus)
    {
        var verdict = subject == "verdict";
        var before = verdict ? VerdictName(was) : OutcomeName(was);
        var after = verdict ? VerdictName(now) : OutcomeName(now);
        var key = subject + "\n" + before + "\n" + after;
        if (!kindsSeen.Add(key)) return;
        var witness = context.Witness(partial, focus.ToArray());
        var replayed = replay.Replay(witness);
        var id = merged.Model.Id;
        var seenBefore = replayed is null ? null : Seen(replayed.BeforeOf(id), subject, absent: !verdict && Pair(subject).Old is null);
        var seenAfter = replayed is null ? null : Seen(replayed.AfterOf(id), subject, absent: !verdict && Pair(subject).New is null);
        if (replayed is null || seenBefore != before || seenAfter != after)
        {
            // The rules say the case changes, eval reads the case otherwise (the country table, or how it reads the file):
            // nothing is claimed for this kind.
            notAnalysed.Add(Describe(context.Period) + ": a case whose " + subject + " goes from " + before + " to " + after + " by the rules (" + witness.Fragment
                + ") is answered " + (replayed is null ? "with a refusal" : (seenBefore ?? "without it") + " → " + (seenAfter ?? "without it")) + " by eval, so this kind of change was not analysed");
            return;
        }
        changes.Add(replayed.Observe(id, subject, before, after, changedIds));
    }

    /// <summary>The rule or review a subject ("rule ID", "review ID") names.</summary>
    private RulePair Pair(string subject)
    {
        var id = subject.Substring(subject.IndexOf(' ') + 1);
        return merged.Rules.Concat(merged.Reviews).First(r => r.Id == id);
    }

    /// <summary>
    /// What eval's report says of <paramref name="subject"/>: the verdict, or the rule's or review's outcome; a rule one
    /// side lacks (<paramref name="absent"/>) reads met there, as the search takes it (it asks nothing of the case).
    /// </summary>
    private static string? Seen(InstrumentReport? report, string subject, bool absent)
    {
        if (report is null) return null;
        if (subject == "verdict") return ContractNames.Of(report.Verdict);
        if (absent) return OutcomeName(Truth.True);
        var id = subject.Substring(subject.IndexOf(' ') + 1);
        var result = report.Requirements.FirstOrDefault(r => r.Id == id) ?? report.Reviews.FirstOrDefault(r => r.Id == id);
        return result is null ? null : ContractNames.Of(result.Outcome);
    }

    /// <summary>The rules that share a fact, however indirectly, with a changed one: the groups of the instrument that hold one.</summary>
    private static HashSet<RuleModel> Touched(InstrumentContext context, List<RuleModel> rules, HashSet<RuleModel> changed) =>
        new(context.GroupsOf(rules).Where(g => g.Any(changed.Contains)).SelectMany(g => g), ReferenceEqualityComparer<RuleModel>.Instance);

    private static RestOutcome RestMet(InstrumentContext context, List<RuleModel> rest)
    {
        var goal = context.Eligible(rest);
        var result = context.Search.Find(goal);
        if (result.Found) return Found(result.Witness!);
        return new RestOutcome(null, context.Undecided(result, goal));
    }

    private static RestOutcome Found(PartialCase partial) => new(partial, false);

    /// <summary>A case where every rule of the rest is met (null when none is), and whether that was left undecided.</summary>
    private sealed record RestOutcome(PartialCase? Case, bool Undecided);

    /// <summary>The verdict of <paramref name="rules"/> as one three-valued truth: every one met, some not met, or neither.</summary>
    private static Reading Verdict(IReadOnlyList<RuleModel> rules, Truth wanted) => new((probe, missing) =>
    {
        var truth = Truth.True;
        foreach (var rule in rules)
        {
            var result = probe.Evaluate(rule);
            if (result.Outcome == Runtime.Outcome.NotMet) return Truth.False;
            if (result.Outcome == Runtime.Outcome.Unknown)
            {
                truth = Truth.Unknown;
                missing.AddRange(result.MissingFacts);
            }
        }
        return truth;
    }, wanted);

    /// <summary>One rule's outcome as a truth; a side without the rule reads met (it asks nothing).</summary>
    private static Reading Outcome(RuleModel? rule, Truth wanted) => new((probe, missing) =>
    {
        if (rule is null) return Truth.True;
        var result = probe.Evaluate(rule);
        if (result.Outcome == Runtime.Outcome.Unknown) missing.AddRange(result.MissingFacts);
        return result.Outcome switch { Runtime.Outcome.Met => Truth.True, Runtime.Outcome.NotMet => Truth.False, _ => Truth.Unknown };
    }, wanted);

    private static string VerdictName(Truth truth) => truth switch { Truth.True => "eligible", Truth.False => "ineligible", _ => "undetermined" };

    private static string OutcomeName(Truth truth) => ContractNames.Of(ContractNames.ToOutcome(truth));

    private static string Describe(AnalysisPeriod period) => period.From is null && period.Before is null ? "every application date" : period.Describe();
}

/// <summary>How one changed rule's outcome can change: the pairs (before, after) found, with their cases, and what was not decided.</summary>
internal sealed record RuleTransitions(Dictionary<(Truth Was, Truth Now), PartialCase> Found, IReadOnlyList<string> Undecided)
{
    /// <summary>Whether no pair but those found is possible.</summary>
    public bool Decided => Undecided.Count == 0;
}
