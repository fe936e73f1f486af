using System;
using System.Diagnostics;
using System.Linq;
using TreatyDsl.Analysis;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// <c>--analysis-growth</c>: for each family and size of <see cref="AnalysisGrowthBenchmarks"/>, the analysis's median
/// time over five runs (after one to warm up), the evaluations it spent, whether it reached the run's budget (then
/// what is left is "not analysed"), and its findings (a larger budget can be given, to see what a family needs in full); then each family's growth exponent, the slope of log time (and of
/// log evaluations, which a shared machine does not blur) against log size between the largest two sizes analysed within the budget. What BenchmarkDotNet cannot print beside a time.
/// </summary>
internal static class AnalysisGrowth
{
    /// <param name="evaluations">The budget of each run: the default, or more, to see what a family needs in full.</param>
    public static void Run(long evaluations)
    {
        Console.WriteLine("| family | size | median ms | evaluations | budget reached | findings |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: |");
        foreach (var family in AnalysisGrowthBenchmarks.Cases().GroupBy(c => c.Split(' ')[0]))
        {
            var points = new System.Collections.Generic.List<(int Size, double Ms, long Spent, bool Reached)>();
            foreach (var @case in family)
            {
                var size = int.Parse(@case.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                var bound = TreatyLoader.Load(AnalysisGrowthBenchmarks.Files(family.Key, size), analyse: false);
                TreatyAnalysis.Run(bound);
                var times = new double[5];
                AnalysisBudget budget = null!;
                var findings = 0;
                for (var i = 0; i < times.Length; i++)
                {
                    budget = new AnalysisBudget(evaluations);
                    var clock = Stopwatch.StartNew();
                    findings = TreatyAnalysis.Run(bound, budget).Diagnostics.Count(d => d.Id.StartsWith("TDSL03", StringComparison.Ordinal));
                    times[i] = clock.Elapsed.TotalMilliseconds;
                }
                var median = times.OrderBy(t => t).ElementAt(times.Length / 2);
                points.Add((size, median, budget.Spent, budget.Exhausted));
                Console.WriteLine($"| {family.Key} | {size} | {median:F1} | {budget.Spent:N0} | {(budget.Exhausted ? "yes" : "no")} | {findings} |");
            }
            var within = points.Where(p => !p.Reached).ToList();
            if (within.Count >= 2)
            {
                var (a, b) = (within[within.Count - 2], within[within.Count - 1]);
                var sizes = Math.Log((double)b.Size / a.Size);
                Console.WriteLine($"| {family.Key} | growth exponent {Math.Log(b.Ms / a.Ms) / sizes:F2} by time, {Math.Log((double)b.Spent / a.Spent) / sizes:F2} by evaluations ({a.Size} to {b.Size}) | | | | |");
            }
        }
    }
}
