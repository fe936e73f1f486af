using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.LanguageServer.Workspace;

/// <summary>
/// Where the binder read a quantifier variable's field (<c>offense.category</c> in <c>any offense in offenses: ...</c>),
/// and of which record: the variable ranges over a list fact, so its fields are that record's, whatever other record
/// has a field of the same name. Read from the bound model, so a file that does not bind has none (and its names are
/// resolved by spelling, as before it binds).
/// </summary>
internal static class BoundFields
{
    /// <summary>The record whose field is written at each (file, offset).</summary>
    public static Dictionary<(string Path, int Offset), string> Of(TreatyModel model)
    {
        var found = new Dictionary<(string, int), string>();
        foreach (var condition in Conditions(model)) Walk(condition, new Dictionary<string, string>(StringComparer.Ordinal), found);
        return found;
    }

    private static IEnumerable<BoundExpression?> Conditions(TreatyModel model)
    {
        foreach (var fact in model.Vocabulary.Facts) yield return fact.ExpectedWhen;
        var derived = model.Vocabulary.Derived.Concat(model.Instruments.SelectMany(i => i.Derived));
        foreach (var d in derived)
        {
            yield return d.Condition;
            yield return d.UnboundedWhen;
        }
        // A baseline's rule is in every instrument that includes it, at the same place: walked once per instrument.
        foreach (var rule in model.Instruments.SelectMany(i => i.Rules.Concat(i.Reviews)))
        {
            foreach (var version in rule.Versions)
            {
                yield return version.Condition;
                foreach (var exception in version.Exceptions) yield return exception.Condition;
            }
        }
        foreach (var set in model.Advisories)
        {
            yield return set.AppliesWhen;
            foreach (var advisory in set.Advisories) yield return advisory.Condition;
        }
    }

    /// <summary>Recursion is bounded by the parser's nesting limit (long chains bind balanced), as in <see cref="ExpressionWalk"/>.</summary>
    private static void Walk(BoundExpression? expression, Dictionary<string, string> records, Dictionary<(string, int), string> found)
    {
        switch (expression)
        {
            case null:
                return;
            case VariableReference { Field: not null } variable when records.TryGetValue(variable.Variable, out var record):
                found[(variable.Span.Path, variable.Span.Offset)] = record;
                return;
            case QuantifierExpression quantifier:
                Walk(quantifier.Source, records, found);
                var inner = new Dictionary<string, string>(records, StringComparer.Ordinal);
                if (quantifier.Source.Type is { Kind: TypeKind.List, Element: { Kind: TypeKind.Record, Name: { } name } }) inner[quantifier.Variable] = name;
                else inner.Remove(quantifier.Variable);
                Walk(quantifier.Body, inner, found);
                return;
            default:
                foreach (var child in ExpressionWalk.Children(expression)) Walk(child, records, found);
                return;
        }
    }
}
