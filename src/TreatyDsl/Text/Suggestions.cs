using System.Collections.Generic;

namespace TreatyDsl.Text;

/// <summary>"Did you mean": the known name closest to a mistyped one, for a message that offers the fix.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate fewest edits (insertions, deletions, substitutions; case ignored) from <paramref name="name"/>, or
    /// null when none is within <paramref name="maxDistance"/> (by default a quarter of the name, and at least 2: a likely typo).
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates, int? maxDistance = null)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lower = name.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(lower, candidate.ToLowerInvariant());
            if (distance < bestDistance) { best = candidate; bestDistance = distance; }
        }
        return bestDistance <= (maxDistance ?? System.Math.Max(2, name.Length / 4)) ? best : null;
    }

    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = System.Math.Min(System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
