using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace TreatyDsl.Runtime;

/// <summary>
/// How explanations write values. One place, used by the interpreter and by generated code alike,
/// so both explain a case in the same words.
/// </summary>
public static class FactFormat
{
    /// <summary>true, false or "not known".</summary>
    public static string Value(bool? value) => value is null ? "not known" : value.Value ? "true" : "false";

    /// <summary>The number without trailing zeros, or "not known".</summary>
    public static string Value(decimal? value)
    {
        if (value is null) return "not known";
        var number = value.Value;
        // A whole number (most facts: years, amounts) written as a long says the same as the custom format, which costs
        // several times more. Zero keeps the format's own spelling, as a decimal zero may carry a sign.
        if (number != 0m && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }
        return number.ToString(WholeDigits, CultureInfo.InvariantCulture);
    }

    private const string WholeDigits = "0.############################";

    /// <summary>The ISO date, or "not known".</summary>
    public static string Value(LocalDate? value) => value is null ? "not known" : IsoDate(value.Value);

    /// <summary>
    /// <c>LocalDatePattern.Iso</c>'s text (<c>uuuu-MM-dd</c>), written directly for the years 1 to 9999 (every date a case
    /// holds) because explanations write dates often and the pattern engine costs more than the rest of the sentence.
    /// </summary>
    private static string IsoDate(LocalDate date)
    {
        if (date.Year is < 1 or > 9999) return LocalDatePattern.Iso.Format(date);
        var text = new char[10];
        WriteIsoDate(text, 0, date);
        return new string(text);
    }

    /// <summary><see cref="Value(LocalDate?)"/>'s text of a date, written onto <paramref name="text"/>.</summary>
    internal static void AppendDate(TextBuffer text, LocalDate date)
    {
        if (date.Year is < 1 or > 9999) text.Append(LocalDatePattern.Iso.Format(date));
        else WriteIsoDate(text.Extend(10), 0, date);
    }

    private static void WriteIsoDate(Span<char> text, int start, LocalDate date)
    {
        Digits(text, start, date.Year, 4);
        text[start + 4] = '-';
        Digits(text, start + 5, date.Month, 2);
        text[start + 7] = '-';
        Digits(text, start + 8, date.Day, 2);
    }

    /// <summary>The last <paramref name="count"/> digits of a value that is not negative, zeros in front.</summary>
    private static void Digits(Span<char> text, int start, long value, int count)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            text[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
    }

    /// <summary>The name or text, or "not known".</summary>
    public static string Value(string? value) => value ?? "not known";

