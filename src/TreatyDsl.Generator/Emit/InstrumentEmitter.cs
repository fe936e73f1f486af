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
/// calls copies of the rules written with no sink code at all (<c>FastRuleX</c>, <see cref="ConditionEmitter.Sinkless"/>),
/// so nothing is formatted or allocated and the whole check inlines into one method.
/// </summary>
internal sealed class InstrumentEmitter
{
    private const string R = Naming.Runtime;
    private readonly InstrumentSpec spec;
    private readonly string ns;
    private readonly string caseType;
    private readonly ConditionEmitter conditions;
    // Rule and derived-fact methods, written before the class around them so the static fields they need are known.
    private readonly CodeWriter w = new();

    private InstrumentEmitter(InstrumentSpec spec)
    {
        this.spec = spec;
        ns = spec.Namespace;
        conditions = new ConditionEmitter(ns, spec.Vocabulary, spec.Vocabulary.Derived.Concat(spec.Instrument.Derived), spec.Instrument.Thresholds, spec.PathMap, w);
        caseType = conditions.CaseType;
    }

    public static string Emit(InstrumentSpec spec) => new InstrumentEmitter(spec).Run();

    /// <summary>The validator class of an instrument: <c>us-mx</c> gives <c>UsMxValidator</c>.</summary>
    public static string ClassName(string id) => GeneratedNames.ValidatorClass(id);

