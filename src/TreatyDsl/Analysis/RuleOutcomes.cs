using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// The judge of one instrument's analysis, with a memory: a rule's outcome depends only on the facts it reads, so the
/// outcome for one partial case holds for every partial case that gives those facts the same values. Every check of
/// the instrument asks about the same rules over much the same cases (each check of a rule in a group of a hundred
/// walks the others at every value of their shared fact), and the interpreter is asked once per rule and combination
/// of its facts' values instead of once per question. The memory holds at most <see cref="Capacity"/> outcomes; past
/// that, outcomes are computed and not kept.
/// </summary>
internal sealed class RuleOutcomes
{
    /// <summary>Outcomes kept at most (about 200 bytes each).</summary>
    public const int Capacity = 200_000;

    private readonly Interpretation.Interpreter interpreter;
    private readonly AnalysisBudget budget;
    private readonly System.Func<RuleModel, int> costOf;
    private readonly System.Func<RuleModel, ISet<string>> factsOf;
    private readonly Dictionary<RuleModel, FactSet> factSets = new(ReferenceEqualityComparer<RuleModel>.Instance);
    private readonly Dictionary<string, FactSet> interned = new(System.StringComparer.Ordinal);
    private readonly Dictionary<(RuleModel Rule, string Values), RequirementResult> memory = new(IdentityAndText<RuleModel>.Instance);

    /// <param name="interpreter">The judge.</param>
    /// <param name="budget">The run's budget: an evaluation spends its cost, a look-up in the memory one.</param>
    /// <param name="costOf">What one evaluation of a rule costs, in evaluations' worth.</param>
    /// <param name="factsOf">Every fact a rule can read (the countries as <see cref="CaseSpace.PartiesSlot"/>).</param>
    public RuleOutcomes(Interpretation.Interpreter interpreter, AnalysisBudget budget, System.Func<RuleModel, int> costOf, System.Func<RuleModel, ISet<string>> factsOf)
    {
        this.interpreter = interpreter;
        this.budget = budget;
        this.costOf = costOf;
        this.factsOf = factsOf;
    }

    /// <summary>
    /// The outcome of <paramref name="rule"/> for the probed case, from memory when a case with the same values of its
    /// facts was judged. A small rule (a cost under four: under 48 conditions visited) is cheaper to evaluate than to
    /// look up (measured on the families of bench/AnalysisGrowthBenchmarks), so only larger ones are remembered.
    /// </summary>
    public RequirementResult Evaluate(RuleModel rule, Probe probe)
    {
        var cost = costOf(rule);
        if (cost < 4)
        {
            budget.Spend(cost);
            return interpreter.EvaluateRule(rule, probe.Facts);
        }
        var key = (rule, probe.ValuesOf(FactSetOf(rule)));
        budget.Spend(1); // the look-up: as much as evaluating a small rule
        if (memory.TryGetValue(key, out var known)) return known;
        budget.Spend(cost);
        var result = interpreter.EvaluateRule(rule, probe.Facts);
        if (memory.Count < Capacity) memory[key] = result;
        return result;
    }

    /// <summary>Rule outcomes kept at most for <see cref="KnownFor"/>, over every case.</summary>
    public const int CaseCapacity = 400_000;

    private readonly Dictionary<string, Dictionary<RuleModel, RequirementResult>> byCase = new(System.StringComparer.Ordinal);
    private int keptForCases;
    private int hits;

    /// <summary>
    /// The outcomes known so far for a partial case with exactly these facts: shared by every probe of such a case, in
    /// every search of the instrument. The checks of a hundred rules in one group ask about the same few cases (the
    /// values that settle the group), each about every other rule: each rule is judged once per such case, not once per
    /// check. Past <see cref="CaseCapacity"/> outcomes, a new case's are kept for its probe only.
    /// </summary>
    public Dictionary<RuleModel, RequirementResult> KnownFor(PartialCase partial, out string key)
    {
        key = FactSet.ProjectAll(partial);
        if (byCase.TryGetValue(key, out var known)) return known;
        known = new Dictionary<RuleModel, RequirementResult>(32, ReferenceEqualityComparer<RuleModel>.Instance);
        if (keptForCases < CaseCapacity) byCase[key] = known;
        return known;
    }

    private readonly Dictionary<(IReadOnlyList<RuleModel> Group, string Case), GroupOutcomes> groups = new(IdentityAndText<IReadOnlyList<RuleModel>>.Instance);

