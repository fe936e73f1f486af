using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Parsing;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// What the generator and the analyzer pay on every edit: parsing the shipped treaties (baseline) and parsing plus
/// binding them (the whole of <see cref="TreatyLoader.Load"/>).
/// </summary>
[MemoryDiagnoser]
public class LoadingBenchmarks
{
    private (string Path, string Text)[] files = null!;

    [GlobalSetup]
    public void Setup() =>
        files = Directory.GetFiles(Cases.TreatiesFolder, "*.treaty").Select(f => (f, File.ReadAllText(f))).ToArray();

    [Benchmark(Baseline = true, Description = "parse")]
    public int Parse() => files.Sum(f => TreatyParser.Parse(f.Path, f.Text).Diagnostics.Count);

    [Benchmark(Description = "parse + bind")]
    public int Load() => TreatyLoader.Load(files).Diagnostics.Count;
}
