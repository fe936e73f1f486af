using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Parsing;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// The analysis (docs/analysis.md) on a bound model, against binding alone (the baseline): the shipped treaties, and a
/// synthetic instrument that includes the statute and adds 50, 200 or 800 requirements in groups of five that share a
/// fact (as a treaty's rules share sentence.type or the consents), every third with an exception; and 200 requirements
/// that all share one fact, the worst case for the grouping. Targets (issue 9): shipped under 100 ms, 200 under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private ParseResult[] shipped = null!;
    private TreatyModel shippedModel = null!;
    private TreatyModel fifty = null!;
    private TreatyModel twoHundred = null!;
    private TreatyModel eightHundred = null!;
    private TreatyModel twoHundredShared = null!;

    [GlobalSetup]
    public void Setup()
    {
        shipped = Directory.GetFiles(Cases.TreatiesFolder, "*.treaty").Select(f => TreatyParser.Parse(f, File.ReadAllText(f))).ToArray();
        shippedModel = TreatyLoader.Load(shipped, analyse: false);
        fifty = Synthetic(50, shared: false);
        twoHundred = Synthetic(200, shared: false);
        eightHundred = Synthetic(800, shared: false);
        twoHundredShared = Synthetic(200, shared: true);
    }

    /// <summary>The shipped vocabulary and baseline, N extra yes/no facts, and one bilateral with N requirements.</summary>
    private static TreatyModel Synthetic(int requirements, bool shared)
    {
        var vocabulary = new StringBuilder(File.ReadAllText(Path.Combine(Cases.TreatiesFolder, "case-file.treaty")));
        var instrument = new StringBuilder();
        for (var i = 0; i < requirements; i++)
        {
            vocabulary.Append($"fact extra.f{i}: bool\nfact extra.h{i}: bool\n");
            if (i % 5 == 0) vocabulary.Append($"fact extra.g{i / 5}: bool\n");
            var sharedFact = shared ? "prisoner.yearsResidentInSentencingCountry >= " + (i % 7) : $"extra.g{i / 5}";
            instrument.Append($"require r{i}: \"t\" cite \"c\" when extra.f{i} or {sharedFact}\n");
            if (i % 3 == 0) instrument.Append($"  unless extra.h{i}\n");
        }
        return TreatyLoader.Load(Cases.SyntheticInstrument(instrument.ToString(), vocabulary.ToString()), analyse: false);
    }

    [Benchmark(Baseline = true, Description = "bind shipped")]
    public int BindShipped() => TreatyLoader.Load(shipped, analyse: false).Diagnostics.Count;

    [Benchmark(Description = "analyse shipped")]
    public int AnalyseShipped() => TreatyAnalysis.Run(shippedModel).Diagnostics.Count;

    [Benchmark(Description = "analyse 50 requirements")]
    public int Fifty() => TreatyAnalysis.Run(fifty).Diagnostics.Count;

    [Benchmark(Description = "analyse 200 requirements")]
    public int TwoHundred() => TreatyAnalysis.Run(twoHundred).Diagnostics.Count;

    [Benchmark(Description = "analyse 800 requirements")]
    public int EightHundred() => TreatyAnalysis.Run(eightHundred).Diagnostics.Count;

    [Benchmark(Description = "analyse 200 sharing one fact")]
    [BenchmarkCategory("slow")]
    public int TwoHundredShared() => TreatyAnalysis.Run(twoHundredShared).Diagnostics.Count;
}
