using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Syntax;

namespace TreatyDsl.Comparison;

/// <summary>
/// One rule (or review) of an instrument on both sides of a comparison: the rule the search evaluates for each side,
/// which is one and the same where the rule decides every case alike on both sides. A side without the rule has none
/// (an absent requirement asks nothing of a case).
/// </summary>
internal sealed record RulePair(string Id, RuleKind Kind, RuleModel? Old, RuleModel? New, TreatyDsl.Text.SourceSpan Span)
{
    /// <summary>
    /// The two sides' meanings, compared by value: equal for the same baseline rule in every instrument that includes it
    /// with the same thresholds, so a question about the rule alone is asked once for all of them. Null when a side lacks the rule.
    /// </summary>
    public object? Meanings { get; init; }

    /// <summary>What differs, each where the new files write it: the rule itself, or a threshold or derived fact it reads.</summary>
    public IReadOnlyList<(string What, TreatyDsl.Text.SourceSpan Span)> Differences { get; init; } = new (string, TreatyDsl.Text.SourceSpan)[0];

    /// <summary>Whether the two sides may decide some case differently (otherwise both are the same rule).</summary>
    public bool Changed => !ReferenceEquals(Old, New);

    /// <summary>How the edit reads: added, removed, or changed.</summary>
    public string Edit => Old is null ? "added" : New is null ? "removed" : "changed";
}

/// <summary>
/// The old and the new version of one instrument as a single instrument the analysis can search: every rule that
/// decides cases alike on both sides once, and each other rule twice, the old copy with its derived facts and
/// thresholds renamed (<see cref="SemanticCopy.Old"/>) so that both sides' definitions live side by side. A case's
/// outcome under the old files is then the outcomes of the old side's rules, under the new ones the new side's,
/// read from one evaluation (see docs/language.md, "Checking what an edit changes").
/// </summary>
internal sealed class MergedInstrument
{
    private MergedInstrument(InstrumentModel model, List<RulePair> rules, List<RulePair> reviews, List<string> changedFacts)
    {
        Model = model;
        Rules = rules;
        Reviews = reviews;
        ChangedFacts = changedFacts;
    }

    /// <summary>The instrument the search runs over: the rules and reviews of both sides, reviews among the rules (their atoms count too).</summary>
    public InstrumentModel Model { get; }

    /// <summary>The requirements and bars, paired by id, in the new file's order, then the removed ones.</summary>
    public IReadOnlyList<RulePair> Rules { get; }

    public IReadOnlyList<RulePair> Reviews { get; }

    /// <summary>Facts of the vocabulary that differ between the sides and that some rule of the instrument reads: then the instrument is not compared.</summary>
    public IReadOnlyList<string> ChangedFacts { get; }

    public bool Changed => Rules.Any(r => r.Changed) || Reviews.Any(r => r.Changed);

