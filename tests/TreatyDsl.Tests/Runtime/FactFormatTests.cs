using System.Globalization;
using NodaTime;
using NodaTime.Text;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>How explanations write values.</summary>
public class FactFormatTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9, 2, 28)]
    [InlineData(999, 12, 31)]
    [InlineData(2024, 2, 29)]
    [InlineData(2026, 11, 23)]
    [InlineData(9999, 12, 31)]
    [InlineData(0, 6, 15)]
    [InlineData(-44, 3, 15)]
    public void A_date_is_written_as_NodaTimes_ISO_pattern_writes_it(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);

        Assert.Equal(LocalDatePattern.Iso.Format(date), FactFormat.Value(date));
    }

    [Fact]
    public void Every_day_of_a_leap_year_is_written_as_the_ISO_pattern_writes_it()
    {
        for (var date = new LocalDate(2028, 1, 1); date.Year == 2028; date = date.PlusDays(1))
        {
            Assert.Equal(LocalDatePattern.Iso.Format(date), FactFormat.Value(date));
        }
    }

    public static TheoryData<decimal> Numbers() => new()
    {
        1m, 7m, 7.0m, 7.00m, -3m, 100000m, 12345678901234m, 9223372036854775807m, -9223372036854775808m,
        9223372036854775808m, 79228162514264337593543950335m, -79228162514264337593543950335m,
        0m, 0.0m, 7.5m, 7.50m, -0.25m, 0.0000000000000000000000000001m, 123456789.123456789m,
    };

    /// <summary>Negative zero prints as "0.0", as 0.0 does, so the theory above cannot hold both: xUnit would see one case twice.</summary>
    [Fact]
    public void Negative_zero_is_written_as_the_invariant_custom_format_writes_it()
    {
        Assert.Equal((-0.0m).ToString("0.############################", CultureInfo.InvariantCulture), FactFormat.Value(-0.0m));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_is_written_as_the_invariant_custom_format_writes_it(decimal number)
    {
        Assert.Equal(number.ToString("0.############################", CultureInfo.InvariantCulture), FactFormat.Value(number));
    }

    [Theory]
    [InlineData(0, 0, 0, "0 days")]
    [InlineData(0, 0, 1, "1 day")]
    [InlineData(1, 2, 0, "1 year 2 months")]
    [InlineData(12, 0, 30, "12 years 30 days")]
    [InlineData(0, 11, 2, "11 months 2 days")]
    [InlineData(9998, 1, 1, "9998 years 1 month 1 day")]
    public void A_period_is_written_in_years_months_and_days_leaving_out_the_zeros(int years, int months, int days, string expected)
    {
        Assert.Equal(expected, FactFormat.Period(new PeriodBuilder { Years = years, Months = months, Days = days }.Build()));
    }

    [Theory]
    [InlineData("2026-01-15", "2026-07-14", "remaining", "5 months 29 days remaining")]
    [InlineData("2026-01-15", "2027-01-15", null, "timeRemaining is 1 year")]
    [InlineData("2026-03-01", "2026-02-01", "remaining", "none remaining (1 month past the end)")]
    [InlineData("2026-03-01", null, "remaining", "timeRemaining is not known")]
    [InlineData("2026-03-01", "2026-03-01", "remaining", "0 days remaining")]
    public void The_time_remaining_is_written_from_start_to_end_with_its_label(string start, string? end, string? label, string expected)
    {
        Assert.Equal(expected, FactFormat.Remaining("timeRemaining", label, Date(start), end is null ? null : Date(end)));
    }

    [Theory]
    [InlineData(Truth.True, "remaining", "no end, so unlimited time remaining (sentence.type = life)")]
    [InlineData(Truth.True, null, "timeRemaining has no end (sentence.type = life)")]
    [InlineData(Truth.False, "remaining", "5 months 29 days remaining")]
    [InlineData(Truth.Unknown, "remaining", "5 months 29 days remaining, unless it has no end (sentence.type = life: not known)")]
    public void A_time_that_may_have_no_end_says_so_or_that_it_is_not_known(Truth unbounded, string? label, string expected)
    {
        Assert.Equal(expected, FactFormat.Remaining("timeRemaining", label, Date("2026-01-15"), Date("2026-07-14"), unbounded, "sentence.type = life"));
    }

    [Fact]
    public void A_list_of_names_is_written_in_brackets_and_an_unknown_one_as_not_known()
    {
        Assert.Equal("[MX, US]", FactFormat.Value(new[] { "MX", "US" }));
        Assert.Equal("[]", FactFormat.Value(System.Array.Empty<string>()));
        Assert.Equal("not known", FactFormat.Value((string[]?)null));
    }

    [Fact]
    public void A_comparison_of_two_facts_given_as_pieces_says_what_the_joined_phrase_says()
    {
        // Generated rules give the two facts' names and values as pieces; the interpreter joins them first.
        var pieces = new ExplanationSink();
        pieces.Note("first");
        pieces.Comparison("receivingCountry", "MX", "prisoner.nationalities", "[MX, US]", "receivingCountry in prisoner.nationalities", Truth.True, direct: true, wantTrue: true);
        var joined = new ExplanationSink();
        joined.Note("first");
        joined.Comparison(FactFormat.Fact("receivingCountry", "MX") + ", " + FactFormat.Fact("prisoner.nationalities", "[MX, US]"), "receivingCountry in prisoner.nationalities", Truth.True, direct: true, wantTrue: true);
        Assert.Equal("first; receivingCountry is MX, prisoner.nationalities is [MX, US]; receivingCountry in prisoner.nationalities required", pieces.Explanation);
        Assert.Equal(joined.Explanation, pieces.Explanation);
    }

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
