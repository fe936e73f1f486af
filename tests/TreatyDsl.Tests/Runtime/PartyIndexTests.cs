using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>
/// The catalog's index of who is party to what (made once per catalog) gives, for each country, the instruments it is
/// party to, in catalog order, and since when: its table row's date, else the instrument's; a bilateral's named party
/// without a row, the instrument's date.
/// </summary>
public class PartyIndexTests
{
    private static readonly LocalDate CoeInForce = new(1985, 7, 1);
    private static readonly LocalDate BilateralInForce = new(2010, 3, 1);

    private static TreatyCatalog Catalog()
    {
        var coe = new Instrument(new InstrumentInfo("coe", "COE", "multilateral", Array.Empty<string>(), CoeInForce, "CETS 112"));
        var bilateral = new Instrument(new InstrumentInfo("us-xc", "US-XC", "bilateral", new[] { "US", "XC" }, BilateralInForce, "treaty"));
        var table = new CountryTable("table", "7 FAM 481", new[]
        {
            new CountryEntry("US", "United States", new[] { new CountryMembership("coe", new LocalDate(1985, 7, 1), null), new CountryMembership("oas", null, null) }, null),
            new CountryEntry("XA", "Dated", new[] { new CountryMembership("coe", new LocalDate(2000, 1, 1), null) }, null),
            new CountryEntry("XB", "Undated", new[] { new CountryMembership("coe", null, null) }, null),
            new CountryEntry("XD", "Undefined", new[] { new CountryMembership("us-xd", null, null), new CountryMembership("xd-yy", null, null), new CountryMembership("oas", null, null) }, null),
        });
        return new TreatyCatalog(new FactSchema(Array.Empty<FactDefinition>()), new IInstrumentValidator[] { coe, bilateral }, table);
    }

    [Fact]
    public void A_table_row_gives_its_own_date_and_an_undated_row_the_instruments()
    {
        var parties = Catalog().Parties;
        Assert.Equal(new[] { ("coe", (LocalDate?)new LocalDate(2000, 1, 1)) }, parties.Of("XA").Select(p => (p.Instrument.Info.Id, p.Since)));
        Assert.Equal(new[] { ("coe", (LocalDate?)CoeInForce) }, parties.Of("XB").Select(p => (p.Instrument.Info.Id, p.Since)));
    }

    [Fact]
    public void A_bilaterals_named_party_without_a_row_is_party_from_the_instruments_date_and_rows_and_names_combine_in_catalog_order()
    {
        var parties = Catalog().Parties;
        Assert.Equal(new[] { ("us-xc", (LocalDate?)BilateralInForce) }, parties.Of("XC").Select(p => (p.Instrument.Info.Id, p.Since)));
        Assert.Equal(new[] { (0, "coe"), (1, "us-xc") }, parties.Of("US").Select(p => (p.Index, p.Instrument.Info.Id)));
    }

    [Fact]
    public void An_unknown_or_missing_country_is_party_to_nothing()
    {
        var parties = Catalog().Parties;
        Assert.Empty(parties.Of("ZZ"));
        Assert.Empty(parties.Of(null));
    }

    [Fact]
    public void Instruments_a_row_shares_with_the_United_States_that_no_file_defines_are_said_in_the_cases_notes()
    {
        // us-xd is the bilateral named after the row, oas is in the United States' row too; xd-yy is shared with no one.
        var catalog = Catalog();
        Assert.Equal(new[] { "us-xd", "oas" }, catalog.Parties.UndefinedSharedWithUnitedStates("XD"));
        Assert.Empty(catalog.Parties.UndefinedSharedWithUnitedStates("XA"));

        var facts = new CaseFacts(new Dictionary<string, object?> { ["id"] = "T-1", ["sentencingCountry"] = "US", ["receivingCountry"] = "XD" });
        var report = CaseEvaluator.Evaluate(catalog, facts);
        Assert.Equal(Verdict.NoTreaty, report.Verdict);
        Assert.Equal(new[]
        {
            "us-xd links US and XD in table, but no treaty file defines it yet, so it was not evaluated",
            "oas links US and XD in table, but no treaty file defines it yet, so it was not evaluated",
        }, report.Notes);
    }

    private sealed class Instrument : IInstrumentValidator
    {
        public Instrument(InstrumentInfo info) => Info = info;

        public InstrumentInfo Info { get; }

        public InstrumentReport Evaluate(CaseFacts facts) => throw new InvalidOperationException("the index never evaluates");

        public InstrumentReport Evaluate(CaseFacts facts, ExplanationBuffer? explanations) => throw new InvalidOperationException("the index never evaluates");
    }
}
