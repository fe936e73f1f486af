using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Binding;

/// <summary>
/// A checked condition or operand: every name resolved, every type known. Value-equatable, so a model
/// built twice from the same text compares equal (the incremental generator relies on it).
/// </summary>
public abstract record BoundExpression(TypeRef Type, SourceSpan Span);

/// <summary>A fact read from the case file, by its path (<c>sentence.fullTermDate</c>).</summary>
public sealed record FactReference(string Path, TypeRef Type, SourceSpan Span) : BoundExpression(Type, Span);

/// <summary>A derived fact, by name; its definition is in the vocabulary or the rule set.</summary>
public sealed record DerivedReference(string Name, TypeRef Type, SourceSpan Span) : BoundExpression(Type, Span);

/// <summary>A threshold, by name; its value is chosen per instrument (overrides) and per date (versions).</summary>
public sealed record ThresholdReference(string Name, TypeRef Type, SourceSpan Span) : BoundExpression(Type, Span);

/// <summary>A quantifier's variable, or one field of it (<c>offense.category</c>): Field is null for the element itself.</summary>
public sealed record VariableReference(string Variable, string? Field, TypeRef Type, SourceSpan Span) : BoundExpression(Type, Span);

public sealed record ConstantExpression(ConstantValue Value, TypeRef Type, SourceSpan Span) : BoundExpression(Type, Span);

public sealed record ComparisonExpression(BoundExpression Left, ComparisonOperator Operator, BoundExpression Right, SourceSpan Span)
    : BoundExpression(TypeRef.Bool, Span);

public sealed record InListExpression(BoundExpression Element, BoundExpression List, bool Negated, SourceSpan Span)
    : BoundExpression(TypeRef.Bool, Span);

public sealed record NotExpression(BoundExpression Operand, SourceSpan Span) : BoundExpression(TypeRef.Bool, Span);

public sealed record AndExpression(BoundExpression Left, BoundExpression Right, SourceSpan Span) : BoundExpression(TypeRef.Bool, Span);

public sealed record OrExpression(BoundExpression Left, BoundExpression Right, SourceSpan Span) : BoundExpression(TypeRef.Bool, Span);

public sealed record QuantifierExpression(Quantifier Quantifier, string Variable, FactReference Source, BoundExpression Body, SourceSpan Span)
    : BoundExpression(TypeRef.Bool, Span);

/// <summary>A constant of any type; exactly one payload is meaningful, chosen by the expression's type.</summary>
public sealed record ConstantValue(bool Bool = false, decimal Number = 0, DateValue Date = default, DurationValue Duration = default, string? Text = null)
{
    public static ConstantValue Of(bool value) => new(Bool: value);
    public static ConstantValue Of(decimal value) => new(Number: value);
    public static ConstantValue Of(DateValue value) => new(Date: value);
    public static ConstantValue Of(DurationValue value) => new(Duration: value);
    public static ConstantValue Of(string value) => new(Text: value);
}
