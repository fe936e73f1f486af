using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Binding;
using TreatyDsl.Examples;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// What the language server pays to re-run the examples on an edit (issue 29: all shipped examples in at most 20 ms
/// warm), against the floor of evaluating the same cases, already built, through the interpreter's catalog: the rest is
/// building each example's case, binding its expectations and comparing. <see cref="Examples"/> adds that many more
/// examples, each a variant of the shipped base case, to show how the run grows.
/// </summary>
[MemoryDiagnoser]
public class ExampleBenchmarks
{
    private TreatyModel model = null!;
    private TreatyCatalog catalog = null!;
    private CaseFacts[] cases = null!;

    /// <summary>Examples added to the shipped ones.</summary>
    [Params(0, 100, 1000)]
    public int Examples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = Directory.GetFiles(Cases.TreatiesFolder, "*.treaty").Select(f => (f, File.ReadAllText(f))).ToList();
        var extra = new StringBuilder();
        for (var i = 0; i < Examples; i++)
        {
            // A variant of mx-eligible: a full-term date from 2 to 60 months after the application date.
            var months = 2 + i % 59;
            extra.Append($"\nexample bench-{i}: \"Variant {i}\"\n  cite \"7 FAM 481.3-1 d(5)\"\n  like mx-eligible\n")
                .Append($"  given sentence.fullTermDate = {new NodaTime.LocalDate(2026, 1, 15).PlusMonths(months):yyyy-MM-dd}\n")
                .Append($"  expect us-mx min-remaining met\n");
        }
        files.Add(("bench-examples.treaty", extra.ToString()));
        model = TreatyLoader.Load(files, analyse: false);
        catalog = InterpretedCatalog.Create(model);
        cases = ExampleChecks.Run(model).Results.Where(r => r.Case is not null).Select(r => r.Case!).ToArray();
    }

    [Benchmark(Baseline = true, Description = "evaluate the examples' cases")]
    public int EvaluateCases()
    {
        var eligible = 0;
        foreach (var facts in cases) if (CaseEvaluator.Evaluate(catalog, facts).Verdict == Verdict.Eligible) eligible++;
        return eligible;
    }

    [Benchmark(Description = "run the examples (build, evaluate, compare)")]
    public int RunExamples() => ExampleChecks.Run(model).Results.Count(r => r.Passed);
}