    /// <summary>
    /// The outcomes of a group of rules (one of <see cref="InstrumentContext.Components"/>, by identity) for the probed
    /// case, made once per case and group: a look-up counts as one evaluation.
    /// </summary>
    public GroupOutcomes GroupFor(Probe probe, string caseKey, IReadOnlyList<RuleModel> group)
    {
        if (groups.TryGetValue((group, caseKey), out var known))
        {
            budget.Spend(1);
            return known;
        }
        known = new GroupOutcomes(group, probe);
        if (keptForCases < CaseCapacity)
        {
            groups[(group, caseKey)] = known;
            keptForCases += group.Count;
        }
        return known;
    }

    /// <summary>Records an outcome in a case's table (<see cref="KnownFor"/>).</summary>
    public void Remember(Dictionary<RuleModel, RequirementResult> known, RuleModel rule, RequirementResult result)
    {
        known[rule] = result;
        keptForCases++;
    }

    /// <summary>Counts an outcome read from a case's table: one evaluation's worth for every 8 (a look-up by reference, with the walk of the search around it).</summary>
    public void CountHit()
    {
        if (++hits % 8 == 0) budget.Spend(1);
    }

    /// <summary>The facts a rule reads, as one object shared by every rule that reads the same ones.</summary>
    private FactSet FactSetOf(RuleModel rule)
    {
        if (factSets.TryGetValue(rule, out var set)) return set;
        var paths = factsOf(rule);
        var name = string.Join("\n", paths.OrderBy(p => p, System.StringComparer.Ordinal));
        if (!interned.TryGetValue(name, out set)) interned[name] = set = new FactSet(paths);
        factSets[rule] = set;
        return set;
    }

    /// <summary>Keys of an object by identity (a rule, a group: records compare deeply) and a canonical text.</summary>
    private sealed class IdentityAndText<T> : IEqualityComparer<(T Object, string Text)>
        where T : class
    {
        public static readonly IdentityAndText<T> Instance = new();

        public bool Equals((T Object, string Text) x, (T Object, string Text) y) =>
            ReferenceEquals(x.Object, y.Object) && string.Equals(x.Text, y.Text, System.StringComparison.Ordinal);

        public int GetHashCode((T Object, string Text) key) =>
            unchecked(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Object) * 31 + System.StringComparer.Ordinal.GetHashCode(key.Text));
    }
}

/// <summary>
/// The facts some rules read: whole paths, lists whose elements' fields count too, and the countries. A partial case's
/// values of them, written canonically (<see cref="Project"/>), are what a rule's outcome depends on.
/// </summary>
internal sealed class FactSet
{
    private readonly HashSet<string> paths;
    private readonly bool parties;

    public FactSet(IEnumerable<string> facts)
    {
        paths = new HashSet<string>(facts, System.StringComparer.Ordinal);
        parties = paths.Contains(CaseSpace.PartiesSlot);
    }

    /// <summary>The partial case's values of these facts (and of the application date, which picks a rule's version), in one canonical string.</summary>
    public string Project(PartialCase partial)
    {
        var entries = new List<KeyValuePair<string, object?>>();
        foreach (var pair in partial.Values)
        {
            var key = pair.Key;
            var relevant = key == ContractFacts.ApplicationDate || paths.Contains(key)
                || (parties && CaseSpace.IsPartyFact(key))
                || (PartialCase.ListOf(key) is { } list && paths.Contains(list));
            if (relevant) entries.Add(pair);
        }
        return Canonical(entries);
    }

    /// <summary>Every value of the partial case, in one canonical string (two cases with the same facts and values write the same).</summary>
    public static string ProjectAll(PartialCase partial) => Canonical(new List<KeyValuePair<string, object?>>(partial.Values));

    /// <summary>Facts and values, sorted by path, one per line.</summary>
    private static string Canonical(List<KeyValuePair<string, object?>> entries)
    {
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var pair in entries)
        {
            text.Append(pair.Key).Append('=');
            Write(text, pair.Value);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A value as no other value of any fact is written.</summary>
    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case decimal d: text.Append('#').Append(d.ToString(CultureInfo.InvariantCulture)); break;
            case LocalDate date: text.Append('@').Append(date.Year.ToString(CultureInfo.InvariantCulture)).Append('-').Append(date.Month).Append('-').Append(date.Day); break;
            case string s: text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")).Append('"'); break;
            case ListLength length: text.Append("len").Append(length.Count); break;
            case Withheld: text.Append("withheld"); break;
            case IEnumerable<object?> items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item);
                    text.Append(',');
                }
                text.Append(']');
                break;
            default: text.Append(value.GetType().Name).Append(':').Append(value); break;
        }
    }
}
