using System.IO;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Formatting;
using TreatyDsl.Parsing;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// <c>treaty format</c> and Format Document on the largest shipped file (countries.treaty, 450 lines) and on
/// us-mx.treaty, against parsing the same text in the same run: formatting parses the file (it formats only what
/// parses), lexes it, lays it out and lexes the result again to prove that only white space changed.
/// </summary>
[MemoryDiagnoser]
public class FormattingBenchmarks
{
    [Params("countries.treaty", "us-mx.treaty")]
    public string File { get; set; } = "countries.treaty";

    private string text = null!;

    [GlobalSetup]
    public void Setup() => text = System.IO.File.ReadAllText(Path.Combine(Cases.TreatiesFolder, File));

    [Benchmark(Baseline = true, Description = "parse")]
    public object Parse() => TreatyParser.Parse(File, text);

    [Benchmark(Description = "format")]
    public object Format() => TreatyFormatter.Format(File, text);
}
