using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Diagnostics.Configuration;
using TreatyDsl.Examples;

namespace TreatyDsl.Reporting;

/// <summary>
/// What <c>treaty check</c> and <c>treaty lsp</c> report for a model, as the build does: its diagnostics at the severities
/// the files' settings give (<see cref="SeverityConfiguration"/>), with the outcomes no example gives (TDSL0505, off by
/// default) added where a file's settings switch them on.
/// </summary>
public static class ReportedDiagnostics
{
    /// <param name="model">The model, diagnosed (examples and analysis).</param>
    /// <param name="diagnostics">Its diagnostics (the model's, or those with more checks added).</param>
    /// <param name="settingsOf">A file's settings by its path (<see cref="EditorConfigFiles.For"/>).</param>
    public static IReadOnlyList<TreatyDiagnostic> Of(TreatyModel model, IEnumerable<TreatyDiagnostic> diagnostics, Func<string, Func<string, string?>> settingsOf)
    {
        var all = diagnostics.ToList();
        // The coverage is worked out only when some file asks for it: running every example again costs a little.
        var paths = model.Instruments.SelectMany(i => i.Rules.Concat(i.Reviews)).SelectMany(r => r.Versions.Select(v => v.Span.Path))
            .Distinct(StringComparer.Ordinal);
        if (!model.HasErrors && paths.Any(p => SeverityConfiguration.SwitchedOn(DiagnosticCatalog.ExampleOutcomeNotCovered.Id, settingsOf(p))))
        {
            all = all.Concat(ExampleCoverage.Diagnostics(ExampleCoverage.Of(model, ExampleChecks.Run(model).Results)))
                .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToList();
        }
        return SeverityConfiguration.Apply(all, settingsOf);
    }
}
