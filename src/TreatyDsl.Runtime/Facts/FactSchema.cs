using System.Collections.Generic;

namespace TreatyDsl.Runtime;

public enum FactKind
{
    Bool,
    Number,
    Date,
    Text,
    Country,
    Enum,
    Record,
    List,
}

/// <summary>A fact's type as the case file reader checks it.</summary>
public sealed record FactType(FactKind Kind, string? Name = null, IReadOnlyList<string>? Members = null, IReadOnlyList<FieldDefinition>? Fields = null, FactType? Element = null)
{
    public static readonly FactType Bool = new(FactKind.Bool);
    public static readonly FactType Number = new(FactKind.Number);
    public static readonly FactType Date = new(FactKind.Date);
    public static readonly FactType Text = new(FactKind.Text);
    public static readonly FactType Country = new(FactKind.Country);

    public static FactType Enum(string name, params string[] members) => new(FactKind.Enum, name, members);

    public static FactType Record(string name, params FieldDefinition[] fields) => new(FactKind.Record, name, null, fields);

    public static FactType ListOf(FactType element) => new(FactKind.List, null, null, null, element);
}

public sealed record FieldDefinition(string Name, FactType Type);

/// <summary>One fact of the vocabulary: its dotted path in the case file and its type.</summary>
public sealed record FactDefinition(string Path, FactType Type, bool Required = false, bool NonEmpty = false);

/// <summary>The vocabulary as data: what a case file may hold. Generated code and the interpreter each build one from the treaty files.</summary>
public sealed class FactSchema
{
    public FactSchema(IReadOnlyList<FactDefinition> facts) => Facts = facts;

    public IReadOnlyList<FactDefinition> Facts { get; }
}
