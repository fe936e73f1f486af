using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Parsing;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// How the analysis grows with the size of an instrument, on the four families issue 26 measured (each beside binding
/// the same files, the baseline): N requirements <c>timeRemaining &gt;= k days or exceptionalCircumstances</c>
/// (<c>time</c>); N requirements on one number fact, every third with an exception (<c>one-fact</c>); N/2 <c>any</c> and
/// N/2 <c>all</c> quantifiers over the offences (<c>quantifiers</c>); one requirement of an N-way <c>or</c>
/// (<c>or</c>). Every instrument includes the statute. The run's budget (<see cref="AnalysisBudget"/>) caps each analysis
/// near a second: <see cref="Program"/>'s <c>--analysis-growth</c> prints, beside the time, whether a run reached it.
/// </summary>
[MemoryDiagnoser]
public class AnalysisGrowthBenchmarks
{
    private ParseResult[] files = null!;
    private TreatyModel bound = null!;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "time 25";

    public static IEnumerable<string> Cases() => new[]
    {
        "time 25", "time 100", "time 300", "one-fact 25", "one-fact 100", "one-fact 300",
        "quantifiers 16", "quantifiers 100", "quantifiers 300", "or 25", "or 100", "or 300",
    };

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split(' ');
        files = Files(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        bound = TreatyLoader.Load(files, analyse: false);
    }

    [Benchmark(Baseline = true, Description = "bind")]
    public int Bind() => TreatyLoader.Load(files, analyse: false).Diagnostics.Count;

    [Benchmark(Description = "analyse")]
    public int Analyse() => TreatyAnalysis.Run(bound).Diagnostics.Count;

    /// <summary>The shipped vocabulary and baseline, and one bilateral of the family at size <paramref name="n"/>.</summary>
    public static ParseResult[] Files(string family, int n)
    {
        var rules = new StringBuilder();
        var categories = new[] { "drug", "immigration", "military", "political", "violent", "firearm", "fraud", "sexual" };
        switch (family)
        {
            case "time":
                for (var i = 0; i < n; i++) rules.Append($"require r{i}: \"t\" cite \"c\" when timeRemaining >= {i + 1} days or exceptionalCircumstances\n");
                break;
            case "one-fact":
                for (var i = 0; i < n; i++)
                {
                    rules.Append($"require r{i}: \"t\" cite \"c\" when prisoner.yearsResidentInSentencingCountry < {i + 1}\n");
                    if (i % 3 == 0) rules.Append("  unless consent.state\n");
                }
                break;
            case "quantifiers":
                for (var i = 0; i < n / 2; i++)
                {
                    rules.Append($"require a{i}: \"t\" cite \"c\" when any offense in offenses: offense.category = {categories[i % 8]}\n");
                    rules.Append($"require b{i}: \"t\" cite \"c\" when all offense in offenses: offense.dualCriminality or offense.category != {categories[(i + 1) % 8]}\n");
                }
                break;
            case "or":
                rules.Append("require big: \"t\" cite \"c\" when ")
                    .Append(string.Join(" or ", Enumerable.Range(0, n).Select(i => $"prisoner.yearsResidentInSentencingCountry = {i}")))
                    .Append('\n');
                break;
            default:
                throw new System.ArgumentException("no family " + family);
        }
        return Benchmarks.Cases.SyntheticInstrument(rules.ToString());
    }
}
