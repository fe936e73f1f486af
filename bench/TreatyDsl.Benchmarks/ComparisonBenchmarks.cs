using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Comparison;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// What <c>treaty diff</c> costs on the shipped set against one edit (issue 29: at most 1 s), beside what the analysis
/// of the same files costs (<c>treaty check</c>'s case analysis, the baseline). The edits: Thailand's minimum raised
/// (one instrument's rule changes), the baseline's minimum raised (a rule of every instrument that takes it), and the
/// baseline's dual-criminality rule rewritten to an equivalent condition (proving that no case changes, in thirteen
/// instruments).
/// </summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private TreatyModel before = null!;
    private TreatyModel after = null!;

    [Params("us-th threshold", "baseline threshold", "equivalent rewrite")]
    public string Edit { get; set; } = "us-th threshold";

    [GlobalSetup]
    public void Setup()
    {
        var files = Directory.GetFiles(Cases.TreatiesFolder, "*.treaty").Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        before = TreatyLoader.Load(files, analyse: false);
        var (file, find, replace) = Edit switch
        {
            "us-th threshold" => ("us-th.treaty", "override threshold minTimeRemaining: 12 months", "override threshold minTimeRemaining: 18 months"),
            "baseline threshold" => ("baseline.treaty", "threshold minTimeRemaining: 6 months", "threshold minTimeRemaining: 9 months"),
            _ => ("baseline.treaty", "when all offense in offenses: offense.dualCriminality or offense.sentenceServed",
                "when not (any offense in offenses: not offense.sentenceServed and not offense.dualCriminality)"),
        };
        after = TreatyLoader.Load(files.Select(f => Path.GetFileName(f.Path) == file ? (f.Path, f.Text.Replace(find, replace)) : f), analyse: false);
    }

    [Benchmark(Baseline = true, Description = "analyse the new files (treaty check)")]
    public int Analyse() => TreatyAnalysis.Run(after, new AnalysisBudget()).Diagnostics.Count;

    [Benchmark(Description = "compare old and new (treaty diff)")]
    public int Compare() => TreatyComparer.Compare(before, after).Instruments.Sum(i => i.Changes.Count);
}
