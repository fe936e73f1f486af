using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Analysis;

/// <summary>
/// One instrument in one period of application dates, ready to be asked about: its rules as the interpreter runs them,
/// the search over its cases, and the findings the checks add. The checks share it so that each rule's variants (without
/// an exception, without a disjunct) are built one way.
/// </summary>
internal sealed class InstrumentContext
{
    private readonly HashSet<RuleModel> inexact = new();
    private readonly Atoms atoms;
    private readonly Dictionary<RuleModel, int> costs = new(ReferenceEqualityComparer<RuleModel>.Instance);
    private Dictionary<string, DerivedModel>? derivedByName;

    public InstrumentContext(VocabularyModel vocabulary, InstrumentModel instrument, AnalysisPeriod period, Atoms atoms, AnalysisBudget budget)
    {
        Budget = budget;
        Vocabulary = vocabulary;
        Instrument = instrument;
        Period = period;
        Interpreter = new Interpreter(vocabulary, instrument, explain: false);
        this.atoms = atoms;
        foreach (var rule in instrument.Rules)
        {
            if (!rule.Versions.All(v => Atoms.IsExact(vocabulary, instrument, v.Condition) && v.Exceptions.All(e => Atoms.IsExact(vocabulary, instrument, e.Condition))))
            {
                inexact.Add(rule);
            }
        }
        var space = new CaseSpace(vocabulary, atoms, period.Parties, period.Date);
        var classes = new ValueClasses(vocabulary, instrument, atoms, space.TypeOf, Original, rule => !inexact.Contains(rule));
        Search = new CaseSearch(Interpreter, space, vocabulary, FactsOf, budget, CostOf, classes);
        Rules = instrument.Rules.Where(r => InEffect(r) is not null).ToList();
        Components = IndependentGroups();
    }

    /// <summary>
    /// The context of the instrument's latest period of application dates (the one recent cases fall in), or null when no
    /// pair of countries reaches the instrument: for a question about one instrument asked outside a whole analysis.
    /// </summary>
    public static InstrumentContext? ForLatestPeriod(TreatyModel model, InstrumentModel instrument, AnalysisBudget budget)
    {
        var atoms = Atoms.Collect(model.Vocabulary, instrument);
        var periods = AnalysisPeriods.Of(instrument, model.Countries, new HashSet<object>(atoms.Constants.Values.SelectMany(c => c)));
        return periods.Count == 0 ? null : new InstrumentContext(model.Vocabulary, instrument, periods[periods.Count - 1], atoms, budget);
    }

    /// <summary>
    /// The period's rules in groups that share no fact (through their conditions, derived facts, periods, the facts an
    /// expectation reads, or the countries, which are given together). Rules of different groups cannot constrain each
    /// other, so every question about a rule needs only its own group: the instrument is satisfiable when each group is,
    /// and a case for one group combines with a case for any other. This keeps the cost of a question to the size of
    /// its group, not of the instrument.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<RuleModel>> Components { get; }

    /// <summary>The group of <paramref name="rule"/> (see <see cref="Components"/>).</summary>
    public IReadOnlyList<RuleModel> ComponentOf(RuleModel rule) => Components.First(c => c.Contains(rule));

    private List<IReadOnlyList<RuleModel>> IndependentGroups() => GroupsOf(Rules);

