using System.Collections.Generic;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>What the catalog needs to know about an instrument to decide whether it applies to a case.</summary>
/// <param name="Id">The contract id, such as <c>us-mx</c>.</param>
/// <param name="Title">The full title.</param>
/// <param name="Kind">statute, bilateral or multilateral.</param>
/// <param name="Parties">For a bilateral treaty, its two parties; multilateral membership comes from the country table.</param>
/// <param name="InForce">The date it entered into force, where the instrument itself states one.</param>
/// <param name="Citation">Where the instrument is described.</param>
public sealed record InstrumentInfo(string Id, string Title, string Kind, IReadOnlyList<string> Parties, LocalDate? InForce, string Citation);

/// <summary>A validator for one instrument: generated from its .treaty file, or interpreted from it.</summary>
public interface IInstrumentValidator
{
    InstrumentInfo Info { get; }

    /// <summary>Every requirement's outcome, citation and explanation for the case.</summary>
    InstrumentReport Evaluate(CaseFacts facts);
}

public sealed record CountryMembership(string Instrument, LocalDate? Since, string? Note);

/// <summary>A usage note from the country table. <paramref name="OnlyListed"/>: the other instruments are not usable.</summary>
public sealed record CountryPractice(string Note, bool OnlyListed, IReadOnlyList<string> Instruments);

public sealed record CountryEntry(string Code, string Name, IReadOnlyList<CountryMembership> Memberships, CountryPractice? Practice);

/// <summary>The country table (7 FAM Exhibit 481).</summary>
public sealed class CountryTable
{
    private readonly Dictionary<string, CountryEntry> byCode = new();

    public CountryTable(string title, string citation, IReadOnlyList<CountryEntry> countries)
    {
        Title = title;
        Citation = citation;
        Countries = countries;
        foreach (var country in countries) byCode[country.Code] = country;
    }

    public string Title { get; }
    public string Citation { get; }
    public IReadOnlyList<CountryEntry> Countries { get; }

    public CountryEntry? Find(string? code) => code is not null && byCode.TryGetValue(code, out var entry) ? entry : null;
}

/// <summary>Everything needed to evaluate case files: the vocabulary, the instruments and the country table.</summary>
public sealed class TreatyCatalog
{
    public TreatyCatalog(FactSchema schema, IReadOnlyList<IInstrumentValidator> instruments, CountryTable countries)
    {
        Schema = schema;
        Instruments = instruments;
        Countries = countries;
    }

    public FactSchema Schema { get; }
    public IReadOnlyList<IInstrumentValidator> Instruments { get; }
    public CountryTable Countries { get; }
}
