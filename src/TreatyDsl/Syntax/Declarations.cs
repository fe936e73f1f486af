using TreatyDsl.Text;

namespace TreatyDsl.Syntax;

/// <summary>One parsed .treaty file: its declarations in source order, including the ones the parser could read
/// around errors (a file with a bad rule still yields its good rules).</summary>
public sealed record TreatyFileSyntax(string Path, EquatableArray<DeclarationSyntax> Declarations);

public abstract record DeclarationSyntax(SourceSpan Span);

/// <summary>A written type: a built-in (<c>bool</c>, <c>date</c>...), an enum or record name, or <c>list of T</c>.</summary>
public sealed record TypeSyntax(string Name, TypeSyntax? ElementType, SourceSpan Span)
{
    public override string ToString() => ElementType is null ? Name : $"list of {ElementType}";
}

/// <summary>An effective period: <c>from D</c> (inclusive) and/or <c>before D</c> (exclusive).</summary>
public sealed record EffectiveSyntax(DateValue? From, DateValue? Before, SourceSpan Span);

// ---- vocabulary ----

public sealed record VocabularySyntax(string Name, string? Citation, SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>An enum; <paramref name="MemberSpans"/> says where each member is written, in the same order.</summary>
public sealed record EnumSyntax(string Name, EquatableArray<string> Members, EquatableArray<SourceSpan> MemberSpans, SourceSpan Span) : DeclarationSyntax(Span);

public sealed record FieldSyntax(string Name, TypeSyntax Type, SourceSpan Span);

public sealed record RecordSyntax(string Name, EquatableArray<FieldSyntax> Fields, SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>A fact of the case file. ExpectedWhen, when present, says for which cases the file carries it at all
/// (<c>expected when sentence.type = determinate</c>): for the others it is absent by construction, not by omission.</summary>
public sealed record FactSyntax(string Path, TypeSyntax Type, bool Required, bool NonEmpty, string? Description, SourceSpan Span, ExpressionSyntax? ExpectedWhen = null) : DeclarationSyntax(Span);

/// <summary>A derived fact: either a condition (<c>derive domiciliary: bool = ...</c>)
/// or the calendar period between two dates (<c>derive timeRemaining: duration = period from a to b</c>), which may have
/// no end when a condition holds (<c>unbounded when sentence.type = life</c>).</summary>
public sealed record DeriveSyntax(
    string Name,
    TypeSyntax Type,
    ExpressionSyntax? Condition,
    NameSyntax? PeriodFrom,
    NameSyntax? PeriodTo,
    string? Label,
    string? Citation,
    SourceSpan Span,
    ExpressionSyntax? UnboundedWhen = null) : DeclarationSyntax(Span);

// ---- rule sets ----

public enum InstrumentKind
{
    Statute,
    Bilateral,
    Multilateral,
}

public sealed record InstrumentSyntax(
    string Id,
    string? Title,
    string? Kind,
    EquatableArray<string> Parties,
    DateValue? InForce,
    string? Citation,
    EquatableArray<string> Includes,
    EquatableArray<SourceSpan> IncludeSpans,
    SourceSpan Span) : DeclarationSyntax(Span);

public sealed record BaselineSyntax(string Id, string? Title, string? Citation, SourceSpan Span) : DeclarationSyntax(Span);

public sealed record ThresholdSyntax(bool IsOverride, string Name, ExpressionSyntax Value, string? Citation, EffectiveSyntax? Effective, SourceSpan Span) : DeclarationSyntax(Span);

public enum RuleKind
{
    /// <summary>Met when its condition holds.</summary>
    Requirement,

    /// <summary>Not met when its condition holds: the condition describes what rules transfer out.</summary>
    Bar,

    /// <summary>
    /// A check the sources leave to the caseworker (the treaty's own text, which they do not quote): raised when its
    /// condition holds, reported beside the instrument's requirements, and never part of a verdict. Evaluated like a bar.
    /// </summary>
    Review,
}

/// <summary>An <c>unless</c> clause: the rule is met anyway when the condition holds.</summary>
public sealed record UnlessSyntax(ExpressionSyntax Condition, string? Citation, SourceSpan Span);

/// <summary>An <c>accept</c> clause: an analysis finding about this rule (<c>accept TDSL0315 "why" cite "..."</c>)
/// is known and justified, so it is reported as information with the justification instead of as a warning.</summary>
public sealed record AcceptSyntax(string DiagnosticId, string? Justification, string? Citation, SourceSpan Span);

public sealed record RuleSyntax(
    RuleKind Kind,
    string Id,
    string? Text,
    string? Citation,
    EffectiveSyntax? Effective,
    ExpressionSyntax Condition,
    EquatableArray<UnlessSyntax> Exceptions,
    SourceSpan Span,
    EquatableArray<AcceptSyntax> Accepts = default) : DeclarationSyntax(Span);

/// <summary>A named exception that a more specific instrument adds to a rule it includes
/// (<c>exception exceptional-circumstances to min-remaining: "..." cite "..." when ...</c>).</summary>
public sealed record ExceptionSyntax(string Id, string Target, string? Text, string? Citation, ExpressionSyntax Condition, SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>
/// The passage an included rule cites under this instrument, in place of the baseline's
/// (<c>override cite min-remaining "7 FAM 481.3-2 b(5)"</c>): the rule is the same, the paragraph that states it for
/// this instrument is its own. <see cref="DeclarationSyntax.Span"/> is the rule id's.
/// </summary>
public sealed record CitationOverrideSyntax(string Target, string Citation, SourceSpan Span) : DeclarationSyntax(Span);

// ---- country table ----

public sealed record CountriesSyntax(string? Title, string? Citation, SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>One instrument in a country's row, with the date it entered into force for that country.</summary>
public sealed record MembershipSyntax(string Instrument, DateValue? Date, string? Note, SourceSpan Span);

public enum PracticeKind
{
    /// <summary>The country uses only the listed instruments with the United States; others are not usable.</summary>
    Only,

    /// <summary>The country prefers the listed instruments, in order; others stay usable.</summary>
    Prefers,
}

/// <summary>A usage note from the table, quoted, and what it means: <c>practice "Prefers COE": prefers coe</c>.</summary>
public sealed record PracticeSyntax(string Note, PracticeKind Kind, EquatableArray<string> Instruments, SourceSpan Span);

/// <summary>A procedural note for cases with a country, shown to the caseworker beside the verdict: <c>note "..." cite "..."</c>.</summary>
public sealed record CountryNoteSyntax(string Text, string? Citation, SourceSpan Span);

/// <summary>
/// The columns the source table marks for a row, as it marks them (<c>columns bilateral, coe</c>): each an instrument id or
/// an instrument kind. Kept beside the row's entries so the analysis can show where the table disagrees with itself.
/// </summary>
public sealed record ColumnsSyntax(EquatableArray<string> Names, SourceSpan Span);

public sealed record CountrySyntax(
    string Code,
    string Name,
    EquatableArray<MembershipSyntax> Memberships,
    PracticeSyntax? Practice,
    EquatableArray<CountryNoteSyntax> Notes,
    SourceSpan Span,
    ColumnsSyntax? Columns = null,
    EquatableArray<AcceptSyntax> Accepts = default) : DeclarationSyntax(Span);

/// <summary>
/// What another source says about which instrument some countries use, for the analysis to compare with the table's
/// usage notes: <c>usage coe for CA, FR, PA, TR: "..." cite "7 FAM 481.3-1 b NOTE"</c>.
/// </summary>
public sealed record UsageSyntax(string Instrument, EquatableArray<string> Countries, string? Text, string? Citation, SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>
/// A territory of a country in the table (7 FAM Exhibit 481, Table A): <c>territory AW "Aruba" of NL</c>. It has the
/// instruments, dates and practice of the country it belongs to, whose nationality its people hold.
/// </summary>
public sealed record TerritorySyntax(string Code, string Name, string Parent, SourceSpan ParentSpan, SourceSpan Span) : DeclarationSyntax(Span);

// ---- advisory factors ----

/// <summary>
/// The header of a set of discretionary factors (<c>advisories doj-guidelines title "..." cite "..." when ...</c>):
/// advice for the human decision, never part of a verdict. <see cref="AppliesWhen"/>, when given, limits the whole set
/// to the cases it holds for (the DOJ guidelines weigh only cases sentenced in the United States).
/// </summary>
public sealed record AdvisoriesSyntax(string Id, string? Title, string? Citation, ExpressionSyntax? AppliesWhen, SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>Which way a discretionary factor weighs in the transfer decision.</summary>
public enum Weighs
{
    /// <summary>The factor favours transfer.</summary>
    For,

    /// <summary>The factor weighs against transfer.</summary>
    Against,

    /// <summary>The factor calls for a judgement that may go either way (the dual national's ties, DOJ Guidelines III.A.9).</summary>
    Either,
}

/// <summary>One discretionary factor: reported, with the way it weighs, when its condition holds for a case.</summary>
public sealed record AdvisorySyntax(string Id, Weighs Weighs, string? Text, string? Citation, ExpressionSyntax Condition, SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>
/// An example: a case and what must come out of it, checked wherever diagnostics appear and by <c>treaty test</c>
/// (<c>example six-months: "Six months left is enough" cite "7 FAM 481.3-1 d(5)" like base given ... expect ...</c>).
/// </summary>
/// <param name="Id">The example's name.</param>
/// <param name="Title">What it shows, in words.</param>
/// <param name="Citation">The passage it is drawn from.</param>
/// <param name="Like">Another example whose facts this one starts from, or null.</param>
/// <param name="LikeSpan">Where <paramref name="Like"/> is written.</param>
/// <param name="Givens">The facts, in order; a later one replaces an earlier one or the base's.</param>
/// <param name="Expectations">What must come out.</param>
/// <param name="Span">Where the name is written.</param>
public sealed record ExampleSyntax(
    string Id,
    string? Title,
    string? Citation,
    string? Like,
    SourceSpan LikeSpan,
    EquatableArray<GivenSyntax> Givens,
    EquatableArray<ExpectSyntax> Expectations,
    SourceSpan Span) : DeclarationSyntax(Span)
{
    /// <summary>The case file the example starts from (<c>case "cases/mx-eligible.json"</c>), relative to the .treaty file; null for none.</summary>
    public string? CaseFile { get; init; }

    /// <summary>Where the case file's path is written.</summary>
    public SourceSpan CaseFileSpan { get; init; }
}

/// <summary>One fact of an example: <c>given sentence.fullTermDate = 2026-07-15</c>, or a field of a list's record, <c>given offenses[0].category = drug</c>.</summary>
/// <param name="Path">The fact's path, with the element's index for a record's field.</param>
/// <param name="Value">The value: a literal, a name (enum member or country code), or a list of them in brackets.</param>
/// <param name="Span">Where the path is written.</param>
public sealed record GivenSyntax(string Path, ExpressionSyntax Value, SourceSpan Span);

/// <summary>A list of values as an example gives it: <c>[MX, US]</c>.</summary>
public sealed record ListLiteralSyntax(EquatableArray<ExpressionSyntax> Items, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>What an example expects, as its words: <c>expect verdict eligible</c>, <c>expect us-mx min-remaining met</c>.</summary>
/// <param name="Words">The words after <c>expect</c>, one to three.</param>
/// <param name="Spans">Where each word is written.</param>
/// <param name="Span">Where the whole expectation is written.</param>
public sealed record ExpectSyntax(EquatableArray<string> Words, EquatableArray<SourceSpan> Spans, SourceSpan Span);
