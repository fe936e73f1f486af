using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Parsing;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Quick fixes that add a clause to a declaration: a <c>cite</c> clause where a rule, exception, threshold or instrument
/// has none (TDSL0117), and an <c>accept</c> clause where the analysis reports a finding about a rule (TDSL03xx), for
/// the editor to fill in the passage and the justification.
/// </summary>
internal static class ClauseFixFeature
{
    public const string CitePlaceholder = "the passage this is drawn from";

    public const string JustificationPlaceholder = "why the finding is right for this rule, in words a caseworker reads";

    public static IEnumerable<CodeAction> At(WorkspaceSnapshot snapshot, TreatyDocument document, Protocol.Range range, IEnumerable<TreatyDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (!QuickFix.OnLines(document, diagnostic.Span, range)) continue;
            var (header, end) = Declaration(document.Text, diagnostic.Span.Offset);
            if (diagnostic.Id == DiagnosticCatalog.MissingCitation.Id)
            {
                // After the declaration's first line, where every shipped rule writes its citation.
                yield return Insert(document, "Add a citation", LineEnd(document.Text, header), $"\n  cite \"{CitePlaceholder}\"");
            }
            else if (diagnostic.Id.StartsWith("TDSL03", StringComparison.Ordinal) && diagnostic.Severity != TreatyDsl.Diagnostics.DiagnosticSeverity.Info)
            {
                yield return Insert(document, $"Accept {diagnostic.Id} with a justification", end,
                    $"\n  accept {diagnostic.Id} \"{JustificationPlaceholder}\"\n    cite \"{CitePlaceholder}\"");
            }
        }
    }

    private static CodeAction Insert(TreatyDocument document, string title, int offset, string text) =>
        QuickFix.Edit(document, title, document.Lines.RangeOf(offset, 0), text);

    /// <summary>
    /// The declaration around <paramref name="offset"/>: where its first line starts (the last line at or before it that
    /// starts with a declaration keyword in the first column) and where its last indented line ends.
    /// </summary>
    private static (int Header, int End) Declaration(string text, int offset)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, Math.Min(offset, text.Length) - 1)) + 1;
        while (lineStart > 0 && !StartsDeclaration(text, lineStart)) lineStart = text.LastIndexOf('\n', lineStart - 2) + 1;
        var end = LineEnd(text, lineStart);
        // The lines after it that are indented (its clauses, and comments among them) belong to it.
        while (end < text.Length)
        {
            var next = end + 1;
            if (next >= text.Length || !(text[next] == ' ' || text[next] == '\t')) break;
            end = LineEnd(text, next);
        }
        return (lineStart, TrimBack(text, end));
    }

    /// <summary>Whether the line opens with a declaration's keyword in its first column, as the parser cuts declarations.</summary>
    private static bool StartsDeclaration(string text, int lineStart) =>
        lineStart < text.Length && TreatyKeywords.DeclarationAt(text, lineStart) is not null;

    private static int LineEnd(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        end = end < 0 ? text.Length : end;
        return end > from && text[end - 1] == '\r' ? end - 1 : end;
    }

    private static int TrimBack(string text, int end)
    {
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
        return end;
    }
}