    /// <summary><paramref name="rules"/> in groups that share no fact (see <see cref="Components"/>), each in the order given.</summary>
    public List<IReadOnlyList<RuleModel>> GroupsOf(IReadOnlyList<RuleModel> rules)
    {
        var owner = new Dictionary<string, int>();
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var fact in FactsOf(rules[i]))
            {
                if (owner.TryGetValue(fact, out var other)) parent[Find(i)] = Find(other);
                else owner[fact] = i;
            }
        }
        return Enumerable.Range(0, rules.Count).GroupBy(Find).Select(g => (IReadOnlyList<RuleModel>)g.Select(i => rules[i]).ToList()).ToList();
    }

    private readonly Dictionary<RuleModel, ISet<string>> factsOf = new(ReferenceEqualityComparer<RuleModel>.Instance);

    /// <summary>
    /// Every fact a rule (or a variant of it) can read: its conditions' facts, derived facts and periods expanded, and the
    /// facts that decide whether those are expected; the two countries and the nationality as one, since they are given together.
    /// </summary>
    public ISet<string> FactsOf(RuleModel rule)
    {
        rule = Original(rule);
        if (factsOf.TryGetValue(rule, out var known)) return known;
        var facts = ReadPaths(rule);
        var pending = new Stack<string>(facts);
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (Vocabulary.Facts.FirstOrDefault(f => f.Path == path) is not { ExpectedWhen: { } expectation }) continue;
            var more = new HashSet<string>();
            ReadPaths(expectation, more);
            foreach (var m in more) if (facts.Add(m)) pending.Push(m);
        }
        var result = new HashSet<string>(facts.Select(f => CaseSpace.IsPartyFact(f) ? CaseSpace.PartiesSlot : f));
        factsOf[rule] = result;
        return result;
    }

    public VocabularyModel Vocabulary { get; }

    /// <summary>The run's budget (see <see cref="AnalysisBudget"/>).</summary>
    public AnalysisBudget Budget { get; }

    public InstrumentModel Instrument { get; }

    public AnalysisPeriod Period { get; }

    public Interpreter Interpreter { get; }

    public CaseSearch Search { get; }

    /// <summary>The rules with a version in effect in the period.</summary>
    public IReadOnlyList<RuleModel> Rules { get; }

    public List<Finding> Findings { get; } = new();

    /// <summary>A case eligible under the instrument in this period, once the satisfiability check has found one (null before, or when none exists).</summary>
    public PartialCase? EligibleCase { get; set; }

    /// <summary>The version of <paramref name="rule"/> in effect in the period, or null.</summary>
    public RuleVersion? InEffect(RuleModel rule)
    {
        // Asked for every rule by every check: chosen once per rule.
        if (inEffect.TryGetValue(rule, out var known)) return known;
        var chosen = EffectiveDates.Choose(Period.Date,
            rule.Versions.Select(v => Conversions.ToLocalDate(v.Effective.From)).ToArray(),
            rule.Versions.Select(v => Conversions.ToLocalDate(v.Effective.Before)).ToArray());
        return inEffect[rule] = chosen >= 0 ? rule.Versions[chosen] : null;
    }

    private readonly Dictionary<RuleModel, RuleVersion?> inEffect = new(ReferenceEqualityComparer<RuleModel>.Instance);

    /// <summary>Whether the rule is in the analysis's exact fragment: a search over it that finds nothing proves nothing otherwise.</summary>
    public bool InFragment(RuleModel rule) => !inexact.Contains(Original(rule));

    /// <summary>Whether "no case exists" for <paramref name="goal"/> is a proof: the search covered everything and every rule it read is in the fragment.</summary>
    public bool Proves(SearchResult result, Goal goal) => result.ProvedNone && goal.Rules.All(r => !inexact.Contains(Original(r)));

    /// <summary>Whether a search came back undecided (ran out of budget, or read something outside the fragment).</summary>
    public bool Undecided(SearchResult result, Goal goal) => !result.Found && !Proves(result, goal);

    /// <summary>
    /// <paramref name="rules"/> with those a search named as settling its cases first, in the order it names them
    /// (<see cref="SearchResult.SettledBy"/>), then the rest in the order given: where a check looks for a rule that
    /// explains a search's result alone, the likeliest are asked first, and the check makes a search or two instead of
    /// one per rule of the group.
    /// </summary>
    public static IEnumerable<RuleModel> SettlersFirst(IReadOnlyList<RuleModel> rules, SearchResult result)
    {
        var among = new HashSet<RuleModel>(rules, ReferenceEqualityComparer<RuleModel>.Instance);
        var named = result.SettledBy.Where(among.Contains).ToList();
        var first = new HashSet<RuleModel>(named, ReferenceEqualityComparer<RuleModel>.Instance);
        return named.Concat(rules.Where(r => !first.Contains(r)));
    }

    /// <summary>Every rule of the period met.</summary>
    public Goal Eligible(IEnumerable<RuleModel>? rules = null) => Goal.All((rules ?? Rules).Select(Goal.Met));

    /// <summary>The rule with the version in effect and without its exceptions: its own condition alone.</summary>
    public RuleModel MainOnly(RuleModel rule) => Variant(rule, InEffect(rule)! with { Exceptions = default });

    /// <summary>The rule without one of its exceptions.</summary>
    public RuleModel Without(RuleModel rule, ExceptionModel exception)
    {
        var version = InEffect(rule)!;
        return Variant(rule, version with { Exceptions = version.Exceptions.Where(e => !ReferenceEquals(e, exception)).ToEquatableArray() });
    }

    /// <summary>The rule with only the given exceptions (the version in effect, its own condition unchanged).</summary>
    public RuleModel WithExceptions(RuleModel rule, IEnumerable<ExceptionModel> exceptions) =>
        Variant(rule, InEffect(rule)! with { Exceptions = exceptions.ToEquatableArray() });

    /// <summary>
    /// The rule as if one of its alternatives were not written: in a requirement the part is replaced by false (an 'or'
    /// operand that lets no case through); in a bar by true (an 'and' operand that no longer lets a case escape the bar).
    /// </summary>
    public RuleModel Without(RuleModel rule, BoundExpression part)
    {
        var version = InEffect(rule)!;
        var removed = new ConstantExpression(ConstantValue.Of(rule.Kind == RuleKind.Bar), TypeRef.Bool, part.Span);
        var path = PathTo(version.Condition, part);
        // Finding the part walks the condition: a rule of 20,000 alternatives has 20,000 such walks, which the budget counts.
        Budget.Spend(1 + path.Visited / 16);
        return Variant(rule, version with { Condition = path.Ancestors is { } ancestors ? Replace(ancestors, removed) : version.Condition });
    }

    /// <summary>A condition as a requirement of its own (an exception's condition: "it holds").</summary>
    public RuleModel Holds(RuleModel rule, BoundExpression condition, string id) =>
        Variant(rule, new RuleVersion(EffectivePeriod.Always, string.Empty, string.Empty, condition, default, condition.Span), RuleKind.Requirement, id);

    private readonly Dictionary<RuleModel, RuleModel> originals = new(ReferenceEqualityComparer<RuleModel>.Instance);

    private RuleModel Variant(RuleModel rule, RuleVersion version, RuleKind? kind = null, string? id = null)
    {
        var variant = new RuleModel(kind ?? rule.Kind, id ?? rule.Id, rule.Origin, new[] { version }.ToEquatableArray());
        originals[variant] = Original(rule);
        return variant;
    }

    private RuleModel Original(RuleModel rule) => originals.TryGetValue(rule, out var original) ? original : rule;

    /// <summary>
    /// The nodes from the root of <paramref name="root"/> down to <paramref name="part"/> (the root first, the part last),
    /// or null when the part is not in it; and how many nodes were looked at to find it. A walk with its own stack, so a
    /// condition of any size costs no recursion.
    /// </summary>
    private static (List<BoundExpression>? Ancestors, int Visited) PathTo(BoundExpression root, BoundExpression part)
    {
        var parents = new Dictionary<BoundExpression, BoundExpression>(ReferenceEqualityComparer<BoundExpression>.Instance);
        var pending = new Stack<BoundExpression>();
        pending.Push(root);
        var visited = 0;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            visited++;
            if (ReferenceEquals(node, part))
            {
                var path = new List<BoundExpression> { node };
                while (parents.TryGetValue(path[path.Count - 1], out var parent)) path.Add(parent);
                path.Reverse();
                return (path, visited);
            }
            // Only 'and', 'or' and 'not' are rebuilt around a replaced part (alternatives are reached through them).
            foreach (var child in node switch
            {
                AndExpression a => new[] { a.Left, a.Right },
                OrExpression o => new[] { o.Left, o.Right },
                NotExpression n => new[] { n.Operand },
                _ => System.Array.Empty<BoundExpression>(),
            })
            {
                parents[child] = node;
                pending.Push(child);
            }
        }
        return (null, visited);
    }

    /// <summary>The root of <paramref name="path"/> with its last node replaced by <paramref name="with"/>: only the nodes on the path are made anew.</summary>
    private static BoundExpression Replace(List<BoundExpression> path, BoundExpression with)
    {
        var result = with;
        for (var i = path.Count - 2; i >= 0; i--)
        {
            var child = path[i + 1];
            result = path[i] switch
            {
                AndExpression a => ReferenceEquals(a.Left, child) ? a with { Left = result } : a with { Right = result },
                OrExpression o => ReferenceEquals(o.Left, child) ? o with { Left = result } : o with { Right = result },
                NotExpression n => n with { Operand = result },
                var other => other,
            };
        }
        return result;
    }

    /// <summary>The witness of a finding about <paramref name="rules"/>: its fragment names the facts those rules read.</summary>
    public Witness Witness(PartialCase partial, params RuleModel[] rules)
    {
        // A case file needs its two countries; when the finding did not need them, the period's first pair is given.
        if (!partial.Has(ContractFacts.SentencingCountry)) partial = partial.With(Period.Parties[0]);
        var probe = new Probe(Interpreter, partial);
        var read = new HashSet<string>();
        var missing = new List<string>();
        foreach (var rule in rules)
        {
            read.UnionWith(ReadPaths(rule));
            missing.AddRange(probe.Evaluate(rule).MissingFacts);
        }
        var absent = Search.Unexpected(probe, missing);
        // A fact absent by construction is absent because of the facts its expectation reads: the fragment names them.
        foreach (var fact in Vocabulary.Facts.Where(f => absent.Contains(f.Path))) ReadPaths(fact.ExpectedWhen, read);
        return Analysis.Witness.From(partial, read, absent);
    }

    /// <summary>The facts a rule reads in any version, its exceptions included, derived facts and periods expanded.</summary>
    public HashSet<string> ReadPaths(RuleModel rule)
    {
        var read = new HashSet<string>();
        foreach (var version in rule.Versions)
        {
            ReadPaths(version.Condition, read);
            foreach (var e in version.Exceptions) ReadPaths(e.Condition, read);
        }
        return read;
    }

    /// <summary>The facts a condition reads, derived facts and periods expanded.</summary>
    private void ReadPaths(BoundExpression? condition, HashSet<string> read)
    {
        foreach (var node in ExpressionWalk.Nodes(condition))
        {
            switch (node)
            {
                case FactReference fact:
                    read.Add(fact.Path);
                    break;
                case DerivedReference reference:
                    var definition = Instrument.Derived.Concat(Vocabulary.Derived).FirstOrDefault(d => d.Name == reference.Name);
                    if (definition is null || !read.Add("@" + reference.Name)) break;
                    if (definition.PeriodFrom is not null) read.Add(definition.PeriodFrom);
                    if (definition.PeriodTo is not null) read.Add(definition.PeriodTo);
                    ReadPaths(definition.Condition, read);
                    ReadPaths(definition.UnboundedWhen, read);
                    break;
            }
        }
    }

    /// <summary>
    /// What one evaluation of <paramref name="rule"/> costs, in evaluations' worth, for the run's budget: one, and one
    /// more for every 16 conditions the interpreter may visit, counting a quantifier's body once for each element of the
    /// longest list the search gives (nested quantifiers multiply), and a derived condition where it is used.
    /// </summary>
    public int CostOf(RuleModel rule)
    {
        if (costs.TryGetValue(rule, out var known)) return known;
        var derived = derivedByName ??= Vocabulary.Derived.Concat(Instrument.Derived).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last());
        long visits = 0;
        var pending = new Stack<(BoundExpression Node, long Factor, int Expansions)>();
        foreach (var version in rule.Versions)
        {
            pending.Push((version.Condition, 1, 0));
            foreach (var exception in version.Exceptions) pending.Push((exception.Condition, 1, 0));
        }
        // Past a million nodes the rule costs the most there is anyway; stop counting.
        for (var popped = 0; pending.Count > 0 && popped < 1_000_000 && visits < int.MaxValue; popped++)
        {
            var (node, factor, expansions) = pending.Pop();
            visits += factor;
            switch (node)
            {
                case NotExpression n: pending.Push((n.Operand, factor, expansions)); break;
                case AndExpression a: pending.Push((a.Left, factor, expansions)); pending.Push((a.Right, factor, expansions)); break;
                case OrExpression o: pending.Push((o.Left, factor, expansions)); pending.Push((o.Right, factor, expansions)); break;
                case QuantifierExpression q:
                    var length = System.Math.Max(1, atoms.Quantifiers.TryGetValue(q.Source.Path, out var n2) ? n2 : 1);
                    pending.Push((q.Body, System.Math.Min(int.MaxValue, factor * length), expansions));
                    break;
                // A derived condition is expanded where it is used; a few levels deep is all a sensible vocabulary has.
                case DerivedReference d when expansions < 8 && derived.TryGetValue(d.Name, out var definition) && definition.Condition is not null:
                    pending.Push((definition.Condition, factor, expansions + 1));
                    break;
            }
        }
        var cost = (int)System.Math.Min(int.MaxValue / 2, 1 + visits / 16);
        costs[rule] = cost;
        return cost;
    }

    /// <summary>Adds a finding; <paramref name="rule"/> is the rule it is about, whose 'accept' clauses may justify it.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, string key, System.Func<string, object[]> args, Witness? witness = null, RuleModel? rule = null) =>
        Findings.Add(new Finding(descriptor, span, key, Instrument.Id, Period, args, witness, rule is null ? null : Original(rule)));
}

/// <summary>
/// A finding before it becomes a diagnostic: the same finding about a baseline rule in several instruments, or in every
/// period, is reported once. <see cref="Arguments"/> builds the message's arguments from the instruments it holds in.
/// </summary>
internal sealed record Finding(
    DiagnosticDescriptor Descriptor,
    SourceSpan Span,
    string Key,
    string Instrument,
    AnalysisPeriod? Period,
    System.Func<string, object[]> Arguments,
    Witness? Witness,
    RuleModel? Rule = null);
