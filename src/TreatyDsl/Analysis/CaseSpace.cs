using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// The cases one instrument can see, up to what its conditions can tell apart: for each fact a representative of every
/// class of values its atoms distinguish (see docs/analysis.md). Unknown is not among them: a fact not given is unknown,
/// and the search gives facts one at a time. The two countries and the receiving nationality are given together, as a
/// pair the country table sends to this instrument; the application date is fixed per effective period.
/// </summary>
internal sealed class CaseSpace
{
    /// <summary>The key under which the search gives the countries (<see cref="PartyChoices"/>).</summary>
    public const string PartiesSlot = "@parties";

    // Codes for "a country no condition names", in order of preference; the first unused one is taken.
    private static readonly string[] FreshCountries = { "IS", "NO", "CH", "JP", "KE", "CL" };

    private readonly Dictionary<string, FactModel> facts;
    private readonly Dictionary<string, EnumModel> enums;
    private readonly Dictionary<string, RecordModel> records;
    private readonly Atoms atoms;
    private readonly List<string> countries;

    public CaseSpace(VocabularyModel vocabulary, Atoms atoms, IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> partyChoices, LocalDate applicationDate)
    {
        facts = vocabulary.Facts.ToDictionary(f => f.Path);
        enums = vocabulary.Enums.ToDictionary(e => e.Name);
        records = vocabulary.Records.ToDictionary(r => r.Name);
        this.atoms = atoms;
        PartyChoices = partyChoices;
        ApplicationDate = applicationDate;

        var used = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var pair in atoms.Constants)
        {
            if (TypeOf(pair.Key) is { Kind: TypeKind.Country }) used.UnionWith(pair.Value.OfType<string>());
        }
        foreach (var choice in partyChoices) foreach (var fact in choice) if (fact.Value is string code) used.Add(code);
        countries = used.ToList();
        countries.Add(FreshCountries.First(c => !used.Contains(c)));
    }

    /// <summary>The pairs of countries (with the receiving nationality) the table sends to the instrument.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> PartyChoices { get; }

    public LocalDate ApplicationDate { get; }

    /// <summary>The case every search starts from: the application date of the period under analysis.</summary>
    public PartialCase Start => PartialCase.Empty.With(ContractFacts.ApplicationDate, ApplicationDate);

    /// <summary>Whether the facts give this path directly (the countries and the date are given otherwise).</summary>
    public static bool IsPartyFact(string path) =>
        path is ContractFacts.SentencingCountry or ContractFacts.ReceivingCountry or ContractFacts.ReceivingNationality;

    public FactModel? Fact(string path) => facts.TryGetValue(path, out var fact) ? fact : null;

    /// <summary>
    /// Whether the vocabulary's offences say whether each is served: then eval settles the service the facts settle, and
    /// the reader refuses a case file that marks every offence served while the sentence runs (<see cref="OffenceBeingTransferred"/>).
    /// </summary>
    public bool SettlesService => TypeOf(ServedSlot) is { Kind: TypeKind.Bool };

    /// <summary>The slot of an offence's service.</summary>
    public const string ServedSlot = OffenceBeingTransferred.Offenses + "[]." + OffenceBeingTransferred.SentenceServed;

    /// <summary>The fact whose value ends the period that starts at <paramref name="endFact"/>'s start, if it ends one.</summary>
    public string? PeriodStartOf(string endFact) => atoms.Periods.TryGetValue(endFact, out var period) ? period.From : null;

    /// <summary>The type of a slot: a fact's, a record field's, or a list's element type.</summary>
    public TypeRef? TypeOf(string slot)
    {
        if (facts.TryGetValue(slot, out var fact)) return fact.Type;
        var bracket = slot.LastIndexOf("[]", System.StringComparison.Ordinal);
        if (bracket < 0 || !facts.TryGetValue(slot.Substring(0, bracket), out var list) || list.Type.Element is not { } element) return null;
        var rest = slot.Substring(bracket + 2);
        if (rest.Length == 0) return element;
        var field = rest.TrimStart('.');
        return element.Kind == TypeKind.Record && records.TryGetValue(element.Name!, out var record)
            ? record.Fields.FirstOrDefault(f => f.Name == field)?.Type
            : null;
    }

    /// <summary>
    /// The values to try for a fact, one per class its atoms distinguish; empty when the analysis has no way to give it.
    /// A period's end is tried relative to the period's start, which must be given first.
    /// </summary>
    public IReadOnlyList<object?> ValuesOf(string path, PartialCase partial)
    {
        // The values depend on the path and, for the end of a period, on the period's start: made once each.
        LocalDate? start = atoms.Periods.TryGetValue(PartialCase.SlotOf(path), out var period) && partial.Values.TryGetValue(period.From, out var given) && given is LocalDate d ? d : null;
        if (valueCache.TryGetValue((path, start), out var known)) return known;
        var values = MakeValuesOf(path, partial);
        valueCache[(path, start)] = values;
        return values;
    }

    private readonly Dictionary<(string Path, LocalDate? Start), IReadOnlyList<object?>> valueCache = new();

    private IReadOnlyList<object?> MakeValuesOf(string path, PartialCase partial)
    {
        var slot = PartialCase.SlotOf(path);
        if (TypeOf(slot) is not { } type) return new object?[0];
        var constants = atoms.Constants.TryGetValue(slot, out var set) ? set : new HashSet<object>();
        switch (type.Kind)
        {
            case TypeKind.Bool:
                return new object?[] { true, false };
            case TypeKind.Enum:
                return EnumValues(type, constants);
            case TypeKind.Country:
                return countries.Cast<object?>().ToList();
            case TypeKind.Text:
                return constants.OfType<string>().OrderBy(s => s, System.StringComparer.Ordinal).Append("other").Distinct().Cast<object?>().ToList();
            case TypeKind.Number:
                return NumberValues(constants.OfType<decimal>());
            case TypeKind.Date:
                if (atoms.Periods.TryGetValue(slot, out var period))
                {
                    // The end of a period may also be compared with dates of its own: both kinds of bound split it.
                    return partial.Values.TryGetValue(period.From, out var start) && start is LocalDate from
                        ? PeriodEnds(from, period.Durations, constants.OfType<LocalDate>())
                        : new object?[0];
                }
                return DateValues(constants.OfType<LocalDate>());
            case TypeKind.List when type.Element!.Kind == TypeKind.Record:
                // Empty (where it may be), one element (the smallest witness) and the bound: a list of any length from
                // one to the bound answers every condition as some list of the bound's length does (repeat an element:
                // no 'any' or 'all' can tell), so the lengths between need no search of their own.
                var fact = Fact(path);
                var bound = System.Math.Max(1, atoms.Quantifiers.TryGetValue(path, out var q) ? q : 0);
                // Where a condition reads whether an offence is served, eval settles some services and refuses a case
                // file that marks every offence served while the sentence runs (OffenceBeingTransferred): a longer
                // list keeps its answers in a sublist of the elements that decide them, plus one not marked served or
                // two whose service is not known, which keeps the sublist one eval reads as it is.
                if (path == OffenceBeingTransferred.Offenses && atoms.Read.Contains(ServedSlot) && SettlesService) bound += 2;
                var lengths = new SortedSet<int> { 1, bound };
                if (fact?.NonEmpty != true) lengths.Add(0);
                return lengths.Select(n => (object?)new ListLength(n)).ToList();
            case TypeKind.List:
                return Subsets(ValuesOf(path + "[]", partial), Fact(path)?.NonEmpty == true);
            default:
                return new object?[0];
        }
    }

    /// <summary>Whether the values of <see cref="ValuesOf"/> cover every class of the slot (a list of scalars is capped).</summary>
    public bool IsExact(string path, PartialCase partial)
    {
        var slot = PartialCase.SlotOf(path);
        return TypeOf(slot) is not { Kind: TypeKind.List, Element.Kind: not TypeKind.Record } || ValuesOf(path + "[]", partial).Count <= MaxListElements;
    }

    private const int MaxListElements = 6;

    private IReadOnlyList<object?> EnumValues(TypeRef type, HashSet<object> constants)
    {
        if (!enums.TryGetValue(type.Name!, out var model)) return new object?[0];
        var mentioned = model.Members.Where(constants.Contains).ToList();
        // Every member no condition names behaves alike; one of them stands for all.
        var other = model.Members.FirstOrDefault(m => !constants.Contains(m));
        if (other is not null) mentioned.Add(other);
        return mentioned.Cast<object?>().ToList();
    }

    private static IReadOnlyList<object?> NumberValues(IEnumerable<decimal> constants)
    {
        var sorted = constants.Distinct().OrderBy(c => c).ToList();
        if (sorted.Count == 0) return new object?[] { 0m };
        var values = new List<object?> { sorted[0] - 1 };
        for (var i = 0; i < sorted.Count; i++)
        {
            values.Add(sorted[i]);
            values.Add(i + 1 < sorted.Count ? (sorted[i] + sorted[i + 1]) / 2 : sorted[i] + 1);
        }
        return values;
    }

    private static IReadOnlyList<object?> DateValues(IEnumerable<LocalDate> constants)
    {
        var sorted = constants.Distinct().OrderBy(d => d).ToList();
        if (sorted.Count == 0) return new object?[] { new LocalDate(2020, 1, 1) };
        var values = new SortedSet<LocalDate>();
        foreach (var d in sorted)
        {
            values.Add(d.PlusDays(-1));
            values.Add(d);
            values.Add(d.PlusDays(1));
        }
        return values.Cast<object?>().ToList();
    }

    /// <summary>
    /// Ends of a period from <paramref name="start"/>: one day short of, exactly at and one day past each duration it is
    /// compared with, and likewise around each date the end itself is compared with.
    /// </summary>
    private static IReadOnlyList<object?> PeriodEnds(LocalDate start, HashSet<Period> durations, IEnumerable<LocalDate> dates)
    {
        var values = new SortedSet<LocalDate> { start };
        foreach (var bound in durations.Select(d => start.Plus(d)).Concat(dates))
        {
            values.Add(bound.PlusDays(-1));
            values.Add(bound);
            values.Add(bound.PlusDays(1));
        }
        return values.Cast<object?>().ToList();
    }

    private static IReadOnlyList<object?> Subsets(IReadOnlyList<object?> elements, bool nonEmpty)
    {
        var take = elements.Take(MaxListElements).ToList();
        var result = new List<object?>();
        for (var mask = nonEmpty ? 1 : 0; mask < 1 << take.Count; mask++)
        {
            var subset = new List<object?>();
            for (var i = 0; i < take.Count; i++) if ((mask & (1 << i)) != 0) subset.Add(take[i]);
            result.Add(subset);
        }
        // Small lists first, so a witness names as few values as it can.
        return result.OrderBy(s => ((List<object?>)s!).Count).ToList();
    }
}
