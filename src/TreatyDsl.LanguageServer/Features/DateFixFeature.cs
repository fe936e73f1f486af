using System.Collections.Generic;
using System.Text.RegularExpressions;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Parsing;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// A quick fix for a date a note writes ambiguously (TDSL0320: <c>01/05/2001</c> is January 5 read month first and May 1
/// read day first): the other ISO reading, as the date the row encodes.
/// </summary>
internal static class DateFixFeature
{
    private static readonly Regex Readings = new(@"which is (\d{4}-\d{2}-\d{2}) read month first and (\d{4}-\d{2}-\d{2}) read day first", RegexOptions.CultureInvariant);

    public static IEnumerable<CodeAction> At(TreatyDocument document, Protocol.Range range, IEnumerable<TreatyDsl.Diagnostics.TreatyDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id != "TDSL0320" || !QuickFix.OnLines(document, diagnostic.Span, range)) continue;
            var line = document.Lines.PositionOf(diagnostic.Span.Offset).Line;
            if (Readings.Match(diagnostic.Message) is not { Success: true } match) continue;
            // The date the row encodes: the first ISO date written on the finding's line.
            var lineStart = document.Lines.OffsetOf(new Position(line, 0));
            var lineEnd = document.Text.IndexOf('\n', lineStart);
            var text = document.Text.Substring(lineStart, (lineEnd < 0 ? document.Text.Length : lineEnd) - lineStart);
            if (FirstDate(text) is not { } written) continue;
            foreach (var (reading, how) in new[] { (match.Groups[1].Value, "month first"), (match.Groups[2].Value, "day first") })
            {
                // The reading written now is the row as it stands: only the other is a change.
                if (reading == written.TextIn(text)) continue;
                yield return QuickFix.Edit(document, $"Read the note's date {how}: {reading}", document.Lines.RangeOf(lineStart + written.Start, written.Length), reading);
            }
        }
    }

    private static readonly Regex IsoDate = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);

    /// <summary>The first ISO date written on a line as a value (read through the lexer: never one in a comment or in quoted text).</summary>
    private static SyntaxToken? FirstDate(string line)
    {
        foreach (var piece in TreatyLexer.Pieces(line))
        {
            if (piece.Kind == TokenKind.Number && IsoDate.IsMatch(piece.TextIn(line))) return piece;
        }
        return null;
    }
}
