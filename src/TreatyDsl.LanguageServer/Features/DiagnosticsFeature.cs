using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Diagnostics;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using LspDiagnostic = TreatyDsl.LanguageServer.Protocol.Diagnostic;
using LspSeverity = TreatyDsl.LanguageServer.Protocol.DiagnosticSeverity;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// A file's diagnostics as LSP diagnostics: the same ids, messages and places as the build, with the help page as the
/// code's link and an analysis finding's witness case both in the message and, as JSON, in <c>data.witness</c>.
/// </summary>
internal static class DiagnosticsFeature
{
    public const string Source = "treaty";

    public static LspDiagnostic[] For(TreatyDocument document, IReadOnlyList<TreatyDiagnostic> diagnostics, string? helpLinkBase) =>
        diagnostics.Select(d => Convert(document, d, helpLinkBase)).ToArray();

    private static LspDiagnostic Convert(TreatyDocument document, TreatyDiagnostic diagnostic, string? helpLinkBase)
    {
        var severity = diagnostic.Severity switch
        {
            TreatyDsl.Diagnostics.DiagnosticSeverity.Error => LspSeverity.Error,
            TreatyDsl.Diagnostics.DiagnosticSeverity.Warning => LspSeverity.Warning,
            TreatyDsl.Diagnostics.DiagnosticSeverity.Hidden => LspSeverity.Hint,
            _ => LspSeverity.Information,
        };
        var link = helpLinkBase is null ? null : new CodeDescription(HelpLinks.Link(helpLinkBase, diagnostic.Id));
        var message = diagnostic.Message;
        DiagnosticData? data = null;
        if (diagnostic.Witness is { } witness)
        {
            using var parsed = JsonDocument.Parse(witness);
            data = new DiagnosticData(parsed.RootElement.Clone());
            message += "\nExample case: " + JsonSerializer.Serialize(parsed.RootElement, LspJsonContext.Default.JsonElement);
        }
        return new LspDiagnostic(document.Lines.RangeOf(diagnostic.Span), severity, diagnostic.Id, link, Source, message, data);
    }
}
