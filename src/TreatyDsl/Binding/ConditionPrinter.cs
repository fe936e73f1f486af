using System.Globalization;
using System.Text;
using TreatyDsl.Syntax;

namespace TreatyDsl.Binding;

/// <summary>
/// Writes a bound condition back as canonical .treaty text. Messages quote it, and both evaluators
/// (the interpreter and generated code) use it in explanations, so it must depend on the tree alone.
/// </summary>
public static class ConditionPrinter
{
    public static string Print(BoundExpression expression)
    {
        var builder = new StringBuilder();
        Write(builder, expression, Precedence.Or);
        return builder.ToString();
    }

    public static string Print(ConstantValue value, TypeRef type) => type.Kind switch
    {
        TypeKind.Bool => value.Bool ? "true" : "false",
        TypeKind.Number => FormatNumber(value.Number),
        TypeKind.Date => value.Date.ToString(),
        TypeKind.Duration => value.Duration.ToString(),
        TypeKind.Text => "\"" + value.Text + "\"",
        _ => value.Text ?? string.Empty,
    };

    public static string FormatNumber(decimal number) => number.ToString("0.############################", CultureInfo.InvariantCulture);

    private enum Precedence
    {
        Or,
        And,
        Unary,
    }

    private static void Write(StringBuilder b, BoundExpression e, Precedence context)
    {
        switch (e)
        {
            case FactReference f: b.Append(f.Path); break;
            case DerivedReference d: b.Append(d.Name); break;
            case ThresholdReference t: b.Append(t.Name); break;
            case VariableReference v: b.Append(v.Field is null ? v.Variable : v.Variable + "." + v.Field); break;
            case ConstantExpression c: b.Append(Print(c.Value, c.Type)); break;
            case ComparisonExpression c:
                Write(b, c.Left, Precedence.Unary);
                b.Append(' ').Append(OperatorText(c.Operator)).Append(' ');
                Write(b, c.Right, Precedence.Unary);
                break;
            case InListExpression i:
                Write(b, i.Element, Precedence.Unary);
                b.Append(i.Negated ? " not in " : " in ");
                Write(b, i.List, Precedence.Unary);
                break;
            case NotExpression n:
                b.Append("not ");
                Write(b, n.Operand, Precedence.Unary);
                break;
            case AndExpression a:
                Group(b, context > Precedence.And, () => { Write(b, a.Left, Precedence.And); b.Append(" and "); Write(b, a.Right, Precedence.And); });
                break;
            case OrExpression o:
                Group(b, context > Precedence.Or, () => { Write(b, o.Left, Precedence.Or); b.Append(" or "); Write(b, o.Right, Precedence.Or); });
                break;
            case QuantifierExpression q:
                // The body of a quantifier reaches to the right, so a quantifier inside a larger condition is parenthesised.
                Group(b, context > Precedence.Or, () =>
                {
                    b.Append(q.Quantifier == Quantifier.Any ? "any " : "all ").Append(q.Variable).Append(" in ").Append(q.Source.Path).Append(": ");
                    Write(b, q.Body, Precedence.Or);
                });
                break;
        }
    }

    private static void Group(StringBuilder b, bool parenthesise, System.Action write)
    {
        if (parenthesise) b.Append('(');
        write();
        if (parenthesise) b.Append(')');
    }

    public static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}
