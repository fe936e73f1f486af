using System;
using System.Collections.Generic;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>
/// For each country, the catalog's instruments it is a party to and since when, in catalog order: a row of the country
/// table, or a bilateral's named parties; and for each row, the instruments it shares with the United States that no
/// treaty file defines (said in a note, never dropped silently). Made once per catalog, so evaluating a case looks up its two countries instead
/// of searching every instrument's parties and every membership of both rows (7% of a batch's instructions).
/// </summary>
internal sealed class PartyIndex
{
    private static readonly Party[] None = new Party[0];

    private readonly Dictionary<string, Party[]> byCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> undefinedShared = new(StringComparer.Ordinal);

    /// <summary>The index of <paramref name="instruments"/> over <paramref name="table"/>'s rows and the instruments' own parties.</summary>
    public PartyIndex(IReadOnlyList<IInstrumentValidator> instruments, CountryTable table)
    {
        // The words of each instrument's in-force requirement, which every report of it starts with: made once.
        var inForce = new RuleWording[instruments.Count];
        for (var n = 0; n < instruments.Count; n++)
        {
            var info = instruments[n].Info;
            inForce[n] = new RuleWording(CaseEvaluator.InForceRequirement, CaseEvaluator.InForceText, string.IsNullOrEmpty(table.Citation) ? info.Citation : table.Citation);
        }
        var countries = new List<string>();
        for (var i = 0; i < table.Countries.Count; i++) countries.Add(table.Countries[i].Code);
        for (var n = 0; n < instruments.Count; n++) countries.AddRange(instruments[n].Info.Parties);
        foreach (var country in countries)
        {
            if (byCountry.ContainsKey(country)) continue;
            var entry = table.Find(country);
            var parties = new List<Party>();
            for (var n = 0; n < instruments.Count; n++)
            {
                if (IsParty(country, entry, instruments[n].Info, out var since)) parties.Add(new Party(n, instruments[n], since, inForce[n]));
            }
            byCountry[country] = parties.ToArray();
        }
        var us = table.Find(CaseEvaluator.UnitedStates);
        for (var i = 0; i < table.Countries.Count; i++)
        {
            var partner = table.Countries[i];
            var undefined = UndefinedShared(partner, us, instruments);
            if (undefined.Length > 0) undefinedShared[partner.Code] = undefined;
        }
    }

    /// <summary>
    /// The instruments in <paramref name="partner"/>'s row that it shares with the United States (the bilateral named
    /// after it, or one in the United States' row too) and that no instrument of the catalog defines, in the row's order.
    /// </summary>
    public string[] UndefinedSharedWithUnitedStates(string partner) => undefinedShared.TryGetValue(partner, out var undefined) ? undefined : Array.Empty<string>();

    private static string[] UndefinedShared(CountryEntry partner, CountryEntry? us, IReadOnlyList<IInstrumentValidator> instruments)
    {
        var undefined = new List<string>();
        for (var m = 0; m < partner.Memberships.Count; m++)
        {
            var instrument = partner.Memberships[m].Instrument;
            if (Defines(instruments, instrument)) continue;
            var shared = instrument == "us-" + partner.Code.ToLowerInvariant() || Membership(us, instrument) is not null;
            if (shared) undefined.Add(instrument);
        }
        return undefined.ToArray();
    }

    private static bool Defines(IReadOnlyList<IInstrumentValidator> instruments, string instrument)
    {
        for (var n = 0; n < instruments.Count; n++) if (instruments[n].Info.Id == instrument) return true;
        return false;
    }

    /// <summary>The row's entry for <paramref name="instrument"/>; null when the row (or the country's row) has none.</summary>
    private static CountryMembership? Membership(CountryEntry? row, string instrument)
    {
        if (row is null) return null;
        for (var m = 0; m < row.Memberships.Count; m++) if (row.Memberships[m].Instrument == instrument) return row.Memberships[m];
        return null;
    }

    /// <summary>The instruments <paramref name="country"/> is a party to, in catalog order; none for an unknown or missing code.</summary>
    public Party[] Of(string? country) => country is not null && byCountry.TryGetValue(country, out var parties) ? parties : None;

    /// <summary>
    /// Whether a country (with its row of the table, if it has one) is a party, and since when: the row's membership
    /// (its date, else the instrument's), else the bilateral's named parties (the instrument's date).
    /// </summary>
    private static bool IsParty(string country, CountryEntry? entry, InstrumentInfo info, out LocalDate? since)
    {
        since = null;
        if (Membership(entry, info.Id) is { } membership)
        {
            since = membership.Since ?? info.InForce;
            return true;
        }
        if (Lists.Contains(info.Parties, country, negated: false) != Truth.True) return false;
        since = info.InForce;
        return true;
    }

    /// <summary>One instrument a country is a party to.</summary>
    internal readonly struct Party
    {
        public Party(int index, IInstrumentValidator instrument, LocalDate? since, RuleWording inForce)
        {
            Index = index;
            Instrument = instrument;
            Since = since;
            InForce = inForce;
        }

        /// <summary>The instrument's place in the catalog, by which two countries' lists are matched.</summary>
        public int Index { get; }

        public IInstrumentValidator Instrument { get; }

        /// <summary>When the instrument entered into force for the country; null when neither the table nor the instrument says.</summary>
        public LocalDate? Since { get; }

        /// <summary>The words of the instrument's in-force requirement (the country table's citation, else the instrument's).</summary>
        public RuleWording InForce { get; }
    }
}
