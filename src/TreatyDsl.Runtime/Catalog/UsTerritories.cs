using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>
/// The territories and commonwealths of the United States that have ISO 3166-1 codes of their own and courts that
/// sentence. 28 CFR 527.41(b) counts a sentence "imposed in a court in ... a territory or commonwealth of the United
/// States" as a state prisoner's: such a case is a US sentence, and the territory stands where a state would. A case
/// file says so with the territory's own code (<c>"sentencingCountry": "PR"</c>); a sentence of a US district court,
/// wherever it sits, is <c>"US"</c>.
/// </summary>
public static class UsTerritories
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["AS"] = "American Samoa",
        ["GU"] = "Guam",
        ["MP"] = "the Northern Mariana Islands",
        ["PR"] = "Puerto Rico",
        ["VI"] = "the United States Virgin Islands",
    };

    /// <summary>Whether <paramref name="code"/> is one of them.</summary>
    public static bool Contains(string? code) => code is not null && Names.ContainsKey(code);

    /// <summary>The territory's name as a sentence reads it ("Puerto Rico", "the Northern Mariana Islands").</summary>
    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