    /// <param name="before">The old files' model.</param>
    /// <param name="old">The instrument as the old files have it.</param>
    /// <param name="after">The new files' model.</param>
    /// <param name="current">The instrument as the new files have it.</param>
    /// <param name="differing">The facts whose definition differs between the vocabularies (<see cref="VocabularyDifferences.Facts"/>).</param>
    public static MergedInstrument Of(TreatyModel before, InstrumentModel old, TreatyModel after, InstrumentModel current, ISet<string> differing)
    {
        var oldScope = new Scope(before.Vocabulary, old);
        var newScope = new Scope(after.Vocabulary, current);
        var changedFacts = new SortedSet<string>(System.StringComparer.Ordinal);
        var merged = new List<RuleModel>();
        List<RulePair> Pair(EquatableArray<RuleModel> olds, EquatableArray<RuleModel> news)
        {
            var pairs = new List<RulePair>();
            var byId = olds.ToDictionary(r => r.Id);
            foreach (var rule in news)
            {
                byId.TryGetValue(rule.Id, out var was);
                pairs.Add(Pairing(rule.Id, rule.Kind, was, rule));
            }
            var kept = new HashSet<string>(news.Select(r => r.Id));
            foreach (var rule in olds.Where(r => !kept.Contains(r.Id))) pairs.Add(Pairing(rule.Id, rule.Kind, rule, null));
            return pairs;
        }
        RulePair Pairing(string id, RuleKind kind, RuleModel? was, RuleModel? now)
        {
            foreach (var fact in (was is null ? Enumerable.Empty<string>() : oldScope.FactsRead(was))
                .Concat(now is null ? Enumerable.Empty<string>() : newScope.FactsRead(now)))
            {
                if (differing.Contains(fact)) changedFacts.Add(fact);
            }
            if (was is not null && now is not null && oldScope.Meaning(was).Equals(newScope.Meaning(now)))
            {
                merged.Add(now);
                return new RulePair(id, kind, now, now, now.Latest.Span);
            }
            var oldCopy = was is null ? null : SemanticCopy.Old.Rule(was, SemanticCopy.OldPrefix + id);
            if (oldCopy is not null) merged.Add(oldCopy);
            if (now is not null) merged.Add(now);
            var span = (now ?? was)!.Latest.Span;
            var differences = was is null ? new[] { ("added", span) }.ToList()
                : now is null ? new[] { ("removed", span) }.ToList()
                : Scope.Differences(oldScope.Meaning(was), newScope.Meaning(now), span);
            var meanings = was is null || now is null ? null : (object)(oldScope.Meaning(was), newScope.Meaning(now));
            return new RulePair(id, kind, oldCopy, now, span) { Differences = differences, Meanings = meanings };
        }
        var rules = Pair(old.Rules, current.Rules);
        var reviews = Pair(old.Reviews, current.Reviews);
        // The old side's derived facts and thresholds, renamed, beside the new side's own: the vocabulary's first, then the
        // instrument's, which the interpreter lets override them.
        var derived = current.Derived
            .Concat(before.Vocabulary.Derived.Concat(old.Derived).Select(SemanticCopy.Old.Derived))
            .ToEquatableArray();
        var thresholds = current.Thresholds.Concat(old.Thresholds.Select(SemanticCopy.Old.Threshold)).ToEquatableArray();
        var model = current with { Rules = merged.ToEquatableArray(), Reviews = EquatableArray<RuleModel>.Empty, Derived = derived, Thresholds = thresholds };
        return new MergedInstrument(model, rules, reviews, changedFacts.ToList());
    }

    /// <summary>One side's names in scope for an instrument: what a rule's derived facts and thresholds mean there.</summary>
    private sealed class Scope
    {
        private readonly Dictionary<string, DerivedModel> derived = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, ThresholdModel> thresholds = new(System.StringComparer.Ordinal);

        public Scope(VocabularyModel vocabulary, InstrumentModel instrument)
        {
            foreach (var d in vocabulary.Derived.Concat(instrument.Derived)) derived[d.Name] = d;
            foreach (var t in instrument.Thresholds) thresholds[t.Name] = t;
        }

        /// <summary>
        /// What decides the rule's outcomes: its conditions, and the definitions of every derived fact and threshold they
        /// reach, without places or words. Two rules with equal meanings decide every case alike.
        /// </summary>
        public Meaning Meaning(RuleModel rule)
        {
            var (derivedUsed, thresholdsUsed, _) = Reach(rule);
            return new Meaning(
                SemanticCopy.Plain.Rule(rule, string.Empty),
                derivedUsed.OrderBy(d => d.Name, System.StringComparer.Ordinal).Select(SemanticCopy.Plain.Derived).ToEquatableArray(),
                thresholdsUsed.OrderBy(t => t.Name, System.StringComparer.Ordinal).Select(SemanticCopy.Plain.Threshold).ToEquatableArray())
            {
                DerivedAsWritten = derivedUsed.ToDictionary(d => d.Name),
                ThresholdsAsWritten = thresholdsUsed.ToDictionary(t => t.Name),
            };
        }

