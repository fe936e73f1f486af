using System;
using System.Linq;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// The statistics of paired rounds (<see cref="BuildSharePaired"/>, <see cref="RatioPaired"/>): a ratio is taken within
/// each round, where the machine's drift falls on both sides alike, and the claim is the median of those ratios.
/// </summary>
internal static class PairedStatistics
{
    /// <summary>
    /// A distribution-free 95% confidence interval for the median: the order statistics n/2 -+ 1.96 sqrt(n)/2 (the
    /// binomial's normal approximation), so no assumption about how the machine's noise is shaped.
    /// </summary>
    public static (double Low, double High) MedianInterval(double[] values)
    {
        var sorted = values.Order().ToArray();
        var half = 1.96 * Math.Sqrt(sorted.Length) / 2;
        var low = Math.Max(0, (int)Math.Floor(sorted.Length / 2.0 - half));
        var high = Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length / 2.0 + half) - 1);
        return (sorted[low], sorted[high]);
    }

    /// <summary>The <paramref name="q"/> quantile, interpolated between the two nearest values.</summary>
    public static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
