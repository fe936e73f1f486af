using System.Linq;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Benchmarks.Treaties;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// One Mexican case under us-mx, five ways. The interpreter is the baseline: the generated validator should beat it
/// when explaining (with its explanations read or not), and its allocation-free fast path (GetVerdict) should beat
/// both by a wide margin and allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private IInstrumentValidator interpreted = null!;
    private IInstrumentValidator generated = null!;
    private CaseFacts interpretedFacts = null!;
    private CaseFacts facts = null!;
    private TreatyCase typed = null!;

    [Params("mx-eligible.json", "mx-ineligible-domiciliary-immigration.json")]
    public string Sample { get; set; } = "mx-eligible.json";

    [GlobalSetup]
    public void Setup()
    {
        var model = TreatyLoader.LoadDirectory(Cases.TreatiesFolder);
        var interpretedCatalog = InterpretedCatalog.Create(model);
        interpreted = interpretedCatalog.Instruments.Single(i => i.Info.Id == UsMxValidator.Id);
        generated = GeneratedTreaties.Catalog.Instruments.Single(i => i.Info.Id == UsMxValidator.Id);
        // Each reads the case as treaty eval would give it to them: the interpreter from its own schema's reader (facts
        // by path), the generated validator from the generated reader (a typed case).
        interpretedFacts = CaseFileReader.Read(Cases.Read(Sample), interpretedCatalog.Schema).Facts!;
        facts = CaseFileReader.Read(Cases.Read(Sample), GeneratedTreaties.Schema).Facts!;
        typed = TreatyCase.FromFacts(interpretedFacts);
    }

    [Benchmark(Baseline = true, Description = "interpreter: Evaluate(facts)")]
    public InstrumentReport Interpreter() => interpreted.Evaluate(interpretedFacts);

    [Benchmark(Description = "generated: Evaluate(facts)")]
    public InstrumentReport GeneratedFromFacts() => generated.Evaluate(facts);

    [Benchmark(Description = "generated: Evaluate(TreatyCase)")]
    public InstrumentReport GeneratedTyped() => UsMxValidator.Evaluate(typed);

    /// <summary>
    /// The generated report writes each explanation when it is first read; this row reads every one (as treaty eval
    /// does when it writes the report), so it is the report's whole cost. The interpreter's explanations are already
    /// written when it returns, so its row needs no reading.
    /// </summary>
    [Benchmark(Description = "generated: Evaluate(TreatyCase), every explanation read")]
    public int GeneratedTypedAllExplanationsRead()
    {
        var report = UsMxValidator.Evaluate(typed);
        var length = 0;
        foreach (var requirement in report.Requirements) length += requirement.Explanation.Length;
        foreach (var review in report.Reviews) length += review.Explanation.Length;
        return length;
    }

    [Benchmark(Description = "generated: GetVerdict(TreatyCase)")]
    public Verdict GeneratedVerdict() => UsMxValidator.GetVerdict(typed);
}
