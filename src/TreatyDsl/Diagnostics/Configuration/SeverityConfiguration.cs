using System;
using System.Collections.Generic;

namespace TreatyDsl.Diagnostics.Configuration;

/// <summary>How a diagnostic is reported once its configuration is read: not at all, hidden (editors only), or at a severity.</summary>
public enum ConfiguredSeverity
{
    None,
    Hidden,
    Info,
    Warning,
    Error,
}

/// <summary>
/// The one reading of severity settings for .treaty diagnostics, shared by the build (the analyzer, through the
/// compiler's options for each file), <c>treaty check</c> and <c>treaty lsp</c> (through <see cref="EditorConfigFiles"/>):
/// <code>
/// treatydsl_diagnostic.TDSL0311.severity = error                      # one diagnostic
/// treatydsl_diagnostic.category-TreatyDsl.Analysis.severity = error   # every diagnostic of a category
/// </code>
/// in an <c>.editorconfig</c> section that matches the file, or in a <c>.globalconfig</c>. An id's setting wins over its
/// category's; values are none, silent (or hidden), suggestion (or info), warning (or warn), error and default (the
/// catalog's). The compiler keeps <c>dotnet_diagnostic.*</c> keys to itself and applies them to C# files only
/// (dotnet/roslyn#31916), hence a prefix of our own.
/// </summary>
public static class SeverityConfiguration
{
    public const string Prefix = "treatydsl_diagnostic.";

    /// <summary>The key that sets one diagnostic's severity.</summary>
    public static string IdKey(string id) => Prefix + id + ".severity";

    /// <summary>The key that sets the severity of every diagnostic of a category (TreatyDsl.Analysis, TreatyDsl.Binding, ...).</summary>
    public static string CategoryKey(string category) => Prefix + "category-" + category + ".severity";

    /// <summary>
    /// How a diagnostic of <paramref name="id"/> found at <paramref name="found"/> is reported where <paramref name="lookup"/>
    /// reads the file's settings: its id's setting, else its category's, else as found (a diagnostic off by default: not at all).
    /// </summary>
    public static ConfiguredSeverity Resolve(string id, DiagnosticSeverity found, Func<string, string?> lookup)
    {
        var entry = DiagnosticCatalog.Find(id);
        var setting = lookup(IdKey(id)) ?? (entry is null ? null : lookup(CategoryKey(entry.Category)));
        var asFound = entry is { EnabledByDefault: false } ? ConfiguredSeverity.None : From(found);
        return setting?.Trim().ToLowerInvariant() switch
        {
            null => asFound,
            "none" => ConfiguredSeverity.None,
            "silent" or "hidden" => ConfiguredSeverity.Hidden,
            "suggestion" or "info" => ConfiguredSeverity.Info,
            "warning" or "warn" => ConfiguredSeverity.Warning,
            "error" => ConfiguredSeverity.Error,
            // "default", or a value we do not know: as the catalog says (and on, for one off by default that is named).
            _ => entry is { EnabledByDefault: false } ? From(entry.DefaultSeverity) : asFound,
        };
    }

    /// <summary>Whether the settings switch on <paramref name="id"/> (off by default) for the file.</summary>
    public static bool SwitchedOn(string id, Func<string, string?> lookup) =>
        Resolve(id, DiagnosticCatalog.Find(id)?.DefaultSeverity ?? DiagnosticSeverity.Info, lookup) != ConfiguredSeverity.None;

    /// <summary>
    /// The diagnostics as configured for their files (<paramref name="settingsOf"/> gives a file's settings by its path):
    /// each at its configured severity, those configured off (or off by default and not switched on) left out.
    /// </summary>
    public static IReadOnlyList<TreatyDiagnostic> Apply(IEnumerable<TreatyDiagnostic> diagnostics, Func<string, Func<string, string?>> settingsOf)
    {
        var result = new List<TreatyDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var severity = Resolve(diagnostic.Id, diagnostic.Severity, settingsOf(diagnostic.Span.Path));
            if (severity == ConfiguredSeverity.None) continue;
            var configured = severity switch
            {
                ConfiguredSeverity.Hidden => DiagnosticSeverity.Hidden,
                ConfiguredSeverity.Info => DiagnosticSeverity.Info,
                ConfiguredSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Error,
            };
            result.Add(configured == diagnostic.Severity ? diagnostic : diagnostic with { Severity = configured });
        }
        return result;
    }

    private static ConfiguredSeverity From(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ConfiguredSeverity.Error,
        DiagnosticSeverity.Warning => ConfiguredSeverity.Warning,
        DiagnosticSeverity.Hidden => ConfiguredSeverity.Hidden,
        _ => ConfiguredSeverity.Info,
    };
}
