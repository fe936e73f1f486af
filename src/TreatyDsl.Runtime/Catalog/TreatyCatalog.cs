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
/// <param name="Decisions">
/// What the caseworker decides where a rule stays unknown only for facts the vocabulary does not expect for the case
/// (the reason and citation of the rule's <c>accept TDSL0315</c>); a rule without one gets words of its own.
/// </param>
public sealed record InstrumentInfo(string Id, string Title, string Kind, IReadOnlyList<string> Parties, LocalDate? InForce, string Citation,
    IReadOnlyList<RuleDecision>? Decisions = null);

/// <summary>What the caseworker decides when a rule cannot be decided from any case file of this kind, and where the sources say so.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Reason">Why the rule is left to the caseworker, in the treaty file's words.</param>
/// <param name="Citation">Where the sources leave it so.</param>
public sealed record RuleDecision(string RuleId, string Reason, string Citation);

/// <summary>A validator for one instrument: generated from its .treaty file, or interpreted from it.</summary>
public interface IInstrumentValidator
{
    /// <summary>The instrument's id, title, kind, parties and date in force.</summary>
    InstrumentInfo Info { get; }

    /// <summary>Every requirement's outcome, citation and explanation for the case.</summary>
    InstrumentReport Evaluate(CaseFacts facts);

    /// <summary>
    /// <see cref="Evaluate(CaseFacts)"/>, the explanations written as each outcome is settled and kept in
    /// <paramref name="explanations"/> (when given), for a caller that writes the whole report out before emptying it.
    /// </summary>
    InstrumentReport Evaluate(CaseFacts facts, ExplanationBuffer? explanations);
}

/// <summary>A set of discretionary factors (the DOJ guidelines' section III): generated from its .treaty file, or interpreted from it.</summary>
public interface IAdvisoryEvaluator
{
    /// <summary>The set's id, such as <c>doj-guidelines</c>.</summary>
    string Id { get; }

    /// <summary>The factors the case's facts touch, in the order the treaty file gives them. Never affects a verdict.</summary>
    IReadOnlyList<AdvisoryItem> Evaluate(CaseFacts facts);
}

/// <summary>One instrument in a country's row of the table.</summary>
/// <param name="Instrument">The instrument's contract id.</param>
/// <param name="Since">When it entered into force for the country; null when the table gives no date.</param>
/// <param name="Note">The table's own words for the entry, such as "COE Entry Into Force 07/01/1985".</param>
public sealed record CountryMembership(string Instrument, LocalDate? Since, string? Note);

/// <summary>A usage note from the country table, such as "Prefers bilateral".</summary>
/// <param name="Note">The note as the table words it.</param>
/// <param name="OnlyListed">True when only <paramref name="Instruments"/> are usable with the country; false when they are merely preferred.</param>
/// <param name="Instruments">The instruments the note names, most preferred first.</param>
public sealed record CountryPractice(string Note, bool OnlyListed, IReadOnlyList<string> Instruments);

/// <summary>One row of the country table.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">The country's name.</param>
/// <param name="Memberships">The instruments in force for the country, with their dates.</param>
/// <param name="Practice">The usage note, when the table records one.</param>
/// <param name="TerritoryOf">For a territory (Table A), the code of the country it belongs to, whose instruments, practice and nationality it has; otherwise null.</param>
/// <param name="Notes">Procedural notes for cases with the country, each with its citation, such as transmission by diplomatic note.</param>
public sealed record CountryEntry(string Code, string Name, IReadOnlyList<CountryMembership> Memberships, CountryPractice? Practice, string? TerritoryOf = null, IReadOnlyList<string>? Notes = null);

/// <summary>The country table (7 FAM Exhibit 481).</summary>
public sealed class CountryTable
{
    private readonly Dictionary<string, CountryEntry> byCode = new();

    /// <summary>A table with its title, its citation and its rows.</summary>
    public CountryTable(string title, string citation, IReadOnlyList<CountryEntry> countries)
    {
        Title = title;
        Citation = citation;
        Countries = countries;
        foreach (var country in countries) byCode[country.Code] = country;
    }

    /// <summary>The table's title.</summary>
    public string Title { get; }

    /// <summary>Where the table comes from; cited by every in-force requirement.</summary>
    public string Citation { get; }

    /// <summary>Every row, in the table's order.</summary>
    public IReadOnlyList<CountryEntry> Countries { get; }

    /// <summary>The row for a country code, or null when the table has none.</summary>
    public CountryEntry? Find(string? code) => code is not null && byCode.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>The nationality a country's people hold: the country's own code, or for a territory the code of the country it belongs to.</summary>
    public string? NationalityOf(string? code) => Find(code)?.TerritoryOf ?? code;
}

/// <summary>Everything needed to evaluate case files: the vocabulary, the instruments and the country table.</summary>
public sealed class TreatyCatalog
{
    /// <summary>
    /// A catalog of the given instruments, in the order ties in the recommendation are broken, and advisory sets. Which
    /// countries are party to which instrument is read from the instruments and the table now, once.
    /// </summary>
    public TreatyCatalog(FactSchema schema, IReadOnlyList<IInstrumentValidator> instruments, CountryTable countries, IReadOnlyList<IAdvisoryEvaluator>? advisories = null)
    {
        Schema = schema;
        Instruments = instruments;
        Countries = countries;
        Advisories = advisories ?? new IAdvisoryEvaluator[0];
        Parties = new PartyIndex(instruments, countries);
    }

    /// <summary>For each country, the instruments it is a party to and since when.</summary>
    internal PartyIndex Parties { get; }

    /// <summary>The facts a case file may hold.</summary>
    public FactSchema Schema { get; }

    /// <summary>Every defined instrument.</summary>
    public IReadOnlyList<IInstrumentValidator> Instruments { get; }

    /// <summary>Which instruments each country has, since when, and its recorded practice.</summary>
    public CountryTable Countries { get; }

    /// <summary>The discretionary factors reported beside the verdicts.</summary>
    public IReadOnlyList<IAdvisoryEvaluator> Advisories { get; }
}
