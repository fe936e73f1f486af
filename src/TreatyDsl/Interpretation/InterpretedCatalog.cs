using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;

namespace TreatyDsl.Interpretation;

/// <summary>An instrument evaluated by the interpreter, straight from its bound model.</summary>
public sealed class InterpretedInstrument : IInstrumentValidator
{
    private readonly Interpreter interpreter;

    public InterpretedInstrument(VocabularyModel vocabulary, InstrumentModel instrument)
    {
        interpreter = new Interpreter(vocabulary, instrument);
        Info = new InstrumentInfo(
            instrument.Id,
            instrument.Title,
            instrument.Kind.ToString().ToLowerInvariant(),
            instrument.Parties.ToList(),
            Conversions.ToLocalDate(instrument.InForce),
            instrument.Citation,
            RuleDecisions.Of(instrument).Select(d => new RuleDecision(d.RuleId, d.Reason, d.Citation)).ToList());
    }

    public InstrumentInfo Info { get; }

    public InstrumentReport Evaluate(CaseFacts facts) => interpreter.Evaluate(facts);

    /// <inheritdoc/>
    /// <remarks>The interpreter writes every explanation as it evaluates, into the result itself: it needs no buffer.</remarks>
    public InstrumentReport Evaluate(CaseFacts facts, ExplanationBuffer? explanations) => interpreter.Evaluate(facts);
}

/// <summary>Turns a bound <see cref="TreatyModel"/> into a runtime catalog evaluated by the interpreter.</summary>
public static class InterpretedCatalog
{
    public static TreatyCatalog Create(TreatyModel model)
    {
        var instruments = model.Instruments.Select(i => (IInstrumentValidator)new InterpretedInstrument(model.Vocabulary, i)).ToList();
        var advisories = model.Advisories.Select(a => (IAdvisoryEvaluator)new InterpretedAdvisories(model.Vocabulary, a)).ToList();
        return new TreatyCatalog(SchemaOf(model.Vocabulary), instruments, CountriesOf(model.Countries), advisories);
    }

    public static FactSchema SchemaOf(VocabularyModel vocabulary)
    {
        var conditions = new ConditionInterpreter(vocabulary.Derived, Enumerable.Empty<ThresholdModel>());
        var facts = vocabulary.Facts
            .Where(f => f.Type.Kind != TypeKind.Error)
            .Select(f => new FactDefinition(f.Path, TypeOf(f.Type, vocabulary), f.Required, f.NonEmpty)
            {
                Expected = f.ExpectedWhen is { } when ? facts => conditions.Evaluate(when, facts, ExplanationSink.MissingFactsOnly(), wantTrue: true, statesRequirement: false) : null,
                ExpectedWhen = f.ExpectedWhen is { } printed ? ConditionPrinter.Print(printed) : null,
            })
            .ToList();
        return new FactSchema(facts);
    }

    public static CountryTable CountriesOf(CountryTableModel table) =>
        new(table.Title, table.Citation, table.Countries.Select(c => new CountryEntry(
            c.Code,
            c.Name,
            c.Memberships.Select(m => new CountryMembership(m.Instrument, Conversions.ToLocalDate(m.Since), m.Note)).ToList(),
            c.Practice is null ? null : new CountryPractice(c.Practice.Note, c.Practice.Kind == PracticeKind.Only, c.Practice.Instruments.ToList()),
            c.TerritoryOf,
            c.Notes.Select(n => n.Display).ToList())).ToList());

    private static FactType TypeOf(TypeRef type, VocabularyModel vocabulary) => type.Kind switch
    {
        TypeKind.Bool => FactType.Bool,
        TypeKind.Number => FactType.Number,
        TypeKind.Date => FactType.Date,
        TypeKind.Country => FactType.Country,
        TypeKind.Enum => FactType.Enum(type.Name!, vocabulary.Enums.First(e => e.Name == type.Name).Members.ToArray()),
        TypeKind.Record => FactType.Record(type.Name!, vocabulary.Records.First(r => r.Name == type.Name).Fields
            .Select(f => new FieldDefinition(f.Name, TypeOf(f.Type, vocabulary))).ToArray()),
        TypeKind.List => FactType.ListOf(TypeOf(type.Element!, vocabulary)),
        _ => FactType.Text,
    };
}
