using System;
using System.Collections.Generic;
using TreatyDsl.LanguageServer.Protocol;
using Range = TreatyDsl.LanguageServer.Protocol.Range;
using TreatyDsl.Text;

namespace TreatyDsl.LanguageServer.Workspace;

/// <summary>
/// Offsets in a text to LSP positions and back. Both count UTF-16 code units, as .NET strings do and as LSP does by
/// default; a line ends at '\n' (a '\r' before it belongs to the line's end, never to a position inside it).
/// </summary>
internal sealed class LineMap
{
    private readonly string text;
    private readonly List<int> lineStarts = new() { 0 };

    public LineMap(string text)
    {
        this.text = text;
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
    }

    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return new Position(line, offset - lineStarts[line]);
    }

    /// <summary>The offset of a position; a position past the end of its line (or of the text) is clamped to it.</summary>
    public int OffsetOf(Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= lineStarts.Count) return text.Length;
        var start = lineStarts[position.Line];
        var end = position.Line + 1 < lineStarts.Count ? lineStarts[position.Line + 1] - 1 : text.Length;
        if (end > start && text[end - 1] == '\r') end--;
        return (int)Math.Clamp((long)start + position.Character, start, Math.Max(start, end));
    }

    public Range RangeOf(int offset, int length) => new(PositionOf(offset), PositionOf(offset + Math.Max(0, length)));

    /// <summary>A span's range; an empty span (a diagnostic at a point) covers the word there, so an editor can underline it.</summary>
    public Range RangeOf(SourceSpan span)
    {
        var length = span.Length;
        if (length == 0)
        {
            var end = span.Offset;
            while (end < text.Length && Words.IsWordChar(text[end])) end++;
            length = end - span.Offset;
        }
        return RangeOf(span.Offset, length);
    }
}
