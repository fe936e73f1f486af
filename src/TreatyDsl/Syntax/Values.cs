using System;

namespace TreatyDsl.Syntax;

/// <summary>A calendar date as written in a .treaty file (ISO calendar, no time zone).</summary>
public readonly record struct DateValue(int Year, int Month, int Day) : IComparable<DateValue>
{
    public int CompareTo(DateValue other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Month != other.Month ? Month.CompareTo(other.Month) : Day.CompareTo(other.Day);

    public override string ToString() => $"{Year:D4}-{Month:D2}-{Day:D2}";

    public static bool IsValid(int year, int month, int day) =>
        year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}

/// <summary>
/// A calendar duration: whole years, months and days, added to a date field by field
/// (years, then months, then days) the way NodaTime's <c>Period</c> does.
/// </summary>
public readonly record struct DurationValue(int Years, int Months, int Days)
{
    public override string ToString()
    {
        var parts = new System.Collections.Generic.List<string>();
        if (Years != 0) parts.Add(Years == 1 ? "1 year" : $"{Years} years");
        if (Months != 0) parts.Add(Months == 1 ? "1 month" : $"{Months} months");
        if (Days != 0 || parts.Count == 0) parts.Add(Days == 1 ? "1 day" : $"{Days} days");
        return string.Join(" ", parts);
    }
}