    /// <summary>"[MX, US]", or "not known".</summary>
    public static string Value(IReadOnlyList<string>? values)
    {
        if (values is null) return "not known";
        var text = TextBuffer.Scratch().Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(values[i]);
        }
        return text.Append(']').ToString();
    }

    /// <summary>A list of enum members, numbers, dates or yes/no values, each written by <paramref name="format"/>.</summary>
    public static string Value<T>(IReadOnlyList<T>? values, Func<T, string> format)
    {
        if (values is null) return "not known";
        var texts = new string[values.Count];
        for (var i = 0; i < texts.Length; i++) texts[i] = format(values[i]);
        return Value(texts);
    }

    /// <summary>"sentence.type is life", "sentence.type is not known".</summary>
    public static string Fact(string path, string valueText) => path + " is " + valueText;

    /// <summary><see cref="Fact"/>'s words, written onto <paramref name="text"/>.</summary>
    internal static void AppendFact(TextBuffer text, string path, string valueText) => text.Append(path).Append(" is ").Append(valueText);

    /// <summary>A period in words: "5 months 30 days", "1 year 2 months", "0 days".</summary>
    public static string Period(Period period)
    {
        var text = TextBuffer.Scratch();
        AppendPeriod(text, period);
        return text.ToString();
    }

    /// <summary><see cref="Period(NodaTime.Period)"/>'s words, written onto <paramref name="text"/>.</summary>
    private static void AppendPeriod(TextBuffer text, Period period)
    {
        var start = text.Length;
        AppendAmount(text, start, period.Years, "year");
        AppendAmount(text, start, period.Months, "month");
        AppendAmount(text, start, period.Days, "day");
        if (text.Length == start) text.Append("0 days");
    }

    /// <summary>"2 months" (with a space before it unless it is the first part since <paramref name="start"/>); nothing for 0.</summary>
    private static void AppendAmount(TextBuffer text, int start, int amount, string unit)
    {
        if (amount == 0) return;
        if (text.Length > start) text.Append(' ');
        AppendInteger(text, amount);
        text.Append(' ').Append(unit);
        if (amount != 1 && amount != -1) text.Append('s');
    }

    /// <summary>The integer as <c>ToString(CultureInfo.InvariantCulture)</c> writes it.</summary>
    private static void AppendInteger(TextBuffer text, int value)
    {
        var magnitude = (long)value;
        if (magnitude < 0)
        {
            text.Append('-');
            magnitude = -magnitude;
        }
        var count = 1;
        for (var rest = magnitude / 10; rest > 0; rest /= 10) count++;
        Digits(text.Extend(count), 0, magnitude, count);
    }

    /// <summary>The time from start to end in words, followed by the derived fact's label: "5 months 30 days remaining".</summary>
    public static string Remaining(string name, string? label, LocalDate? start, LocalDate? end)
    {
        var text = TextBuffer.Scratch();
        AppendRemaining(text, name, label, start, end);
        return text.ToString();
    }

    private static void AppendRemaining(TextBuffer text, string name, string? label, LocalDate? start, LocalDate? end)
    {
        if (start is null || end is null)
        {
            text.Append(name).Append(" is not known");
        }
        else if (end.Value < start.Value)
        {
            text.Append("none ").Append(label ?? string.Empty).Append(" (");
            AppendPeriod(text, NodaTime.Period.Between(end.Value, start.Value, PeriodUnits.YearMonthDay));
            text.Append(" past the end)");
        }
        else if (label is null)
        {
            AppendPeriod(text.Append(name).Append(" is "), NodaTime.Period.Between(start.Value, end.Value, PeriodUnits.YearMonthDay));
        }
        else
        {
            AppendPeriod(text, NodaTime.Period.Between(start.Value, end.Value, PeriodUnits.YearMonthDay));
            text.Append(' ').Append(label);
        }
    }

    /// <summary>
    /// <see cref="Remaining(string, string?, LocalDate?, LocalDate?)"/> for a period that may have no end, and the
    /// condition (<paramref name="endlessWhen"/>, as written) that says when: "no end, so unlimited time remaining (sentence.type = life)".
    /// </summary>
    public static string Remaining(string name, string? label, LocalDate? start, LocalDate? end, Truth unbounded, string endlessWhen)
    {
        var text = TextBuffer.Scratch();
        if (unbounded == Truth.True)
        {
            if (label is null) text.Append(name).Append(" has no end (");
            else text.Append("no end, so unlimited time ").Append(label).Append(" (");
            text.Append(endlessWhen).Append(')');
            return text.ToString();
        }
        AppendRemaining(text, name, label, start, end);
        if (unbounded != Truth.False) text.Append(", unless it has no end (").Append(endlessWhen).Append(": not known)");
        return text.ToString();
    }

    /// <summary>"at least 6 months", "sentence.type = determinate": what a comparison tests, in words.</summary>
    public static string Test(string? subject, Relation relation, string value)
    {
        var words = relation switch
        {
            Relation.GreaterOrEqual => "at least",
            Relation.Greater => "more than",
            Relation.LessOrEqual => "at most",
            Relation.Less => "less than",
            Relation.Equal => "=",
            _ => "!=",
        };
        return subject is null ? words + " " + value : subject + " " + words + " " + value;
    }
}
