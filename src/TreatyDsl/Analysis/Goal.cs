using System.Collections.Generic;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// What a search looks for, in the interpreter's own three-valued logic over rule outcomes: "every requirement met",
/// "this rule not met while that exception holds". Built only from Kleene and, or and not, so a goal that is true or false
/// for a partial case stays so however its unknown facts are filled in; that is what lets the search stop early.
/// </summary>
internal abstract class Goal
{
    /// <summary>The goal's truth for the probed case; when unknown, adds the facts that could settle it.</summary>
    public abstract Truth Evaluate(Probe probe, List<string> missing);

    /// <summary>The rules the goal reads (for exactness: a goal over a rule outside the fragment proves nothing by failing).</summary>
    public abstract IEnumerable<RuleModel> Rules { get; }

    /// <summary>
    /// The goal as a conjunction of literals ("this rule met", "that rule not met"), or null when it is not one. A
    /// conjunction of literals is what lets the search split a question into independent parts.
    /// </summary>
    public virtual IReadOnlyList<Goal>? Literals() => null;

    public static Goal Met(RuleModel rule) => new MetGoal(rule);

    public static Goal NotMet(RuleModel rule) => new NotGoal(new MetGoal(rule));

    public static Goal Not(Goal goal) => new NotGoal(goal);

    public static Goal All(IEnumerable<Goal> goals) => new AllGoal(new List<Goal>(goals));

    public static Goal All(params Goal[] goals) => new AllGoal(new List<Goal>(goals));

    private sealed class MetGoal : Goal
    {
        private readonly RuleModel rule;

        public MetGoal(RuleModel rule) => this.rule = rule;

        public override IEnumerable<RuleModel> Rules { get { yield return rule; } }

        public override IReadOnlyList<Goal>? Literals() => new[] { this };

        public override Truth Evaluate(Probe probe, List<string> missing)
        {
            var result = probe.Evaluate(rule);
            if (result.Outcome == Outcome.Met) return Truth.True;
            if (result.Outcome == Outcome.NotMet) return Truth.False;
            missing.AddRange(result.MissingFacts);
            return Truth.Unknown;
        }
    }

    private sealed class NotGoal : Goal
    {
        private readonly Goal inner;

        public NotGoal(Goal inner) => this.inner = inner;

        public override IEnumerable<RuleModel> Rules => inner.Rules;

        public override IReadOnlyList<Goal>? Literals() => inner is MetGoal ? new[] { this } : null;

        public override Truth Evaluate(Probe probe, List<string> missing) => Logic.Not(inner.Evaluate(probe, missing));
    }

    private sealed class AllGoal : Goal
    {
        private readonly List<Goal> goals;

        public AllGoal(List<Goal> goals) => this.goals = goals;

        public override IReadOnlyList<Goal>? Literals()
        {
            var literals = new List<Goal>();
            foreach (var goal in goals)
            {
                if (goal.Literals() is not { } inner) return null;
                literals.AddRange(inner);
            }
            return literals;
        }

        public override IEnumerable<RuleModel> Rules
        {
            get
            {
                foreach (var goal in goals) foreach (var rule in goal.Rules) yield return rule;
            }
        }

        public override Truth Evaluate(Probe probe, List<string> missing)
        {
            var result = Truth.True;
            var firstUnknown = -1;
            var scratch = new List<string>();
            for (var i = 0; i < goals.Count; i++)
            {
                scratch.Clear();
                var truth = goals[i].Evaluate(probe, scratch);
                if (truth == Truth.False) return Truth.False;
                if (truth == Truth.Unknown && firstUnknown < 0)
                {
                    firstUnknown = i;
                    missing.AddRange(scratch);
                }
                result = Logic.And(result, truth);
            }
            return result;
        }
    }
}

/// <summary>
/// One partial case under the interpreter, with each rule evaluated at most once; through <see cref="RuleOutcomes"/>, at
/// most once for every probe of the same case, and not at all when a case with the same values of its facts was.
/// </summary>
internal sealed class Probe
{
    private readonly Interpretation.Interpreter interpreter;
    private readonly RuleOutcomes? outcomes;
    // By identity: rules are records, and value equality is deep. With a memory, the table every probe of the same
    // case shares (RuleOutcomes.KnownFor); without, this probe's own.
    private readonly Dictionary<RuleModel, RequirementResult> results;
    // The case's canonical text, the key of its shared table (null without a memory).
    private readonly string? caseKey;
    private Dictionary<FactSet, string>? projections;
    private CaseFacts? facts;

    /// <param name="interpreter">The judge, asked directly when there are no <paramref name="outcomes"/>.</param>
    /// <param name="partial">The case.</param>
    /// <param name="outcomes">The judge with a memory, which counts its work against the run's budget (none: uncounted, unremembered).</param>
    public Probe(Interpretation.Interpreter interpreter, PartialCase partial, RuleOutcomes? outcomes = null)
    {
        this.interpreter = interpreter;
        this.outcomes = outcomes;
        Partial = partial;
        if (outcomes is null) results = new(32, ReferenceEqualityComparer<RuleModel>.Instance);
        else results = outcomes.KnownFor(partial, out caseKey);
    }

    /// <summary>
    /// The outcomes of every rule of <paramref name="group"/> (a component of the instrument) for this case, summed up
    /// once for every probe of the same case (<see cref="GroupOutcomes"/>); without a memory, for this probe alone.
    /// </summary>
    public GroupOutcomes Group(IReadOnlyList<RuleModel> group) =>
        outcomes is null || caseKey is null ? new GroupOutcomes(group, this) : outcomes.GroupFor(this, caseKey, group);

    public PartialCase Partial { get; }

    /// <summary>The case as the interpreter reads it, made when the interpreter is first asked.</summary>
    public CaseFacts Facts => facts ??= Partial.ToFacts();

    public RequirementResult Evaluate(RuleModel rule)
    {
        if (results.TryGetValue(rule, out var result))
        {
            outcomes?.CountHit();
            return result;
        }
        if (outcomes is null)
        {
            result = interpreter.EvaluateRule(rule, Facts);
            results[rule] = result;
        }
        else
        {
            result = outcomes.Evaluate(rule, this);
            outcomes.Remember(results, rule, result);
        }
        return result;
    }

    /// <summary>The case's values of <paramref name="set"/>, written once per probe for every rule that reads those facts.</summary>
    public string ValuesOf(FactSet set)
    {
        projections ??= new Dictionary<FactSet, string>(ReferenceEqualityComparer<FactSet>.Instance);
        if (!projections.TryGetValue(set, out var values)) projections[set] = values = set.Project(Partial);
        return values;
    }
}
