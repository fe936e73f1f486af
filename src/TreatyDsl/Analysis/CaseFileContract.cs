using System.Collections.Generic;
using TreatyDsl.Binding;

namespace TreatyDsl.Analysis;

/// <summary>
/// The case file's properties as the project's outside contract defines them (docs/case-file.md, "The
/// facts"): path, type and, for an enumeration, its values. The vocabulary (case-file.treaty) is what the reader and
/// the rules actually use; the analysis compares the two, so a vocabulary that drifts from the contract is a finding in
/// the editor rather than a case file refused, or a property silently ignored, in production. The contract only grows:
/// add properties here when it does, never rename one.
/// </summary>
internal static class CaseFileContract
{
    /// <summary>One property. Path uses <c>[]</c> for a list's elements (<c>offenses[].category</c>).</summary>
    public sealed record Property(string Path, string Description, TypeRef Type, string[]? Values = null);

    private static readonly TypeRef Enum = new(TypeKind.Enum);
    private static readonly TypeRef RecordList = TypeRef.ListOf(new TypeRef(TypeKind.Record));

    public static readonly IReadOnlyList<Property> Properties = new[]
    {
        new Property("id", "string", TypeRef.Text),
        new Property("sentencingCountry", "country", TypeRef.Country),
        new Property("receivingCountry", "country", TypeRef.Country),
        new Property("custody", "federal | state | foreign", Enum, new[] { "federal", "state", "foreign" }),
        new Property("applicationDate", "date", TypeRef.Date),
        new Property("prisoner.nationalities", "list of countries", TypeRef.ListOf(TypeRef.Country)),
        new Property("prisoner.dateOfBirth", "date", TypeRef.Date),
        new Property("prisoner.yearsResidentInSentencingCountry", "number", TypeRef.Number),
        new Property("prisoner.intendsToRemainInSentencingCountry", "boolean", TypeRef.Bool),
        new Property("prisoner.priorTransfer", "boolean", TypeRef.Bool),
        new Property("offenses", "list of offences", RecordList),
        new Property("offenses[].description", "string", TypeRef.Text),
        new Property("offenses[].category", "offence category", Enum,
            new[] { "drug", "immigration", "military", "political", "violent", "firearm", "fraud", "sexual", "terrorism", "state-security", "other" }),
        new Property("offenses[].dualCriminality", "boolean", TypeRef.Bool),
        new Property("offenses[].sentenceServed", "boolean", TypeRef.Bool),
        new Property("sentence.type", "sentence type", Enum,
            new[] { "determinate", "life", "indeterminate", "death", "juvenile", "dangerous-offender" }),
        new Property("sentence.imposedOn", "date", TypeRef.Date),
        new Property("sentence.fullTermDate", "date", TypeRef.Date),
        new Property("judgment.final", "boolean", TypeRef.Bool),
        new Property("judgment.appealPending", "boolean", TypeRef.Bool),
        new Property("judgment.collateralAttackPending", "boolean", TypeRef.Bool),
        new Property("consent.prisoner", "boolean", TypeRef.Bool),
        new Property("consent.sentencingCountry", "boolean", TypeRef.Bool),
        new Property("consent.receivingCountry", "boolean", TypeRef.Bool),
        new Property("consent.state", "boolean", TypeRef.Bool),
        new Property("financial.finesUnpaid", "boolean", TypeRef.Bool),
        new Property("financial.restitutionUnpaid", "boolean", TypeRef.Bool),
        new Property("exceptionalCircumstances", "boolean", TypeRef.Bool),
    };
}
