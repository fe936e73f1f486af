using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Binding;

/// <summary>
/// Everything the treaty files say, checked: the vocabulary, each instrument with the baseline rules it
/// includes already folded in, the country table and the advisory factors. Pure data with value equality.
/// </summary>
public sealed record TreatyModel(
    VocabularyModel Vocabulary,
    EquatableArray<InstrumentModel> Instruments,
    CountryTableModel Countries,
    EquatableArray<AdvisorySetModel> Advisories,
    EquatableArray<TreatyDiagnostic> Diagnostics)
{
    /// <summary>The examples the files give, as written: checked against the bound model by <c>Examples.ExampleChecks</c>.</summary>
    public EquatableArray<TreatyDsl.Syntax.ExampleSyntax> Examples { get; init; } = EquatableArray<TreatyDsl.Syntax.ExampleSyntax>.Empty;

    /// <summary>The case files the examples start from, as read when the files were loaded (<c>Examples.CaseFileReferences</c>).</summary>
    public EquatableArray<Examples.CaseFileText> CaseFiles { get; init; } = EquatableArray<Examples.CaseFileText>.Empty;

    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics) if (d.IsError) return true;
            return false;
        }
    }
}

public sealed record VocabularyModel(
    string Name,
    EquatableArray<EnumModel> Enums,
    EquatableArray<RecordModel> Records,
    EquatableArray<FactModel> Facts,
    EquatableArray<DerivedModel> Derived,
    SourceSpan Span = default);

public sealed record EnumModel(string Name, EquatableArray<string> Members, SourceSpan Span);

public sealed record FieldModel(string Name, TypeRef Type);

public sealed record RecordModel(string Name, EquatableArray<FieldModel> Fields, SourceSpan Span);

/// <summary>A fact of the vocabulary. ExpectedWhen is the condition under which a case file carries it; where it is false
/// the fact is absent by construction (a life sentence has no full-term date), which the analysis must not treat as an
/// omission a caseworker can fill.</summary>
public sealed record FactModel(string Path, TypeRef Type, bool Required, bool NonEmpty, string? Description, SourceSpan Span, BoundExpression? ExpectedWhen = null);

/// <summary>
/// A derived fact: a condition, or the calendar period between two date facts (PeriodFrom, PeriodTo), which is longer
/// than any duration when <see cref="UnboundedWhen"/> holds (a sentence with no end leaves more than any minimum to serve).
/// </summary>
public sealed record DerivedModel(
    string Name,
    TypeRef Type,
    BoundExpression? Condition,
    string? PeriodFrom,
    string? PeriodTo,
    string? Label,
    string? Citation,
    SourceSpan Span,
    BoundExpression? UnboundedWhen = null);

/// <summary>From (inclusive) and Before (exclusive); a missing bound is open.</summary>
public sealed record EffectivePeriod(DateValue? From, DateValue? Before)
{
    public static readonly EffectivePeriod Always = new(null, null);

    public bool IsAlways => From is null && Before is null;

    public bool Contains(DateValue date) =>
        (From is null || date.CompareTo(From.Value) >= 0) && (Before is null || date.CompareTo(Before.Value) < 0);

    public override string ToString() =>
        IsAlways ? "always" : From is null ? $"before {Before}" : Before is null ? $"from {From}" : $"from {From} before {Before}";
}

public sealed record ThresholdVersion(EffectivePeriod Effective, ConstantValue Value, string Citation, string Origin, SourceSpan Span);

/// <summary>A named constant; an instrument's copy already has the instrument's overrides applied.</summary>
public sealed record ThresholdModel(string Name, TypeRef Type, EquatableArray<ThresholdVersion> Versions);

/// <summary>An exception: when its condition holds, the rule is met whatever its main condition says.</summary>
public sealed record ExceptionModel(string Id, string? Text, string Citation, BoundExpression Condition, SourceSpan Span);

/// <summary>An analysis finding about a rule that its authors know of and justify (<c>accept TDSL0315 "..." cite "..."</c>).</summary>
public sealed record AcceptanceModel(string DiagnosticId, string Justification, string Citation, SourceSpan Span)
{
    /// <summary>The justification as a finding's message ends with it.</summary>
    public string Display => Citation.Length == 0 ? Justification : $"{Justification} [{Citation}]";
}

