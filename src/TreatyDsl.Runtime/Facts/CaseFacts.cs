using System.Collections.Generic;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>
/// A case's facts by path, as the reader found them: bool, decimal, <see cref="LocalDate"/>, string (text,
/// country codes and enum members), lists as <see cref="IReadOnlyList{T}"/> of object, records as
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> of field to value. An absent or null fact is simply not there.
/// </summary>
public sealed class CaseFacts
{
    private readonly IReadOnlyDictionary<string, object?> values;

    /// <summary>Facts keyed by dotted path, such as <c>sentence.fullTermDate</c>.</summary>
    public CaseFacts(IReadOnlyDictionary<string, object?> values) => this.values = values;

    /// <summary>The fact at <paramref name="path"/>, or null when it is unknown.</summary>
    public object? this[string path] => values.TryGetValue(path, out var value) ? value : null;

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

    /// <summary>A copy with one more fact (or a fact replaced): how the evaluator supplies what the case file cannot know.</summary>
    public CaseFacts With(string path, object? value)
    {
        var copy = new Dictionary<string, object?>(values.Count + 1);
        foreach (var pair in values) copy[pair.Key] = pair.Value;
        if (value is null) copy.Remove(path);
        else copy[path] = value;
        return new CaseFacts(copy);
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

    /// <summary>When the application was made: decides which instruments and rule versions apply.</summary>
    public const string ApplicationDate = "applicationDate";

    /// <summary>
    /// The nationality that counts as the receiving country's: its own code, or for a territory (7 FAM Exhibit 481,
    /// Table A) the code of the country it belongs to. Not read from the case file: <see cref="CaseEvaluator"/> sets it
    /// from the country table before any instrument is evaluated.
    /// </summary>
    public const string ReceivingNationality = "receivingNationality";
}
