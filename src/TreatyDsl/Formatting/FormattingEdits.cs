using System;
using System.Collections.Generic;

namespace TreatyDsl.Formatting;

/// <summary>A change to the file as it was: the text from <see cref="Start"/> to <see cref="End"/> becomes <see cref="NewText"/>.</summary>
public readonly record struct FormattingEdit(int Start, int End, string NewText);

/// <summary>
/// The edits that format a file, smallest first: one per region that changes, cut down to the lines that differ, so an
/// editor keeps its cursor and its undo steps where nothing moved.
/// </summary>
public static class FormattingEdits
{
    /// <summary>
    /// The edits for the regions that overlap <paramref name="rangeStart"/> to <paramref name="rangeEnd"/> (the whole
    /// file when no range is given), in the order of the file and never overlapping.
    /// </summary>
    public static List<FormattingEdit> For(string text, FormattingResult result, int rangeStart = 0, int rangeEnd = int.MaxValue)
    {
        var edits = new List<FormattingEdit>();
        if (!result.IsFormatted) return edits;
        foreach (var region in result.Regions)
        {
            // A region touches the range when they overlap, or when an empty range (a cursor) sits inside it.
            if (region.End <= rangeStart && !(region.End == rangeStart && rangeStart == rangeEnd && region.Start < region.End)) continue;
            if (region.Start > rangeEnd || (region.Start == rangeEnd && rangeStart < rangeEnd)) continue;
            if (region.End - region.Start == region.Text.Length && string.CompareOrdinal(text, region.Start, region.Text, 0, region.Text.Length) == 0) continue;
            edits.Add(Narrowed(text, region));
        }
        return edits;
    }

    /// <summary>The region's edit without the whole lines it leaves as they are, at its start and at its end.</summary>
    private static FormattingEdit Narrowed(string text, FormattedRegion region)
    {
        var oldLength = region.End - region.Start;
        var newText = region.Text;
        var limit = Math.Min(oldLength, newText.Length);

        var prefix = 0;
        var same = 0;
        while (same < limit && text[region.Start + same] == newText[same])
        {
            if (newText[same] == '\n') prefix = same + 1;
            same++;
        }

        // The kept end starts a line in both texts, and never reaches back into the kept start.
        var common = 0;
        while (common < limit - prefix && text[region.End - 1 - common] == newText[newText.Length - 1 - common]) common++;
        var suffix = 0;
        for (var s = Math.Min(common, limit - prefix - 1); s > 0; s--)
        {
            if (text[region.End - s - 1] == '\n' && newText[newText.Length - s - 1] == '\n')
            {
                suffix = s;
                break;
            }
        }
        return new FormattingEdit(region.Start + prefix, region.End - suffix, newText.Substring(prefix, newText.Length - suffix - prefix));
    }
}