        /// <summary>What differs between two meanings of a rule, in words, each where the new files write it.</summary>
        public static List<(string What, TreatyDsl.Text.SourceSpan Span)> Differences(Meaning was, Meaning now, TreatyDsl.Text.SourceSpan rule)
        {
            var differences = new List<(string, TreatyDsl.Text.SourceSpan)>();
            if (!was.Rule.Equals(now.Rule)) differences.Add(("changed", rule));
            foreach (var name in was.ThresholdsAsWritten.Keys.Union(now.ThresholdsAsWritten.Keys).OrderBy(n => n, System.StringComparer.Ordinal))
            {
                was.ThresholdsAsWritten.TryGetValue(name, out var a);
                now.ThresholdsAsWritten.TryGetValue(name, out var b);
                if (a is not null && b is not null && SemanticCopy.Plain.Threshold(a).Equals(SemanticCopy.Plain.Threshold(b))) continue;
                differences.Add(("threshold " + name + (a is null ? " added" : b is null ? " removed" : " changed from " + Values(a) + " to " + Values(b)),
                    b is not null ? b.Versions[b.Versions.Count - 1].Span : rule));
            }
            foreach (var name in was.DerivedAsWritten.Keys.Union(now.DerivedAsWritten.Keys).OrderBy(n => n, System.StringComparer.Ordinal))
            {
                was.DerivedAsWritten.TryGetValue(name, out var a);
                now.DerivedAsWritten.TryGetValue(name, out var b);
                if (a is not null && b is not null && SemanticCopy.Plain.Derived(a).Equals(SemanticCopy.Plain.Derived(b))) continue;
                differences.Add(("derived fact " + name + (a is null ? " added" : b is null ? " removed" : " changed"), b?.Span ?? rule));
            }
            // Equal parts, different meanings: the rule reads a name whose definition moved between scopes.
            if (differences.Count == 0) differences.Add(("changed", rule));
            return differences;
        }

        private static string Values(ThresholdModel threshold) =>
            string.Join(", ", threshold.Versions.Select(v => ConditionPrinter.Print(v.Value, threshold.Type) + (v.Effective.IsAlways ? string.Empty : " " + v.Effective)));

        /// <summary>Every fact the rule reads, through its derived facts and their periods.</summary>
        public IEnumerable<string> FactsRead(RuleModel rule) => Reach(rule).Facts;

        private (List<DerivedModel> Derived, List<ThresholdModel> Thresholds, HashSet<string> Facts) Reach(RuleModel rule)
        {
            var seenDerived = new Dictionary<string, DerivedModel>(System.StringComparer.Ordinal);
            var seenThresholds = new Dictionary<string, ThresholdModel>(System.StringComparer.Ordinal);
            var facts = new HashSet<string>(System.StringComparer.Ordinal);
            var pending = new Stack<BoundExpression>();
            foreach (var version in rule.Versions)
            {
                pending.Push(version.Condition);
                foreach (var e in version.Exceptions) pending.Push(e.Condition);
            }
            while (pending.Count > 0)
            {
                foreach (var node in ExpressionWalk.Nodes(pending.Pop()))
                {
                    switch (node)
                    {
                        case FactReference f:
                            facts.Add(f.Path);
                            break;
                        case ThresholdReference t when !seenThresholds.ContainsKey(t.Name) && thresholds.TryGetValue(t.Name, out var threshold):
                            seenThresholds[t.Name] = threshold;
                            break;
                        case DerivedReference d when !seenDerived.ContainsKey(d.Name) && derived.TryGetValue(d.Name, out var definition):
                            seenDerived[d.Name] = definition;
                            if (definition.PeriodFrom is { } from) facts.Add(from);
                            if (definition.PeriodTo is { } to) facts.Add(to);
                            if (definition.Condition is { } condition) pending.Push(condition);
                            if (definition.UnboundedWhen is { } unbounded) pending.Push(unbounded);
                            break;
                    }
                }
            }
            return (seenDerived.Values.ToList(), seenThresholds.Values.ToList(), facts);
        }
    }

    /// <summary>A rule's meaning (<see cref="Scope.Meaning"/>): compared by value, with the definitions as written for saying where they differ.</summary>
    private sealed record Meaning(RuleModel Rule, EquatableArray<DerivedModel> Derived, EquatableArray<ThresholdModel> Thresholds)
    {
        public IReadOnlyDictionary<string, DerivedModel> DerivedAsWritten { get; init; } = new Dictionary<string, DerivedModel>();

        public IReadOnlyDictionary<string, ThresholdModel> ThresholdsAsWritten { get; init; } = new Dictionary<string, ThresholdModel>();

        // The definitions as written carry places and words, which decide nothing: equality is the three parts' alone.
        public bool Equals(Meaning? other) => other is not null && Rule.Equals(other.Rule) && Derived.Equals(other.Derived) && Thresholds.Equals(other.Thresholds);

        public override int GetHashCode() => unchecked((Rule.GetHashCode() * 31 + Derived.GetHashCode()) * 31 + Thresholds.GetHashCode());
    }
}