    private string Run()
    {
        var instrument = spec.Instrument;
        var className = ClassName(instrument.Id);

        // Rule and derived-fact methods first, into their own writer (w), so the static fields they need are known.
        foreach (var rule in instrument.Rules.Concat(instrument.Reviews)) EmitRule(rule);
        // The fast path's order, and the walks of a list it shares between rules (FusedWalk), with the rules that read them.
        var verdictOrder = VerdictOrder.Of(instrument.Rules, spec.Vocabulary.Derived.Concat(instrument.Derived));
        var walks = FusedWalk.Plan(verdictOrder, conditions.HasParts);
        foreach (var walk in walks)
        {
            conditions.EmitFusedWalk(walk.Method, walk.Quantifiers, walk.Decisive);
            foreach (var rule in walk.Rules) EmitFastRule(rule, walk);
        }
        // The other rules the fast path calls get lean copies too (no sink code): BranchingCheck's are written in place.
        foreach (var rule in verdictOrder)
        {
            if (!walks.Any(x => x.Rules.Contains(rule)) && BranchingCheck.Of(rule) is null) EmitRule(rule, lean: true);
        }
        foreach (var d in conditions.DerivedConditions) conditions.EmitDerived(d);
        conditions.EmitLeanDerived();
        conditions.EmitParts();

        var file = CodeWriter.File(ns);
        file.Line($"/// <summary>{Escape.XmlDoc(instrument.Title)} (<c>{Escape.XmlDoc(instrument.Id)}</c>): eligibility validator generated from its .treaty file.</summary>");
        file.Line($"/// <remarks>{Escape.XmlDoc(instrument.Citation)}</remarks>");
        file.Line(Naming.GeneratedCode);
        file.Open($"{spec.Target.TypeAccessibility} sealed partial class {className} : {R}.IInstrumentValidator");
        file.Line($"/// <summary>The instrument's contract id.</summary>");
        file.Line($"public const string Id = {Escape.StringLiteral(instrument.Id)};");
        file.Line($"/// <summary>The instrument's title.</summary>");
        file.Line($"public const string Title = {Escape.StringLiteral(instrument.Title)};");
        file.Line();
        var inForce = instrument.InForce is { } d0 ? ConditionEmitter.Date(d0) : "null";
        file.Line("/// <summary>What the catalog needs to decide whether this instrument applies to a case.</summary>");
        file.Line($"public static {R}.InstrumentInfo InstrumentInfo {{ get; }} = new {R}.InstrumentInfo(Id, Title, {Escape.StringLiteral(instrument.Kind.ToString().ToLowerInvariant())}, new string[] {{ {string.Join(", ", instrument.Parties.Select(Escape.StringLiteral))} }}, {inForce}, {Escape.StringLiteral(instrument.Citation)}, {Decisions(instrument)});");
        file.Line();
        file.Line($"{R}.InstrumentInfo {R}.IInstrumentValidator.Info => InstrumentInfo;");
        file.Line();
        file.Line("/// <summary>Evaluates a case read by the case file reader.</summary>");
        file.Line($"public {R}.InstrumentReport Evaluate({R}.CaseFacts facts) => Evaluate({caseType}.FromFacts(facts), null);");
        file.Line();
        file.Line("/// <summary>Evaluates a case read by the case file reader, keeping each explanation in <paramref name=\"explanations\"/> as it is written.</summary>");
        file.Line($"public {R}.InstrumentReport Evaluate({R}.CaseFacts facts, {R}.ExplanationBuffer? explanations) => Evaluate({caseType}.FromFacts(facts), explanations);");
        file.Line();
        foreach (var s in conditions.Statics) file.Line(s);
        if (conditions.Statics.Count > 0) file.Line();

        file.Line("/// <summary>True only when every requirement is met; an unknown requirement is not met. Allocates nothing.</summary>");
        file.Line("/// <remarks>Checks this instrument's own requirements; whether it is in force between the two countries is the catalog's question.</remarks>");
        file.Line($"public static bool IsEligible({caseType} c) => GetVerdict(c) == {R}.Verdict.Eligible;");
        file.Line();
        file.Line("/// <summary>Eligible, ineligible or undetermined under this instrument's own requirements, without explanations. Allocates nothing.");
        file.Line("/// Whether the instrument is in force between the two countries is the country table's question: see <see cref=\"global::TreatyDsl.Runtime.CaseEvaluator\"/>.</summary>");
        file.Open($"public static {R}.Verdict GetVerdict({caseType} c)");
        file.Line("if (c is null) throw new global::System.ArgumentNullException(nameof(c));");
        file.Line("var unknown = false;");
        // Cheapest first; the first requirement not met decides (VerdictOrder). A list that several rules read is walked
        // once, before the first of them, for all (FusedWalk).
        var walked = new HashSet<FusedWalk>();
        foreach (var rule in verdictOrder)
        {
            var walk = walks.FirstOrDefault(x => x.Rules.Contains(rule));
            if (walk is null && BranchingCheck.Of(rule) is { } check)
            {
                file.Line($"// {Escape.LineComment(rule.Id)}: its one yes/no fact, branched on (BranchingCheck)");
                check.Emit(file, R);
                continue;
            }
            if (walk is null)
            {
                file.Line($"switch ({FastRuleMethod(rule)}(c))");
            }
            else
            {
                var results = walk.Quantifiers.Select((_, i) => $"{walk.Method}Q{i.ToString(CultureInfo.InvariantCulture)}").ToList();
                if (walked.Add(walk)) file.Line($"{walk.Method}(c, {string.Join(", ", results.Select(r => "out var " + r))});");
                file.Line($"switch ({FastRuleMethod(rule)}(c, {string.Join(", ", results)}))");
            }
            file.Line("{");
            file.Nested($"case {R}.Truth.False: return {R}.Verdict.Ineligible;");
            file.Nested($"case {R}.Truth.Unknown: unknown = true; break;");
            file.Line("}");
        }
        file.Line($"return unknown ? {R}.Verdict.Undetermined : {R}.Verdict.Eligible;");
        file.Close();
        file.Line();
        var all = instrument.Rules.Concat(instrument.Reviews).ToList();
        file.Line("/// <summary>Every requirement's outcome, citation and explanation. Outcomes, citations and missing facts are settled");
        file.Line("/// here; each explanation is written when it is first read.</summary>");
        file.Line($"public static {R}.InstrumentReport Evaluate({caseType} c) => Evaluate(c, null);");
        file.Line();
        file.Line("/// <summary>Every requirement's outcome, citation and explanation. Outcomes, citations and missing facts are settled");
        file.Line("/// here; each explanation is written as its outcome is settled and kept in <paramref name=\"explanations\"/> when one is given");
        file.Line("/// (for a caller that writes the report out before emptying it), else written when it is first read.</summary>");
        file.Open($"public static {R}.InstrumentReport Evaluate({caseType} c, {R}.ExplanationBuffer? explanations)");
        file.Line("if (c is null) throw new global::System.ArgumentNullException(nameof(c));");
        file.Line($"var rules = new {BoundRules}(c);");
        file.Line($"var sink = {R}.ExplanationSink.Rent(keepsSentences: explanations is not null); // one for the whole report");
        file.Line("int wording;");
        EmitResults(file, "results", 0, instrument.Rules);
        if (instrument.Reviews.Count == 0)
        {
            file.Line("sink.Release();");
            file.Line($"return {R}.InstrumentReport.FromRequirements(Id, Title, results);");
        }
        else
        {
            // Reviews are reported beside the requirements and never decide the verdict (GetVerdict does not read them).
            EmitResults(file, "reviews", instrument.Rules.Count, instrument.Reviews);
            file.Line("sink.Release();");
            file.Line($"return {R}.InstrumentReport.FromRequirements(Id, Title, results, reviews: reviews);");
        }
        file.Close();
        file.Line();
        for (var i = 0; i < all.Count; i++)
        {
            var rule = all[i];
            var latest = rule.Latest;
            file.Line($"/// <summary>{rule.Kind switch { RuleKind.Bar => "Bar", RuleKind.Review => "Review", _ => "Requirement" }} <c>{Escape.XmlDoc(rule.Id)}</c>: {Escape.XmlDoc(latest.Text)}</summary>");
            file.Line($"/// <remarks>Citation: {Escape.XmlDoc(latest.Citation)}</remarks>");
            file.Line($"public static {R}.RequirementResult {GeneratedNames.RuleReportMethod(rule.Id)}({caseType} c) => new {BoundRules}(c ?? throw new global::System.ArgumentNullException(nameof(c))).Result({Index(i)});");
            file.Line();
        }
        EmitBoundRules(file, all);
        file.Append(w);
        file.Close();
        file.Close();
        return file.ToString();
    }

