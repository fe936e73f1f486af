using System;
using System.Collections.Generic;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>
/// A case's facts by path, as the reader found them: bool, decimal, <see cref="LocalDate"/>, string (text,
/// country codes and enum members), lists as <see cref="IReadOnlyList{T}"/> of object, records as
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> of field to value. An absent or null fact is simply not there.
/// Either a dictionary of those values (the general reader's) or a generated case type (<see cref="ITypedCase"/>, the
/// generated reader's) holds them.
/// </summary>
public sealed class CaseFacts
{
    private static readonly IReadOnlyDictionary<string, object?> NoValues = new Dictionary<string, object?>();

    private readonly IReadOnlyDictionary<string, object?> values;
    private readonly ITypedCase? typedCase;

    // The generated case type these facts were turned into (As): made once, however many validators ask.
    private object? converted;

    // Facts supplied after reading (With), consulted first; a null value makes the fact unknown. Kept apart so that
    // supplying one fact per case does not copy the whole case.
    private readonly Dictionary<string, object?>? supplied;

    /// <summary>Facts keyed by dotted path, such as <c>sentence.fullTermDate</c>.</summary>
    public CaseFacts(IReadOnlyDictionary<string, object?> values) => this.values = values;

    /// <summary>Facts held in a generated case type, as the generated reader reads them.</summary>
    public CaseFacts(ITypedCase typedCase)
    {
        values = NoValues;
        this.typedCase = typedCase ?? throw new ArgumentNullException(nameof(typedCase));
    }

    private CaseFacts(IReadOnlyDictionary<string, object?> values, ITypedCase? typedCase, Dictionary<string, object?> supplied)
    {
        this.values = values;
        this.typedCase = typedCase;
        this.supplied = supplied;
    }

    /// <summary>The fact at <paramref name="path"/>, or null when it is unknown.</summary>
    public object? this[string path] =>
        supplied is not null && supplied.TryGetValue(path, out var given) ? given
        : typedCase is not null ? typedCase.GetFact(path)
        : values.TryGetValue(path, out var value) ? value : null;

    /// <summary>
    /// These facts as the generated case type <typeparamref name="T"/>: the case the generated reader read, with the
    /// supplied facts (<see cref="With"/>) in place, or else <paramref name="fromFacts"/> of these facts. Made once per
    /// instance, so every generated validator of a case shares one.
    /// </summary>
    public T As<T>(Func<CaseFacts, T> fromFacts) where T : class
    {
        if (fromFacts is null) throw new ArgumentNullException(nameof(fromFacts));
        if (converted is T done) return done;
        var result = typedCase is T own && supplied is null ? own
            : typedCase is T && typedCase.WithFacts(supplied!) is T withSupplied ? withSupplied
            : fromFacts(this);
        converted = result;
        return result;
    }

    /// <summary>A yes/no fact, or null when unknown.</summary>
    public bool? GetBool(string path) => this[path] as bool?;

    /// <summary>A number fact, or null when unknown.</summary>
    public decimal? GetNumber(string path) => this[path] as decimal?;

    /// <summary>A date fact, or null when unknown.</summary>
    public LocalDate? GetDate(string path) => this[path] as LocalDate?;

    /// <summary>A text, country or enum fact (by its case-file name), or null when unknown.</summary>
    public string? GetText(string path) => this[path] as string;

    /// <summary>A list fact, or null when unknown.</summary>
    public IReadOnlyList<object?>? GetList(string path) => this[path] as IReadOnlyList<object?>;

    /// <summary>
    /// One field of each record of the list of records at <paramref name="listPath"/> (null where a record does not give
    /// it); null when the list is unknown or an entry is not a record. A generated case answers from its records
    /// (<see cref="ITypedCaseRecords.FieldOfEach"/>) without turning the list into facts.
    /// </summary>
    public object?[]? FieldOfEach(string listPath, string field) =>
        typedCase is ITypedCaseRecords records && (supplied is null || !supplied.ContainsKey(listPath))
            ? records.FieldOfEach(listPath, field)
            : CaseFactLists.FieldOfEach(this[listPath], field);

    /// <summary>These facts with one more (or one replaced, or with null made unknown): how the evaluator supplies what the case file cannot know. The case is not copied.</summary>
    public CaseFacts With(string path, object? value)
    {
        var next = supplied is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(supplied);
        next[path] = value;
        return new CaseFacts(values, typedCase, next);
    }

    /// <summary>The id the case file gave itself, or an empty string.</summary>
    public string CaseId => GetText(ContractFacts.Id) ?? string.Empty;
}

/// <summary>The facts the contract fixes by name, which choosing the instruments needs.</summary>
public static class ContractFacts
{
    /// <summary>The case's identifier, echoed in the output.</summary>
    public const string Id = "id";

    /// <summary>Where the sentence was imposed.</summary>
    public const string SentencingCountry = "sentencingCountry";

    /// <summary>Where the prisoner asks to go.</summary>
    public const string ReceivingCountry = "receivingCountry";

    /// <summary>Who holds the prisoner: federal, state or foreign. The evaluator reads a territory's sentence as a state's.</summary>
    public const string Custody = "custody";

    /// <summary>When the application was made: decides which instruments and rule versions apply.</summary>
    public const string ApplicationDate = "applicationDate";

    /// <summary>
    /// The nationality that counts as the receiving country's: its own code, or for a territory (7 FAM Exhibit 481,
    /// Table A) the code of the country it belongs to. Not read from the case file: <see cref="CaseEvaluator"/> sets it
    /// from the country table before any instrument is evaluated.
    /// </summary>
    public const string ReceivingNationality = "receivingNationality";
}
