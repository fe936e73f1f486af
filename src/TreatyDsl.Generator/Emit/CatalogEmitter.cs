using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Syntax;

namespace TreatyDsl.Generator;

/// <summary>
/// Emits <c>GeneratedTreaties</c>: the fact schema the case file reader checks, the country table, and every
/// generated validator and advisory set, gathered into a ready <c>TreatyCatalog</c>.
/// </summary>
internal static class CatalogEmitter
{
    private const string R = Naming.Runtime;

    public static string Emit(CatalogSpec spec)
    {
        var w = CodeWriter.File(spec.Namespace);
        w.Line("/// <summary>The treaties compiled into this assembly: schema, country table and validators.</summary>");
        w.Line(Naming.GeneratedCode);
        w.Open($"{spec.Target.TypeAccessibility} static class {GeneratedNames.CatalogClass}");
        w.Line("/// <summary>The case file's facts, as the vocabulary declares them.</summary>");
        w.Line($"public static {R}.FactSchema Schema {{ get; }} = new {R}.FactSchema(new {R}.FactDefinition[]");
        w.Line("{");
        var methods = new CodeWriter();
        var expectations = new ConditionEmitter(spec.Namespace, spec.Vocabulary, spec.Vocabulary.Derived, Enumerable.Empty<ThresholdModel>(), spec.PathMap, methods);
        var expected = 0;
        foreach (var fact in spec.Vocabulary.Facts.Where(f => f.Type.Kind != TypeKind.Error))
        {
            var definition = $"new {R}.FactDefinition({Escape.StringLiteral(fact.Path)}, {FactType(fact.Type, spec.Vocabulary)}, {Naming.Bool(fact.Required)}, {Naming.Bool(fact.NonEmpty)})";
            if (fact.ExpectedWhen is { } when)
            {
                // The fact's 'expected when', evaluated over the case as the rules read it (UnaskableFacts reads it).
                var method = GeneratedNames.ExpectationMethod(expected++);
                methods.Line($"/// <summary>Whether the vocabulary expects <c>{Escape.XmlDoc(fact.Path)}</c> for the case (its <c>expected when</c>).</summary>");
                methods.Open($"private static {R}.Truth {method}({expectations.CaseType} c, {R}.ExplanationSink? sink)");
                methods.Line($"return {expectations.Condition(when, "true", statesRequirement: false)};");
                methods.Close();
                methods.Line();
                definition += $" {{ Expected = facts => {method}({expectations.CaseType}.FromFacts(facts), null), ExpectedWhen = {Escape.StringLiteral(ConditionPrinter.Print(when))} }}";
            }
            w.Nested($"{definition},");
        }
        w.Line($"}}, global::{spec.Namespace}.{GeneratedNames.CaseReaderClass}.Instance);");
        w.Line();
        if (expected > 0)
        {
            foreach (var d in expectations.DerivedConditions) expectations.EmitDerived(d);
            expectations.EmitParts();
            foreach (var field in expectations.Statics) w.Line(field);
            if (expectations.Statics.Count > 0) w.Line();
            w.Append(methods);
        }
        w.Line("/// <summary>The country table.</summary>");
        w.Line($"public static {R}.CountryTable Countries {{ get; }} = new {R}.CountryTable({Escape.StringLiteral(spec.Countries.Title)}, {Escape.StringLiteral(spec.Countries.Citation)}, new {R}.CountryEntry[]");
        w.Line("{");
        foreach (var country in spec.Countries.Countries)
        {
            var memberships = string.Join(", ", country.Memberships.Select(m =>
                $"new {R}.CountryMembership({Escape.StringLiteral(m.Instrument)}, {(m.Since is { } d ? $"new global::NodaTime.LocalDate({d.Year}, {d.Month}, {d.Day})" : "null")}, {(m.Note is null ? "null" : Escape.StringLiteral(m.Note))})"));
            var practice = country.Practice is null
                ? "null"
                : $"new {R}.CountryPractice({Escape.StringLiteral(country.Practice.Note)}, {Naming.Bool(country.Practice.Kind == PracticeKind.Only)}, new string[] {{ {string.Join(", ", country.Practice.Instruments.Select(Escape.StringLiteral))} }})";
            var territoryOf = country.TerritoryOf is null ? "null" : Escape.StringLiteral(country.TerritoryOf);
            var notes = country.Notes.Count == 0
                ? "null"
                : $"new string[] {{ {string.Join(", ", country.Notes.Select(n => Escape.StringLiteral(n.Display)))} }}";
            w.Nested($"new {R}.CountryEntry({Escape.StringLiteral(country.Code)}, {Escape.StringLiteral(country.Name)}, new {R}.CountryMembership[] {{ {memberships} }}, {practice}, {territoryOf}, {notes}),");
        }
        w.Line("});");
        w.Line();
        InstanceList(w, spec.Namespace, "Every generated validator", "IInstrumentValidator", "Instruments", spec.Instruments.Select(InstrumentEmitter.ClassName));
        InstanceList(w, spec.Namespace, "Every generated advisory set", "IAdvisoryEvaluator", "Advisories", spec.Advisories.Select(AdvisoryEmitter.ClassName));
        w.Line("/// <summary>Schema, validators, country table and advisory sets together, ready for <c>CaseEvaluator.Evaluate</c>.</summary>");
        w.Line($"public static {R}.TreatyCatalog Catalog {{ get; }} = new {R}.TreatyCatalog(Schema, Instruments, Countries, Advisories);");
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>A static list holding one instance of each generated class, in the order of the treaty files.</summary>
    private static void InstanceList(CodeWriter w, string ns, string summary, string runtimeInterface, string property, IEnumerable<string> classNames)
    {
        w.Line($"/// <summary>{summary}, in the order of the treaty files.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{R}.{runtimeInterface}> {property} {{ get; }} = new {R}.{runtimeInterface}[]");
        w.Line("{");
        foreach (var className in classNames) w.Nested($"new global::{ns}.{className}(),");
        w.Line("};");
        w.Line();
    }

    private static string FactType(TypeRef type, VocabularyModel vocabulary) => type.Kind switch
    {
        TypeKind.Bool => $"{R}.FactType.Bool",
        TypeKind.Number => $"{R}.FactType.Number",
        TypeKind.Date => $"{R}.FactType.Date",
        TypeKind.Country => $"{R}.FactType.Country",
        TypeKind.Enum => $"{R}.FactType.Enum({Escape.StringLiteral(type.Name!)}, {string.Join(", ", vocabulary.Enums.First(e => e.Name == type.Name).Members.Select(Escape.StringLiteral))})",
        TypeKind.Record => $"{R}.FactType.Record({Escape.StringLiteral(type.Name!)}, {string.Join(", ", vocabulary.Records.First(r => r.Name == type.Name).Fields.Select(f => $"new {R}.FieldDefinition({Escape.StringLiteral(f.Name)}, {FactType(f.Type, vocabulary)})"))})",
        TypeKind.List => $"{R}.FactType.ListOf({FactType(type.Element!, vocabulary)})",
        _ => $"{R}.FactType.Text",
    };
}
