using TreatyDsl.Text;

namespace TreatyDsl.Syntax;

/// <summary>
/// A condition or operand as written. Conditions stay analysable by construction: the only forms are
/// comparisons of facts with constants (or with other facts), list membership, quantifiers over lists,
/// and 'and' / 'or' / 'not' around them. There is no arithmetic and no function call.
/// </summary>
public abstract record ExpressionSyntax(SourceSpan Span);

/// <summary>A name: a fact path (<c>sentence.type</c>), a threshold, a quantifier variable, an enum member or a country code.</summary>
public sealed record NameSyntax(string Name, SourceSpan Span) : ExpressionSyntax(Span);

public sealed record NumberLiteralSyntax(decimal Value, SourceSpan Span) : ExpressionSyntax(Span);

public sealed record BoolLiteralSyntax(bool Value, SourceSpan Span) : ExpressionSyntax(Span);

public sealed record TextLiteralSyntax(string Value, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A calendar date written <c>YYYY-MM-DD</c>.</summary>
public sealed record DateLiteralSyntax(DateValue Value, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A calendar duration such as <c>6 months</c> or <c>1 year 6 months</c>.</summary>
public sealed record DurationLiteralSyntax(DurationValue Value, SourceSpan Span) : ExpressionSyntax(Span);

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

public sealed record ComparisonSyntax(ExpressionSyntax Left, ComparisonOperator Operator, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary><c>x in list</c> or <c>x not in list</c>.</summary>
public sealed record InListSyntax(ExpressionSyntax Element, ExpressionSyntax List, bool Negated, SourceSpan Span) : ExpressionSyntax(Span);

public sealed record NotSyntax(ExpressionSyntax Operand, SourceSpan Span) : ExpressionSyntax(Span);

public sealed record AndSyntax(ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);

public sealed record OrSyntax(ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);

public enum Quantifier
{
    Any,
    All,
}

/// <summary><c>any o in offenses: o.category = immigration</c>.</summary>
public sealed record QuantifierSyntax(Quantifier Quantifier, string Variable, NameSyntax Source, ExpressionSyntax Body, SourceSpan Span) : ExpressionSyntax(Span);
