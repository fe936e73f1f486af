using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Diagnostics.Configuration;

namespace TreatyDsl.Generator;

/// <summary>
/// Per-file severities for diagnostics in .treaty files, from <c>.editorconfig</c> and <c>.globalconfig</c>, by id or category:
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
    /// <summary>Whether the file's configuration switches on <paramref name="id"/>, a diagnostic that is off by default.</summary>
    public static bool SwitchedOn(string id, AnalyzerConfigOptions options) => SeverityConfiguration.SwitchedOn(id, Lookup(options));

    /// <summary>
    /// <paramref name="diagnostic"/> at its configured severity (<see cref="SeverityConfiguration"/>, the reading
    /// <c>treaty check</c> and <c>treaty lsp</c> share), or null when configured off, or off by default and not switched
    /// on. One switched on by its configuration is reported as enabled, or the compiler, which reads its descriptor,
    /// would drop it.
    /// </summary>
    public static Diagnostic? Apply(Diagnostic diagnostic, AnalyzerConfigOptions options)
    {
        var found = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => TreatyDsl.Diagnostics.DiagnosticSeverity.Error,
            DiagnosticSeverity.Warning => TreatyDsl.Diagnostics.DiagnosticSeverity.Warning,
            DiagnosticSeverity.Hidden => TreatyDsl.Diagnostics.DiagnosticSeverity.Hidden,
            _ => TreatyDsl.Diagnostics.DiagnosticSeverity.Info,
        };
        DiagnosticSeverity? severity = SeverityConfiguration.Resolve(diagnostic.Id, found, Lookup(options)) switch
        {
            TreatyDsl.Diagnostics.Configuration.ConfiguredSeverity.None => null,
            TreatyDsl.Diagnostics.Configuration.ConfiguredSeverity.Hidden => DiagnosticSeverity.Hidden,
            TreatyDsl.Diagnostics.Configuration.ConfiguredSeverity.Info => DiagnosticSeverity.Info,
            TreatyDsl.Diagnostics.Configuration.ConfiguredSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Error,
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

    private static System.Func<string, string?> Lookup(AnalyzerConfigOptions options) => key => options.TryGetValue(key, out var value) ? value : null;
}
