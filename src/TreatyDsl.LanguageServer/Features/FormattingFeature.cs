using System.Linq;
using TreatyDsl.Formatting;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Format Document and Format Selection: the edits <c>treaty format</c> would make (<see cref="TreatyFormatter"/>), for
/// the whole file or for the declarations a range touches, each cut down to the lines that change so the editor keeps
/// the cursor where nothing moved. A file with syntax errors gets no edits: its errors are already underlined, and a
/// layout of declarations the parser cannot read would be a guess.
/// </summary>
internal static class FormattingFeature
{
    public static TextEdit[] Edits(TreatyDocument document, Range? range)
    {
        var result = TreatyFormatter.Format(document.Text, document.Parsed);
        if (!result.IsFormatted) return System.Array.Empty<TextEdit>();
        var edits = range is null
            ? FormattingEdits.For(document.Text, result)
            : FormattingEdits.For(document.Text, result, document.Lines.OffsetOf(range.Start), document.Lines.OffsetOf(range.End));
        return edits.Select(e => new TextEdit(document.Lines.RangeOf(e.Start, e.End - e.Start), e.NewText)).ToArray();
    }
}
