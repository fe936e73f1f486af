using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Syntax;

namespace TreatyDsl.Generator;

/// <summary>
/// Writes the C# statements that evaluate one bound condition over the generated case type, making the same
/// <c>ExplanationSink</c> calls, in the same order, as the interpreter's <c>ConditionInterpreter</c>. Shared by
/// instrument validators and advisory sets; the derived facts and thresholds are those in scope where the condition
/// was written. Constants the code needs become static fields (<see cref="Statics"/>), so the fast path allocates nothing.
/// </summary>
internal sealed class ConditionEmitter
{
    private const string R = Naming.Runtime;
    private readonly string ns;
    private readonly PathMap pathMap;
    private readonly string caseType;
    private readonly VocabularyModel vocabulary;
    private readonly Dictionary<string, DerivedModel> derived;
    private readonly Dictionary<string, ThresholdModel> thresholds;
    private readonly List<string> statics = new();
    private readonly Dictionary<string, string> staticNames = new();
    private readonly Dictionary<string, string> phraseNames = new();
    // The class's methods are written here; a part of a long chain goes into a method of its own (see Part).
    private readonly CodeWriter w;
    private int temp;

    // Methods of their own for the parts of very long 'and'/'or' chains (see Part), written out by EmitParts.
    private readonly CodeWriter parts = new();
    // By identity: a chain's halves may be equal in value.
    private readonly Dictionary<BoundExpression, int> sizes = new(ReferenceEqualityComparer<BoundExpression>.Instance);
    private int partCount;

