using System.Collections.Generic;
using System.Text;
using TreatyDsl.Parsing;

namespace TreatyDsl.Formatting;

/// <summary>A line of formatted text (no line break), and the region of the file it belongs to.</summary>
internal readonly record struct OutputLine(string Text, int Region);

/// <summary>
/// Writes tokens into lines: one space between two tokens, none before <c>: , ) ]</c> or after <c>( [</c>; a comment
/// ends its line. Every token is written as it is in the file (a comment loses only trailing white space): the
/// formatter changes white space and nothing else.
/// </summary>
internal sealed class LineWriter(string text)
{
    private readonly StringBuilder line = new();
    private bool open;
    private int lineRegion;
    private SyntaxToken? previous;

    public List<OutputLine> Lines { get; } = new();

    /// <summary>The region of the file the lines started from now on belong to.</summary>
    public int Region { get; set; }

    /// <summary>The column the next token would start at, if it went on this line.</summary>
    public int Column => open ? line.Length + (previous is { } p && p.Kind != TokenKind.Comment ? 1 : 0) : 0;

    public bool IsLineOpen => open;

    /// <summary>Ends the line being written, if any, and starts one at <paramref name="indent"/>.</summary>
    public void StartLine(int indent)
    {
        EndLine();
        line.Append(' ', indent);
        open = true;
        lineRegion = Region;
        previous = null;
    }

    public void EndLine()
    {
        if (!open) return;
        Lines.Add(new OutputLine(line.ToString().TrimEnd(), lineRegion));
        line.Clear();
        open = false;
        previous = null;
    }

    public void BlankLine()
    {
        EndLine();
        Lines.Add(new OutputLine(string.Empty, Lines.Count > 0 ? Lines[Lines.Count - 1].Region : Region));
    }

    /// <summary>Writes a token; with no line open (after a comment), it starts a line at <paramref name="continuation"/>.</summary>
    public void Token(SyntaxToken token, int continuation)
    {
        if (token.Kind == TokenKind.Comment)
        {
            Comment(token, continuation);
            return;
        }
        if (!open) StartLine(continuation);
        else if (previous is { } before && Spaced(before, token)) line.Append(' ');
        line.Append(text, token.Start, token.Length);
        previous = token;
    }

    /// <summary>
    /// Writes a comment: after the token before it when it was written on that token's line, else on a line of its own
    /// at <paramref name="indent"/>. Nothing follows a comment on its line.
    /// </summary>
    public void Comment(SyntaxToken comment, int indent)
    {
        if (comment.LineBreaksBefore > 0 || !open || previous is null) StartLine(indent);
        else line.Append(' ');
        var end = comment.End;
        while (end > comment.Start && char.IsWhiteSpace(text[end - 1])) end--;
        line.Append(text, comment.Start, end - comment.Start);
        EndLine();
    }

    /// <summary>The width <paramref name="tokens"/> take on one line, or null when a comment among them ends the line.</summary>
    public int? Width(List<SyntaxToken> tokens, int start, int end)
    {
        var width = 0;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].Kind == TokenKind.Comment) return null;
            if (i > start && Spaced(tokens[i - 1], tokens[i])) width++;
            width += tokens[i].Length;
        }
        return width;
    }

    private bool Spaced(SyntaxToken before, SyntaxToken after)
    {
        if (after.Kind == TokenKind.Punctuation && after.Length == 1 && text[after.Start] is ':' or ',' or ')' or ']') return false;
        if (before.Kind == TokenKind.Punctuation && before.Length == 1 && text[before.Start] is '(' or '[') return false;
        return true;
    }
}
