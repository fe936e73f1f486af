using BenchmarkDotNet.Attributes;
using TreatyDsl.Benchmarks.Treaties;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// The generated fast path (<c>GetVerdict</c>) against hand-written validators of the same rules (the baseline) over
/// 10,000 varied cases, us-mx and coe, per case. Issue 13's target: within 1.2x of hand-written, 0 B allocated.
/// The setup checks that the two agree on every case (and that Evaluate agrees with GetVerdict) before anything is timed.
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

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "hand-written us-mx")]
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

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "hand-written coe")]
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
