using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;

namespace TreatyDsl.Interpretation;

/// <summary>
/// Evaluates one bound condition over a case, three-valued throughout (a missing fact is unknown, never met), and
/// explains itself through the same <see cref="ExplanationSink"/> calls, in the same words, as generated code does.
/// Shared by instrument rules and advisory factors; the derived facts and thresholds are those in scope where the
/// condition was written.
/// </summary>
internal sealed class ConditionInterpreter
{
    private readonly Dictionary<string, DerivedModel> derived;
    private readonly Dictionary<string, ThresholdModel> thresholds;

    /// <param name="derived">The derived facts in scope; a later definition of a name replaces an earlier one.</param>
    /// <param name="thresholds">The thresholds in scope, with any overrides already applied.</param>
    public ConditionInterpreter(IEnumerable<DerivedModel> derived, IEnumerable<ThresholdModel> thresholds)
    {
        this.derived = derived.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last());
        this.thresholds = thresholds.ToDictionary(t => t.Name);
    }

    /// <summary>Whether <paramref name="condition"/> holds for the case; the sink hears why. <paramref name="wantTrue"/>
    /// says which outcome the caller hopes for, so explanations stress what helped or hurt. When
    /// <paramref name="statesRequirement"/> is true (a rule), a condition that is a single test is explained as what is
    /// required ("at least 6 months required"); otherwise (an advisory factor) as whether the test held.</summary>
    public Truth Evaluate(BoundExpression condition, CaseFacts facts, ExplanationSink sink, bool wantTrue, bool statesRequirement = true) =>
        Eval(condition, new Context(facts, facts.GetDate(ContractFacts.ApplicationDate)), sink, wantTrue, statesRequirement && ConditionShape.IsDirect(condition));

    /// <summary>The case and the quantifier variables bound so far.</summary>
    private sealed class Context
    {
        public Context(CaseFacts facts, LocalDate? applicationDate)
        {
            Facts = facts;
            ApplicationDate = applicationDate;
        }

        public CaseFacts Facts { get; }
        public LocalDate? ApplicationDate { get; }
        public List<(string Name, object? Value, string Path)> Variables { get; } = new();
    }

    private Truth Eval(BoundExpression expression, Context context, ExplanationSink sink, bool wantTrue, bool direct)
    {
        switch (expression)
        {
            case NotExpression not:
                return Logic.Not(Eval(not.Operand, context, sink, !wantTrue, direct));
            case AndExpression and:
                return Logic.And(Eval(and.Left, context, sink, wantTrue, direct), Eval(and.Right, context, sink, wantTrue, direct));
            case OrExpression or:
                return Logic.Or(Eval(or.Left, context, sink, wantTrue, direct), Eval(or.Right, context, sink, wantTrue, direct));
            case DerivedReference reference when derived.TryGetValue(reference.Name, out var definition) && definition.Condition is not null:
                var truth = Eval(definition.Condition, context, sink, wantTrue, false);
                sink.Derived(reference.Name, truth);
                return truth;
            case ComparisonExpression comparison:
                return EvalComparison(comparison, context, sink, wantTrue, direct);
            case InListExpression inList:
                return EvalInList(inList, context, sink, wantTrue, direct);
            case QuantifierExpression quantifier:
                return EvalQuantifier(quantifier, context, sink, wantTrue);
            case ConstantExpression { Type.Kind: TypeKind.Bool } constant:
                return Logic.Of(constant.Value.Bool);
            default:
                // A yes/no fact or quantifier variable used as a condition on its own.
                var (value, path, name) = Read(expression, context);
                var flag = Logic.Of(value as bool?);
                if (flag == Truth.Unknown && path is not null) sink.Missing(path);
                if (!sink.IsQuiet) sink.Flag(FactFormat.Fact(name, FactFormat.Value(value as bool?)), flag, direct, wantTrue);
                return flag;
        }
    }

    private Truth EvalComparison(ComparisonExpression comparison, Context context, ExplanationSink sink, bool wantTrue, bool direct)
    {
        var relation = Conversions.ToRelation(comparison.Operator);
        var (right, rightKnown) = ValueOf(comparison.Right, context, sink);
        if (comparison.Left is DerivedReference { Type.Kind: TypeKind.Duration } period && derived.TryGetValue(period.Name, out var definition))
        {
            // Whether the period has no end is worked out quietly: the explanation says what decided it, once.
            var unbounded = Truth.False;
            if (definition.UnboundedWhen is not null)
            {
                sink.EnterQuiet();
                unbounded = Eval(definition.UnboundedWhen, context, sink, wantTrue: true, direct: false);
                sink.ExitQuiet();
            }
            var start = context.Facts.GetDate(definition.PeriodFrom!);
            var end = context.Facts.GetDate(definition.PeriodTo!);
            if (unbounded != Truth.True && start is null) sink.Missing(definition.PeriodFrom!);
            if (unbounded != Truth.True && end is null) sink.Missing(definition.PeriodTo!);
            var duration = right as DurationValue?;
            var truth = rightKnown ? Compare.Remaining(unbounded, start, end, relation, duration is null ? null : Conversions.ToPeriod(duration.Value)) : Truth.Unknown;
            if (sink.IsQuiet) return truth;
            var valuePhrase = definition.UnboundedWhen is null
                ? FactFormat.Remaining(period.Name, definition.Label, start, end)
                : FactFormat.Remaining(period.Name, definition.Label, start, end, unbounded, ConditionPrinter.Print(definition.UnboundedWhen));
            sink.Comparison(valuePhrase, FactFormat.Test(null, relation, rightKnown ? duration.ToString()! : "?"), truth, direct, wantTrue);
            return truth;
        }

        var (left, leftPath, leftName) = Read(comparison.Left, context);
        if (left is null && leftPath is not null) sink.Missing(leftPath);
        var result = !rightKnown || left is null || right is null
            ? Truth.Unknown
            : comparison.Left.Type.Kind switch
            {
                TypeKind.Number => Compare.Numbers((decimal)left, relation, (decimal)right),
                TypeKind.Date => Compare.Dates((LocalDate)left, relation, right is DateValue d ? Conversions.ToLocalDate(d) : (LocalDate)right),
                TypeKind.Bool => Compare.Bools((bool)left, relation, (bool)right),
                _ => Compare.Names((string)left, relation, (string)right),
            };
        if (sink.IsQuiet)
        {
            // Only the missing facts are wanted: the right operand's, if it is a fact, is still one.
            if (comparison.Right is not (ConstantExpression or ThresholdReference) && right is null && Read(comparison.Right, context).Path is { } missingRight) sink.Missing(missingRight);
            return result;
        }
        var phrase = FactFormat.Fact(leftName, Format(left, comparison.Left.Type));
        if (comparison.Right is not (ConstantExpression or ThresholdReference))
        {
            var (_, rightPath, rightName) = Read(comparison.Right, context);
            if (right is null && rightPath is not null) sink.Missing(rightPath);
            phrase += ", " + FactFormat.Fact(rightName, Format(right, comparison.Right.Type));
        }
        var rightText = comparison.Right is ConstantExpression or ThresholdReference
            ? (rightKnown ? ConditionPrinter.Print(ToConstant(right, comparison.Right.Type), comparison.Right.Type) : "?")
            : ConditionPrinter.Print(comparison.Right);
        sink.Comparison(phrase, FactFormat.Test(leftName, relation, rightText), result, direct, wantTrue);
        return result;
    }

    private Truth EvalInList(InListExpression inList, Context context, ExplanationSink sink, bool wantTrue, bool direct)
    {
        var elementType = inList.List.Type.Element!;
        var (element, elementKnown) = ValueOf(inList.Element, context, sink);
        if (element is DateValue date) element = Conversions.ToLocalDate(date);
        // A fact or variable element is read once for its path (when missing) and its name (in the explanation).
        var elementRead = inList.Element is ConstantExpression ? default : Read(inList.Element, context);
        if (element is null && elementRead.Path is { } elementPath) sink.Missing(elementPath);
        var (listValue, listPath, listName) = Read(inList.List, context);
        if (listValue is null && listPath is not null) sink.Missing(listPath);
        // The reader gives list items as the same CLR values as scalar facts (names as strings), so Equals compares them.
        var list = listValue as IReadOnlyList<object?>;
        var truth = !elementKnown || element is null || list is null
            ? Truth.Unknown
            : Logic.Of(list.Contains(element) != inList.Negated);
        if (sink.IsQuiet) return truth;
        var listText = FactFormat.Value(list?.Select(o => Format(o, elementType)).ToList());
        var phrase = inList.Element is ConstantExpression
            ? FactFormat.Fact(listName, listText)
            : FactFormat.Fact(elementRead.Name, Format(element, elementType)) + ", " + FactFormat.Fact(listName, listText);
        sink.Comparison(phrase, ConditionPrinter.Print(inList), truth, direct, wantTrue);
        return truth;
    }

    private Truth EvalQuantifier(QuantifierExpression quantifier, Context context, ExplanationSink sink, bool wantTrue)
    {
        var text = sink.IsQuiet ? string.Empty : ConditionPrinter.Print(quantifier);
        if (context.Facts.GetList(quantifier.Source.Path) is not { } list)
        {
            sink.Missing(quantifier.Source.Path);
            sink.Quantifier(text, Truth.Unknown, quantifier.Source.Path + " is not known");
            return Truth.Unknown;
        }
        var tally = new QuantifierTally(quantifier.Quantifier == Quantifier.All, quantifier.Source.Path, explain: !sink.IsQuiet);
        sink.EnterQuiet();
        for (var i = 0; i < list.Count; i++)
        {
            context.Variables.Add((quantifier.Variable, list[i], $"{quantifier.Source.Path}[{i}]"));
            tally.Add(i, Eval(quantifier.Body, context, sink, wantTrue, false));
            context.Variables.RemoveAt(context.Variables.Count - 1);
        }
        sink.ExitQuiet();
        sink.Quantifier(text, tally.Result, tally.Detail);
        return tally.Result;
    }

    /// <summary>A value operand: a constant or the threshold value in effect. Known is false when the threshold's version cannot be chosen.</summary>
    private (object? Value, bool Known) ValueOf(BoundExpression operand, Context context, ExplanationSink sink)
    {
        switch (operand)
        {
            case ConstantExpression constant:
                return (Payload(constant.Value, constant.Type), true);
            case ThresholdReference reference when thresholds.TryGetValue(reference.Name, out var threshold):
                var chosen = EffectiveDates.Choose(context.ApplicationDate,
                    threshold.Versions.Select(v => Conversions.ToLocalDate(v.Effective.From)).ToArray(),
                    threshold.Versions.Select(v => Conversions.ToLocalDate(v.Effective.Before)).ToArray());
                if (chosen < 0)
                {
                    if (chosen == EffectiveDates.DateUnknown) sink.Missing(ContractFacts.ApplicationDate);
                    sink.Note(chosen == EffectiveDates.DateUnknown
                        ? $"the value of {reference.Name} depends on applicationDate, which is not known"
                        : $"no value of {reference.Name} is in effect on {FactFormat.Value(context.ApplicationDate)}");
                    return (null, false);
                }
                return (Payload(threshold.Versions[chosen].Value, threshold.Type), true);
            default:
                var read = Read(operand, context);
                return (read.Value, true);
        }
    }

    /// <summary>Reads a fact or a quantifier variable: its value (null when unknown), the path to report as missing, and its name.</summary>
    private static (object? Value, string? Path, string Name) Read(BoundExpression operand, Context context)
    {
        switch (operand)
        {
            case FactReference fact:
                return (context.Facts[fact.Path], fact.Path, fact.Path);
            case VariableReference variable:
                for (var i = context.Variables.Count - 1; i >= 0; i--)
                {
                    var (name, value, path) = context.Variables[i];
                    if (name != variable.Variable) continue;
                    if (variable.Field is null) return (value, path, variable.Variable);
                    var field = (value as IReadOnlyDictionary<string, object?>) is { } record && record.TryGetValue(variable.Field, out var v) ? v : null;
                    return (field, path + "." + variable.Field, variable.Variable + "." + variable.Field);
                }
                return (null, null, variable.Variable);
            case ConstantExpression constant:
                return (Payload(constant.Value, constant.Type), null, ConditionPrinter.Print(constant));
            default:
                return (null, null, ConditionPrinter.Print(operand));
        }
    }

    private static object? Payload(ConstantValue value, TypeRef type) => type.Kind switch
    {
        TypeKind.Bool => value.Bool,
        TypeKind.Number => value.Number,
        TypeKind.Date => value.Date,
        TypeKind.Duration => value.Duration,
        _ => value.Text,
    };

    private static ConstantValue ToConstant(object? payload, TypeRef type) => payload switch
    {
        bool b => ConstantValue.Of(b),
        decimal d => ConstantValue.Of(d),
        DateValue d => ConstantValue.Of(d),
        DurationValue d => ConstantValue.Of(d),
        string s => ConstantValue.Of(s),
        _ => new ConstantValue(),
    };

    private static string Format(object? value, TypeRef type) => value switch
    {
        null => "not known",
        bool b => FactFormat.Value(b),
        decimal d => FactFormat.Value(d),
        LocalDate d => FactFormat.Value(d),
        DateValue d => d.ToString(),
        _ => value.ToString()!,
    };
}
