using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Parsing;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// Parsing one file made of the shipped treaties' text 1, 10 and 100 times over (39 KB, 390 KB, 3.9 MB): the baseline
/// is once, so linear parsing shows as ratios of 10 and 100 (issue 13: linear in size).
/// </summary>
[MemoryDiagnoser]
public class ParseScalingBenchmarks
{
    private string text = null!;

    [Params(1, 10, 100)]
    public int Copies { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        var shipped = string.Join("\n", Directory.GetFiles(Cases.TreatiesFolder, "*.treaty").OrderBy(f => f).Select(File.ReadAllText));
        var builder = new StringBuilder(shipped.Length * Copies + Copies);
        for (var i = 0; i < Copies; i++) builder.Append(shipped).Append('\n');
        text = builder.ToString();
    }

    [Benchmark(Description = "parse")]
    public int Parse() => TreatyParser.Parse("all.treaty", text).File.Declarations.Count;
}