    private static string RuleMethod(RuleModel rule) => GeneratedNames.RuleMethod(rule.Id);

    /// <summary>The fast path's copy of a rule, with no sink code (<see cref="ConditionEmitter.Sinkless"/>): <c>FastRuleDualCriminality</c>.</summary>
    private static string FastRuleMethod(RuleModel rule) => "Fast" + GeneratedNames.RuleMethod(rule.Id);

    /// <summary>
    /// A rule as the fast path checks it when it reads a list another rule reads too: its quantifiers over that list come
    /// in worked out (the walk's results, <see cref="FusedWalk"/>); everything else as in its own method, with no sink.
    /// </summary>
    private void EmitFastRule(RuleModel rule, FusedWalk walk)
    {
        w.Line(Naming.AggressiveInlining);
        var parameters = walk.Quantifiers.Select((_, i) => $"{R}.Truth q{i.ToString(CultureInfo.InvariantCulture)}");
        w.Open($"private static {R}.Truth {FastRuleMethod(rule)}({caseType} c, {string.Join(", ", parameters)})");
        w.Line($"{R}.ExplanationSink? sink = null;");
        w.Line("_ = sink;");
        conditions.Precomputed = walk.Parameters;
        conditions.Sinkless = true;
        EmitVersion(rule, rule.Versions[0], announce: false);
        conditions.Sinkless = false;
        conditions.Precomputed = null;
        w.Close();
        w.Line();
    }

    /// <summary>What the caseworker decides where a rule cannot be decided from the case file (<see cref="RuleDecisions"/>), as an array expression, or null.</summary>
    private static string Decisions(InstrumentModel instrument)
    {
        var decisions = RuleDecisions.Of(instrument);
        if (decisions.Count == 0) return "null";
        return $"new {R}.RuleDecision[] {{ {string.Join(", ", decisions.Select(d => $"new {R}.RuleDecision({Escape.StringLiteral(d.RuleId)}, {Escape.StringLiteral(d.Reason)}, {Escape.StringLiteral(d.Citation)})"))} }}";
    }

    /// <summary>The nested class binding the rules to a case. No generated member name starts with "Bound".</summary>
    private const string BoundRules = "BoundRules";

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes an array of the results of <paramref name="rules"/>, the first at index <paramref name="first"/>: each rule
    /// method called directly with the report's sink (not through <c>CaseRules.Run</c>'s switch, which a result's
    /// explanation uses when read later) and its outcome settled by <c>CaseRules.Settled</c>.
    /// </summary>
    private static void EmitResults(CodeWriter file, string name, int first, IReadOnlyList<RuleModel> rules)
    {
        file.Line($"var {name} = new {R}.RequirementResult[{Index(rules.Count)}];");
        for (var k = 0; k < rules.Count; k++)
        {
            file.Line("sink.Reset();");
            file.Line($"{name}[{Index(k)}] = rules.Settled({Index(first + k)}, {RuleMethod(rules[k])}(c, sink, out wording), wording, sink, explanations);");
        }
    }

