using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Generator;

/// <summary>
/// The build properties the generator and the analyzer read (made visible to the compiler by the package's props):
/// <list type="bullet">
/// <item><c>TreatyNamespace</c>, else <c>RootNamespace</c> + <c>.Treaties</c>, else <c>Treaties</c>: the generated namespace;</item>
/// <item><c>TreatyGeneratedAccessibility</c>: <c>public</c> (the default) or <c>internal</c> generated types;</item>
/// <item><c>TreatyHelpLinkBase</c>: where diagnostics' help links point (a URL or a folder of TDSLxxxx.md pages).</item>
/// </list>
/// Plain data, read once per change of the options, so that the pipeline re-emits only when a property changes.
/// </summary>
internal sealed record GeneratorSettings(string Namespace, string Accessibility, string? HelpLinkBaseValue)
{
    public const string AccessibilityProperty = "TreatyGeneratedAccessibility";
    public const string HelpLinkBaseProperty = "TreatyHelpLinkBase";

    public static GeneratorSettings From(AnalyzerConfigOptions options) => new(
        NamespaceFrom(options),
        Read(options, AccessibilityProperty) ?? "public",
        Read(options, HelpLinkBaseProperty));

    /// <summary>The absolute base for help links, or null for the descriptors' own (repository-relative) links.</summary>
    public string? HelpLinkBase => HelpLinks.NormalizeBase(HelpLinkBaseValue);

    /// <summary>The keyword the generated types are declared with; meaningful only when <see cref="CanGenerate"/>.</summary>
    public string TypeAccessibility => Accessibility.ToLowerInvariant();

    /// <summary>Whether the namespace and the accessibility can be written into C#.</summary>
    public bool CanGenerate => IsValidNamespace(Namespace) && IsValidAccessibility(Accessibility);

    /// <summary>What is wrong with the properties, as build diagnostics (TDSL0201, TDSL0205, TDSL0206).</summary>
    public IEnumerable<TreatyDiagnostic> Problems()
    {
        if (!IsValidNamespace(Namespace)) yield return DiagnosticCatalog.InvalidNamespace.Create(default, Namespace);
        if (!IsValidAccessibility(Accessibility)) yield return DiagnosticCatalog.InvalidAccessibility.Create(default, Accessibility);
        if (HelpLinkBaseValue is not null && HelpLinkBase is null) yield return DiagnosticCatalog.InvalidHelpLinkBase.Create(default, HelpLinkBaseValue);
    }

    private static string NamespaceFrom(AnalyzerConfigOptions options) =>
        Read(options, "TreatyNamespace") ?? (Read(options, "RootNamespace") is { } root ? root + ".Treaties" : "Treaties");

    /// <summary>A property's trimmed value; null when unset or blank (MSBuild passes an unset property as empty).</summary>
    private static string? Read(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsValidAccessibility(string value) => value.ToLowerInvariant() is "public" or "internal";

    /// <summary>Whether <paramref name="ns"/> can follow <c>namespace</c>: dotted identifiers, a keyword only as <c>@keyword</c>.</summary>
    public static bool IsValidNamespace(string ns) => ns.Split('.').All(segment =>
        SyntaxFacts.IsValidIdentifier(segment.StartsWith("@", System.StringComparison.Ordinal) ? segment.Substring(1) : segment)
        && (segment.StartsWith("@", System.StringComparison.Ordinal) || SyntaxFacts.GetKeywordKind(segment) == SyntaxKind.None));
}