    public ConditionEmitter(string ns, VocabularyModel vocabulary, IEnumerable<DerivedModel> derived, IEnumerable<ThresholdModel> thresholds, PathMap pathMap, CodeWriter methods)
    {
        w = methods;
        this.ns = ns;
        this.pathMap = pathMap;
        this.vocabulary = vocabulary;
        caseType = $"global::{ns}.{GeneratedNames.CaseClass}";
        this.derived = derived.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last());
        this.thresholds = thresholds.ToDictionary(t => t.Name);
    }

    /// <summary>The generated case type's full name.</summary>
    public string CaseType => caseType;

    /// <summary>The static field declarations the written code refers to.</summary>
    public IReadOnlyList<string> Statics => statics;

    /// <summary>The derived facts in scope that are conditions: each needs its method (<see cref="EmitDerived"/>).</summary>
    public IEnumerable<DerivedModel> DerivedConditions => derived.Values.Where(d => d.Condition is not null);

    /// <summary>
    /// Writes the statements that evaluate <paramref name="condition"/>, mapped to its line in the .treaty file, and
    /// returns the local that holds its Truth. <paramref name="want"/> is the C# bool the caller hopes for;
    /// <paramref name="statesRequirement"/> as in the interpreter's <c>ConditionInterpreter.Evaluate</c>.
    /// </summary>
    public string Condition(BoundExpression condition, string want, bool statesRequirement = true)
    {
        LineDirective(w, condition);
        var result = Expr(w, condition, want, statesRequirement && ConditionShape.IsDirect(condition), new Dictionary<string, Variable>());
        w.Directive("#line default");
        return result;
    }

    /// <summary>Writes the method that evaluates a derived fact; conditions call it by name.</summary>
    public void EmitDerived(DerivedModel d)
    {
        w.Line(Escape.LineComment($"// derived fact '{d.Name}'" + (d.Citation is null ? string.Empty : $" ({d.Citation})")));
        w.Line(Naming.AggressiveInlining);
        w.Open($"private static {R}.Truth {GeneratedNames.DerivedMethod(d.Name)}({caseType} c, {R}.ExplanationSink? sink, bool wantTrue)");
        EmitDerivedBody(d);
    }

    /// <summary>A derived fact's method from its first line: its condition's truth, returned, and the method closed.</summary>
    private void EmitDerivedBody(DerivedModel d)
    {
        LineDirective(w, d.Condition!);
        var result = Expr(w, d.Condition!, "wantTrue", false, new Dictionary<string, Variable>());
        w.Directive("#line default");
        w.Line($"return {result};");
        w.Close();
        w.Line();
    }

    /// <summary>The fast path's copy of a derived fact's method, with no sink code: <c>FastDerivedDomiciliary</c>.</summary>
    private static string LeanDerivedMethod(string name) => "Fast" + GeneratedNames.DerivedMethod(name);

    // The derived facts the fast path's copies read, each given a lean copy of its own (EmitLeanDerived).
    private readonly HashSet<string> leanDerived = new();
    private readonly Queue<DerivedModel> leanDerivedToWrite = new();

    /// <summary>
    /// Writes the lean copy (<see cref="Sinkless"/>) of every derived fact the fast path's rules have read so far, and of
    /// those these read in turn.
    /// </summary>
    public void EmitLeanDerived()
    {
        var sinkless = Sinkless;
        Sinkless = true;
        while (leanDerivedToWrite.Count > 0)
        {
            var d = leanDerivedToWrite.Dequeue();
            w.Line(Naming.AggressiveInlining);
            w.Open($"private static {R}.Truth {LeanDerivedMethod(d.Name)}({caseType} c, bool wantTrue)");
            w.Line($"{R}.ExplanationSink? sink = null;");
            w.Line("_ = sink;");
            EmitDerivedBody(d);
        }
        Sinkless = sinkless;
    }

    /// <summary>
    /// Quantifiers whose truth the fast path has already worked out in a walk it shares with other rules
    /// (<see cref="EmitFusedWalk"/>): read from these names instead of walked again. Null outside such a rule.
    /// </summary>
    public IReadOnlyDictionary<QuantifierExpression, string>? Precomputed { get; set; }

    /// <summary>
    /// Whether the code being written is one of the fast path's copies of a rule, which runs with no sink: then nothing
    /// only a sink reads is written (<see cref="ForSink"/>), so the copy is as small as the check itself. The JIT weighs
    /// a method to inline by its IL, dead branches and all; the fast path inlines every rule into one method.
    /// </summary>
    public bool Sinkless { get; set; }

    /// <summary>Where code that only a sink reads is written: <paramref name="w"/>, or nowhere while <see cref="Sinkless"/>.</summary>
    public CodeWriter ForSink(CodeWriter w) => Sinkless ? new CodeWriter() : w;

    /// <summary>The test of a settled value before the fast path skips the rest: with no sink in the code, the sink's null test goes.</summary>
    private string NoSinkAnd(string test) => Sinkless ? test : $"sink is null && {test}";

    /// <summary>Whether part of <paramref name="condition"/> would be written as a method of its own (<see cref="Part"/>), out of reach of a caller's locals.</summary>
    public bool HasParts(BoundExpression condition) => SizeOf(condition) > PartSize;

    /// <summary>
    /// Writes a method that walks one list once for several quantifiers over it (the rules of an instrument that read
    /// the same list, as a hand-written validator walks it once), returning each one's truth: every element goes to
    /// each quantifier not yet settled, and the walk stops when all are. For the fast path, so nothing is explained.
    /// </summary>
    /// <param name="name">The method's name.</param>
    /// <param name="quantifiers">The quantifiers it works out, all over one list.</param>
    /// <param name="decisive">The quantifier whose settling ends the walk (<see cref="FusedWalk.Decisive"/>), if any.</param>
    public void EmitFusedWalk(string name, IReadOnlyList<QuantifierExpression> quantifiers, int? decisive)
    {
        var source = quantifiers[0].Source;
        var sinkless = Sinkless;
        Sinkless = true; // nothing is explained here
        w.Line(Naming.AggressiveInlining);
        w.Open($"private static void {name}({caseType} c, {string.Join(", ", quantifiers.Select((_, i) => $"out {R}.Truth q{i.ToString(CultureInfo.InvariantCulture)}"))})");
        w.Line($"{R}.ExplanationSink? sink = null;");
        w.Line("_ = sink;");
        var list = Temp("list");
        w.Line($"var {list} = c.{GeneratedNames.Member(source.Path)};");
        w.Open($"if ({list} is null)");
        for (var i = 0; i < quantifiers.Count; i++) w.Line($"q{i.ToString(CultureInfo.InvariantCulture)} = {R}.Truth.Unknown;");
        w.Line("return;");
        w.Close();
        var tallies = quantifiers.Select(_ => Temp("tally")).ToList();
        for (var i = 0; i < quantifiers.Count; i++)
        {
            // Nothing is explained here, so a fold without the tally's record of the deciding elements (QuantifierFold).
            w.Line($"var {tallies[i]} = new {R}.QuantifierFold({Naming.Bool(quantifiers[i].Quantifier == Quantifier.All)});");
        }
        var index = Temp("i");
        var element = Temp("item");
        w.Open($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
        w.Line($"var {element} = {list}[{index}];");
        for (var i = 0; i < quantifiers.Count; i++)
        {
            var q = quantifiers[i];
            w.Open($"if (!{tallies[i]}.IsSettled)");
            var inner = new Dictionary<string, Variable> { [q.Variable] = new Variable(element, index, source.Path, source.Type.Element!) };
            var body = Expr(w, q.Body, "true", false, inner);
            w.Line($"{tallies[i]}.Add({body});");
            if (i == decisive) w.Line($"if ({tallies[i]}.IsSettled) break; // its rule is not met: the verdict is ineligible, whatever the rest say");
            w.Close();
        }
        w.Line($"if ({string.Join(" && ", tallies.Select(t => t + ".IsSettled"))}) break;");
        w.Close();
        for (var i = 0; i < quantifiers.Count; i++) w.Line($"q{i.ToString(CultureInfo.InvariantCulture)} = {tallies[i]}.Result;");
        w.Close();
        w.Line();
        Sinkless = sinkless;
    }

    /// <summary>Writes the methods that hold the parts of very long conditions (<see cref="Part"/>) written so far.</summary>
    public void EmitParts()
    {
        w.Append(parts);
    }

    /// <summary>
    /// A chain of more than this many conditions (outside a quantifier) is written as methods of their own, one per
    /// half, down to parts of at most this size. In one method, the C# compiler's time grows faster than the method: a
    /// 2,000-way 'or' took 9 s to compile, a 20,000-way one 125 s; in methods of a few hundred conditions, it is linear.
    /// </summary>
    private const int PartSize = 256;

    private void LineDirective(CodeWriter w, BoundExpression expression)
    {
        if (Escape.DirectiveFileName(pathMap.Apply(expression.Span.Path)) is { } file) w.Directive($"#line {expression.Span.Line} {file}");
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
    private string Expr(CodeWriter w, BoundExpression e, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var t = Temp();
        switch (e)
        {
            case QuantifierExpression precomputed when Precomputed is not null && Precomputed.TryGetValue(precomputed, out var known):
                w.Line($"var {t} = {known};");
                return t;
            case NotExpression not:
                var operand = Expr(w, not.Operand, Negate(want), direct, variables);
                w.Line($"var {t} = {R}.Logic.Not({operand});");
                return t;
            case AndExpression or OrExpression when variables.Count == 0 && SizeOf(e) > PartSize:
                w.Line($"var {t} = {Part(e, direct)}(c, sink, {want});");
                return t;
            case AndExpression and:
                return ShortCircuit(w, t, and.Left, and.Right, "And", "False", want, direct, variables);
            case OrExpression or:
                return ShortCircuit(w, t, or.Left, or.Right, "Or", "True", want, direct, variables);
            case DerivedReference reference when Sinkless && derived.TryGetValue(reference.Name, out var definition) && definition.Condition is not null:
                if (leanDerived.Add(definition.Name)) leanDerivedToWrite.Enqueue(definition);
                w.Line($"var {t} = {LeanDerivedMethod(reference.Name)}(c, {want});");
                return t;
            case DerivedReference reference when derived.TryGetValue(reference.Name, out var definition) && definition.Condition is not null:
                w.Line($"var {t} = {GeneratedNames.DerivedMethod(reference.Name)}(c, sink, {want});");
                ForSink(w).Line($"sink?.Derived({Escape.StringLiteral(reference.Name)}, {t});");
                return t;
            case ComparisonExpression comparison:
                return Comparison(w, comparison, t, want, direct, variables);
            case InListExpression inList:
                return InList(w, inList, t, want, direct, variables);
            case QuantifierExpression quantifier:
                return QuantifierCode(w, quantifier, t, want, variables);
            case ConstantExpression { Type.Kind: TypeKind.Bool } constant:
                w.Line($"var {t} = {R}.Truth.{(constant.Value.Bool ? "True" : "False")};");
                return t;
            default:
                var (access, missingPath, name) = Operand(e, variables);
                var v = Temp("v");
                w.Line($"var {v} = {access};");
                w.Line($"var {t} = {R}.Logic.Of({v});");
                var explain = ForSink(w);
                explain.Open("if (sink is not null)");
                if (missingPath is not null) explain.Line($"if ({v} is null) sink.Missing({missingPath});");
                Sentence(explain, $"sink.Flag({Escape.StringLiteral(name)}, {R}.FactFormat.Value({v}), {t}, {Naming.Bool(direct)}, {want})");
                explain.Close();
                return t;
        }
    }

    /// <summary>
    /// Writes 'and' or 'or' into <paramref name="t"/>. The report evaluates both halves (its explanation names every fact
    /// either reads); the fast path, which explains nothing, skips the right half when the left one decides
    /// (<paramref name="decisive"/>: False for 'and', True for 'or'), which Kleene logic allows whatever the right one is.
    /// </summary>
    private string ShortCircuit(CodeWriter w, string t, BoundExpression left, BoundExpression right, string combine, string decisive, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var l = Expr(w, left, want, direct, variables);
        w.Line($"{R}.Truth {t};");
        w.Open($"if ({NoSinkAnd($"{l} == {R}.Truth.{decisive}")})");
        w.Line($"{t} = {R}.Truth.{decisive};");
        w.Close();
        w.Open("else");
        var r = Expr(w, right, want, direct, variables);
        w.Line($"{t} = {R}.Logic.{combine}({l}, {r});");
        w.Close();
        return t;
    }

    /// <summary>
    /// Writes a method that evaluates the 'and' or 'or' <paramref name="e"/>, making the same sink calls as it would
    /// inline, and returns its name. Its halves, if still too long, are parts of their own.
    /// </summary>
    private string Part(BoundExpression e, bool direct)
    {
        var name = "ConditionPart" + (++partCount).ToString(CultureInfo.InvariantCulture);
        // Written into a writer of its own, then kept with the other parts: the caller is in the middle of a method.
        var method = new CodeWriter();
        method.Open($"private static {R}.Truth {name}({caseType} c, {R}.ExplanationSink? sink, bool wantTrue)");
        LineDirective(method, e);
        var (left, right, combine) = e switch
        {
            AndExpression a => (a.Left, a.Right, "And"),
            OrExpression o => (o.Left, o.Right, "Or"),
            _ => throw new System.ArgumentException("only 'and' and 'or' are split", nameof(e)),
        };
        var none = new Dictionary<string, Variable>();
        var l = Expr(method, left, "wantTrue", direct, none);
        // As inline (ShortCircuit): the fast path does not read the right half when the left one decides.
        var decisive = combine == "And" ? "False" : "True";
        method.Line($"if ({NoSinkAnd($"{l} == {R}.Truth.{decisive}")}) return {R}.Truth.{decisive};");
        var r = Expr(method, right, "wantTrue", direct, none);
        method.Directive("#line default");
        method.Line($"return {R}.Logic.{combine}({l}, {r});");
        method.Close();
        method.Line();
        parts.Append(method);
        return name;
    }

    /// <summary>How many conditions an expression holds (made once per node: chains are balanced, so this is n log n at most).</summary>
    private int SizeOf(BoundExpression e)
    {
        if (sizes.TryGetValue(e, out var known)) return known;
        var size = 1 + e switch
        {
            AndExpression a => SizeOf(a.Left) + SizeOf(a.Right),
            OrExpression o => SizeOf(o.Left) + SizeOf(o.Right),
            NotExpression n => SizeOf(n.Operand),
            QuantifierExpression q => SizeOf(q.Body),
            _ => 0,
        };
        sizes[e] = size;
        return size;
    }

    private string Comparison(CodeWriter w, ComparisonExpression comparison, string t, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var relation = $"{R}.Relation.{Relation(comparison.Operator)}";
        var (right, known, rightText) = Value(w, comparison.Right, comparison.Left.Type, variables);

        if (comparison.Left is DerivedReference { Type.Kind: TypeKind.Duration } period && derived.TryGetValue(period.Name, out var definition))
        {
            // As in the interpreter: whether the period has no end is worked out quietly, before the dates are read.
            var unbounded = $"{R}.Truth.False";
            if (definition.UnboundedWhen is not null)
            {
                ForSink(w).Line("sink?.EnterQuiet();");
                unbounded = Expr(w, definition.UnboundedWhen, "true", false, variables);
                ForSink(w).Line("sink?.ExitQuiet();");
            }
            var start = Temp("s");
            var end = Temp("e");
            w.Line($"var {start} = c.{GeneratedNames.Member(definition.PeriodFrom!)};");
            w.Line($"var {end} = c.{GeneratedNames.Member(definition.PeriodTo!)};");
            w.Line($"var {t} = {known} ? {R}.Compare.Remaining({unbounded}, {start}, {end}, {relation}, {right}) : {R}.Truth.Unknown;");
            var explainPeriod = ForSink(w);
            explainPeriod.Open("if (sink is not null)");
            explainPeriod.Line($"if ({unbounded} != {R}.Truth.True && {start} is null) sink.Missing({Escape.StringLiteral(definition.PeriodFrom!)});");
            explainPeriod.Line($"if ({unbounded} != {R}.Truth.True && {end} is null) sink.Missing({Escape.StringLiteral(definition.PeriodTo!)});");
            var label = definition.Label is null ? "null" : Escape.StringLiteral(definition.Label);
            var remaining = definition.UnboundedWhen is null
                ? $"{R}.FactFormat.Remaining({Escape.StringLiteral(period.Name)}, {label}, {start}, {end})"
                : $"{R}.FactFormat.Remaining({Escape.StringLiteral(period.Name)}, {label}, {start}, {end}, {unbounded}, {Escape.StringLiteral(ConditionPrinter.Print(definition.UnboundedWhen))})";
            Sentence(explainPeriod, $"sink.Comparison({remaining}, {TestPhrase("null", relation, known, rightText)}, {t}, {Naming.Bool(direct)}, {want})");
            explainPeriod.Close();
            return t;
        }

        if (comparison.Left.Type.Kind == TypeKind.Enum && comparison.Right is ConstantExpression enumValue
            && comparison.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            return EnumComparison(w, comparison, enumValue, t, want, direct, variables);
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
        var explain = ForSink(w);
        explain.Open("if (sink is not null)");
        if (leftMissing is not null) explain.Line($"if ({l} is null) sink.Missing({leftMissing});");
        // The fact's name and value text, given to the sink as pieces; comparing two facts gives both facts' pieces.
        var phrase = $"{Escape.StringLiteral(leftName)}, {R}.FactFormat.Value({l})";
        if (comparison.Right is not (ConstantExpression or ThresholdReference))
        {
            var (_, rightMissing, rightName) = Operand(comparison.Right, variables);
            if (rightMissing is not null) explain.Line($"if ({right} is null) sink.Missing({rightMissing});");
            phrase = $"{Escape.StringLiteral(leftName)}, {R}.FactFormat.Value({l}), {Escape.StringLiteral(rightName)}, {R}.FactFormat.Value({right})";
        }
        Sentence(explain, $"sink.Comparison({phrase}, {TestPhrase(Escape.StringLiteral(leftName), relation, known, rightText)}, {t}, {Naming.Bool(direct)}, {want})");
        explain.Close();
        return t;
    }

    /// <summary>
    /// An enum fact tested against one of its values (<c>sentence.type = determinate</c>), as a careful developer writes
    /// it: the enum compared as an enum, no name looked up and no string compared. The case-file name is made only for
    /// the explanation, when one is asked for.
    /// </summary>
    private string EnumComparison(CodeWriter w, ComparisonExpression comparison, ConstantExpression value, string t, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var type = comparison.Left.Type;
        var (access, missing, name) = Operand(comparison.Left, variables, asNames: false);
        var l = Temp("l");
        var e = Temp("ev");
        var member = $"global::{ns}.{GeneratedNames.EnumType(type.Name!)}.{GeneratedNames.Pascal(value.Value.Text ?? string.Empty)}";
        var (hit, miss) = comparison.Operator == ComparisonOperator.Equal ? ("True", "False") : ("False", "True");
        w.Line($"var {l} = {access};");
        w.Line($"var {t} = {l} is {{ }} {e} ? ({e} == {member} ? {R}.Truth.{hit} : {R}.Truth.{miss}) : {R}.Truth.Unknown;");
        var explain = ForSink(w);
        explain.Open("if (sink is not null)");
        if (missing is not null) explain.Line($"if ({l} is null) sink.Missing({missing});");
        var named = Temp("en");
        var shown = $"({l} is {{ }} {named} ? {EnumNames(type)}.ToName({named}) : null)";
        var relation = $"{R}.Relation.{Relation(comparison.Operator)}";
        Sentence(explain, $"sink.Comparison({Escape.StringLiteral(name)}, {R}.FactFormat.Value({shown}), {TestPhrase(Escape.StringLiteral(name), relation, "true", Escape.StringLiteral(ConditionPrinter.Print(value.Value, value.Type)))}, {t}, {Naming.Bool(direct)}, {want})");
        explain.Close();
        return t;
    }

    private string InList(CodeWriter w, InListExpression inList, string t, string want, bool direct, Dictionary<string, Variable> variables)
    {
        var elementType = inList.List.Type.Element!;
        var (element, _, _) = Value(w, inList.Element, elementType, variables);
        var (listAccess, listMissing, listName) = Operand(inList.List, variables);
        var list = Temp("list");
        w.Line($"var {list} = {listAccess};");
        // Names (countries, text) are compared as strings; other items as their struct values (enum members after
        // parsing the element's case-file name), so the fast path neither boxes nor allocates.
        var value = elementType.Kind == TypeKind.Enum ? $"{EnumNames(elementType)}.Parse({element})" : element;
        w.Line($"var {t} = {R}.Lists.Contains({list}, {value}, {Naming.Bool(inList.Negated)});");
        var explain = ForSink(w);
        explain.Open("if (sink is not null)");
        var listText = elementType.Kind switch
        {
            TypeKind.Country or TypeKind.Text => $"{R}.FactFormat.Value({list})",
            TypeKind.Enum => $"{R}.FactFormat.Value({list}, {EnumNames(elementType)}.ToName)",
            _ => $"{R}.FactFormat.Value({list}, item => {R}.FactFormat.Value(({ValueType(elementType)})item))",
        };
        var phrase = $"{Escape.StringLiteral(listName)}, {listText}";
        if (inList.Element is not ConstantExpression)
        {
            var (_, elementMissing, elementName) = Operand(inList.Element, variables);
            if (elementMissing is not null) explain.Line($"if ({element} is null) sink.Missing({elementMissing});");
            phrase = $"{Escape.StringLiteral(elementName)}, {R}.FactFormat.Value({element}), {Escape.StringLiteral(listName)}, {listText}";
        }
        if (listMissing is not null) explain.Line($"if ({list} is null) sink.Missing({listMissing});");
        Sentence(explain, $"sink.Comparison({phrase}, {Escape.StringLiteral(ConditionPrinter.Print(inList))}, {t}, {Naming.Bool(direct)}, {want})");
        explain.Close();
        return t;
    }

    private string EnumNames(TypeRef type) => $"global::{ns}.{GeneratedNames.EnumNamesClass(type.Name!)}";

    private string QuantifierCode(CodeWriter w, QuantifierExpression q, string t, string want, Dictionary<string, Variable> variables)
    {
        var text = Escape.StringLiteral(ConditionPrinter.Print(q));
        var list = Temp("list");
        var tally = Temp("tally");
        var index = Temp("i");
        var element = Temp("item");
        w.Line($"var {list} = c.{GeneratedNames.Member(q.Source.Path)};");
        w.Line($"{R}.Truth {t};");
        w.Open($"if ({list} is null)");
        w.Line($"{t} = {R}.Truth.Unknown;");
        ForSink(w).Line($"sink?.Missing({Escape.StringLiteral(q.Source.Path)});");
        ForSink(w).Line($"sink?.Quantifier({text}, {R}.Truth.Unknown, {Escape.StringLiteral(q.Source.Path + " is not known")});");
        w.Close();
        w.Open("else");
        // With no sink, a fold without the tally's record of the deciding elements (QuantifierFold), as in a shared walk.
        w.Line(Sinkless
            ? $"var {tally} = new {R}.QuantifierFold({Naming.Bool(q.Quantifier == Quantifier.All)});"
            : $"var {tally} = new {R}.QuantifierTally({Naming.Bool(q.Quantifier == Quantifier.All)}, {Escape.StringLiteral(q.Source.Path)}, {KeepsSentences});");
        ForSink(w).Line("sink?.EnterQuiet();");
        w.Open($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
        w.Line($"var {element} = {list}[{index}];");
        var inner = new Dictionary<string, Variable>(variables) { [q.Variable] = new Variable(element, index, q.Source.Path, q.Source.Type.Element!) };
        var body = Expr(w, q.Body, want, false, inner);
        w.Line(Sinkless ? $"{tally}.Add({body});" : $"{tally}.Add({index}, {body});");
        // The fast path explains nothing, so it stops at the element that decides ('all': a false one, 'any': a true one).
        w.Line($"if ({NoSinkAnd($"{tally}.IsSettled")}) break;");
        w.Close();
        ForSink(w).Line("sink?.ExitQuiet();");
        w.Line($"{t} = {tally}.Result;");
        ForSink(w).Line($"if ({KeepsSentences}) sink.Quantifier({text}, {t}, {tally}.Detail);");
        w.Close();
        return t;
    }

    /// <summary>Reads a fact or quantifier variable: the C# expression of its value (bool?, decimal?, LocalDate? or string?),
    /// the C# expression of its path for missingFacts (null when it cannot be missing), and its name in explanations.</summary>
    /// <summary>An operand's C# access, the case-file path to report when it is missing, and its name in explanations;
    /// an enum as its case-file name unless <paramref name="asNames"/> is false.</summary>
    private (string Access, string? MissingPath, string Name) Operand(BoundExpression operand, Dictionary<string, Variable> variables, bool asNames = true)
    {
        string Read(string access, TypeRef type) => asNames ? AsComparable(access, type) : access;
        switch (operand)
        {
            case FactReference fact:
                return (Read($"c.{GeneratedNames.Member(fact.Path)}", fact.Type), Escape.StringLiteral(fact.Path), fact.Path);
            case VariableReference variable when variables.TryGetValue(variable.Variable, out var v):
                var position = $"{Escape.StringLiteral(v.Source + "[")} + {v.Index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + {Escape.StringLiteral("]" + (variable.Field is null ? string.Empty : "." + variable.Field))}";
                if (variable.Field is null) return (Read(v.Element, variable.Type), null, variable.Variable);
                return (Read($"{v.Element}?.{GeneratedNames.Pascal(variable.Field)}", variable.Type), position, variable.Variable + "." + variable.Field);
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
    private (string Value, string Known, string Text) Value(CodeWriter w, BoundExpression operand, TypeRef expected, Dictionary<string, Variable> variables)
    {
        switch (operand)
        {
            case ConstantExpression constant:
                return (Literal(constant.Value, constant.Type), "true", Escape.StringLiteral(ConditionPrinter.Print(constant.Value, constant.Type)));
            case ThresholdReference reference when thresholds.TryGetValue(reference.Name, out var threshold):
                if (threshold.Versions.Count == 1 && threshold.Versions[0].Effective.IsAlways)
                {
                    var only = threshold.Versions[0].Value;
                    return (Literal(only, threshold.Type), "true", Escape.StringLiteral(ConditionPrinter.Print(only, threshold.Type)));
                }
                var from = Static("global::NodaTime.LocalDate?[]", GeneratedNames.ThresholdStarts(reference.Name), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", threshold.Versions.Select(v => v.Effective.From is { } f ? Date(f) : "null")) + " }");
                var before = Static("global::NodaTime.LocalDate?[]", GeneratedNames.ThresholdEnds(reference.Name), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", threshold.Versions.Select(v => v.Effective.Before is { } b ? Date(b) : "null")) + " }");
                var chosen = Temp("tv");
                w.Line($"var {chosen} = {R}.EffectiveDates.Choose({ApplicationDate}, {from}, {before});");
                var explain = ForSink(w);
                explain.Open($"if ({chosen} < 0 && sink is not null)");
                explain.Line($"if ({chosen} == {R}.EffectiveDates.DateUnknown) {{ sink.Missing(\"applicationDate\"); sink.Note({Escape.StringLiteral($"the value of {reference.Name} depends on applicationDate, which is not known")}); }}");
                explain.Line($"else sink.Note({Escape.StringLiteral($"no value of {reference.Name} is in effect on ")} + {R}.FactFormat.Value({ApplicationDate}));");
                explain.Close();
                var value = $"({string.Join(" : ", threshold.Versions.Select((v, i) => $"{chosen} == {i} ? {Literal(v.Value, threshold.Type)}"))} : default({ValueType(threshold.Type)}))";
                var text = $"({string.Join(" : ", threshold.Versions.Select((v, i) => $"{chosen} == {i} ? {Escape.StringLiteral(ConditionPrinter.Print(v.Value, threshold.Type))}"))} : \"?\")";
                return (value, $"({chosen} >= 0)", text);
            default:
                var (access, _, name) = Operand(operand, variables);
                var local = Temp("r");
                w.Line($"var {local} = {access};");
                return (local, "true", Escape.StringLiteral(name));
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
        _ => Escape.StringLiteral(value.Text ?? string.Empty),
    };

    /// <summary>The C# expression of the case's application date, or a null date when the vocabulary has none.</summary>
    public string ApplicationDate => vocabulary.Facts.Any(f => f.Path == "applicationDate" && f.Type.Kind == TypeKind.Date) ? "c.ApplicationDate" : "(global::NodaTime.LocalDate?)null";

    /// <summary>A date as a NodaTime constructor call.</summary>
    public static string Date(DateValue d) => $"new global::NodaTime.LocalDate({d.Year}, {d.Month}, {d.Day})";

    private static string Relation(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "Equal",
        ComparisonOperator.NotEqual => "NotEqual",
        ComparisonOperator.Less => "Less",
        ComparisonOperator.LessOrEqual => "LessOrEqual",
        ComparisonOperator.Greater => "Greater",
        _ => "GreaterOrEqual",
    };

    /// <summary>
    /// Writes a call that records a sentence, inside an <c>if (sink is not null)</c> block: made only when the sink keeps
    /// sentences, since a quantifier's body and a caller asking only for missing facts keep none, and building the
    /// words is most of what explaining costs.
    /// </summary>
    private void Sentence(CodeWriter w, string call) => w.Line($"if (!sink.IsQuiet) {call};");

    /// <summary>Whether there is a sink and it keeps sentences: the test before making words outside a sink block.</summary>
    public const string KeepsSentences = "sink is { IsQuiet: false }";

    /// <summary>
    /// What a comparison tests, in words (<c>FactFormat.Test</c>). When the value compared against is known when the
    /// code is generated (a constant, a threshold with one version), the phrase is made once, in a static field.
    /// </summary>
    private string TestPhrase(string subject, string relation, string known, string valueText)
    {
        if (known != "true") return $"{R}.FactFormat.Test({subject}, {relation}, {known} ? {valueText} : \"?\")";
        var initializer = $"{R}.FactFormat.Test({subject}, {relation}, {valueText})";
        if (!phraseNames.TryGetValue(initializer, out var name))
        {
            name = "Phrase" + phraseNames.Count.ToString(CultureInfo.InvariantCulture);
            phraseNames[initializer] = name;
            Static("string", name, initializer);
        }
        return name;
    }

    /// <summary>A static readonly field, declared once per distinct name, so the fast path allocates nothing.</summary>
    public string Static(string type, string name, string initializer)
    {
        if (staticNames.TryGetValue(name, out var existing)) return existing;
        staticNames[name] = name;
        statics.Add($"private static readonly {type} {name} = {initializer};");
        return name;
    }
}
