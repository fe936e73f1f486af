using System.Collections.Generic;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Text;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>What every quick fix is made of: a place the request's range touches, and one edit to the document.</summary>
internal static class QuickFix
{
    /// <summary>A quick fix that replaces <paramref name="range"/> of the document with <paramref name="text"/> (an empty range inserts).</summary>
    public static CodeAction Edit(TreatyDocument document, string title, Protocol.Range range, string text) =>
        new(title, "quickfix", new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [document.Uri] = new[] { new TextEdit(range, text) } }));

    /// <summary>Whether the request's range (a cursor, or a selection) touches the span, in the document.</summary>
    public static bool Touches(TreatyDocument document, SourceSpan span, Protocol.Range range) =>
        span.Path == document.Path && span.Offset <= document.Lines.OffsetOf(range.End) && span.Offset + span.Length >= document.Lines.OffsetOf(range.Start);

    /// <summary>Whether the span starts on a line the request's range touches: a cursor anywhere on a finding's line will do.</summary>
    public static bool OnLines(TreatyDocument document, SourceSpan span, Protocol.Range range)
    {
        if (span.Path != document.Path) return false;
        var line = document.Lines.PositionOf(span.Offset).Line;
        return line >= range.Start.Line && line <= range.End.Line;
    }
}
