using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>The "done when": a prisoner of any country in Exhibit 481, territories included, gets a verdict in either direction.</summary>
public class EveryCountryTests
{
    public static IEnumerable<object[]> EveryCountryInTheTable() =>
        TreatyLoader.LoadDirectory(Paths.Treaties).Countries.Countries
            .Where(c => c.Code != CaseEvaluator.UnitedStates)
            .Select(c => new object[] { c.Code });

    [Theory]
    [MemberData(nameof(EveryCountryInTheTable))]
    public void A_prisoner_of_any_country_in_the_table_is_evaluated_under_an_instrument_in_force_both_ways(string country)
    {
        foreach (var report in new[] { CaseBuilder.Outgoing(country).Evaluate(), CaseBuilder.Incoming(country).Evaluate() })
        {
            Assert.NotEqual(Verdict.NoTreaty, report.Verdict);
            Assert.NotEmpty(report.Instruments);
            Assert.Contains(report.Instruments, i => i.Usable);
        }
    }
}
