using System;
using System.Collections.Generic;
using System.Linq;

namespace TreatyDsl.Parsing;

/// <summary>How a keyword stands to names.</summary>
public enum KeywordRole
{
    /// <summary>Starts a declaration as the first word of a line; never a name.</summary>
    Declaration,

    /// <summary>Read where a name could also stand, so a name spelled the same would be misread: never a name.</summary>
    Reserved,

    /// <summary>Read only right after a fixed word, where no name is read: a name may still be spelled so.</summary>
    Contextual,
}

/// <summary>A keyword, its role, and why it has that role.</summary>
public sealed record KeywordEntry(string Word, KeywordRole Role, string Why);

/// <summary>
/// Every keyword of the language, once, with why it is or is not reserved: the grammar refuses a reserved word as a
/// single-word name, the declaration splitter cuts at declaration words, editors complete and colour all of them, and
/// the TextMate grammar colours each (a test checks that it knows each). A dotted name may hold any word
/// (<c>sentence.kind</c>): after a dot nothing but a name part is read.
/// </summary>
public static class TreatyKeywords
{
    private const string AfterName = "opens an optional clause right after a name, so a name spelled the same would be read as the clause";

    /// <summary>The table, in the order a reader meets the words.</summary>
    public static readonly IReadOnlyList<KeywordEntry> Table = new KeywordEntry[]
    {
        new("vocabulary", KeywordRole.Declaration, "declares the fact vocabulary"),
        new("enum", KeywordRole.Declaration, "declares an enumeration"),
        new("record", KeywordRole.Declaration, "declares a record type"),
        new("fact", KeywordRole.Declaration, "declares a fact"),
        new("derive", KeywordRole.Declaration, "declares a derived fact"),
        new("instrument", KeywordRole.Declaration, "declares an instrument"),
        new("baseline", KeywordRole.Declaration, "declares a baseline of rules"),
        new("threshold", KeywordRole.Declaration, "declares a named constant"),
        new("override", KeywordRole.Declaration, "replaces an inherited rule's condition or citation"),
        new("require", KeywordRole.Declaration, "declares a requirement"),
        new("bar", KeywordRole.Declaration, "declares a bar"),
        new("review", KeywordRole.Declaration, "declares a point for a caseworker's review"),
        new("exception", KeywordRole.Declaration, "declares an exception to a rule"),
        new("countries", KeywordRole.Declaration, "opens the country table"),
        new("country", KeywordRole.Declaration, "declares a country's row"),
        new("territory", KeywordRole.Declaration, "declares a territory of a country"),
        new("usage", KeywordRole.Declaration, "declares a usage note for countries"),
        new("advisories", KeywordRole.Declaration, "declares a set of discretionary factors"),
        new("advisory", KeywordRole.Declaration, "declares a discretionary factor"),
        new("example", KeywordRole.Declaration, "declares an example case"),

        new("and", KeywordRole.Reserved, "joins conditions, where a fact's name could also stand"),
        new("or", KeywordRole.Reserved, "joins conditions, where a fact's name could also stand"),
        new("not", KeywordRole.Reserved, "negates a condition, where a fact's name could also stand"),
        new("in", KeywordRole.Reserved, "tests membership after an operand ('x in ...') and opens 'in force from'"),
        new("any", KeywordRole.Reserved, "quantifies over a list where a condition, and so a fact's name, could stand"),
        new("all", KeywordRole.Reserved, "quantifies over a list where a condition, and so a fact's name, could stand"),
        new("true", KeywordRole.Reserved, "a constant, where a fact's name could also stand"),
        new("false", KeywordRole.Reserved, "a constant, where a fact's name could also stand"),
        new("when", KeywordRole.Reserved, "opens a rule's or a clause's condition after a name or value"),
        new("unless", KeywordRole.Reserved, "opens an exception's condition after a name"),
        new("cite", KeywordRole.Reserved, "opens a citation after any declaration, often right after a name"),
        new("effective", KeywordRole.Reserved, AfterName + " ('effective from')"),
        new("from", KeywordRole.Reserved, "opens a date or a period's start after a name or value"),
        new("before", KeywordRole.Reserved, "closes a date range after a date or name"),
        new("to", KeywordRole.Reserved, "closes a period after a name"),
        new("label", KeywordRole.Reserved, AfterName),
        new("period", KeywordRole.Reserved, "a derived fact's type, where a type's name could also stand"),
        new("title", KeywordRole.Reserved, AfterName + " (an instrument's or a set's)"),
        new("kind", KeywordRole.Reserved, AfterName + " (an instrument's)"),
        new("parties", KeywordRole.Reserved, AfterName + " (an instrument's)"),
        new("includes", KeywordRole.Reserved, AfterName + " (an instrument's baselines)"),
        new("practice", KeywordRole.Reserved, AfterName + " (a country's)"),
        new("only", KeywordRole.Reserved, "a country's practice, after 'practice' and before instrument names"),
        new("prefers", KeywordRole.Reserved, "a country's practice, after 'practice' and before instrument names"),
        new("required", KeywordRole.Reserved, AfterName + " (a fact's)"),
        new("nonempty", KeywordRole.Reserved, AfterName + " (a list fact's)"),
        new("list", KeywordRole.Reserved, "a list type ('list of T'), where a type's name could also stand"),
        new("of", KeywordRole.Reserved, "after 'list' and a territory's code, before a name"),
        new("note", KeywordRole.Reserved, AfterName + " (a country's)"),
        new("unbounded", KeywordRole.Reserved, AfterName + " (a derived period's)"),
        new("expected", KeywordRole.Reserved, AfterName + " (a fact's)"),
        new("accept", KeywordRole.Reserved, AfterName + " (a country's accepted case kinds)"),
        new("columns", KeywordRole.Reserved, AfterName + " (the country table's)"),
        new("given", KeywordRole.Reserved, "opens an example's fact, after a name or value"),
        new("expect", KeywordRole.Reserved, "opens an example's expectation, after a name or value"),
        new("like", KeywordRole.Reserved, AfterName + " (an example's base)"),

        new("force", KeywordRole.Contextual, "read only after 'in', where no name is read"),
        new("for", KeywordRole.Contextual, "read only after a usage's id or after 'weighs', where no name is read"),
        new("against", KeywordRole.Contextual, "read only after 'weighs', where no name is read"),
        new("either", KeywordRole.Contextual, "read only after 'weighs', where no name is read"),
        new("weighs", KeywordRole.Contextual, "read only after an advisory's id, where nothing else may follow"),
        new("case", KeywordRole.Contextual, "read only in an example's header, before quoted text, where no name is read"),
    };

