using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>
/// Emits one advisory set as a class implementing <c>IAdvisoryEvaluator</c>: each factor is a method whose condition
/// code is the same as an instrument rule's, and a factor is reported when its condition holds. An unknown condition
/// is not reported, as in the interpreter (<c>InterpretedAdvisories</c>).
/// </summary>
internal sealed class AdvisoryEmitter
{
    private const string R = Naming.Runtime;
    private readonly AdvisorySpec spec;
    private readonly ConditionEmitter conditions;
    // The factors' methods, written before the class around them so the static fields they need are known.
    private readonly CodeWriter methods = new();

    private AdvisoryEmitter(AdvisorySpec spec)
    {
        this.spec = spec;
        conditions = new ConditionEmitter(spec.Namespace, spec.Vocabulary, spec.Vocabulary.Derived, Enumerable.Empty<ThresholdModel>(), spec.PathMap, methods);
    }

    public static string Emit(AdvisorySpec spec) => new AdvisoryEmitter(spec).Run();

    /// <summary>The class of an advisory set: <c>doj-guidelines</c> gives <c>DojGuidelinesAdvisories</c>.</summary>
    public static string ClassName(string id) => GeneratedNames.AdvisoriesClass(id);

    private string Run()
    {
        var set = spec.Set;
        var caseType = conditions.CaseType;

        if (set.AppliesWhen is not null)
        {
            methods.Line("/// <summary>Whether the set applies to the case at all.</summary>");
            methods.Open($"private static {R}.Truth AppliesTo({caseType} c, {R}.ExplanationSink? sink)");
            methods.Line($"return {conditions.Condition(set.AppliesWhen, "true")};");
            methods.Close();
            methods.Line();
        }
        foreach (var advisory in set.Advisories)
        {
            methods.Line($"/// <summary>Advisory <c>{Escape.XmlDoc(advisory.Id)}</c> (weighs {advisory.WeighsName}): {Escape.XmlDoc(advisory.Text)}</summary>");
            methods.Line($"/// <remarks>Citation: {Escape.XmlDoc(advisory.Citation)}</remarks>");
            methods.Open($"public static {R}.Truth {FactorMethod(advisory)}({caseType} c, {R}.ExplanationSink? sink)");
            methods.Line($"return {conditions.Condition(advisory.Condition, "true", statesRequirement: false)};");
            methods.Close();
            methods.Line();
        }
        foreach (var d in conditions.DerivedConditions) conditions.EmitDerived(d);
        conditions.EmitParts();

        var file = CodeWriter.File(spec.Namespace);
        file.Line($"/// <summary>{Escape.XmlDoc(set.Title)} (<c>{Escape.XmlDoc(set.Id)}</c>): discretionary factors generated from their .treaty file. Advice for the human decision, never part of a verdict.</summary>");
        file.Line($"/// <remarks>{Escape.XmlDoc(set.Citation)}</remarks>");
        file.Line(Naming.GeneratedCode);
        file.Open($"{spec.Target.TypeAccessibility} sealed partial class {ClassName(set.Id)} : {R}.IAdvisoryEvaluator");
        file.Line("/// <summary>The set's id.</summary>");
        file.Line($"public const string Id = {Escape.StringLiteral(set.Id)};");
        file.Line();
        file.Line($"string {R}.IAdvisoryEvaluator.Id => Id;");
        file.Line();
        file.Line("/// <summary>Evaluates a case read by the case file reader.</summary>");
        file.Line($"public global::System.Collections.Generic.IReadOnlyList<{R}.AdvisoryItem> Evaluate({R}.CaseFacts facts) => Evaluate({caseType}.FromFacts(facts));");
        file.Line();
        foreach (var s in conditions.Statics) file.Line(s);
        if (conditions.Statics.Count > 0) file.Line();
        file.Line("/// <summary>The factors the case's facts touch, in the order the treaty file gives them.</summary>");
        file.Open($"public static global::System.Collections.Generic.IReadOnlyList<{R}.AdvisoryItem> Evaluate({caseType} c)");
        file.Line("if (c is null) throw new global::System.ArgumentNullException(nameof(c));");
        file.Line($"var items = new global::System.Collections.Generic.List<{R}.AdvisoryItem>();");
        if (set.AppliesWhen is not null) file.Line($"if (AppliesTo(c, null) != {R}.Truth.True) return items;");
        // Most factors touch no case, so each is first settled without a sink (nothing allocated, no sentences made) and
        // explained, by running it again with one, only when it is touched.
        if (set.Advisories.Count > 0) file.Line($"{R}.ExplanationSink? sink = null; // taken at the first factor touched, reset for each");
        foreach (var advisory in set.Advisories)
        {
            file.Open($"if ({FactorMethod(advisory)}(c, null) == {R}.Truth.True)");
            file.Line($"sink ??= {R}.ExplanationSink.Rent(keepsSentences: true);");
            file.Line("sink.Reset();");
            file.Line($"{FactorMethod(advisory)}(c, sink);");
            file.Line($"items.Add(new {R}.AdvisoryItem({Escape.StringLiteral(advisory.Id)}, {Escape.StringLiteral(advisory.WeighsName)}, {Escape.StringLiteral(advisory.Citation)}, sink.Explanation, {Escape.StringLiteral(advisory.Text)}));");
            file.Close();
        }
        if (set.Advisories.Count > 0) file.Line("sink?.Release();");
        file.Line("return items;");
        file.Close();
        file.Line();
        file.Append(methods);
        file.Close();
        file.Close();
        return file.ToString();
    }

    private static string FactorMethod(AdvisoryModel advisory) => GeneratedNames.FactorMethod(advisory.Id);
}
