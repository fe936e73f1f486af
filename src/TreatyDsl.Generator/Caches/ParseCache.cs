using System;
using System.Collections.Generic;
using TreatyDsl.Parsing;

namespace TreatyDsl.Generator;

/// <summary>
/// Parse results, kept across compilations and shared by the analyzer and the generator. An IDE makes a new compilation
/// for every edit of any C# file, and the analyzer would re-parse every .treaty file each time although none changed;
/// the generator's incremental pipeline skips unchanged files itself, and takes a changed file's parse from here too, so
/// a file the analyzer has parsed is not parsed again for the generator. A file is re-parsed only when its text differs
/// from the text last parsed for its path. Parse results are immutable, so sharing them between threads is safe.
/// </summary>
/// <remarks>
/// Process-wide, not a step of the incremental pipeline, because the analyzer has no pipeline: a
/// <c>DiagnosticAnalyzer</c> is handed a fresh compilation each time and keeps nothing between them, so only a static
/// cache lets it, and the generator beside it, reuse a parse of unchanged text.
/// </remarks>
internal static class ParseCache
{
    /// <summary>Enough for any set of treaty files; past it the cache starts again rather than growing without end.</summary>
    private const int Capacity = 512;

    private static readonly Dictionary<string, (string Text, ParseResult Result)> Entries = new(StringComparer.Ordinal);

    public static ParseResult Parse(string path, string text)
    {
        lock (Entries)
        {
            if (Entries.TryGetValue(path, out var entry) && string.Equals(entry.Text, text, StringComparison.Ordinal)) return entry.Result;
        }
        var result = TreatyParser.Parse(path, text);
        lock (Entries)
        {
            if (Entries.Count >= Capacity) Entries.Clear();
            Entries[path] = (text, result);
        }
        return result;
    }
}
