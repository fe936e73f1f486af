using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;

namespace TreatyDsl.Binding;

/// <summary>
/// Resolves the names in a condition and checks its types. Reports each problem once, at the name or
/// comparison that causes it, and returns a tree typed <see cref="TypeKind.Error"/> there so binding goes on.
/// </summary>
internal sealed class ExpressionBinder
{
    private static readonly Regex CountryCode = new("^[A-Z]{2}$");
    private readonly List<TreatyDiagnostic> diagnostics;

    public ExpressionBinder(List<TreatyDiagnostic> diagnostics) => this.diagnostics = diagnostics;

    /// <summary>Binds a condition: the result must be yes/no.</summary>
    public BoundExpression BindCondition(ExpressionSyntax syntax, Scope scope)
    {
        var bound = Bind(syntax, scope);
        if (bound.Type.Kind == TypeKind.Pending)
        {
            return UnknownName((ConstantExpression)bound, scope);
        }
        if (bound.Type.Kind is not (TypeKind.Bool or TypeKind.Error))
        {
            diagnostics.Add(DiagnosticCatalog.NotACondition.Create(syntax.Span, ConditionPrinter.Print(bound), DescribeType(bound.Type)));
            return Error(bound);
        }
        return bound;
    }

    /// <summary>Binds a threshold's value, which must be written as a literal (a number, date, duration, text or yes/no).</summary>
    public ConstantExpression? BindConstant(ExpressionSyntax syntax)
    {
        if (syntax is NumberLiteralSyntax or BoolLiteralSyntax or TextLiteralSyntax or DateLiteralSyntax or DurationLiteralSyntax)
        {
            return (ConstantExpression)Bind(syntax, null!);
        }
        diagnostics.Add(DiagnosticCatalog.SyntaxError.Create(syntax.Span, "A threshold's value must be written out, such as '6 months', '5' or '2026-01-01'"));
        return null;
    }

    private BoundExpression Bind(ExpressionSyntax syntax, Scope scope)
    {
        switch (syntax)
        {
            case NameSyntax name:
                return BindName(name, scope);
            case NumberLiteralSyntax n:
                return new ConstantExpression(ConstantValue.Of(n.Value), TypeRef.Number, n.Span);
            case BoolLiteralSyntax b:
                return new ConstantExpression(ConstantValue.Of(b.Value), TypeRef.Bool, b.Span);
            case TextLiteralSyntax t:
                return new ConstantExpression(ConstantValue.Of(t.Value), TypeRef.Text, t.Span);
            case DateLiteralSyntax d:
                return new ConstantExpression(ConstantValue.Of(d.Value), TypeRef.Date, d.Span);
            case DurationLiteralSyntax d:
                return new ConstantExpression(ConstantValue.Of(d.Value), TypeRef.Duration, d.Span);
            case NotSyntax not:
                return new NotExpression(BindCondition(not.Operand, scope), not.Span);
            case AndSyntax and:
                return new AndExpression(BindCondition(and.Left, scope), BindCondition(and.Right, scope), and.Span);
            case OrSyntax or:
                return new OrExpression(BindCondition(or.Left, scope), BindCondition(or.Right, scope), or.Span);
            case ComparisonSyntax comparison:
                return BindComparison(comparison, scope);
            case InListSyntax inList:
                return BindInList(inList, scope);
            case QuantifierSyntax quantifier:
                return BindQuantifier(quantifier, scope);
            default:
                diagnostics.Add(DiagnosticCatalog.SyntaxError.Create(syntax.Span, "This kind of condition is not supported"));
                return new ConstantExpression(ConstantValue.Of(false), TypeRef.Error, syntax.Span);
        }
    }

