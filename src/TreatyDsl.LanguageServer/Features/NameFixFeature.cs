using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Quick fixes for a name that does not exist: where the diagnostic names the nearest name in scope ("did you mean
/// 'sentence.type'?", by edit distance, as TDSL0102 and its kin do for facts, rules, thresholds, instruments, values and
/// examples), "Change 'sentence.typ' to 'sentence.type'" replaces the name at the diagnostic's place.
/// </summary>
internal static class NameFixFeature
{
    private static readonly Regex DidYouMean = new(@"did you mean '([^']+)'\?", RegexOptions.CultureInvariant);

    public static IEnumerable<CodeAction> At(WorkspaceSnapshot snapshot, TreatyDocument document, Protocol.Range range)
    {
        if (!snapshot.DiagnosticsByPath.TryGetValue(document.Path, out var diagnostics)) yield break;
        foreach (var diagnostic in diagnostics)
        {
            // The diagnostics the range touches (a cursor inside one, or a selection over it).
            if (!QuickFix.Touches(document, diagnostic.Span, range)) continue;
            if (DidYouMean.Match(diagnostic.Message) is not { Success: true } match) continue;
            var written = document.Text.Substring(diagnostic.Span.Offset, Math.Min(diagnostic.Span.Length, document.Text.Length - diagnostic.Span.Offset));
            var replacement = match.Groups[1].Value;
            if (written.Length == 0 || written == replacement) continue;
            yield return QuickFix.Edit(document, $"Change '{written}' to '{replacement}'", document.Lines.RangeOf(diagnostic.Span.Offset, diagnostic.Span.Length), replacement);
        }
    }
}
