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

    public CaseFacts(IReadOnlyDictionary<string, object?> values) => this.values = values;

    public object? this[string path] => values.TryGetValue(path, out var value) ? value : null;

    public bool? GetBool(string path) => this[path] as bool?;

    public decimal? GetNumber(string path) => this[path] as decimal?;

    public LocalDate? GetDate(string path) => this[path] as LocalDate?;

    public string? GetText(string path) => this[path] as string;

    public IReadOnlyList<object?>? GetList(string path) => this[path] as IReadOnlyList<object?>;

    /// <summary>A list of names (countries, enum members or text); null when the list is unknown.</summary>
    public IReadOnlyList<string>? GetNames(string path)
    {
        if (GetList(path) is not { } list) return null;
        var names = new string[list.Count];
        for (var i = 0; i < list.Count; i++) names[i] = list[i] as string ?? string.Empty;
        return names;
    }

    /// <summary>The id the case file gave itself, or an empty string.</summary>
    public string CaseId => GetText(ContractFacts.Id) ?? string.Empty;
}

/// <summary>The facts the contract fixes by name, which choosing the instruments needs.</summary>
public static class ContractFacts
{
    public const string Id = "id";
    public const string SentencingCountry = "sentencingCountry";
    public const string ReceivingCountry = "receivingCountry";
    public const string ApplicationDate = "applicationDate";
}