/// <summary>One version of a rule, in effect over a period of application dates.</summary>
public sealed record RuleVersion(
    EffectivePeriod Effective,
    string Text,
    string Citation,
    BoundExpression Condition,
    EquatableArray<ExceptionModel> Exceptions,
    SourceSpan Span,
    EquatableArray<AcceptanceModel> Accepts = default)
{
    /// <summary>
    /// What a result of this version cites when <paramref name="exception"/> is what met it: the version's citation,
    /// and the exception's after it when that is another passage. The interpreter and the generated validators both
    /// word their results by this.
    /// </summary>
    public string CitationMetBy(ExceptionModel exception) =>
        exception.Citation == Citation ? Citation : Citation + "; " + exception.Citation;
}

/// <summary>A requirement or bar with its versions; Origin names the baseline or instrument that wrote it.</summary>
public sealed record RuleModel(RuleKind Kind, string Id, string Origin, EquatableArray<RuleVersion> Versions)
{
    public RuleVersion Latest => Versions[Versions.Count - 1];
}

public sealed record InstrumentModel(
    string Id,
    string Title,
    InstrumentKind Kind,
    EquatableArray<string> Parties,
    DateValue? InForce,
    string Citation,
    EquatableArray<RuleModel> Rules,
    EquatableArray<ThresholdModel> Thresholds,
    EquatableArray<DerivedModel> Derived,
    SourceSpan Span,
    EquatableArray<RuleModel> Reviews = default);

public sealed record MembershipModel(string Instrument, DateValue? Since, string? Note, SourceSpan Span = default);

public sealed record PracticeModel(string Note, PracticeKind Kind, EquatableArray<string> Instruments, SourceSpan Span = default);

/// <summary>A procedural note for cases with a country (such as transmission by diplomatic note), with its citation.</summary>
public sealed record CountryNoteModel(string Text, string Citation)
{
    /// <summary>The note as a report prints it: its text, then its citation in brackets.</summary>
    public string Display => Citation.Length == 0 ? Text : $"{Text} [{Citation}]";
}

/// <summary>A row of the country table. A territory (Table A) has its parent's memberships, practice and notes, and TerritoryOf names the parent.</summary>
public sealed record CountryModel(
    string Code,
    string Name,
    EquatableArray<MembershipModel> Memberships,
    PracticeModel? Practice,
    SourceSpan Span,
    string? TerritoryOf = null,
    EquatableArray<CountryNoteModel> Notes = default,
    ColumnsModel? Columns = null,
    EquatableArray<AcceptanceModel> Accepts = default);

/// <summary>The columns the source table marks for a row: instrument ids or instrument kinds (<c>bilateral</c>).</summary>
public sealed record ColumnsModel(EquatableArray<string> Names, SourceSpan Span);

/// <summary>Another source's statement that some countries use an instrument, to compare with the rows' usage notes.</summary>
public sealed record UsageModel(string Instrument, EquatableArray<string> Countries, string Text, string Citation, SourceSpan Span);

public sealed record CountryTableModel(string Title, string Citation, EquatableArray<CountryModel> Countries, EquatableArray<UsageModel> Usages = default);

/// <summary>A discretionary factor: reported with the way it weighs when its condition holds. Never part of a verdict.</summary>
public sealed record AdvisoryModel(string Id, Weighs Weighs, string Text, string Citation, BoundExpression Condition, SourceSpan Span)
{
    /// <summary>The contract's spelling of <see cref="Weighs"/> (for, against, either), the one the report and the matrix print.</summary>
    // The runtime's constants are compiled in as literals, so the generator, which loads this model, needs no runtime.
    public string WeighsName => Weighs switch
    {
        Weighs.For => Runtime.AdvisoryWeighs.For,
        Weighs.Against => Runtime.AdvisoryWeighs.Against,
        _ => Runtime.AdvisoryWeighs.Either,
    };
}

/// <summary>
/// A set of discretionary factors from one source (the DOJ guidelines' section III). AppliesWhen, when present,
/// limits the whole set to the cases it holds for; the conditions see the vocabulary's facts and derived facts only.
/// </summary>
public sealed record AdvisorySetModel(
    string Id,
    string Title,
    string Citation,
    BoundExpression? AppliesWhen,
    EquatableArray<AdvisoryModel> Advisories,
    SourceSpan Span);