    /// <summary>
    /// The rules bound to one case (<c>CaseRules</c>): the report settles each rule's outcome through it, and a result's
    /// explanation runs the rule again through it when read.
    /// </summary>
    private void EmitBoundRules(CodeWriter file, IReadOnlyList<RuleModel> all)
    {
        file.Line("/// <summary>This instrument's rules bound to one case: outcomes now, each explanation when it is read.</summary>");
        file.Open($"private sealed class {BoundRules} : {R}.CaseRules");
        file.Line($"private static readonly string[] RuleIds = new string[] {{ {string.Join(", ", all.Select(r => Escape.StringLiteral(r.Id)))} }};");
        file.Line($"private readonly {caseType} c;");
        file.Line();
        file.Line($"public {BoundRules}({caseType} c) => this.c = c;");
        file.Line();
        file.Line("protected override string[] Ids => RuleIds;");
        file.Line();
        file.Line($"private static readonly {R}.RuleWording[][] RuleWordings = new {R}.RuleWording[][]");
        file.Line("{");
        foreach (var rule in all) file.Nested($"new {R}.RuleWording[] {{ {string.Join(", ", wordings[rule])} }},");
        file.Line("};");
        file.Line();
        file.Line($"protected override {R}.RuleWording[][] Wordings => RuleWordings;");
        file.Line();
        file.Open($"protected override {R}.Truth Run(int rule, {R}.ExplanationSink sink, out string text, out string citation)");
        file.Line($"{R}.Truth met;");
        file.Line("int wording;");
        file.Open("switch (rule)");
        for (var i = 0; i < all.Count; i++) file.Line($"case {Index(i)}: met = {RuleMethod(all[i])}(c, sink, out wording); break;");
        file.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(rule));");
        file.Close();
        file.Line("text = RuleWordings[rule][wording].Text;");
        file.Line("citation = RuleWordings[rule][wording].Citation;");
        file.Line("return met;");
        file.Close();
        file.Close();
        file.Line();
    }

    /// <summary>
    /// The number, among the rule's wordings (<c>CaseRules.Wordings</c>), of the words of a rule version, or of an
    /// exception of it that cites a further passage (its citation the version's and the exception's, joined as the
    /// interpreter joins them). Each is a static <c>RuleWording</c>, made once and shared by every result of that version;
    /// the first the rule's method names is 0.
    /// </summary>
    private string Wording(RuleModel rule, RuleVersion version, ExceptionModel? exception)
    {
        var v = IndexOf(rule.Versions, version);
        var e = exception is null ? (int?)null : IndexOf(version.Exceptions, exception);
        var citation = exception is null ? version.Citation : version.CitationMetBy(exception);
        var name = conditions.Static($"{R}.RuleWording", GeneratedNames.RuleWording(rule.Id, v, e),
            $"new {R}.RuleWording({Escape.StringLiteral(rule.Id)}, {Escape.StringLiteral(version.Text)}, {Escape.StringLiteral(citation)})");
        if (!wordings.TryGetValue(rule, out var named)) wordings[rule] = named = new List<string>();
        if (!named.Contains(name)) named.Add(name);
        return Index(named.IndexOf(name));
    }

    // Each rule's wordings, by the static field holding each, in the order Wording numbers them.
    private readonly Dictionary<RuleModel, List<string>> wordings = new(ReferenceEqualityComparer<RuleModel>.Instance);

    private static int IndexOf<T>(IReadOnlyList<T> items, T item)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], item)) return i;
        }
        throw new System.ArgumentException("Not one of the rule's own.", nameof(item));
    }

    // ---------- rules ----------

    /// <summary>
    /// Writes a rule's method: the report's (<c>RuleX</c>), which tells a sink what it reads and gives the words of the
    /// version that decided; or, <paramref name="lean"/>, the fast path's copy (<c>FastRuleX</c>), which has no sink, no
    /// words and none of the code only they need, and computes the same truth.
    /// </summary>
    private void EmitRule(RuleModel rule, bool lean = false)
    {
        w.Line(Naming.AggressiveInlining);
        if (lean)
        {
            w.Open($"private static {R}.Truth {FastRuleMethod(rule)}({caseType} c)");
            w.Line($"{R}.ExplanationSink? sink = null;");
            w.Line("_ = sink;");
        }
        else
        {
            w.Open($"private static {R}.Truth {RuleMethod(rule)}({caseType} c, {R}.ExplanationSink? sink, out int wording)");
        }
        conditions.Sinkless = lean;
        var explain = conditions.ForSink(w); // where the lines only a sink or a result reads go: nowhere for the lean copy
        var latest = rule.Latest;
        var versioned = rule.Versions.Count > 1 || !rule.Versions[0].Effective.IsAlways;
        if (!versioned)
        {
            EmitVersion(rule, rule.Versions[0], announce: false);
        }
        else
        {
            var from = conditions.Static($"global::NodaTime.LocalDate?[]", GeneratedNames.RuleStarts(rule.Id), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", rule.Versions.Select(v => v.Effective.From is { } f ? ConditionEmitter.Date(f) : "null")) + " }");
            var before = conditions.Static($"global::NodaTime.LocalDate?[]", GeneratedNames.RuleEnds(rule.Id), "new global::NodaTime.LocalDate?[] { " + string.Join(", ", rule.Versions.Select(v => v.Effective.Before is { } b ? ConditionEmitter.Date(b) : "null")) + " }");
            w.Line($"var version = {R}.EffectiveDates.Choose({conditions.ApplicationDate}, {from}, {before});");
            w.Open($"if (version == {R}.EffectiveDates.DateUnknown)");
            explain.Line($"wording = {Wording(rule, latest, null)};");
            explain.Line($"sink?.Missing({Escape.StringLiteral("applicationDate")});");
            explain.Line($"sink?.Note({Escape.StringLiteral($"which version of {rule.Id} applies depends on applicationDate, which is not known")});");
            w.Line($"return {R}.Truth.Unknown;");
            w.Close();
            w.Open($"if (version == {R}.EffectiveDates.NoneInEffect)");
            explain.Line($"wording = {Wording(rule, latest, null)};");
            explain.Line($"if ({ConditionEmitter.KeepsSentences}) sink.Note(\"not in effect on \" + {R}.FactFormat.Value({conditions.ApplicationDate}));");
            w.Line($"return {R}.Truth.True;");
            w.Close();
            for (var i = 0; i < rule.Versions.Count; i++)
            {
                w.Open($"if (version == {i})");
                EmitVersion(rule, rule.Versions[i], announce: true);
                w.Close();
            }
            explain.Line($"wording = {Wording(rule, latest, null)};");
            w.Line($"return {R}.Truth.Unknown;");
        }
        conditions.Sinkless = false;
        w.Close();
        w.Line();
    }

    /// <summary>Writes one version of a rule: its condition, then each exception in turn while the rule is not met.</summary>
    /// <remarks>For the fast path's copy (<see cref="ConditionEmitter.Sinkless"/>), no words are given and no sink told.</remarks>
    private void EmitVersion(RuleModel rule, RuleVersion version, bool announce)
    {
        var explain = conditions.ForSink(w);
        explain.Line($"wording = {Wording(rule, version, null)};");
        if (announce)
        {
            var from = version.Effective.From is { } f ? ConditionEmitter.Date(f) : "null";
            var before = version.Effective.Before is { } b ? ConditionEmitter.Date(b) : "null";
            explain.Line($"if ({ConditionEmitter.KeepsSentences}) sink.Note(\"version in effect \" + {R}.EffectiveDates.Describe({from}, {before}));");
        }
        var main = conditions.Condition(version.Condition, rule.Kind == RuleKind.Bar ? "false" : "true", statesRequirement: rule.Kind != RuleKind.Review);
        w.Line($"var met = {(rule.Kind == RuleKind.Requirement ? main : $"{R}.Logic.Not({main})")};");
        foreach (var exception in version.Exceptions)
        {
            w.Open($"if (met != {R}.Truth.True)");
            explain.Line($"sink?.BeginException({Escape.StringLiteral(exception.Id)});");
            var holds = conditions.Condition(exception.Condition, "true");
            w.Line($"met = {R}.Logic.Or(met, {holds});");
            w.Open($"if (met == {R}.Truth.True)");
            if (exception.Citation != version.Citation) explain.Line($"wording = {Wording(rule, version, exception)};");
            w.Line("return met;");
            w.Close();
            w.Close();
        }
        w.Line("return met;");
    }
}
