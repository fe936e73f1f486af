using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Catalog = TreatyDsl.Diagnostics.DiagnosticCatalog;

namespace TreatyDsl.Generator;

/// <summary>
/// The Roslyn descriptors for the language's diagnostics, one static field per id as Roslyn's release tracking
/// (AnalyzerReleases.*.md, RS2000-RS2008) needs: the id, category and severity must be constants here.
/// Titles and messages come from <see cref="Catalog"/>, the one place they are written; a test checks that
/// every catalog entry has a descriptor here with the same id, category and severity.
/// </summary>
internal static class TreatyDescriptors
{
    public static readonly DiagnosticDescriptor SyntaxError = Create("TDSL0001", Catalog.SyntaxError, "TreatyDsl.Syntax", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ExpectedDeclaration = Create("TDSL0002", Catalog.ExpectedDeclaration, "TreatyDsl.Syntax", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnterminatedString = Create("TDSL0003", Catalog.UnterminatedString, "TreatyDsl.Syntax", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NestedTooDeeply = Create("TDSL0004", Catalog.NestedTooDeeply, "TreatyDsl.Syntax", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DuplicateDeclaration = Create("TDSL0101", Catalog.DuplicateDeclaration, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownName = Create("TDSL0102", Catalog.UnknownName, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TypeMismatch = Create("TDSL0103", Catalog.TypeMismatch, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownType = Create("TDSL0104", Catalog.UnknownType, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DeclarationOutsideSection = Create("TDSL0105", Catalog.DeclarationOutsideSection, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownBaseline = Create("TDSL0106", Catalog.UnknownBaseline, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ThresholdRedefined = Create("TDSL0107", Catalog.ThresholdRedefined, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NothingToOverride = Create("TDSL0108", Catalog.NothingToOverride, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownRule = Create("TDSL0109", Catalog.UnknownRule, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UndefinedInstrument = Create("TDSL0110", Catalog.UndefinedInstrument, "TreatyDsl.Binding", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidCountryCode = Create("TDSL0111", Catalog.InvalidCountryCode, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingVocabulary = Create("TDSL0112", Catalog.MissingVocabulary, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor OverlappingVersions = Create("TDSL0113", Catalog.OverlappingVersions, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotACondition = Create("TDSL0114", Catalog.NotACondition, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor OperatorNotApplicable = Create("TDSL0115", Catalog.OperatorNotApplicable, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidInstrument = Create("TDSL0116", Catalog.InvalidInstrument, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingCitation = Create("TDSL0117", Catalog.MissingCitation, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownInstrument = Create("TDSL0118", Catalog.UnknownInstrument, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidMembership = Create("TDSL0119", Catalog.InvalidMembership, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DurationComparison = Create("TDSL0120", Catalog.DurationComparison, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownParentCountry = Create("TDSL0121", Catalog.UnknownParentCountry, "TreatyDsl.Binding", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GeneratedNameCollision = Create("TDSL0122", Catalog.GeneratedNameCollision, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BaselineIncludedTwice = Create("TDSL0123", Catalog.BaselineIncludedTwice, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnboundedNotAPeriod = Create("TDSL0124", Catalog.UnboundedNotAPeriod, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotAnAnalysisFinding = Create("TDSL0125", Catalog.NotAnAnalysisFinding, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownColumn = Create("TDSL0126", Catalog.UnknownColumn, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UsageOfUnknownCountry = Create("TDSL0127", Catalog.UsageOfUnknownCountry, "TreatyDsl.Binding", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidNamespace = Create("TDSL0201", Catalog.InvalidNamespace, "TreatyDsl.Build", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotGenerated = Create("TDSL0202", Catalog.NotGenerated, "TreatyDsl.Build", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Create("TDSL0203", Catalog.LanguageVersionTooOld, "TreatyDsl.Build", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor RuntimeNotReferenced = Create("TDSL0204", Catalog.RuntimeNotReferenced, "TreatyDsl.Build", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidAccessibility = Create("TDSL0205", Catalog.InvalidAccessibility, "TreatyDsl.Build", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidHelpLinkBase = Create("TDSL0206", Catalog.InvalidHelpLinkBase, "TreatyDsl.Build", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NoBaseline = Create("TDSL0301", Catalog.NoBaseline, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnreachableInstrument = Create("TDSL0302", Catalog.UnreachableInstrument, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnreadFact = Create("TDSL0303", Catalog.UnreadFact, "TreatyDsl.Analysis", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor UnevenEnumValue = Create("TDSL0304", Catalog.UnevenEnumValue, "TreatyDsl.Analysis", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor VacuousInstrument = Create("TDSL0305", Catalog.VacuousInstrument, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ConflictingRequirements = Create("TDSL0306", Catalog.ConflictingRequirements, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RuleNeverMet = Create("TDSL0307", Catalog.RuleNeverMet, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RuleAlwaysMet = Create("TDSL0308", Catalog.RuleAlwaysMet, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NotAnalysed = Create("TDSL0309", Catalog.NotAnalysed, "TreatyDsl.Analysis", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DeadException = Create("TDSL0310", Catalog.DeadException, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SwallowingException = Create("TDSL0311", Catalog.SwallowingException, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor MaskedAllowance = Create("TDSL0312", Catalog.MaskedAllowance, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RedundantAlternative = Create("TDSL0313", Catalog.RedundantAlternative, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RedundantRequirement = Create("TDSL0314", Catalog.RedundantRequirement, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UndecidableRule = Create("TDSL0315", Catalog.UndecidableRule, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor VersionGap = Create("TDSL0316", Catalog.VersionGap, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NothingAccepted = Create("TDSL0317", Catalog.NothingAccepted, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ColumnsDisagree = Create("TDSL0318", Catalog.ColumnsDisagree, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DateDiffersFromNote = Create("TDSL0319", Catalog.DateDiffersFromNote, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor AmbiguousDate = Create("TDSL0320", Catalog.AmbiguousDate, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NoteNamesOtherInstrument = Create("TDSL0321", Catalog.NoteNamesOtherInstrument, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor PreferenceContradicted = Create("TDSL0322", Catalog.PreferenceContradicted, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ContractPropertyNotCovered = Create("TDSL0323", Catalog.ContractPropertyNotCovered, "TreatyDsl.Analysis", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor FactOutsideContract = Create("TDSL0324", Catalog.FactOutsideContract, "TreatyDsl.Analysis", DiagnosticSeverity.Info);
    // Reported by `treaty check --passages` and the tests, never by a build (which has no passage list); declared so that
    // every catalog diagnostic is one the analyzer knows, and its severity can be configured the same way.
    public static readonly DiagnosticDescriptor UnknownPassage = Create("TDSL0401", Catalog.UnknownPassage, "TreatyDsl.Sources", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ExampleFails = Create("TDSL0501", Catalog.ExampleFails, "TreatyDsl.Examples", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ExampleUnknownName = Create("TDSL0502", Catalog.ExampleUnknownName, "TreatyDsl.Examples", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ExampleUnreadFact = Create("TDSL0503", Catalog.ExampleUnreadFact, "TreatyDsl.Examples", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ExampleBadValue = Create("TDSL0504", Catalog.ExampleBadValue, "TreatyDsl.Examples", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ExampleOutcomeNotCovered = Create("TDSL0505", Catalog.ExampleOutcomeNotCovered, "TreatyDsl.Examples", DiagnosticSeverity.Info, enabledByDefault: false);
    public static readonly DiagnosticDescriptor InternalError = Create("TDSL0900", Catalog.InternalError, "TreatyDsl.Internal", DiagnosticSeverity.Error);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        SyntaxError,
        ExpectedDeclaration,
        UnterminatedString,
        NestedTooDeeply,
        DuplicateDeclaration,
        UnknownName,
        TypeMismatch,
        UnknownType,
        DeclarationOutsideSection,
        UnknownBaseline,
        ThresholdRedefined,
        NothingToOverride,
        UnknownRule,
        UndefinedInstrument,
        InvalidCountryCode,
        MissingVocabulary,
        OverlappingVersions,
        NotACondition,
        OperatorNotApplicable,
        InvalidInstrument,
        MissingCitation,
        UnknownInstrument,
        InvalidMembership,
        DurationComparison,
        UnknownParentCountry,
        GeneratedNameCollision,
        BaselineIncludedTwice,
        UnboundedNotAPeriod,
        NotAnAnalysisFinding,
        UnknownColumn,
        UsageOfUnknownCountry,
        InvalidNamespace,
        NotGenerated,
        LanguageVersionTooOld,
        RuntimeNotReferenced,
        InvalidAccessibility,
        InvalidHelpLinkBase,
        NoBaseline,
        UnreachableInstrument,
        UnreadFact,
        UnevenEnumValue,
        VacuousInstrument,
        ConflictingRequirements,
        RuleNeverMet,
        RuleAlwaysMet,
        NotAnalysed,
        DeadException,
        SwallowingException,
        MaskedAllowance,
        RedundantAlternative,
        RedundantRequirement,
        UndecidableRule,
        VersionGap,
        NothingAccepted,
        ColumnsDisagree,
        DateDiffersFromNote,
        AmbiguousDate,
        NoteNamesOtherInstrument,
        PreferenceContradicted,
        ContractPropertyNotCovered,
        FactOutsideContract,
        UnknownPassage,
        ExampleFails,
        ExampleUnknownName,
        ExampleUnreadFact,
        ExampleBadValue,
        ExampleOutcomeNotCovered,
        InternalError);

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = All.ToImmutableDictionary(d => d.Id);

    /// <summary>
    /// A language diagnostic as the analyzer or generator reports it: the descriptor of its id, its already formatted
    /// message, at <paramref name="location"/>. Null for an id with no descriptor (the catalog parity test keeps there being none).
    /// </summary>
    /// <remarks>With <paramref name="helpLinkBase"/> (an absolute base, <see cref="TreatyDsl.Diagnostics.HelpLinks.NormalizeBase"/>), the help link points there.</remarks>
    public static Diagnostic? ToRoslyn(TreatyDsl.Diagnostics.TreatyDiagnostic diagnostic, Location location, string? helpLinkBase = null) =>
        ById.TryGetValue(diagnostic.Id, out var descriptor)
            ? Diagnostic.Create(WithHelpLinks(descriptor, helpLinkBase), location, SeverityOf(diagnostic), null, WitnessProperties(diagnostic), diagnostic.Message)
            : null;

    /// <summary>
    /// <paramref name="descriptor"/> with its help link under <paramref name="helpLinkBase"/> (the TreatyHelpLinkBase build
    /// property), or itself when there is none. A descriptor's help link is fixed at construction and the base is known
    /// only per project, so each base gets its own copies, made once. The engine matches reported diagnostics to
    /// <see cref="All"/> by id, which the copies keep.
    /// </summary>
    public static DiagnosticDescriptor WithHelpLinks(DiagnosticDescriptor descriptor, string? helpLinkBase) =>
        helpLinkBase is null ? descriptor : Relinked.GetOrAdd(helpLinkBase, Relink)[descriptor.Id];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableDictionary<string, DiagnosticDescriptor>> Relinked = new(System.StringComparer.Ordinal);

#pragma warning disable RS1017 // Each id is one of the constants above: only the help link differs from the original descriptor.
    private static ImmutableDictionary<string, DiagnosticDescriptor> Relink(string helpLinkBase) => All.ToImmutableDictionary(d => d.Id, d => new DiagnosticDescriptor(
        d.Id, d.Title, d.MessageFormat, d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description,
        TreatyDsl.Diagnostics.HelpLinks.Link(helpLinkBase, d.Id), System.Linq.Enumerable.ToArray(d.CustomTags)));
#pragma warning restore RS1017

    /// <summary>The diagnostic's own severity: an analysis finding a rule accepts is information, whatever its descriptor's default.</summary>
    private static DiagnosticSeverity SeverityOf(TreatyDsl.Diagnostics.TreatyDiagnostic diagnostic) => diagnostic.Severity switch
    {
        TreatyDsl.Diagnostics.DiagnosticSeverity.Error => DiagnosticSeverity.Error,
        TreatyDsl.Diagnostics.DiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
        TreatyDsl.Diagnostics.DiagnosticSeverity.Hidden => DiagnosticSeverity.Hidden,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>The property under which an analysis finding carries its witness case file (JSON), for tools and code fixes.</summary>
    public const string WitnessProperty = "witness";

    private static ImmutableDictionary<string, string?>? WitnessProperties(TreatyDsl.Diagnostics.TreatyDiagnostic diagnostic) =>
        diagnostic.Witness is null ? null : ImmutableDictionary<string, string?>.Empty.Add(WitnessProperty, diagnostic.Witness);

    private static DiagnosticDescriptor Create(string id, TreatyDsl.Diagnostics.DiagnosticDescriptor entry, string category, DiagnosticSeverity severity, bool enabledByDefault = true) =>
        new(id, entry.Title, "{0}", category, severity, isEnabledByDefault: enabledByDefault, description: entry.MessageFormat, helpLinkUri: entry.HelpLink);
}
