using System.Collections.Generic;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Interpretation;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Analysis;

/// <summary>
/// What one instrument's conditions compare each fact with: the atoms of the analysis. A slot is a fact path, or for the
/// fields of a list's records the list's path with <c>[]</c> (<c>offenses[].category</c>), or for a list of scalars its
/// elements (<c>prisoner.nationalities[]</c>). Every constant a slot meets splits its domain; two slots compared with each
/// other share their constants. Anything the representative values could not cover exactly is recorded as unsupported,
/// so that no claim that a case cannot exist rests on it.
/// </summary>
internal sealed class Atoms
{
    private readonly Dictionary<string, DerivedModel> derived;
    private readonly Dictionary<string, ThresholdModel> thresholds;
    private readonly HashSet<string> expanded = new();

    private Atoms(IEnumerable<DerivedModel> derivedInScope, IEnumerable<ThresholdModel> thresholdsInScope)
    {
        derived = new Dictionary<string, DerivedModel>();
        foreach (var d in derivedInScope) derived[d.Name] = d;
        thresholds = new Dictionary<string, ThresholdModel>();
        foreach (var t in thresholdsInScope) thresholds[t.Name] = t;
    }

    /// <summary>Constants by slot.</summary>
    public Dictionary<string, HashSet<object>> Constants { get; } = new();

    /// <summary>
    /// How many different quantifiers range over each list fact: the bound on the list's length (see docs/analysis.md).
    /// The same quantifier written in several rules (<c>any offense in offenses: offense.category = drug</c> in a hundred
    /// requirements) is decided by the same element, so it counts once; one inside another quantifier reads that one's
    /// element too, so it counts wherever it is written.
    /// </summary>
    public Dictionary<string, int> Quantifiers { get; } = new();

    private readonly HashSet<string> quantifiersSeen = new(System.StringComparer.Ordinal);