    private BoundExpression BindName(NameSyntax name, Scope scope)
    {
        var segments = name.Name.Split('.');
        for (var i = scope.Variables.Count - 1; i >= 0; i--)
        {
            var (variable, type) = scope.Variables[i];
            if (segments[0] != variable) continue;
            if (segments.Length == 1) return new VariableReference(variable, null, type, name.Span);
            if (segments.Length == 2 && type.Kind == TypeKind.Record && scope.Records.TryGetValue(type.Name!, out var record))
            {
                var field = record.Fields.FirstOrDefault(f => f.Name == segments[1]);
                if (field is not null) return new VariableReference(variable, field.Name, field.Type, name.Span);
                diagnostics.Add(DiagnosticCatalog.UnknownName.Create(name.Span, name.Name,
                    $"; {type.Name} has the fields {string.Join(", ", record.Fields.Select(f => f.Name))}"));
                return new ConstantExpression(ConstantValue.Of(name.Name), TypeRef.Error, name.Span);
            }
        }
        if (scope.Derived.TryGetValue(name.Name, out var derivedType)) return new DerivedReference(name.Name, derivedType, name.Span);
        if (scope.Thresholds.TryGetValue(name.Name, out var thresholdType)) return new ThresholdReference(name.Name, thresholdType, name.Span);
        if (scope.Facts.TryGetValue(name.Name, out var fact)) return new FactReference(fact.Path, fact.Type, name.Span);
        // Not a fact: an enum member or a country code, decided by what it is compared with.
        return new ConstantExpression(ConstantValue.Of(name.Name), TypeRef.Pending, name.Span);
    }

    private BoundExpression BindComparison(ComparisonSyntax syntax, Scope scope)
    {
        var left = Bind(syntax.Left, scope);
        var right = Bind(syntax.Right, scope);
        if (left.Type.Kind == TypeKind.Pending && right.Type.Kind == TypeKind.Pending)
        {
            return Error(UnknownName((ConstantExpression)left, scope));
        }
        if (left.Type.Kind == TypeKind.Pending) left = ResolvePending((ConstantExpression)left, right.Type, scope);
        if (right.Type.Kind == TypeKind.Pending) right = ResolvePending((ConstantExpression)right, left.Type, scope);
        if (left.Type.Kind == TypeKind.Error || right.Type.Kind == TypeKind.Error)
        {
            return new ComparisonExpression(left, syntax.Operator, right, syntax.Span) { Type = TypeRef.Error };
        }

        if (!SameType(left.Type, right.Type) || !left.Type.IsScalar)
        {
            diagnostics.Add(DiagnosticCatalog.TypeMismatch.Create(syntax.Span,
                ConditionPrinter.Print(left), DescribeType(left.Type), ConditionPrinter.Print(right), DescribeType(right.Type)));
            return new ComparisonExpression(left, syntax.Operator, right, syntax.Span) { Type = TypeRef.Error };
        }
        if (syntax.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual) && !left.Type.IsOrdered)
        {
            diagnostics.Add(DiagnosticCatalog.OperatorNotApplicable.Create(syntax.Span, ConditionPrinter.OperatorText(syntax.Operator), DescribeType(left.Type)));
            return new ComparisonExpression(left, syntax.Operator, right, syntax.Span) { Type = TypeRef.Error };
        }

        // Keep the fact on the left ("5 >= x" is read as "x <= 5"): explanations and the analyzers read subject first.
        var op = syntax.Operator;
        if (IsValue(left) && !IsValue(right))
        {
            (left, right) = (right, left);
            op = Mirror(op);
        }

