using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TreatyDsl.Generator;

/// <summary>
/// Per-file severities for diagnostics in .treaty files, from <c>.editorconfig</c>:
/// <code>
/// [treaties/draft-*.treaty]
/// treatydsl_diagnostic.TDSL0110.severity = none        # none, silent, suggestion, warning, error or default
/// </code>
/// The standard <c>dotnet_diagnostic.ID.severity</c> cannot do this: the compiler keeps those keys to itself and applies
/// them only to diagnostics in C# files (dotnet/roslyn#31916), so for a .treaty file they are silently ignored. Project-wide
/// settings (<c>.globalconfig</c>, <c>NoWarn</c>, <c>WarningsAsErrors</c>) are applied by the compiler and work as usual.
/// </summary>
internal static class ConfiguredSeverity
{
    public const string KeyPrefix = "treatydsl_diagnostic.";

    /// <summary>Whether the file's configuration sets a severity other than <c>none</c> for <paramref name="id"/>: what switches on a diagnostic that is off by default.</summary>
    public static bool SwitchedOn(string id, AnalyzerConfigOptions options) =>
        options.TryGetValue(KeyPrefix + id + ".severity", out var value) && value.Trim().ToLowerInvariant() != "none";

    /// <summary>
    /// <paramref name="diagnostic"/> at its configured severity, or null when configured off (<c>none</c>), or when it is
    /// off by default and not configured. One switched on by its configuration is reported as enabled, or the compiler,
    /// which reads its descriptor, would drop it.
    /// </summary>
    public static Diagnostic? Apply(Diagnostic diagnostic, AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(KeyPrefix + diagnostic.Id + ".severity", out var value)) return diagnostic.Descriptor.IsEnabledByDefault ? diagnostic : null;
        DiagnosticSeverity? severity = value.Trim().ToLowerInvariant() switch
        {
            "none" => null,
            "silent" or "hidden" => DiagnosticSeverity.Hidden,
            "suggestion" or "info" => DiagnosticSeverity.Info,
            "warning" or "warn" => DiagnosticSeverity.Warning,
            "error" => DiagnosticSeverity.Error,
            _ => diagnostic.Severity, // "default", or a value we do not know: leave it as the catalog says
        };
        if (severity is null) return null;
        if (!diagnostic.Descriptor.IsEnabledByDefault)
        {
            var descriptor = diagnostic.Descriptor;
            return Diagnostic.Create(diagnostic.Id, descriptor.Category, diagnostic.GetMessage(), severity.Value, descriptor.DefaultSeverity, isEnabledByDefault: true,
                warningLevel: severity.Value == DiagnosticSeverity.Error ? 0 : 1, descriptor.Title, descriptor.Description, descriptor.HelpLinkUri, diagnostic.Location,
                additionalLocations: null, customTags: descriptor.CustomTags, properties: diagnostic.Properties);
        }
        if (severity == diagnostic.Severity) return diagnostic;
        return Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, severity.Value, additionalLocations: null, properties: diagnostic.Properties, diagnostic.GetMessage());
    }
}
