using System.Globalization;
using NodaTime;
using NodaTime.Text;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests;

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
        0m, 0.0m, -0.0m, 7.5m, 7.50m, -0.25m, 0.0000000000000000000000000001m, 123456789.123456789m,
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_is_written_as_the_invariant_custom_format_writes_it(decimal number)
    {
        Assert.Equal(number.ToString("0.############################", CultureInfo.InvariantCulture), FactFormat.Value(number));
    }
}