    private void CountQuantifier(QuantifierExpression quantifier, Dictionary<string, string> variables)
    {
        var key = variables.Count == 0
            ? quantifier.Source.Path + "\n" + ConditionPrinter.Print(quantifier)
            : quantifier.Source.Path + "\n#" + quantifiersSeen.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!quantifiersSeen.Add(key)) return;
        Quantifiers[quantifier.Source.Path] = (Quantifiers.TryGetValue(quantifier.Source.Path, out var n) ? n : 0) + 1;
    }

    /// <summary>Every slot a condition reads, compared or on its own.</summary>
    public HashSet<string> Read { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Durations each derived period is compared with, by the period's end fact (its PeriodTo).</summary>
    public Dictionary<string, (string From, HashSet<Period> Durations)> Periods { get; } = new();

    /// <summary>Constructs outside the exact fragment, with why.</summary>
    public List<(SourceSpan Span, string Why)> Unsupported { get; } = new();

    public static Atoms Collect(VocabularyModel vocabulary, InstrumentModel instrument)
    {
        var atoms = new Atoms(Concat(vocabulary.Derived, instrument.Derived), instrument.Thresholds);
        foreach (var rule in instrument.Rules) atoms.WalkRule(rule);
        foreach (var fact in vocabulary.Facts) atoms.Walk(fact.ExpectedWhen, new Dictionary<string, string>());
        return atoms;
    }

    /// <summary>The atoms of one rule alone, every version and exception (what the rule compares each fact with: <see cref="ValueClasses"/>).</summary>
    public static Atoms OfRule(VocabularyModel vocabulary, InstrumentModel instrument, RuleModel rule)
    {
        var atoms = new Atoms(Concat(vocabulary.Derived, instrument.Derived), instrument.Thresholds);
        atoms.WalkRule(rule);
        return atoms;
    }

    private void WalkRule(RuleModel rule)
    {
        foreach (var version in rule.Versions)
        {
            Walk(version.Condition, new Dictionary<string, string>());
            foreach (var exception in version.Exceptions) Walk(exception.Condition, new Dictionary<string, string>());
        }
    }

    /// <summary>The atoms of one condition alone (for the rules whose exactness is asked about).</summary>
    public static bool IsExact(VocabularyModel vocabulary, InstrumentModel instrument, BoundExpression condition)
    {
        var atoms = new Atoms(Concat(vocabulary.Derived, instrument.Derived), instrument.Thresholds);
        atoms.Walk(condition, new Dictionary<string, string>());
        return atoms.Unsupported.Count == 0;
    }

    private static IEnumerable<DerivedModel> Concat(IEnumerable<DerivedModel> a, IEnumerable<DerivedModel> b)
    {
        foreach (var x in a) yield return x;
        foreach (var x in b) yield return x;
    }

    private void Walk(BoundExpression? expression, Dictionary<string, string> variables)
    {
        switch (expression)
        {
            case null:
                return;
            case NotExpression not:
                Walk(not.Operand, variables);
                return;
            case AndExpression and:
                Walk(and.Left, variables);
                Walk(and.Right, variables);
                return;
            case OrExpression or:
                Walk(or.Left, variables);
                Walk(or.Right, variables);
                return;
            case DerivedReference reference:
                if (derived.TryGetValue(reference.Name, out var definition) && expanded.Add(reference.Name))
                {
                    Walk(definition.Condition, new Dictionary<string, string>());
                    Walk(definition.UnboundedWhen, new Dictionary<string, string>());
                }
                return;
            case QuantifierExpression quantifier:
                CountQuantifier(quantifier, variables);
                var inner = new Dictionary<string, string>(variables) { [quantifier.Variable] = quantifier.Source.Path };
                Walk(quantifier.Body, inner);
                return;
            case ComparisonExpression comparison:
                Compare(comparison, variables);
                return;
            case InListExpression inList:
                InList(inList, variables);
                return;
            default:
                // A yes/no fact or variable on its own: its domain is yes and no, nothing to collect.
                if (Slot(expression, variables) is null && expression is not ConstantExpression) Unsupported.Add((expression.Span, "a condition the analysis cannot read"));
                return;
        }
    }

    private void Compare(ComparisonExpression comparison, Dictionary<string, string> variables)
    {
        if (comparison.Left is DerivedReference { Type.Kind: TypeKind.Duration } period)
        {
            if (!derived.TryGetValue(period.Name, out var definition) || definition.PeriodTo is null || definition.PeriodFrom is null)
            {
                Unsupported.Add((comparison.Span, $"the period '{period.Name}' has no definition"));
                return;
            }
            if (expanded.Add(period.Name)) Walk(definition.UnboundedWhen, new Dictionary<string, string>());
            if (!Periods.TryGetValue(definition.PeriodTo, out var entry))
            {
                entry = (definition.PeriodFrom, new HashSet<Period>());
                Periods[definition.PeriodTo] = entry;
            }
            else if (entry.From != definition.PeriodFrom)
            {
                Unsupported.Add((comparison.Span, $"'{definition.PeriodTo}' ends periods that start at different facts"));
            }
            var values = Values(comparison.Right);
            if (values is null) Unsupported.Add((comparison.Span, "a period compared with something other than a duration or threshold"));
            else foreach (var v in values) entry.Durations.Add(Conversions.ToPeriod((DurationValue)v));
            return;
        }

        var left = Slot(comparison.Left, variables);
        var right = Slot(comparison.Right, variables);
        if (left is not null && right is not null)
        {
            // Two facts compared: equality of names is covered by shared representatives, order is not.
            if (comparison.Left.Type.IsOrdered)
            {
                Unsupported.Add((comparison.Span, "two facts compared with each other by value or order"));
            }
            Link(left, right);
            return;
        }
        var slot = left ?? right;
        var constants = Values(left is null ? comparison.Left : comparison.Right);
        if (slot is null || constants is null)
        {
            Unsupported.Add((comparison.Span, "a comparison the analysis cannot read"));
            return;
        }
        Add(slot, constants);
    }

    private void InList(InListExpression inList, Dictionary<string, string> variables)
    {
        if (inList.List is not FactReference list)
        {
            Unsupported.Add((inList.Span, "membership in something other than a list fact"));
            return;
        }
        var elements = list.Path + "[]";
        var element = Slot(inList.Element, variables);
        if (element is not null)
        {
            Link(element, elements);
            return;
        }
        var constants = Values(inList.Element);
        if (constants is null) Unsupported.Add((inList.Span, "membership of something the analysis cannot read"));
        else Add(elements, constants);
    }

    /// <summary>The slot an operand reads, or null when it is not a fact or a quantifier variable.</summary>
    /// <summary>The slot an operand reads (recorded in <see cref="Read"/>), or null when it reads none.</summary>
    private string? Slot(BoundExpression operand, Dictionary<string, string> variables)
    {
        var slot = operand switch
        {
            FactReference fact => fact.Path,
            VariableReference variable when variables.TryGetValue(variable.Variable, out var list) =>
                variable.Field is null ? list + "[]" : list + "[]." + variable.Field,
            _ => null,
        };
        if (slot is not null) Read.Add(slot);
        return slot;
    }

    /// <summary>A constant's value, or a threshold's values in every version, as the interpreter sees them; null otherwise.</summary>
    private List<object>? Values(BoundExpression operand)
    {
        switch (operand)
        {
            case ConstantExpression constant:
                return new List<object> { Payload(constant.Value, constant.Type) };
            case ThresholdReference reference when thresholds.TryGetValue(reference.Name, out var threshold):
                var values = new List<object>();
                foreach (var version in threshold.Versions) values.Add(Payload(version.Value, threshold.Type));
                return values;
            default:
                return null;
        }
    }

    private static object Payload(ConstantValue value, TypeRef type) => type.Kind switch
    {
        TypeKind.Bool => value.Bool,
        TypeKind.Number => value.Number,
        TypeKind.Date => Conversions.ToLocalDate(value.Date),
        TypeKind.Duration => value.Duration,
        _ => value.Text ?? string.Empty,
    };

    /// <summary>
    /// Adds constants to a slot and to every slot linked with it. A link class shares one set of constants, so adding
    /// is one union over the class, never a walk from slot to slot (which, with links both ways, would not end).
    /// </summary>
    private void Add(string slot, List<object> values)
    {
        foreach (var member in Links(slot))
        {
            if (!Constants.TryGetValue(member, out var set)) Constants[member] = set = new HashSet<object>();
            set.UnionWith(values);
        }
    }

    private readonly Dictionary<string, HashSet<string>> links = new();

    /// <summary>The slots linked with <paramref name="slot"/>, itself included.</summary>
    private IEnumerable<string> Links(string slot) => links.TryGetValue(slot, out var set) ? set : new[] { slot };

    /// <summary>Two slots compared with each other: each gets the other's constants, now and later.</summary>
    private void Link(string a, string b)
    {
        if (!links.TryGetValue(a, out var la)) links[a] = la = new HashSet<string> { a };
        if (!links.TryGetValue(b, out var lb)) links[b] = lb = new HashSet<string> { b };
        if (ReferenceEquals(la, lb)) return;
        la.UnionWith(lb);
        foreach (var member in la) links[member] = la;
        var merged = new HashSet<object>();
        foreach (var member in la) if (Constants.TryGetValue(member, out var c)) merged.UnionWith(c);
        foreach (var member in la) Constants[member] = new HashSet<object>(merged);
    }
}
