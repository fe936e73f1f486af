using System.Collections.Generic;

namespace TreatyDsl.Diagnostics;

/// <summary>
/// Every diagnostic the language reports, with dense ids grouped by stage:
/// TDSL00xx syntax (parser), TDSL01xx names and types (binder), TDSL02xx the build's configuration,
/// TDSL03xx analysis of a model that binds without errors, TDSL09xx TreatyDsl's own failures.
/// The analyzer turns each entry into a Roslyn descriptor with the same id, so ids are public contract:
/// never reuse or renumber one (see AnalyzerReleases.*.md in the generator project).
/// </summary>
public static class DiagnosticCatalog
{
    private const string Syntax = "TreatyDsl.Syntax";
    private const string Binding = "TreatyDsl.Binding";
    private const string Build = "TreatyDsl.Build";
    public const string Analysis = "TreatyDsl.Analysis";
    private const string Internal = "TreatyDsl.Internal";
    private const string Sources = "TreatyDsl.Sources";
    private const string Examples = "TreatyDsl.Examples";

    public static readonly DiagnosticDescriptor SyntaxError = new(
        "TDSL0001", "Syntax error", "{0}", Syntax, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExpectedDeclaration = new(
        "TDSL0002", "Expected a declaration",
        "Expected a declaration (such as 'instrument', 'require' or 'fact') at the start of the line, but found '{0}'",
        Syntax, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "TDSL0003", "Unterminated text",
        "This text has no closing quote (\"); close it on the same line",
        Syntax, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NestedTooDeeply = new(
        "TDSL0004", "Condition nested too deeply",
        "This condition nests more than {0} levels of parentheses, 'not' and 'any'/'all'; split it into derived facts ('derive ...: bool = ...')",
        Syntax, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateDeclaration = new(
        "TDSL0101", "Duplicate declaration",
        "'{0}' is already declared at {1}; give this {2} another name",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownName = new(
        "TDSL0102", "Unknown name",
        "'{0}' is not a fact, derived fact, threshold or value known here{1}",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeMismatch = new(
        "TDSL0103", "Values of different types compared",
        "Cannot compare {0} ({1}) with {2} ({3}); both sides must have the same type",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownType = new(
        "TDSL0104", "Unknown type",
        "'{0}' is not a type; use bool, number, date, duration, text, country, 'list of ...' or an enum or record declared in the vocabulary",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DeclarationOutsideSection = new(
        "TDSL0105", "Declaration outside its section",
        "'{0}' must follow {1} in the same file",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownBaseline = new(
        "TDSL0106", "Unknown baseline",
        "No baseline named '{0}' is declared in the treaty files",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ThresholdRedefined = new(
        "TDSL0107", "Threshold changed without 'override'",
        "Threshold '{0}' is already set by baseline '{1}'; write 'override threshold {0}' with a citation to change it",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NothingToOverride = new(
        "TDSL0108", "Override of an unknown threshold",
        "'override threshold {0}' changes nothing: no included baseline sets a threshold named '{0}'",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownRule = new(
        "TDSL0109", "Exception to an unknown rule",
        "Exception '{0}' is to rule '{1}', but no rule with that id applies to instrument '{2}'",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UndefinedInstrument = new(
        "TDSL0110", "Instrument not defined",
        "The country table names instrument '{0}', but no .treaty file defines it; cases under it are not evaluated until one does",
        Binding, DiagnosticSeverity.Warning);

    /// <summary>"; did you mean 'MX'?" where the code written is an assigned one in the wrong case ('mx'), else nothing.</summary>
    public static string CountrySuggestion(string written) =>
        written.Length == 2 && Runtime.CountryCodes.IsAssigned(written.ToUpperInvariant()) && written != written.ToUpperInvariant()
            ? $"; did you mean '{written.ToUpperInvariant()}'?"
            : string.Empty;

    public static readonly DiagnosticDescriptor InvalidCountryCode = new(
        "TDSL0111", "Invalid country code",
        "'{0}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters, such as MX){1}",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingVocabulary = new(
        "TDSL0112", "No fact vocabulary",
        "No 'vocabulary' is declared in the treaty files; declare the case file's facts before rules can use them",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OverlappingVersions = new(
        "TDSL0113", "Overlapping effective periods",
        "Two versions of '{0}' are both in effect {1}; make their effective periods meet without overlapping",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotACondition = new(
        "TDSL0114", "Not a yes/no condition",
        "'{0}' is {1}, not a yes/no condition; compare it with a value (for example '{0} = ...')",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OperatorNotApplicable = new(
        "TDSL0115", "Comparison not defined for this type",
        "'{0}' cannot compare {1} values; use '=' or '!=' (ordering applies to numbers, dates and durations)",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidInstrument = new(
        "TDSL0116", "Invalid instrument header",
        "{0}",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingCitation = new(
        "TDSL0117", "Missing citation",
        "{0} '{1}' has no citation; add 'cite \"...\"' naming the passage it encodes",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownInstrument = new(
        "TDSL0118", "Unknown instrument in a practice note",
        "The practice note names '{0}', which this country's row does not list",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidMembership = new(
        "TDSL0119", "Not a list",
        "'{0}' is {1}; 'in' and 'any'/'all' need a list on the right",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DurationComparison = new(
        "TDSL0120", "Unsupported duration comparison",
        "A duration can only be compared as '<derived period> <op> <duration or threshold>', for example 'timeRemaining >= 6 months'",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownParentCountry = new(
        "TDSL0121", "Territory of a country not in the table",
        "Territory '{0}' belongs to '{1}', which has no 'country' row in the table; a territory takes its instruments from that row",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GeneratedNameCollision = new(
        "TDSL0122", "Two names become one C# name",
        "{0} '{1}' becomes the C# name '{2}', which {3} already has; rename one of them",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BaselineIncludedTwice = new(
        "TDSL0123", "Baseline included twice",
        "Baseline '{0}' is already included at {1}; including it again would repeat each of its rules",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnboundedNotAPeriod = new(
        "TDSL0124", "'unbounded when' on a condition",
        "'{0}' is a condition, and only a period ('period from ... to ...') can have no end; remove 'unbounded when' here",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownPassage = new(
        "TDSL0401", "Citation names no passage",
        "'{0}' names no passage of the document it cites",
        Sources, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleFails = new(
        "TDSL0501", "Example fails",
        "Example '{0}' fails: {1}",
        Examples, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExampleUnknownName = new(
        "TDSL0502", "Example names something that does not exist",
        "Example '{0}': {1}",
        Examples, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExampleUnreadFact = new(
        "TDSL0503", "Example gives a fact nothing reads",
        "Example '{0}' gives '{1}', which no rule, derived fact or advisory reads: it cannot change what the example shows; remove it",
        Examples, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExampleBadValue = new(
        "TDSL0504", "Example value that does not fit its fact",
        "Example '{0}': {1}",
        Examples, DiagnosticSeverity.Error);

    /// <summary>Off by default: a build reports it only for files whose .editorconfig section sets its severity.</summary>
    public static readonly DiagnosticDescriptor ExampleOutcomeNotCovered = new(
        "TDSL0505", "Outcome no example gives",
        "No example gives {0} '{1}' the outcome {2}; the language server's quick fix, or treaty test --suggest, writes one from a case the analysis finds",
        Examples, DiagnosticSeverity.Info) { EnabledByDefault = false };

    public static readonly DiagnosticDescriptor NotAnAnalysisFinding = new(
        "TDSL0125", "'accept' of something that is not an analysis finding",
        "'{0}' is not the id of an analysis finding (TDSL03xx); 'accept' justifies a finding of the analysis, not an error",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownColumn = new(
        "TDSL0126", "Unknown column",
        "'{0}' is neither an instrument nor an instrument kind ('bilateral', 'multilateral'); 'columns' names what each marked column of the source table stands for",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UsageOfUnknownCountry = new(
        "TDSL0127", "Usage statement on a country not in the table",
        "'{0}' has no row in the country table, so there is no usage note to compare this statement with; add the row or remove the code",
        Binding, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "TDSL0201", "Invalid namespace for the generated code",
        "'{0}' (from the TreatyNamespace or RootNamespace build property) is not a C# namespace; set TreatyNamespace to a dotted name such as MyApp.Treaties. Nothing was generated",
        Build, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotGenerated = new(
        "TDSL0202", "Generated code left out",
        "{0}",
        Build, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = new(
        "TDSL0203", "Language version too old for the generated code",
        "The generated validators need C# 9 or later, and this project compiles as C# {0}; nothing was generated. Set <LangVersion>latest</LangVersion> (or 9.0 or later) in the project file",
        Build, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new(
        "TDSL0204", "TreatyDsl.Runtime missing or too old",
        "The generated validators need TreatyDsl.Runtime {0} or later, and this project {1}; nothing was generated. Reference the TreatyDsl package, which brings the matching TreatyDsl.Runtime, or add a reference to TreatyDsl.Runtime {0}",
        Build, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidAccessibility = new(
        "TDSL0205", "Invalid accessibility for the generated types",
        "'{0}' (from the TreatyGeneratedAccessibility build property) is not an accessibility the generated types can have; use 'public' (the default) or 'internal'. Nothing was generated",
        Build, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidHelpLinkBase = new(
        "TDSL0206", "Invalid help link base",
        "'{0}' (from the TreatyHelpLinkBase build property) is neither an absolute URL nor a full folder path, so diagnostics keep their default help links; set it to a URL such as https://example.org/treatydsl/diagnostics/ or a folder that holds the TDSLxxxx.md pages",
        Build, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoBaseline = new(
        "TDSL0301", "Instrument without a baseline",
        "Instrument '{0}' includes no baseline, so none of the statute's requirements (18 U.S.C. 4100-4115) apply under it; add 'includes statute'",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreachableInstrument = new(
        "TDSL0302", "Instrument no case reaches",
        "No row of the country table lists instrument '{0}' and it names no parties, so no case is ever evaluated under it",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadFact = new(
        "TDSL0303", "Fact nothing reads",
        "No rule, derived fact or advisory reads '{0}'; a case file may give it, but it changes no answer",
        Analysis, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnevenEnumValue = new(
        "TDSL0304", "Enum value only some instruments decide",
        "'{0}' ({1}) is tested by {2} and never mentioned by {3}; check that those instruments need not say what they do with it",
        Analysis, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor VacuousInstrument = new(
        "TDSL0305", "Vacuous instrument",
        "No case can be eligible under {0}: the requirements {1} cannot all be met by any case, whatever its facts",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ConflictingRequirements = new(
        "TDSL0306", "Conflicting requirements",
        "'{0}' cannot be met together with {1} under {2}: no case meets them all",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RuleNeverMet = new(
        "TDSL0307", "Rule never met",
        "'{0}' is never met under {1}, whatever the case's facts, so no case is eligible",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RuleAlwaysMet = new(
        "TDSL0308", "Rule always met",
        "'{0}' is met by every case under {1} whose facts settle it: it never makes a case ineligible",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotAnalysed = new(
        "TDSL0309", "Not analysed",
        "Not analysed ({0}): {1}; no finding is claimed about it",
        Analysis, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DeadException = new(
        "TDSL0310", "Dead exception",
        "Exception '{0}' of '{1}' can never apply under {2}: no case fails the rule's own condition and meets the exception's",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SwallowingException = new(
        "TDSL0311", "Swallowing exception",
        "{0} whenever '{1}' fails under {2}, so '{1}' never fails (e.g. {3}: the rule's condition fails and {4} holds)",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MaskedAllowance = new(
        "TDSL0312", "Masked allowance",
        "{0} never makes a case eligible under {1}: wherever it applies, {2} (e.g. {3})",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RedundantAlternative = new(
        "TDSL0313", "Redundant alternative",
        "The {0} of '{1}' never changes whether the rule is met under {2}: {3}",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RedundantRequirement = new(
        "TDSL0314", "Redundant requirement",
        "'{0}' never decides a case under {1}: {2}",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UndecidableRule = new(
        "TDSL0315", "Undecidable by construction",
        "'{0}' stays unknown under {1} for every case like this one, however complete its case file (e.g. {2}): it needs {3}, which the vocabulary does not expect for such a case",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor VersionGap = new(
        "TDSL0316", "Period with no version",
        "'{0}' has no version in effect {1}, between its versions, under {2}",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NothingAccepted = new(
        "TDSL0317", "Accepted finding not found",
        "The analysis no longer reports {0} for '{1}', so there is nothing to accept; remove the 'accept' clause",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ColumnsDisagree = new(
        "TDSL0318", "Row's columns and entries disagree",
        "The table marks {0} for {1}, but the row lists {2}: {3}",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DateDiffersFromNote = new(
        "TDSL0319", "Date differs from its note",
        "{0} for {1} is in force from {2}, but its note gives {3} (\"{4}\")",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AmbiguousDate = new(
        "TDSL0320", "Ambiguous date",
        "The note of {0} for {1} writes {2}, which is {3} read month first and {4} read day first: {5}",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoteNamesOtherInstrument = new(
        "TDSL0321", "Note names another instrument",
        "The row of {0} lists {1}, but its note speaks of {2} (\"{3}\")",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PreferenceContradicted = new(
        "TDSL0322", "Usage note contradicted by another source",
        "The usage note of {0} (\"{1}\") {2}, but {3} says it uses {4} (\"{5}\")",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ContractPropertyNotCovered = new(
        "TDSL0323", "Case-file property no fact covers",
        "The case-file contract defines '{0}' ({1}), but {2}: {3}",
        Analysis, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FactOutsideContract = new(
        "TDSL0324", "Fact outside the case-file contract",
        "'{0}' is not a property of the case-file contract, so case files written to the contract never carry it: a rule that needs it stays unknown unless the case file adds it",
        Analysis, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InternalError = new(
        "TDSL0900", "Internal error in TreatyDsl",
        "TreatyDsl could not {0} ({1}: {2}); nothing was generated for it. This is a bug in TreatyDsl, not in the treaty files: please report it with the files",
        Internal, DiagnosticSeverity.Error);

    /// <summary>The entry with this id, or null.</summary>
    public static DiagnosticDescriptor? Find(string id)
    {
        foreach (var entry in All) if (entry.Id == id) return entry;
        return null;
    }

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        SyntaxError, ExpectedDeclaration, UnterminatedString, NestedTooDeeply,
        DuplicateDeclaration, UnknownName, TypeMismatch, UnknownType, DeclarationOutsideSection, UnknownBaseline,
        ThresholdRedefined, NothingToOverride, UnknownRule, UndefinedInstrument, InvalidCountryCode, MissingVocabulary,
        OverlappingVersions, NotACondition, OperatorNotApplicable, InvalidInstrument, MissingCitation, UnknownInstrument,
        InvalidMembership, DurationComparison, UnknownParentCountry, GeneratedNameCollision, BaselineIncludedTwice, UnboundedNotAPeriod, NotAnAnalysisFinding,
        UnknownColumn, UsageOfUnknownCountry,
        InvalidNamespace, NotGenerated, LanguageVersionTooOld, RuntimeNotReferenced, InvalidAccessibility, InvalidHelpLinkBase, NoBaseline, UnreachableInstrument, UnreadFact, UnevenEnumValue,
        VacuousInstrument, ConflictingRequirements, RuleNeverMet, RuleAlwaysMet, NotAnalysed, DeadException, SwallowingException,
        MaskedAllowance, RedundantAlternative, RedundantRequirement, UndecidableRule, VersionGap, NothingAccepted,
        ColumnsDisagree, DateDiffersFromNote, AmbiguousDate, NoteNamesOtherInstrument, PreferenceContradicted,
        ContractPropertyNotCovered, FactOutsideContract, UnknownPassage, ExampleFails, ExampleUnknownName, ExampleUnreadFact, ExampleBadValue, ExampleOutcomeNotCovered, InternalError,
    };
}
