using System;
using System.Diagnostics;
using System.Globalization;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// Issue 32's two in-process ratios measured as the issue measured them (<c>--ratios ROUNDS</c>): in one process, the
/// baseline and the generated code timed in turn, a block of each per round (their order alternating), and the claim
/// the median of the per-round ratios, with a distribution-free 95% interval for it. BenchmarkDotNet times one
/// benchmark's iterations after the other's, so the machine's drift over those seconds (tens of percent here) lands on
/// one side; within a round it lands on both. The same code as <see cref="FastPathBenchmarks"/> (generated
/// <c>GetVerdict</c> against the careful hand-written validator, over 10,000 varied cases) and
/// <see cref="EveryInstrumentReportBenchmarks"/> (every instrument's generated report against the interpreter, over the
/// samples), each side checked against the other by their setups first.
/// </summary>
internal static class RatioPaired
{
    /// <summary>How long each side's block runs in a round: long enough for the clock, short enough that drift is shared.</summary>
    private static readonly TimeSpan Block = TimeSpan.FromMilliseconds(20);

    /// <summary>How long both sides run before the rounds.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private static int consumed; // what the timed calls return, kept so that they cannot be left out

    public static void Run(int rounds)
    {
        Console.WriteLine($"{rounds} rounds; each side a {Block.TotalMilliseconds:F0} ms block per round, in alternating order; median of the per-round ratios (95% interval), middle 90% of rounds");
        var fast = new FastPathBenchmarks();
        fast.Setup();
        Compare("GetVerdict us-mx, generated / careful hand-written", fast.CarefulUsMxVerdicts, fast.GeneratedUsMx, rounds, speedUp: false);
        Compare("GetVerdict coe, generated / careful hand-written", fast.CarefulCoeVerdicts, fast.GeneratedCoe, rounds, speedUp: false);
        foreach (var instrument in EveryInstrumentReportBenchmarks.Instruments())
        {
            var reports = new EveryInstrumentReportBenchmarks { Instrument = instrument };
            reports.Setup();
            Compare($"report {instrument}, interpreter / generated (times faster)", reports.Interpreter, reports.Generated, rounds, speedUp: true);
        }
        GC.KeepAlive(consumed);
    }

    private static void Compare(string name, Func<int> baseline, Func<int> generated, int rounds, bool speedUp)
    {
        // Warm-up: both sides run for a second first, so that the runtime has compiled their hot methods fully (it
        // waits for a pause in new compilation, then recompiles what is called often) before any round counts.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < WarmUp;)
        {
            PerCall(baseline, 1);
            PerCall(generated, 1);
        }
        var baselineCalls = Calibrate(baseline);
        var generatedCalls = Calibrate(generated);
        var ratios = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            double b, g;
            if ((round & 1) == 0)
            {
                b = PerCall(baseline, baselineCalls);
                g = PerCall(generated, generatedCalls);
            }
            else
            {
                g = PerCall(generated, generatedCalls);
                b = PerCall(baseline, baselineCalls);
            }
            ratios[round] = speedUp ? b / g : g / b;
        }
        var (low, high) = PairedStatistics.MedianInterval(ratios);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-62} {PairedStatistics.Quantile(ratios, 0.5):F2}x ({low:F2}-{high:F2}), middle 90% {PairedStatistics.Quantile(ratios, 0.05):F2}-{PairedStatistics.Quantile(ratios, 0.95):F2}"));
    }

    /// <summary>How many calls fill a block.</summary>
    private static int Calibrate(Func<int> call)
    {
        var calls = 1;
        while (PerCall(call, calls) * calls < Block.TotalNanoseconds) calls *= 2;
        return calls;
    }

    /// <summary>Nanoseconds per call over <paramref name="calls"/> calls.</summary>
    private static double PerCall(Func<int> call, int calls)
    {
        var clock = Stopwatch.StartNew();
        var sum = 0;
        for (var i = 0; i < calls; i++) sum += call();
        var elapsed = clock.Elapsed.TotalNanoseconds;
        consumed += sum;
        return elapsed / calls;
    }
}
