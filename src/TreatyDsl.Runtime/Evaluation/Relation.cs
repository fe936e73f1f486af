using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>A comparison operator, as the evaluators see it.</summary>
public enum Relation
{
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>Comparisons of a possibly unknown fact with a value. An unknown fact gives <see cref="Truth.Unknown"/>.</summary>
public static class Compare
{
    /// <summary>Compares two numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with the relation a constant, the switch of Holds folds away
    public static Truth Numbers(decimal? left, Relation relation, decimal? right) =>
        left is null || right is null ? Truth.Unknown : Logic.Of(Holds(left.Value.CompareTo(right.Value), relation));

    /// <summary>Compares two dates; earlier is less.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with the relation a constant, the switch of Holds folds away
    public static Truth Dates(LocalDate? left, Relation relation, LocalDate? right) =>
        left is null || right is null ? Truth.Unknown : Logic.Of(Holds(left.Value.CompareTo(right.Value), relation));

    /// <summary>Compares two yes/no values; only = and != are meaningful.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with the relation a constant, the switch of Holds folds away
    public static Truth Bools(bool? left, Relation relation, bool? right) =>
        left is null || right is null ? Truth.Unknown : Logic.Of(Holds(left.Value == right.Value ? 0 : 1, relation));

    /// <summary>Equality of names: countries, enum members, text. Ordinal and case-sensitive (the two-argument
    /// <see cref="string.Equals(string, string)"/>, which the JIT inlines, unlike the overload taking a comparison).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with the relation a constant, the switch of Holds folds away
    public static Truth Names(string? left, Relation relation, string? right) =>
        left is null || right is null ? Truth.Unknown : Logic.Of(Holds(string.Equals(left, right) ? 0 : 1, relation));

    /// <summary>
    /// Compares the calendar time between <paramref name="start"/> and <paramref name="end"/> with a period,
    /// without ever computing a fuzzy "number of months": "at least 6 months" holds when start plus 6 calendar
    /// months (clamped to the month's last day, as NodaTime adds months) is on or before end.
    /// So 2026-01-15 to 2026-07-15 is exactly 6 months, and 2026-01-15 to 2026-07-14 is not.
    /// </summary>
    public static Truth Remaining(LocalDate? start, LocalDate? end, Relation relation, Period? period)
    {
        if (start is null || end is null || period is null) return Truth.Unknown;
        // remaining (start..end) versus period  <=>  end versus start + period
        return Logic.Of(Holds(TryAdd(start.Value, period, out var boundary) ? end.Value.CompareTo(boundary) : -1, relation));
    }

    /// <summary>
    /// <see cref="Remaining(LocalDate?, LocalDate?, Relation, Period?)"/> for a period that has no end when
    /// <paramref name="unbounded"/> is true: then it is longer than any period (a life sentence leaves more than any
    /// minimum to serve). When whether it has an end is unknown, the answer is definite only if both readings agree.
    /// </summary>
    public static Truth Remaining(Truth unbounded, LocalDate? start, LocalDate? end, Relation relation, Period? period)
    {
        if (period is null) return Truth.Unknown;
        var endless = Logic.Of(Holds(1, relation));
        if (unbounded == Truth.True) return endless;
        var bounded = Remaining(start, end, relation, period);
        if (unbounded == Truth.False) return bounded;
        return bounded == endless ? bounded : Truth.Unknown;
    }

    /// <summary>
    /// <paramref name="start"/> plus <paramref name="period"/>, or false when that is past the last date the calendar
    /// holds (9999-12-31): then every date, <c>end</c> included, is before it. Periods are never negative.
    /// </summary>
    internal static bool TryAdd(LocalDate start, Period period, out LocalDate sum)
    {
        // The common case, far from the calendar's end, with no exception handler in the way of inlining.
        if (!period.HasTimeComponent && period.Weeks == 0 && period.Years >= 0 && period.Months >= 0 && period.Days >= 0
            && (long)start.Year + period.Years + period.Months / 12 + period.Days / 365 + 2 < 9999)
        {
            sum = PlusDateUnits(start, period);
            return true;
        }
        return TryAddChecked(start, period, out sum);
    }

    private static bool TryAddChecked(LocalDate start, Period period, out LocalDate sum)
    {
        try
        {
            sum = period.HasTimeComponent || period.Weeks != 0 ? start.Plus(period) : PlusDateUnits(start, period);
            return true;
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            sum = default;
            return false;
        }
    }

    /// <summary>
    /// <paramref name="start"/> plus a period of years, months and days (as every .treaty duration is): each unit added
    /// in turn, years first, as <see cref="LocalDate.Plus(Period)"/> adds them, without its general path for any unit,
    /// which the fast path pays on every case it counts a period for. The two agree on every date and period
    /// (<c>RelationTests</c>).
    /// </summary>
    private static LocalDate PlusDateUnits(LocalDate start, Period period)
    {
        var sum = start;
        if (period.Years != 0) sum = sum.PlusYears(period.Years);
        if (period.Months != 0) sum = sum.PlusMonths(period.Months);
        if (period.Days != 0) sum = sum.PlusDays(period.Days);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with the relation a constant, the switch of Holds folds away
    private static bool Holds(int comparison, Relation relation) => relation switch
    {
        Relation.Equal => comparison == 0,
        Relation.NotEqual => comparison != 0,
        Relation.Less => comparison < 0,
        Relation.LessOrEqual => comparison <= 0,
        Relation.Greater => comparison > 0,
        _ => comparison >= 0,
    };
}
