using System.Collections.Generic;

namespace TreatyDsl.Binding;

/// <summary>Every node of a bound condition, parents before children. Recursion is bounded by the parser's nesting limit.</summary>
public static class ExpressionWalk
{
    public static IEnumerable<BoundExpression> Nodes(BoundExpression? expression)
    {
        if (expression is null) yield break;
        yield return expression;
        foreach (var child in Children(expression))
        {
            foreach (var node in Nodes(child)) yield return node;
        }
    }

    /// <summary>The operands of a node, left to right (a quantifier's list, then its body); none for a leaf.</summary>
    public static IReadOnlyList<BoundExpression> Children(BoundExpression expression) => expression switch
    {
        ComparisonExpression c => new[] { c.Left, c.Right },
        InListExpression i => new[] { i.Element, i.List },
        NotExpression n => new[] { n.Operand },
        AndExpression a => new[] { a.Left, a.Right },
        OrExpression o => new[] { o.Left, o.Right },
        QuantifierExpression q => new[] { q.Source, q.Body },
        _ => System.Array.Empty<BoundExpression>(),
    };
}
