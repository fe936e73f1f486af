using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>The kinds of value a case file fact may hold.</summary>
public enum FactKind
{
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>A JSON number, read as decimal.</summary>
    Number,
    /// <summary>An ISO date (YYYY-MM-DD), read as a NodaTime LocalDate.</summary>
    Date,
    /// <summary>Any string.</summary>
    Text,
    /// <summary>An ISO 3166-1 alpha-2 code.</summary>
    Country,
    /// <summary>One of a fixed set of names.</summary>
    Enum,
    /// <summary>An object with named fields.</summary>
    Record,
    /// <summary>An array of one kind of value.</summary>
    List,
}

/// <summary>A fact's type as the case file reader checks it.</summary>
public sealed record FactType(FactKind Kind, string? Name = null, IReadOnlyList<string>? Members = null, IReadOnlyList<FieldDefinition>? Fields = null, FactType? Element = null)
{
    /// <summary>true or false.</summary>
    public static readonly FactType Bool = new(FactKind.Bool);

    /// <summary>A number.</summary>
    public static readonly FactType Number = new(FactKind.Number);

    /// <summary>A date.</summary>
    public static readonly FactType Date = new(FactKind.Date);

    /// <summary>A string.</summary>
    public static readonly FactType Text = new(FactKind.Text);

    /// <summary>A country code.</summary>
    public static readonly FactType Country = new(FactKind.Country);

    /// <summary>An enumeration: the value must be one of <paramref name="members"/>.</summary>
    public static FactType Enum(string name, params string[] members) => new(FactKind.Enum, name, members);

    /// <summary>An object with the given fields.</summary>
    public static FactType Record(string name, params FieldDefinition[] fields) => new(FactKind.Record, name, null, fields);

    /// <summary>An array whose items are <paramref name="element"/>.</summary>
    public static FactType ListOf(FactType element) => new(FactKind.List, null, null, null, element);
}

/// <summary>A field of a record type.</summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Type">Its type.</param>
public sealed record FieldDefinition(string Name, FactType Type);

/// <summary>One fact of the vocabulary: its dotted path in the case file and its type.</summary>
public sealed record FactDefinition(string Path, FactType Type, bool Required = false, bool NonEmpty = false)
{
    /// <summary>
    /// For a fact the vocabulary expects only for some cases (<c>expected when</c>), whether a case is one: false when the
    /// case file of such a case cannot carry the fact (a full-term date of a death sentence). Null: expected for every case.
    /// </summary>
    public System.Func<CaseFacts, Truth>? Expected { get; init; }

    /// <summary>The <c>expected when</c> condition as the vocabulary writes it, for the words of a report; null with <see cref="Expected"/>.</summary>
    public string? ExpectedWhen { get; init; }
}

/// <summary>The vocabulary as data: what a case file may hold. Generated code and the interpreter each build one from the treaty files.</summary>
public sealed class FactSchema
{
    /// <summary>A schema of the given facts.</summary>
    public FactSchema(IReadOnlyList<FactDefinition> facts) => Facts = facts;

    /// <summary>A schema of the given facts, with the reader generated for them (see <see cref="TypedReader"/>).</summary>
    public FactSchema(IReadOnlyList<FactDefinition> facts, ITypedCaseReader? typedReader)
    {
        Facts = facts;
        TypedReader = typedReader;
    }

    /// <summary>Every fact a case file may hold.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>
    /// The definition of a fact the vocabulary does not expect for this case (its <c>expected when</c> is false for it),
    /// or null when the fact is expected, may be, or is not in the schema.
    /// </summary>
    public FactDefinition? NotExpected(string path, CaseFacts facts) =>
        (byPath ??= ByPath(Facts)).TryGetValue(path, out var fact) && fact.Expected is { } expected && expected(facts) == Truth.False ? fact : null;

    // Every fact by its path (the first, should two share one), made once: asked of each unknown requirement's missing
    // facts for every case evaluated, where walking the list compared every path before it. Two threads may each make
    // one; they are the same.
    private Dictionary<string, FactDefinition>? byPath;

    private static Dictionary<string, FactDefinition> ByPath(IReadOnlyList<FactDefinition> facts)
    {
        var byPath = new Dictionary<string, FactDefinition>(facts.Count, System.StringComparer.Ordinal);
        foreach (var fact in facts) if (!byPath.ContainsKey(fact.Path)) byPath.Add(fact.Path, fact);
        return byPath;
    }

    /// <summary>
    /// The reader the generator emitted for these facts, which <see cref="CaseFileReader"/> tries first: it reads a case
    /// file straight into the generated case type, and declines any file the general reader would refuse or warn about.
    /// Null for an interpreted vocabulary.
    /// </summary>
    public ITypedCaseReader? TypedReader { get; }
}