    private static readonly Dictionary<string, KeywordEntry> ByWord = Table.ToDictionary(k => k.Word, StringComparer.Ordinal);

    /// <summary>The words a declaration starts with.</summary>
    public static readonly IReadOnlyCollection<string> Declarations = new HashSet<string>(Table.Where(k => k.Role == KeywordRole.Declaration).Select(k => k.Word), StringComparer.Ordinal);

    /// <summary>The words inside declarations and conditions.</summary>
    public static readonly IReadOnlyList<string> Clauses = Table.Where(k => k.Role != KeywordRole.Declaration).Select(k => k.Word).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>All of them, each once, in ordinal order.</summary>
    public static readonly IReadOnlyList<string> All = Table.Select(k => k.Word).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>Whether <paramref name="word"/> starts a declaration.</summary>
    public static bool IsDeclaration(string word) => ByWord.TryGetValue(word, out var entry) && entry.Role == KeywordRole.Declaration;

    /// <summary>
    /// The declaration keyword the word at <paramref name="start"/> of <paramref name="text"/> begins with (its first part:
    /// <c>record</c> of <c>record.x</c>), or null: what the parser reads to cut a file into declarations.
    /// </summary>
    public static string? DeclarationAt(string text, int start)
    {
        var part = text.Substring(start, TreatyLexer.WordPartEnd(text, start) - start);
        return IsDeclaration(part) ? part : null;
    }

    /// <summary>Whether <paramref name="word"/> can never be a single-word name.</summary>
    public static bool IsReserved(string word) => ByWord.TryGetValue(word, out var entry) && entry.Role != KeywordRole.Contextual;

    /// <summary>Whether <paramref name="word"/> is a keyword at all.</summary>
    public static bool IsKeyword(string word) => ByWord.ContainsKey(word);
}
