namespace TreatyDsl.Binding;

public enum TypeKind
{
    Bool,
    Number,
    Date,
    Duration,
    Text,
    Country,
    Enum,
    Record,
    List,
    /// <summary>A name whose type is decided by what it is compared with (an enum member or a country code).</summary>
    Pending,
    /// <summary>Stands in after an error so one mistake is reported once.</summary>
    Error,
}

/// <summary>A bound type. Enums and records are referred to by name; lists carry their element type.</summary>
public sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef Bool = new(TypeKind.Bool);
    public static readonly TypeRef Number = new(TypeKind.Number);
    public static readonly TypeRef Date = new(TypeKind.Date);
    public static readonly TypeRef Duration = new(TypeKind.Duration);
    public static readonly TypeRef Text = new(TypeKind.Text);
    public static readonly TypeRef Country = new(TypeKind.Country);
    public static readonly TypeRef Pending = new(TypeKind.Pending);
    public static readonly TypeRef Error = new(TypeKind.Error);

    public static TypeRef ListOf(TypeRef element) => new(TypeKind.List, null, element);

    public bool IsOrdered => Kind is TypeKind.Number or TypeKind.Date or TypeKind.Duration;

    public bool IsScalar => Kind is not (TypeKind.List or TypeKind.Record);

    public override string ToString() => Kind switch
    {
        TypeKind.List => $"list of {Element}",
        TypeKind.Enum or TypeKind.Record => Name!,
        TypeKind.Pending => "a value",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
