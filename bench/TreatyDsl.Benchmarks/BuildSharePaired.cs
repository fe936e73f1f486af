using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// The <see cref="BuildShareBenchmarks"/> builds measured in pairs (<c>--build-share ROUNDS</c>): each round compiles the
/// plain application and both generator variants once, in an order that rotates, and the claim is the ratio within each
/// round. This machine's speed drifts by tens of percent over seconds, more than the difference asked about, and
/// BenchmarkDotNet measures one benchmark's iterations after another's, so drift lands on one side; within a round it
/// lands on both alike. Prints each variant's median time and its per-round ratio's median, with a 95% interval for that median, and the
/// middle 90% of the rounds.
/// </summary>
internal static class BuildSharePaired
{
    public static void Run(int rounds)
    {
        var builds = new BuildShareBenchmarks();
        builds.Setup();
        (string Name, Func<string> Build)[] sides =
        [
            ("compile, generated code as plain C#", builds.PlainCSharp),
            ("compile with generator + analyzer, driver kept", builds.WithGeneratorKeptDriver),
            ("compile with generator + analyzer, new driver", builds.WithGeneratorNewDriver),
        ];
        for (var warmup = 0; warmup < 3; warmup++) foreach (var side in sides) side.Build();

        var times = new double[sides.Length, rounds];
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                var i = (round + k) % sides.Length;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var clock = Stopwatch.StartNew();
                sides[i].Build();
                times[i, round] = clock.Elapsed.TotalMilliseconds;
            }
        }

        var baseline = Enumerable.Range(0, rounds).Select(r => times[0, r]).ToArray();
        Console.WriteLine($"{rounds} rounds, each side once per round in rotating order");
        for (var i = 0; i < sides.Length; i++)
        {
            var own = Enumerable.Range(0, rounds).Select(r => times[i, r]).ToArray();
            var ratios = own.Select((t, r) => t / baseline[r]).ToArray();
            var line = $"{sides[i].Name,-48} median {PairedStatistics.Quantile(own, 0.5),7:F1} ms";
            if (i > 0)
            {
                var (low, high) = PairedStatistics.MedianInterval(ratios);
                line += $"  ratio median {PairedStatistics.Quantile(ratios, 0.5):F3} (95% interval {low:F3}-{high:F3}), middle 90% of rounds {PairedStatistics.Quantile(ratios, 0.05):F3}-{PairedStatistics.Quantile(ratios, 0.95):F3}";
            }
            Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }
    }
}
