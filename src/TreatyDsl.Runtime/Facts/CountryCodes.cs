using System;
using System.Collections.Generic;
using System.Linq;

namespace TreatyDsl.Runtime;

/// <summary>
/// The 249 officially assigned ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency). A case file's country must be
/// one of them: a well-formed but unassigned code (<c>XX</c>, <c>ZZ</c>) is a typing mistake, and read as a country it
/// would quietly give <c>no-treaty</c>. Reserved and user-assigned codes (<c>EU</c>, <c>UK</c>, <c>XK</c>) are not
/// assigned; every code of 7 FAM Exhibit 481 and its Table A is.
/// </summary>
public static class CountryCodes
{
    private static readonly HashSet<string> Assigned = new(StringComparer.Ordinal)
    {
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE",
        "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD",
        "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
        "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
        "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU",
        "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
        "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME",
        "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
        "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
        "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI",
        "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK",
        "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
        "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
    };

    /// <summary>Every assigned ISO 3166-1 alpha-2 code, in order: what a case file's country may be.</summary>
    public static IReadOnlyList<string> All { get; } = Assigned.OrderBy(c => c, StringComparer.Ordinal).ToArray();

    /// <summary>Whether <paramref name="code"/> is an assigned ISO 3166-1 alpha-2 code (upper case).</summary>
    public static bool IsAssigned(string? code) => code is not null && Assigned.Contains(code);

    // Each assigned code by its two letters (A..Z, A..Z), so a reader of bytes finds it without making a string.
    private static readonly string?[] ByLetters = MakeByLetters();

    private static string?[] MakeByLetters()
    {
        var table = new string?[26 * 26];
        foreach (var code in Assigned) table[(code[0] - 'A') * 26 + (code[1] - 'A')] = code;
        return table;
    }

    /// <summary>The assigned code spelled by the two ASCII bytes, or null when they spell none.</summary>
    internal static string? FromLetters(byte first, byte second) =>
        first is >= (byte)'A' and <= (byte)'Z' && second is >= (byte)'A' and <= (byte)'Z' ? ByLetters[(first - 'A') * 26 + (second - 'A')] : null;
}
