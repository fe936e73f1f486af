using System;
using NodaTime;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>
/// The fast path adds a period of years, months and days unit by unit instead of through NodaTime's general
/// <see cref="LocalDate.Plus(Period)"/>: the two must give the same date (or both run past the calendar) for every date
/// and period, month ends and leap days included.
/// </summary>
public class PeriodAdditionTests
{
    private static LocalDate? Reference(LocalDate start, Period period)
    {
        try
        {
            return start.Plus(period);
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static void AssertSame(LocalDate start, Period period)
    {
        var added = Compare.TryAdd(start, period, out var sum) ? sum : (LocalDate?)null;
        Assert.True(Reference(start, period) == added, $"{start:yyyy-MM-dd} + {period}: NodaTime {Reference(start, period)}, fast {added}");
    }

    [Fact]
    public void Adding_years_months_and_days_in_turn_gives_NodaTimes_date_for_every_date_and_period()
    {
        var random = new Random(32);
        for (var i = 0; i < 200_000; i++)
        {
            var year = random.Next(4) == 0 ? random.Next(9990, 10000) : random.Next(1, 10000);
            var month = random.Next(1, 13);
            var day = random.Next(2) == 0 ? CalendarSystem.Iso.GetDaysInMonth(year, month) - random.Next(3) : random.Next(1, 29);
            var period = new PeriodBuilder { Years = random.Next(3) == 0 ? 0 : random.Next(0, 40), Months = random.Next(3) == 0 ? 0 : random.Next(0, 40), Days = random.Next(3) == 0 ? 0 : random.Next(0, 800) }.Build();
            AssertSame(new LocalDate(year, month, Math.Max(1, day)), period);
        }
    }

    [Fact]
    public void Month_ends_leap_days_and_the_end_of_the_calendar_agree()
    {
        AssertSame(new LocalDate(2024, 2, 29), new PeriodBuilder { Years = 1, Months = 1 }.Build());
        AssertSame(new LocalDate(2026, 1, 31), Period.FromMonths(1));
        AssertSame(new LocalDate(2026, 8, 31), new PeriodBuilder { Months = 6, Days = 1 }.Build());
        AssertSame(new LocalDate(9999, 12, 31), Period.FromDays(1));
        AssertSame(new LocalDate(9999, 7, 1), Period.FromMonths(6));
        AssertSame(new LocalDate(9999, 7, 1), Period.FromYears(99999));
    }
}