        if (left.Type.Kind == TypeKind.Duration && !(left is DerivedReference d && scope.Periods.ContainsKey(d.Name) && IsValue(right)))
        {
            diagnostics.Add(DiagnosticCatalog.DurationComparison.Create(syntax.Span));
            return new ComparisonExpression(left, op, right, syntax.Span) { Type = TypeRef.Error };
        }
        return new ComparisonExpression(left, op, right, syntax.Span);
    }

    private BoundExpression BindInList(InListSyntax syntax, Scope scope)
    {
        var list = Bind(syntax.List, scope);
        var element = Bind(syntax.Element, scope);
        if (list.Type.Kind == TypeKind.Pending) list = Error(UnknownName((ConstantExpression)list, scope));
        if (list.Type.Kind == TypeKind.Error) return new InListExpression(element, list, syntax.Negated, syntax.Span) { Type = TypeRef.Error };
        if (list.Type.Kind != TypeKind.List)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidMembership.Create(syntax.List.Span, ConditionPrinter.Print(list), DescribeType(list.Type)));
            return new InListExpression(element, list, syntax.Negated, syntax.Span) { Type = TypeRef.Error };
        }
        if (element.Type.Kind == TypeKind.Pending) element = ResolvePending((ConstantExpression)element, list.Type.Element!, scope);
        if (element.Type.Kind == TypeKind.Error) return new InListExpression(element, list, syntax.Negated, syntax.Span) { Type = TypeRef.Error };
        if (!SameType(element.Type, list.Type.Element!) || !element.Type.IsScalar)
        {
            diagnostics.Add(DiagnosticCatalog.TypeMismatch.Create(syntax.Span,
                ConditionPrinter.Print(element), DescribeType(element.Type), ConditionPrinter.Print(list), DescribeType(list.Type)));
            return new InListExpression(element, list, syntax.Negated, syntax.Span) { Type = TypeRef.Error };
        }
        return new InListExpression(element, list, syntax.Negated, syntax.Span);
    }

    private BoundExpression BindQuantifier(QuantifierSyntax syntax, Scope scope)
    {
        var source = BindName(syntax.Source, scope);
        if (source.Type.Kind == TypeKind.Pending) source = Error(UnknownName((ConstantExpression)source, scope));
        if (source is not FactReference { Type.Kind: TypeKind.List } list)
        {
            if (source.Type.Kind != TypeKind.Error)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidMembership.Create(syntax.Source.Span, syntax.Source.Name, DescribeType(source.Type)));
            }
            var placeholder = new FactReference(syntax.Source.Name, TypeRef.Error, syntax.Source.Span);
            return new QuantifierExpression(syntax.Quantifier, syntax.Variable, placeholder, new ConstantExpression(ConstantValue.Of(false), TypeRef.Error, syntax.Body.Span), syntax.Span) { Type = TypeRef.Error };
        }
        scope.Variables.Add((syntax.Variable, list.Type.Element!));
        try
        {
            var body = BindCondition(syntax.Body, scope);
            return new QuantifierExpression(syntax.Quantifier, syntax.Variable, list, body, syntax.Span);
        }
        finally
        {
            scope.Variables.RemoveAt(scope.Variables.Count - 1);
        }
    }

    private BoundExpression ResolvePending(ConstantExpression pending, TypeRef expected, Scope scope)
    {
        var name = pending.Value.Text!;
        if (expected.Kind == TypeKind.Enum && scope.Enums.TryGetValue(expected.Name!, out var enumModel))
        {
            if (enumModel.Members.Contains(name)) return new ConstantExpression(pending.Value, expected, pending.Span);
            diagnostics.Add(DiagnosticCatalog.UnknownName.Create(pending.Span, name,
                $"; {expected.Name} is one of {string.Join(", ", enumModel.Members)}"));
            return Error(pending);
        }
        if (expected.Kind == TypeKind.Country)
        {
            if (CountryCode.IsMatch(name)) return new ConstantExpression(pending.Value, TypeRef.Country, pending.Span);
            diagnostics.Add(DiagnosticCatalog.InvalidCountryCode.Create(pending.Span, name, DiagnosticCatalog.CountrySuggestion(name)));
            return Error(pending);
        }
        if (expected.Kind == TypeKind.Error) return Error(pending);
        return UnknownName(pending, scope);
    }

    private BoundExpression UnknownName(ConstantExpression pending, Scope scope)
    {
        var name = pending.Value.Text!;
        var suggestion = Suggest(name, scope);
        diagnostics.Add(DiagnosticCatalog.UnknownName.Create(pending.Span, name, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
        return Error(pending);
    }

    /// <summary>The closest known name, if one is close enough to be a likely typo.</summary>
    private static string? Suggest(string name, Scope scope) =>
        TreatyDsl.Text.Suggestions.Closest(name, scope.Facts.Keys.Concat(scope.Derived.Keys).Concat(scope.Thresholds.Keys));

    private static BoundExpression Error(BoundExpression expression) => new ConstantExpression(ConstantValue.Of(false), TypeRef.Error, expression.Span);

    private static bool IsValue(BoundExpression e) => e is ConstantExpression or ThresholdReference;

    private static bool SameType(TypeRef a, TypeRef b) => a.Kind == b.Kind && a.Name == b.Name && (a.Element is null ? b.Element is null : b.Element is not null && SameType(a.Element, b.Element));

    private static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    private static string DescribeType(TypeRef type) => type.Kind switch
    {
        TypeKind.List => $"a {type}",
        TypeKind.Enum or TypeKind.Record => $"a {type.Name}",
        _ => $"a {type}",
    };
}
