using System.Threading;

namespace TreatyDsl.Analysis;

/// <summary>
/// The work one analysis run may do, shared by every search of the run, so that no set of files holds a build or an
/// editor for more than about a second. It is counted in rule evaluations (the interpreter run on one rule for one
/// partial case; a large rule counts for more, by the conditions it holds and the list elements a quantifier walks:
/// <see cref="InstrumentContext.CostOf"/>), not in time, so that the same files give the same findings on every machine, under any load and in
/// every build: a warning that came and went with the machine's speed would break builds that treat warnings as errors.
/// Once it is spent, every search still running or still to come stops and says "not analysed" (TDSL0309), so nothing is
/// claimed about what was not checked. A cancelled run (a newer edit in the editor, a cancelled build) throws
/// <see cref="System.OperationCanceledException"/> at the next evaluation.
/// </summary>
public sealed class AnalysisBudget
{
    /// <summary>
    /// Evaluations in one run by default: about a second on a 2-core machine (see docs/analysis.md, which gives the
    /// measured rate), over a hundred times what the shipped treaties need.
    /// </summary>
    public const long DefaultEvaluations = 600_000;

    private readonly CancellationToken cancellation;
    private long left;

    /// <param name="evaluations">How many rule evaluations the run may make.</param>
    /// <param name="cancellation">Stops the run (with <see cref="System.OperationCanceledException"/>).</param>
    public AnalysisBudget(long evaluations = DefaultEvaluations, CancellationToken cancellation = default)
    {
        Evaluations = evaluations;
        left = evaluations;
        this.cancellation = cancellation;
    }

    /// <summary>The evaluations the run may make in all.</summary>
    public long Evaluations { get; }

    /// <summary>The evaluations made so far.</summary>
    public long Spent => Evaluations - left;

    /// <summary>True once every evaluation is spent: searches stop and claim nothing from then on.</summary>
    public bool Exhausted => left <= 0;

    /// <summary>Counts <paramref name="units"/> evaluations' worth of work (see <see cref="InstrumentContext.CostOf"/>), and stops a cancelled run.</summary>
    internal void Spend(long units)
    {
        var before = left;
        left -= units;
        if ((before >> 8) != (left >> 8)) cancellation.ThrowIfCancellationRequested();
    }
}
