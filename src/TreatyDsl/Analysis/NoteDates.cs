using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.Binding;
using TreatyDsl.Syntax;

namespace TreatyDsl.Analysis;

/// <summary>
/// A date as a country-table note writes it. A numeric date (<c>01/05/2001</c>) has two readings, month first and day
/// first (null where a reading is not a date); a written date (<c>January 18, 2008</c>) has one, in both.
/// </summary>
internal sealed record NoteDate(string Text, DateValue? MonthFirst, DateValue? DayFirst, bool TwoDigits)
{
    private static readonly Regex Numeric = new(@"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])", RegexOptions.CultureInvariant);

    private static readonly Regex Written = new(
        @"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})\b",
        RegexOptions.CultureInvariant);

    private static readonly string[] Months =
        { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

    /// <summary>Every date in <paramref name="note"/>, in the order written.</summary>
    public static IReadOnlyList<NoteDate> Find(string? note)
    {
        if (string.IsNullOrEmpty(note)) return Array.Empty<NoteDate>();
        var found = new List<(int At, NoteDate Date)>();
        foreach (Match m in Numeric.Matches(note))
        {
            int a = int.Parse(m.Groups[1].Value), b = int.Parse(m.Groups[2].Value), year = int.Parse(m.Groups[3].Value);
            found.Add((m.Index, new NoteDate(m.Value, Date(year, a, b), Date(year, b, a), m.Groups[1].Length == 2 && m.Groups[2].Length == 2)));
        }
        foreach (Match m in Written.Matches(note))
        {
            var date = Date(int.Parse(m.Groups[3].Value), Array.IndexOf(Months, m.Groups[1].Value) + 1, int.Parse(m.Groups[2].Value));
            found.Add((m.Index, new NoteDate(m.Value, date, date, TwoDigits: false)));
        }
        return found.OrderBy(f => f.At).Select(f => f.Date).ToList();
    }

    private static DateValue? Date(int year, int month, int day) => DateValue.IsValid(year, month, day) ? new DateValue(year, month, day) : null;
}

/// <summary>
/// How the table writes its numeric note dates, to tell a date that departs from the table's own habits. Each query
/// leaves out the date asked about (one occurrence: it is itself one of the table's dates).
/// </summary>
internal sealed class NoteDateStatistics
{
    private readonly List<(string Instrument, NoteDate Date)> numeric;

    private NoteDateStatistics(List<(string, NoteDate)> numeric) => this.numeric = numeric;

    public static NoteDateStatistics Of(CountryTableModel table) => new(
        table.Countries.Where(r => r.TerritoryOf is null)
            .SelectMany(r => r.Memberships)
            .SelectMany(m => NoteDate.Find(m.Note).Where(d => d.Text.Contains('/')).Select(d => (m.Instrument, d)))
            .ToList());

    /// <summary>The share of the table's other numeric dates written with two-digit month and day (1 when there are none).</summary>
    public double TwoDigitShareExcluding(NoteDate date)
    {
        var others = numeric.Count - 1;
        return others <= 0 ? 1 : (numeric.Count(n => n.Date.TwoDigits) - (date.TwoDigits ? 1 : 0)) / (double)others;
    }

    /// <summary>Of the table's other numeric dates for <paramref name="instrument"/> that read month first, how many fall on the first of a month.</summary>
    public (int FirstOfMonth, int Count) FirstOfMonthExcluding(string instrument, NoteDate date)
    {
        var readings = numeric.Where(n => n.Instrument == instrument && n.Date.MonthFirst is not null).Select(n => n.Date.MonthFirst!.Value).ToList();
        if (date.MonthFirst is not { } own) return (readings.Count(d => d.Day == 1), readings.Count);
        return (readings.Count(d => d.Day == 1) - (own.Day == 1 ? 1 : 0), readings.Count - 1);
    }
}

/// <summary>Whether a note names something as a whole word, ignoring case (<c>COE</c> names <c>coe</c>, <c>Bilateral</c> the kind).</summary>
internal static class NoteWords
{
    public static bool Contains(string note, string word) =>
        Regex.IsMatch(note, @"(?<![\w-])" + Regex.Escape(word) + @"(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
