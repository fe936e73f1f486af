using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Syntax;

namespace TreatyDsl.Generator;

/// <summary>
/// Emits one instrument's validator: an allocation-free fast path (<c>IsEligible</c>, <c>GetVerdict</c>) and
/// <c>Evaluate</c>, which reports every requirement with its citation and explanation. Each rule is one method
/// whose code makes the same <c>ExplanationSink</c> calls, in the same order, as the interpreter; the fast path
/// passes no sink, so nothing is formatted or allocated.
/// </summary>
internal sealed class InstrumentEmitter
{
    private const string R = Naming.Runtime;
    private readonly InstrumentSpec spec;
    private readonly string ns;
    private readonly string caseType;
    private readonly Dictionary<string, DerivedModel> derived;
    private readonly Dictionary<string, ThresholdModel> thresholds;
    private readonly List<string> statics = new();
    private readonly Dictionary<string, string> staticNames = new();
    private CodeWriter w = new();
    private int temp;

    private InstrumentEmitter(InstrumentSpec spec)
    {
        this.spec = spec;
        ns = spec.Namespace;
        caseType = $"global::{ns}.TreatyCase";
        derived = spec.Vocabulary.Derived.Concat(spec.Instrument.Derived).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last());
        thresholds = spec.Instrument.Thresholds.ToDictionary(t => t.Name);
    }

    public static string Emit(InstrumentSpec spec) => new InstrumentEmitter(spec).Run();

    private string Run()
    {
        var instrument = spec.Instrument;
        var className = Naming.Pascal(instrument.Id) + "Validator";

        // Rule and derived-fact methods first, into their own writer, so the static fields they need are known.
        var methods = new CodeWriter();
        w = methods;
        foreach (var rule in instrument.Rules) EmitRule(rule);
        foreach (var d in derived.Values.Where(d => d.Condition is not null)) EmitDerived(d);

        var file = CodeWriter.File(ns);
        file.Line($"/// <summary>{Naming.Xml(instrument.Title)} (<c>{instrument.Id}</c>): eligibility validator generated from its .treaty file.</summary>");
        file.Line($"/// <remarks>{Naming.Xml(instrument.Citation)}</remarks>");
        file.Line(Naming.GeneratedCode);
        file.Open($"public sealed partial class {className} : {R}.IInstrumentValidator");
        file.Line($"/// <summary>The instrument's contract id.</summary>");
        file.Line($"public const string Id = {Naming.Literal(instrument.Id)};");
        file.Line($"/// <summary>The instrument's title.</summary>");
        file.Line($"public const string Title = {Naming.Literal(instrument.Title)};");
        file.Line();
        var inForce = instrument.InForce is { } d0 ? Date(d0) : "null";
        file.Line("/// <summary>What the catalog needs to decide whether this instrument applies to a case.</summary>");
        file.Line($"public static {R}.InstrumentInfo InstrumentInfo {{ get; }} = new {R}.InstrumentInfo(Id, Title, {Naming.Literal(instrument.Kind.ToString().ToLowerInvariant())}, new string[] {{ {string.Join(", ", instrument.Parties.Select(Naming.Literal))} }}, {inForce}, {Naming.Literal(instrument.Citation)});");
        file.Line();
        file.Line($"{R}.InstrumentInfo {R}.IInstrumentValidator.Info => InstrumentInfo;");
        file.Line();
        file.Line("/// <summary>Evaluates a case read by the case file reader.</summary>");
        file.Line($"public {R}.InstrumentReport Evaluate({R}.CaseFacts facts) => Evaluate({caseType}.FromFacts(facts));");
        file.Line();
        foreach (var s in statics) file.Line(s);
        if (statics.Count > 0) file.Line();

        file.Line("/// <summary>True only when every requirement is met; an unknown requirement is not met. Allocates nothing.</summary>");
        file.Line("/// <remarks>Checks this instrument's own requirements; whether it is in force between the two countries is the catalog's question.</remarks>");
        file.Line($"public static bool IsEligible({caseType} c) => GetVerdict(c) == {R}.Verdict.Eligible;");
        file.Line();
        file.Line("/// <summary>Eligible, ineligible or undetermined under this instrument's own requirements, without explanations. Allocates nothing.");
        file.Line("/// Whether the instrument is in force between the two countries is the country table's question: see <see cref=\"global::TreatyDsl.Runtime.CaseEvaluator\"/>.</summary>");
        file.Open($"public static {R}.Verdict GetVerdict({caseType} c)");
        file.Line("if (c is null) throw new global::System.ArgumentNullException(nameof(c));");
        file.Line("var unknown = false;");
        foreach (var rule in instrument.Rules)
        {
            file.Line($"switch ({RuleMethod(rule)}(c, null, out _, out _))");
            file.Line("{");
            file.Line($"    case {R}.Truth.False: return {R}.Verdict.Ineligible;");
            file.Line($"    case {R}.Truth.Unknown: unknown = true; break;");
            file.Line("}");
        }
        file.Line($"return unknown ? {R}.Verdict.Undetermined : {R}.Verdict.Eligible;");
        file.Close();
        file.Line();
        file.Line("/// <summary>Every requirement's outcome, citation and explanation.</summary>");
        file.Open($"public static {R}.InstrumentReport Evaluate({caseType} c)");
        file.Line("if (c is null) throw new global::System.ArgumentNullException(nameof(c));");
        file.Line($"var results = new global::System.Collections.Generic.List<{R}.RequirementResult>({instrument.Rules.Count});");
        foreach (var rule in instrument.Rules) file.Line($"results.Add(Evaluate{Naming.Pascal(rule.Id)}(c));");
        file.Line($"return {R}.InstrumentReport.FromRequirements(Id, Title, results);");
        file.Close();
        file.Line();
        foreach (var rule in instrument.Rules)
        {
            var latest = rule.Latest;
            file.Line($"/// <summary>{(rule.Kind == RuleKind.Bar ? "Bar" : "Requirement")} <c>{rule.Id}</c>: {Naming.Xml(latest.Text)}</summary>");
            file.Line($"/// <remarks>Citation: {Naming.Xml(latest.Citation)}</remarks>");
            file.Open($"public static {R}.RequirementResult Evaluate{Naming.Pascal(rule.Id)}({caseType} c)");
            file.Line($"var sink = new {R}.ExplanationSink();");
            file.Line($"var met = {RuleMethod(rule)}(c, sink, out var text, out var citation);");
            file.Line($"return {R}.RequirementResult.From({Naming.Literal(rule.Id)}, text, citation, met, sink);");
            file.Close();
            file.Line();
        }
        foreach (var line in methods.ToString().Split('\n'))
        {
            if (line.StartsWith("#", System.StringComparison.Ordinal)) file.Directive(line);
            else if (line.Length > 0) file.Line("    " + line.Substring(0).TrimEnd()).ToString();
            else file.Line();
        }
        file.Close();
        file.Close();
        return Normalize(file.ToString());
    }

    // CodeWriter indents method lines once more than needed when copied; keep the output tidy.
    private static string Normalize(string text) => text.Replace("\n        \n", "\n\n");

    private static string RuleMethod(RuleModel rule) => "Rule" + Naming.Pascal(rule.Id);

    // ---------- rules ----------

    private void EmitRule(RuleModel rule)
    {
        w.Open($"private static {R}.Truth {RuleMethod(rule)}({caseType} c, {R}.ExplanationSink? sink, out string text, out string citation)");
        var latest = rule.Latest;
        var versioned = rule.Versions.Count > 1 || !rule.Versions[0].Effective.IsAlways;
        if (!versioned)
        {
            EmitVersion(rule, rule.Versions[0], announce: false);
        }
        else
        {
            var from = Static($"global::NodaTime.LocalDate?[]", "From" + Naming.Pascal(rule.Id), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", rule.Versions.Select(v => v.Effective.From is { } f ? Date(f) : "null")) + " }");
            var before = Static($"global::NodaTime.LocalDate?[]", "Before" + Naming.Pascal(rule.Id), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", rule.Versions.Select(v => v.Effective.Before is { } b ? Date(b) : "null")) + " }");
            w.Line($"var version = {R}.EffectiveDates.Choose({ApplicationDate}, {from}, {before});");
            w.Open($"if (version == {R}.EffectiveDates.DateUnknown)");
            w.Line($"text = {Naming.Literal(latest.Text)};");
            w.Line($"citation = {Naming.Literal(latest.Citation)};");
            w.Line($"sink?.Missing({Naming.Literal("applicationDate")});");
            w.Line($"sink?.Note({Naming.Literal($"which version of {rule.Id} applies depends on applicationDate, which is not known")});");
            w.Line($"return {R}.Truth.Unknown;");
            w.Close();
            w.Open($"if (version == {R}.EffectiveDates.NoneInEffect)");
            w.Line($"text = {Naming.Literal(latest.Text)};");
            w.Line($"citation = {Naming.Literal(latest.Citation)};");
            w.Line($"sink?.Note(\"not in effect on \" + {R}.FactFormat.Value({ApplicationDate}));");
            w.Line($"return {R}.Truth.True;");
            w.Close();
            for (var i = 0; i < rule.Versions.Count; i++)
            {
                w.Open($"if (version == {i})");
                EmitVersion(rule, rule.Versions[i], announce: true);
                w.Close();
            }
            w.Line($"text = {Naming.Literal(latest.Text)};");
            w.Line($"citation = {Naming.Literal(latest.Citation)};");
            w.Line($"return {R}.Truth.Unknown;");
        }
        w.Close();
        w.Line();
    }

    private void EmitVersion(RuleModel rule, RuleVersion version, bool announce)
    {
        w.Line($"text = {Naming.Literal(version.Text)};");
        w.Line($"citation = {Naming.Literal(version.Citation)};");
        if (announce)
        {
            var from = version.Effective.From is { } f ? Date(f) : "null";
            var before = version.Effective.Before is { } b ? Date(b) : "null";
            w.Line($"sink?.Note(\"version in effect \" + {R}.EffectiveDates.Describe({from}, {before}));");
        }
        LineDirective(version.Condition);
        var main = Expr(version.Condition, rule.Kind == RuleKind.Requirement ? "true" : "false", ConditionShape.IsDirect(version.Condition), new Dictionary<string, Variable>());
        w.Directive("#line default");
        w.Line($"var met = {(rule.Kind == RuleKind.Requirement ? main : $"{R}.Logic.Not({main})")};");
        foreach (var exception in version.Exceptions)
        {
            w.Open($"if (met != {R}.Truth.True)");
            w.Line($"sink?.BeginException({Naming.Literal(exception.Id)});");
            LineDirective(exception.Condition);
            var holds = Expr(exception.Condition, "true", ConditionShape.IsDirect(exception.Condition), new Dictionary<string, Variable>());
            w.Directive("#line default");
            w.Line($"met = {R}.Logic.Or(met, {holds});");
            w.Open($"if (met == {R}.Truth.True)");
            w.Line($"citation = {Naming.Literal(exception.Citation == version.Citation ? version.Citation : version.Citation + "; " + exception.Citation)};");
            w.Line("return met;");
            w.Close();
            w.Close();
        }
        w.Line("return met;");
    }

    private void EmitDerived(DerivedModel d)
    {
        w.Line($"// derived fact '{d.Name}'" + (d.Citation is null ? string.Empty : $" ({d.Citation})"));
        w.Open($"private static {R}.Truth Derived{Naming.Pascal(d.Name)}({caseType} c, {R}.ExplanationSink? sink, bool wantTrue)");
        LineDirective(d.Condition!);
        var result = Expr(d.Condition!, "wantTrue", false, new Dictionary<string, Variable>());
        w.Directive("#line default");
        w.Line($"return {result};");
        w.Close();
        w.Line();
    }

    private void LineDirective(BoundExpression expression)
    {
        var path = expression.Span.Path.Replace("\\", "\\\\").Replace("\"", "\\\"");
        w.Directive($"#line {expression.Span.Line} \"{path}\"");
    }

    // ---------- conditions ----------

    /// <summary>A quantifier variable in generated code: the element, its index, and the list's fact path.</summary>
    private sealed record Variable(string Element, string Index, string Source, TypeRef Type);

    private string Temp(string prefix = "t") => prefix + (++temp).ToString(CultureInfo.InvariantCulture);

    private static string Negate(string want) => want switch
    {
        "true" => "false",
        "false" => "true",
        _ => want.StartsWith("!", System.StringComparison.Ordinal) ? want.Substring(1) : "!" + want,
    };

    /// <summary>Writes the statements that evaluate <paramref name="e"/> and returns the local holding its Truth.</summary>
    private string Expr(BoundExpression e, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var t = Temp();
        switch (e)
        {
            case NotExpression not:
                var operand = Expr(not.Operand, Negate(want), direct, variables);
                w.Line($"var {t} = {R}.Logic.Not({operand});");
                return t;
            case AndExpression and:
            {
                var left = Expr(and.Left, want, direct, variables);
                var right = Expr(and.Right, want, direct, variables);
                w.Line($"var {t} = {R}.Logic.And({left}, {right});");
                return t;
            }
            case OrExpression or:
            {
                var left = Expr(or.Left, want, direct, variables);
                var right = Expr(or.Right, want, direct, variables);
                w.Line($"var {t} = {R}.Logic.Or({left}, {right});");
                return t;
            }
            case DerivedReference reference when derived.TryGetValue(reference.Name, out var definition) && definition.Condition is not null:
                w.Line($"var {t} = Derived{Naming.Pascal(reference.Name)}(c, sink, {want});");
                w.Line($"sink?.Derived({Naming.Literal(reference.Name)}, {t});");
                return t;
            case ComparisonExpression comparison:
                return Comparison(comparison, t, want, direct, variables);
            case InListExpression inList:
                return InList(inList, t, want, direct, variables);
            case QuantifierExpression quantifier:
                return QuantifierCode(quantifier, t, want, variables);
            case ConstantExpression { Type.Kind: TypeKind.Bool } constant:
                w.Line($"var {t} = {R}.Truth.{(constant.Value.Bool ? "True" : "False")};");
                return t;
            default:
                var (access, missingPath, name) = Operand(e, variables);
                var v = Temp("v");
                w.Line($"var {v} = {access};");
                w.Line($"var {t} = {R}.Logic.Of({v});");
                w.Open("if (sink is not null)");
                if (missingPath is not null) w.Line($"if ({v} is null) sink.Missing({missingPath});");
                w.Line($"sink.Flag({R}.FactFormat.Fact({Naming.Literal(name)}, {R}.FactFormat.Value({v})), {t}, {Naming.Bool(direct)}, {want});");
                w.Close();
                return t;
        }
    }

    private string Comparison(ComparisonExpression comparison, string t, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var relation = $"{R}.Relation.{Relation(comparison.Operator)}";
        var (right, known, rightText) = Value(comparison.Right, comparison.Left.Type, variables);

        if (comparison.Left is DerivedReference { Type.Kind: TypeKind.Duration } period && derived.TryGetValue(period.Name, out var definition))
        {
            var start = Temp("s");
            var end = Temp("e");
            w.Line($"var {start} = c.{Naming.Member(definition.PeriodFrom!)};");
            w.Line($"var {end} = c.{Naming.Member(definition.PeriodTo!)};");
            w.Line($"var {t} = {known} ? {R}.Compare.Remaining({start}, {end}, {relation}, {right}) : {R}.Truth.Unknown;");
            w.Open("if (sink is not null)");
            w.Line($"if ({start} is null) sink.Missing({Naming.Literal(definition.PeriodFrom!)});");
            w.Line($"if ({end} is null) sink.Missing({Naming.Literal(definition.PeriodTo!)});");
            var label = definition.Label is null ? "null" : Naming.Literal(definition.Label);
            w.Line($"sink.Comparison({R}.FactFormat.Remaining({Naming.Literal(period.Name)}, {label}, {start}, {end}), {R}.FactFormat.Test(null, {relation}, {known} ? {rightText} : \"?\"), {t}, {Naming.Bool(direct)}, {want});");
            w.Close();
            return t;
        }

        var (leftAccess, leftMissing, leftName) = Operand(comparison.Left, variables);
        var l = Temp("l");
        w.Line($"var {l} = {leftAccess};");
        var compare = comparison.Left.Type.Kind switch
        {
            TypeKind.Number => "Numbers",
            TypeKind.Date => "Dates",
            TypeKind.Bool => "Bools",
            _ => "Names",
        };
        w.Line($"var {t} = {known} ? {R}.Compare.{compare}({l}, {relation}, {right}) : {R}.Truth.Unknown;");
        w.Open("if (sink is not null)");
        if (leftMissing is not null) w.Line($"if ({l} is null) sink.Missing({leftMissing});");
        var phrase = $"{R}.FactFormat.Fact({Naming.Literal(leftName)}, {R}.FactFormat.Value({l}))";
        if (comparison.Right is not (ConstantExpression or ThresholdReference))
        {
            var (_, rightMissing, rightName) = Operand(comparison.Right, variables);
            if (rightMissing is not null) w.Line($"if ({right} is null) sink.Missing({rightMissing});");
            phrase += $" + \", \" + {R}.FactFormat.Fact({Naming.Literal(rightName)}, {R}.FactFormat.Value({right}))";
        }
        w.Line($"sink.Comparison({phrase}, {R}.FactFormat.Test({Naming.Literal(leftName)}, {relation}, {known} ? {rightText} : \"?\"), {t}, {Naming.Bool(direct)}, {want});");
        w.Close();
        return t;
    }

    private string InList(InListExpression inList, string t, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var elementType = inList.List.Type.Element!;
        var (element, _, _) = Value(inList.Element, elementType, variables);
        var (listAccess, listMissing, listName) = Operand(inList.List, variables);
        var list = Temp("list");
        w.Line($"var {list} = {listAccess};");
        // Names (countries, text) are compared as strings; other items as their struct values (enum members after
        // parsing the element's case-file name), so the fast path neither boxes nor allocates.
        var value = elementType.Kind == TypeKind.Enum ? $"{EnumNames(elementType)}.Parse({element})" : element;
        w.Line($"var {t} = {R}.Lists.Contains({list}, {value}, {Naming.Bool(inList.Negated)});");
        w.Open("if (sink is not null)");
        var listText = elementType.Kind switch
        {
            TypeKind.Country or TypeKind.Text => $"{R}.FactFormat.Value({list})",
            TypeKind.Enum => $"{R}.FactFormat.Value({list}, {EnumNames(elementType)}.ToName)",
            _ => $"{R}.FactFormat.Value({list}, item => {R}.FactFormat.Value(({ValueType(elementType)})item))",
        };
        var phrase = $"{R}.FactFormat.Fact({Naming.Literal(listName)}, {listText})";
        if (inList.Element is not ConstantExpression)
        {
            var (_, elementMissing, elementName) = Operand(inList.Element, variables);
            if (elementMissing is not null) w.Line($"if ({element} is null) sink.Missing({elementMissing});");
            phrase = $"{R}.FactFormat.Fact({Naming.Literal(elementName)}, {R}.FactFormat.Value({element})) + \", \" + " + phrase;
        }
        if (listMissing is not null) w.Line($"if ({list} is null) sink.Missing({listMissing});");
        w.Line($"sink.Comparison({phrase}, {Naming.Literal(ConditionPrinter.Print(inList))}, {t}, {Naming.Bool(direct)}, {want});");
        w.Close();
        return t;
    }

    private string EnumNames(TypeRef type) => $"global::{ns}.{Naming.Pascal(type.Name!)}Names";

    private string QuantifierCode(QuantifierExpression q, string t, string want, Dictionary<string, Variable> variables)
    {
        var text = Naming.Literal(ConditionPrinter.Print(q));
        var list = Temp("list");
        var tally = Temp("tally");
        var index = Temp("i");
        var element = Temp("item");
        w.Line($"var {list} = c.{Naming.Member(q.Source.Path)};");
        w.Line($"{R}.Truth {t};");
        w.Open($"if ({list} is null)");
        w.Line($"{t} = {R}.Truth.Unknown;");
        w.Line($"sink?.Missing({Naming.Literal(q.Source.Path)});");
        w.Line($"sink?.Quantifier({text}, {R}.Truth.Unknown, {Naming.Literal(q.Source.Path + " is not known")});");
        w.Close();
        w.Open("else");
        w.Line($"var {tally} = new {R}.QuantifierTally({Naming.Bool(q.Quantifier == Quantifier.All)}, {Naming.Literal(q.Source.Path)}, sink is not null);");
        w.Line("sink?.EnterQuiet();");
        w.Open($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
        w.Line($"var {element} = {list}[{index}];");
        var inner = new Dictionary<string, Variable>(variables) { [q.Variable] = new Variable(element, index, q.Source.Path, q.Source.Type.Element!) };
        var body = Expr(q.Body, want, false, inner);
        w.Line($"{tally}.Add({index}, {body});");
        w.Close();
        w.Line("sink?.ExitQuiet();");
        w.Line($"{t} = {tally}.Result;");
        w.Line($"sink?.Quantifier({text}, {t}, {tally}.Detail);");
        w.Close();
        return t;
    }

    /// <summary>Reads a fact or quantifier variable: the C# expression of its value (bool?, decimal?, LocalDate? or string?),
    /// the C# expression of its path for missingFacts (null when it cannot be missing), and its name in explanations.</summary>
    private (string Access, string? MissingPath, string Name) Operand(BoundExpression operand, Dictionary<string, Variable> variables)
    {
        switch (operand)
        {
            case FactReference fact:
                return (AsComparable($"c.{Naming.Member(fact.Path)}", fact.Type), Naming.Literal(fact.Path), fact.Path);
            case VariableReference variable when variables.TryGetValue(variable.Variable, out var v):
                var position = $"{Naming.Literal(v.Source + "[")} + {v.Index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + {Naming.Literal("]" + (variable.Field is null ? string.Empty : "." + variable.Field))}";
                if (variable.Field is null) return (AsComparable(v.Element, variable.Type), null, variable.Variable);
                return (AsComparable($"{v.Element}?.{Naming.Pascal(variable.Field)}", variable.Type), position, variable.Variable + "." + variable.Field);
            case ConstantExpression constant:
                return (Literal(constant.Value, constant.Type), null, ConditionPrinter.Print(constant));
            default:
                return ("null", null, ConditionPrinter.Print(operand));
        }
    }

    /// <summary>Enum facts are compared and explained by their case-file names.</summary>
    private string AsComparable(string access, TypeRef type)
    {
        if (type.Kind != TypeKind.Enum) return access;
        var names = EnumNames(type);
        var value = Temp("ev");
        return $"({access} is {{ }} {value} ? {names}.ToName({value}) : null)";
    }

    /// <summary>
    /// A value operand as three C# expressions: the value, whether it is known (a threshold's version may not be),
    /// and its text in explanations. Facts and variables are read like any operand.
    /// </summary>
    private (string Value, string Known, string Text) Value(BoundExpression operand, TypeRef expected, Dictionary<string, Variable> variables)
    {
        switch (operand)
        {
            case ConstantExpression constant:
                return (Literal(constant.Value, constant.Type), "true", Naming.Literal(ConditionPrinter.Print(constant.Value, constant.Type)));
            case ThresholdReference reference when thresholds.TryGetValue(reference.Name, out var threshold):
                if (threshold.Versions.Count == 1 && threshold.Versions[0].Effective.IsAlways)
                {
                    var only = threshold.Versions[0].Value;
                    return (Literal(only, threshold.Type), "true", Naming.Literal(ConditionPrinter.Print(only, threshold.Type)));
                }
                var from = Static("global::NodaTime.LocalDate?[]", "From" + Naming.Pascal(reference.Name), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", threshold.Versions.Select(v => v.Effective.From is { } f ? Date(f) : "null")) + " }");
                var before = Static("global::NodaTime.LocalDate?[]", "Before" + Naming.Pascal(reference.Name), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", threshold.Versions.Select(v => v.Effective.Before is { } b ? Date(b) : "null")) + " }");
                var chosen = Temp("tv");
                w.Line($"var {chosen} = {R}.EffectiveDates.Choose({ApplicationDate}, {from}, {before});");
                w.Open($"if ({chosen} < 0 && sink is not null)");
                w.Line($"if ({chosen} == {R}.EffectiveDates.DateUnknown) {{ sink.Missing(\"applicationDate\"); sink.Note({Naming.Literal($"the value of {reference.Name} depends on applicationDate, which is not known")}); }}");
                w.Line($"else sink.Note({Naming.Literal($"no value of {reference.Name} is in effect on ")} + {R}.FactFormat.Value({ApplicationDate}));");
                w.Close();
                var value = $"({string.Join(" : ", threshold.Versions.Select((v, i) => $"{chosen} == {i} ? {Literal(v.Value, threshold.Type)}"))} : default({ValueType(threshold.Type)}))";
                var text = $"({string.Join(" : ", threshold.Versions.Select((v, i) => $"{chosen} == {i} ? {Naming.Literal(ConditionPrinter.Print(v.Value, threshold.Type))}"))} : \"?\")";
                return (value, $"({chosen} >= 0)", text);
            default:
                var (access, _, name) = Operand(operand, variables);
                var local = Temp("r");
                w.Line($"var {local} = {access};");
                return (local, "true", Naming.Literal(name));
        }
    }

    private string ValueType(TypeRef type) => type.Kind switch
    {
        TypeKind.Number => "decimal?",
        TypeKind.Date => "global::NodaTime.LocalDate?",
        TypeKind.Bool => "bool?",
        TypeKind.Duration => "global::NodaTime.Period?",
        _ => "string?",
    };

    private string Literal(ConstantValue value, TypeRef type) => type.Kind switch
    {
        TypeKind.Bool => $"(bool?){Naming.Bool(value.Bool)}",
        TypeKind.Number => $"(decimal?){value.Number.ToString(CultureInfo.InvariantCulture)}m",
        TypeKind.Date => $"(global::NodaTime.LocalDate?){Date(value.Date)}",
        TypeKind.Duration => Static("global::NodaTime.Period", "Period" + value.Duration.Years + "y" + value.Duration.Months + "m" + value.Duration.Days + "d",
            $"new global::NodaTime.PeriodBuilder {{ Years = {value.Duration.Years}, Months = {value.Duration.Months}, Days = {value.Duration.Days} }}.Build()"),
        _ => Naming.Literal(value.Text ?? string.Empty),
    };

    private string ApplicationDate => spec.Vocabulary.Facts.Any(f => f.Path == "applicationDate" && f.Type.Kind == TypeKind.Date) ? "c.ApplicationDate" : "(global::NodaTime.LocalDate?)null";

    private static string Date(DateValue d) => $"new global::NodaTime.LocalDate({d.Year}, {d.Month}, {d.Day})";

    private static string Relation(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "Equal",
        ComparisonOperator.NotEqual => "NotEqual",
        ComparisonOperator.Less => "Less",
        ComparisonOperator.LessOrEqual => "LessOrEqual",
        ComparisonOperator.Greater => "Greater",
        _ => "GreaterOrEqual",
    };

    /// <summary>A static readonly field, declared once per distinct name, so the fast path allocates nothing.</summary>
    private string Static(string type, string name, string initializer)
    {
        if (staticNames.TryGetValue(name, out var existing)) return existing;
        staticNames[name] = name;
        statics.Add($"private static readonly {type} {name} = {initializer};");
        return name;
    }
}
