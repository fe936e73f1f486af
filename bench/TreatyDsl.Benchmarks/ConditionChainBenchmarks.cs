using System.Linq;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Parsing;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// Parse time of one rule whose condition is an 'and' chain of N comparisons. Linear means the ratio to the 1,000-term
/// baseline grows as N does (2 for 2,000, 4 for 4,000); it was quadratic before the grammar stopped using Sprache's
/// Regex and ChainOperator (1.3 s, 4.1 s and 20.7 s for 1,000, 2,000 and 4,000 terms).
/// </summary>
[MemoryDiagnoser]
public class ConditionChainBenchmarks
{
    private string thousand = null!;
    private string twoThousand = null!;
    private string fourThousand = null!;

    [GlobalSetup]
    public void Setup()
    {
        thousand = Rule(1000);
        twoThousand = Rule(2000);
        fourThousand = Rule(4000);
    }

    private static string Rule(int terms) =>
        "require r: \"t\" cite \"c\" when " + string.Join(" and ", Enumerable.Range(0, terms).Select(i => $"n >= {i}")) + "\n";

    [Benchmark(Baseline = true, Description = "1,000 terms")]
    public int Thousand() => TreatyParser.Parse("t.treaty", thousand).Diagnostics.Count;

    [Benchmark(Description = "2,000 terms")]
    public int TwoThousand() => TreatyParser.Parse("t.treaty", twoThousand).Diagnostics.Count;

    [Benchmark(Description = "4,000 terms")]
    public int FourThousand() => TreatyParser.Parse("t.treaty", fourThousand).Diagnostics.Count;
}
