using BenchmarkDotNet.Attributes;
using TreatyDsl.Benchmarks.Treaties;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// The generated fast path (<c>GetVerdict</c>) against two hand-written validators of the same rules over 10,000 varied
/// cases, us-mx and coe, per case, in the same run: the careful one (<see cref="CarefulUsMx"/>, the project's baseline
/// from ../shared/baselines: cheap facts first, the offence list walked once; the ratio's baseline, issue 32's target
/// within 1.1x, 0 B) and the project's earlier one (<see cref="HandWrittenValidators"/>, written rule by rule as the
/// generator writes; issue 13's yardstick). The setup checks that all agree on every case (and that Evaluate agrees with
/// GetVerdict) before anything is timed.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FastPathBenchmarks
{
    private const int Count = 10_000;
    private TreatyCase[] cases = null!;

    [GlobalSetup]
    public void Setup()
    {
        cases = VariedCases.Make(Count);
        FastPathAgreement.Check(cases);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "careful hand-written us-mx")]
    [BenchmarkCategory("us-mx")]
    public int CarefulUsMxVerdicts()
    {
        var eligible = 0;
        foreach (var c in cases) if (CarefulUsMx.GetVerdict(c) == Verdict.Eligible) eligible++;
        return eligible;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "rule-by-rule hand-written us-mx")]
    [BenchmarkCategory("us-mx")]
    public int HandWrittenUsMx()
    {
        var eligible = 0;
        foreach (var c in cases) if (HandWrittenValidators.UsMx(c) == Verdict.Eligible) eligible++;
        return eligible;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "generated us-mx GetVerdict")]
    [BenchmarkCategory("us-mx")]
    public int GeneratedUsMx()
    {
        var eligible = 0;
        foreach (var c in cases) if (UsMxValidator.GetVerdict(c) == Verdict.Eligible) eligible++;
        return eligible;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "careful hand-written coe")]
    [BenchmarkCategory("coe")]
    public int CarefulCoeVerdicts()
    {
        var eligible = 0;
        foreach (var c in cases) if (CarefulCoe.GetVerdict(c) == Verdict.Eligible) eligible++;
        return eligible;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "rule-by-rule hand-written coe")]
    [BenchmarkCategory("coe")]
    public int HandWrittenCoe()
    {
        var eligible = 0;
        foreach (var c in cases) if (HandWrittenValidators.Coe(c) == Verdict.Eligible) eligible++;
        return eligible;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "generated coe GetVerdict")]
    [BenchmarkCategory("coe")]
    public int GeneratedCoe()
    {
        var eligible = 0;
        foreach (var c in cases) if (CoeValidator.GetVerdict(c) == Verdict.Eligible) eligible++;
        return eligible;
    }
}
