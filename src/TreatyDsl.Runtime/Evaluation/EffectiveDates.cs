using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>Picks the version of a rule or threshold in effect on the application date.</summary>
public static class EffectiveDates
{
    /// <summary>No version is in effect on the date.</summary>
    public const int NoneInEffect = -1;

    /// <summary>The application date is not known, so which version applies is not known.</summary>
    public const int DateUnknown = -2;

    /// <summary>
    /// The index of the version whose period [from, before) holds <paramref name="date"/>.
    /// A lone version with no bounds applies whatever the date, even an unknown one.
    /// </summary>
    public static int Choose(LocalDate? date, LocalDate?[] from, LocalDate?[] before)
    {
        if (from.Length == 1 && from[0] is null && before[0] is null) return 0;
        if (date is null) return DateUnknown;
        for (var i = 0; i < from.Length; i++)
        {
            if ((from[i] is null || date.Value >= from[i]!.Value) && (before[i] is null || date.Value < before[i]!.Value)) return i;
        }
        return NoneInEffect;
    }

    /// <summary>An effective period in words: "always", "from 2020-01-01", "before 2020-01-01" or both.</summary>
    public static string Describe(LocalDate? from, LocalDate? before) =>
        from is null && before is null ? "always"
        : from is null ? "before " + FactFormat.Value(before)
        : before is null ? "from " + FactFormat.Value(from)
        : "from " + FactFormat.Value(from) + " before " + FactFormat.Value(before);
}
