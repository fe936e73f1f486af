using System;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Text;

namespace TreatyDsl.Comparison;

/// <summary>
/// Copies of bound rules, derived facts and thresholds as they decide cases, nothing else: no places in the files, no
/// texts or citations (an explanation's words change no outcome), and, for the old side of a comparison, every derived
/// fact and threshold renamed so that both sides' definitions can sit in one instrument. Two rules whose copies are
/// equal (records compare by value) decide every case alike.
/// </summary>
internal sealed class SemanticCopy
{
    /// <summary>The prefix of the old side's names: no name in a .treaty file can hold a colon, so none can collide.</summary>
    public const string OldPrefix = "old:";

    private readonly Func<string, string> rename;

    private SemanticCopy(Func<string, string> rename) => this.rename = rename;

    /// <summary>Copies that keep every name: what the comparison of the two sides reads.</summary>
    public static readonly SemanticCopy Plain = new(name => name);

    /// <summary>Copies with derived facts and thresholds renamed for the old side.</summary>
    public static readonly SemanticCopy Old = new(name => OldPrefix + name);

    public string Name(string name) => rename(name);

    public RuleModel Rule(RuleModel rule, string? id = null) =>
        new(rule.Kind, id ?? rule.Id, string.Empty, rule.Versions.Select(Version).ToEquatableArray());

    private RuleVersion Version(RuleVersion version) => new(
        version.Effective,
        string.Empty,
        string.Empty,
        Expression(version.Condition),
        version.Exceptions.Select(e => new ExceptionModel(string.Empty, null, string.Empty, Expression(e.Condition), default)).ToEquatableArray(),
        default);

    public DerivedModel Derived(DerivedModel derived) => new(
        rename(derived.Name), derived.Type, Optional(derived.Condition), derived.PeriodFrom, derived.PeriodTo, null, null, default, Optional(derived.UnboundedWhen));

    public ThresholdModel Threshold(ThresholdModel threshold) => new(
        rename(threshold.Name),
        threshold.Type,
        threshold.Versions.Select(v => new ThresholdVersion(v.Effective, v.Value, string.Empty, string.Empty, default)).ToEquatableArray());

    /// <summary>A fact as the reader and the rules see it: its path, type, whether required or non-empty, and when it is expected.</summary>
    public static FactModel Fact(FactModel fact) => new(fact.Path, fact.Type, fact.Required, fact.NonEmpty, null, default, Plain.Optional(fact.ExpectedWhen));

    private BoundExpression? Optional(BoundExpression? expression) => expression is null ? null : Expression(expression);

    /// <summary>The condition with no places and the names renamed. Recursion is bounded by the parser's nesting limit (long chains bind balanced), as in <see cref="ExpressionWalk"/>.</summary>
    public BoundExpression Expression(BoundExpression expression) => expression switch
    {
        FactReference f => f with { Span = default },
        DerivedReference d => d with { Name = rename(d.Name), Span = default },
        ThresholdReference t => t with { Name = rename(t.Name), Span = default },
        VariableReference v => v with { Span = default },
        ConstantExpression c => c with { Span = default },
        ComparisonExpression c => c with { Left = Expression(c.Left), Right = Expression(c.Right), Span = default },
        InListExpression i => i with { Element = Expression(i.Element), List = Expression(i.List), Span = default },
        NotExpression n => n with { Operand = Expression(n.Operand), Span = default },
        AndExpression a => a with { Left = Expression(a.Left), Right = Expression(a.Right), Span = default },
        OrExpression o => o with { Left = Expression(o.Left), Right = Expression(o.Right), Span = default },
        QuantifierExpression q => q with { Source = q.Source with { Span = default }, Body = Expression(q.Body), Span = default },
        _ => expression,
    };
}
