using System.Linq;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>Procedural notes on a country's row (diplomatic channels, 7 FAM 482.3-1 (2)): shown with its cases, never deciding them.</summary>
public class CountryNoteTests
{
    private const string DiplomaticNote =
        "Requests go through diplomatic channels: prepare and submit the documents under diplomatic note, and relay communications by diplomatic note. " +
        "[7 FAM 482.3-1 (2) (Japan, Republic of Korea, Peru and Thailand \"are examples\"); 7 FAM 487.1 (1)]";

    [Theory]
    [InlineData("JP")]
    [InlineData("KR")]
    [InlineData("PE")]
    [InlineData("TH")]
    public void Cases_with_a_country_that_requires_diplomatic_channels_carry_the_note_in_both_directions(string country)
    {
        var outgoing = CaseBuilder.Outgoing(country).Evaluate();
        var incoming = CaseBuilder.Incoming(country).Evaluate();

        Assert.Contains(DiplomaticNote, outgoing.Notes);
        Assert.Contains(DiplomaticNote, incoming.Notes);
    }

    [Fact]
    public void A_note_changes_no_verdict_and_other_countries_have_none()
    {
        var peru = CaseBuilder.Outgoing("PE").Evaluate();
        var mexico = CaseBuilder.Outgoing("MX").Evaluate();

        Assert.Equal(global::TreatyDsl.Runtime.Verdict.Eligible, peru.Verdict);
        Assert.DoesNotContain(mexico.Notes, n => n.Contains("diplomatic"));
    }
}
