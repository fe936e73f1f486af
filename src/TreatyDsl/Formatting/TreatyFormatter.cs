using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TreatyDsl.Diagnostics;
using TreatyDsl.Parsing;

namespace TreatyDsl.Formatting;

/// <summary>A stretch of the file as it was (<see cref="Start"/> to <see cref="End"/>) and as formatted: the text before
/// the first declaration, or one declaration with the comments and blank lines after it.</summary>
public sealed record FormattedRegion(int Start, int End, string Text);

/// <summary>
/// A file formatted: the whole text and its regions, or, for a file the formatter will not touch, why: the syntax
/// errors (<see cref="Errors"/>) or a failure of its own check (<see cref="Failure"/>).
/// </summary>
public sealed record FormattingResult(string? Text, EquatableArray<FormattedRegion> Regions, EquatableArray<TreatyDiagnostic> Errors, string? Failure = null)
{
    public bool IsFormatted => Text is not null;
}

/// <summary>
/// The one layout of .treaty text (docs/language.md, "Layout"): each declaration's header at column 0, each clause
/// on its own line two spaces in, a clause's own citation four spaces in under it, one space between tokens, and a
/// condition longer than <see cref="Width"/> columns broken before each <c>or</c> (or, with none, each <c>and</c>)
/// outside parentheses, the operator right-aligned so the operands line up. Comments stay where they are (at the end
/// of their line, or on a line of their own); at most two blank lines
/// are kept between declarations and one inside a declaration.
/// <para>
/// Only white space changes: the formatter checks that the formatted text has the same tokens and the same
/// declarations as the file, and refuses a file with syntax errors, whose declarations it cannot know.
/// </para>
/// </summary>
public static class TreatyFormatter
{
    /// <summary>The column a condition may reach before it is broken at its operators.</summary>
    public const int Width = 100;

    /// <summary>Where a derived fact's broken condition starts, under its header (<c>derive x: bool =</c>).</summary>
    private const int DerivedConditionColumn = 6;

    public static FormattingResult Format(string path, string text) => Format(text ?? string.Empty, TreatyParser.Parse(path, text ?? string.Empty));

    /// <summary>Formats <paramref name="text"/>, already parsed as <paramref name="parsed"/> (an editor keeps each file's parse).</summary>
    public static FormattingResult Format(string text, ParseResult parsed)
    {
        text ??= string.Empty;
        if (parsed.Diagnostics.Count > 0) return new FormattingResult(null, EquatableArray<FormattedRegion>.Empty, parsed.Diagnostics);

        var tokens = TreatyLexer.Lex(text);
        var starts = DeclarationStarts(text, tokens);
        var lines = new FileWriter(text, tokens, starts).Write();
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var regions = Regions(text, tokens, starts, lines, newline);
        var formatted = string.Concat(regions.Select(r => r.Text));

        var failure = SameTokens(text, tokens, starts, formatted);
        return failure is null
            ? new FormattingResult(formatted, regions.ToEquatableArray(), EquatableArray<TreatyDiagnostic>.Empty)
            : new FormattingResult(null, EquatableArray<FormattedRegion>.Empty, EquatableArray<TreatyDiagnostic>.Empty, failure);
    }

    /// <summary>Which tokens start a declaration, as the parser cuts the file (<see cref="DeclarationSplitter"/>).</summary>
    private static bool[] DeclarationStarts(string text, List<SyntaxToken> tokens)
    {
        var keywords = new HashSet<int>();
        foreach (var chunk in DeclarationSplitter.Split(text))
        {
            if (chunk.Keyword is not null) keywords.Add(chunk.Start);
        }
        var starts = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++) starts[i] = keywords.Contains(tokens[i].Start);
        return starts;
    }

    /// <summary>
    /// The file's regions, as written and as formatted: the text before the first declaration, then each declaration
    /// from the start of its line to the start of the next one's. Range formatting replaces the regions a range touches.
    /// </summary>
    private static List<FormattedRegion> Regions(string text, List<SyntaxToken> tokens, bool[] starts, List<OutputLine> lines, string newline)
    {
        var bounds = new List<int> { 0 };
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!starts[i]) continue;
            var lineStart = tokens[i].Start;
            while (lineStart > 0 && text[lineStart - 1] != '\n') lineStart--;
            bounds.Add(lineStart);
        }
        bounds.Add(text.Length);

        var texts = new StringBuilder[bounds.Count - 1];
        for (var r = 0; r < texts.Length; r++) texts[r] = new StringBuilder();
        foreach (var line in lines) texts[line.Region].Append(line.Text).Append(newline);
        var regions = new List<FormattedRegion>(texts.Length);
        for (var r = 0; r < texts.Length; r++) regions.Add(new FormattedRegion(bounds[r], bounds[r + 1], texts[r].ToString()));
        return regions;
    }

    /// <summary>
    /// The formatter's own proof that it changed only white space: the formatted text has the same tokens (a comment's
    /// trailing white space aside) and starts the same declarations. A failure is a bug, reported instead of a change.
    /// </summary>
    private static string? SameTokens(string text, List<SyntaxToken> tokens, bool[] starts, string formatted)
    {
        var after = TreatyLexer.Lex(formatted);
        var afterStarts = DeclarationStarts(formatted, after);
        if (after.Count != tokens.Count) return $"the formatted text has {after.Count} tokens where the file has {tokens.Count}";
        for (var i = 0; i < tokens.Count; i++)
        {
            var was = Trimmed(text, tokens[i]);
            var now = Trimmed(formatted, after[i]);
            if (tokens[i].Kind != after[i].Kind || was != now) return $"token {i + 1} would change from '{was}' to '{now}'";
            if (starts[i] != afterStarts[i]) return $"'{was}' would {(starts[i] ? "no longer" : "now")} start a declaration";
        }
        return null;
    }

    private static string Trimmed(string text, SyntaxToken token) =>
        token.Kind == TokenKind.Comment ? token.TextIn(text).TrimEnd() : token.TextIn(text);

    /// <summary>Lays out the clauses of every declaration, in order, into lines.</summary>
    private sealed class FileWriter(string text, List<SyntaxToken> tokens, bool[] starts)
    {
        private readonly LineWriter writer = new(text);

        public List<OutputLine> Write()
        {
            foreach (var item in Items())
            {
                writer.Region = item.Region;
                for (var blank = 0; blank < item.BlankLinesBefore; blank++) writer.BlankLine();
                if (item.IsComment) writer.Comment(tokens[item.First], item.Indent);
                else WriteClause(item);
            }
            writer.EndLine();
            return writer.Lines;
        }

        /// <summary>A clause (or a declaration's header), or a comment on a line of its own between clauses.</summary>
        private sealed class Item
        {
            public int First;
            public int End;
            public int Indent;
            public int Region;
            public int BlankLinesBefore;
            public bool IsComment;
            public bool IsEnum;
            public int ConditionAt = -1;
            public bool DerivedCondition;
        }

        /// <summary>The file cut into clauses and comment lines. A comment before a clause (or declaration) goes on a line
        /// of its own at that clause's indent; a comment inside a clause stays inside it.</summary>
        private List<Item> Items()
        {
            var items = new List<Item>();
            Item? current = null;
            var declaration = new ClauseLayout.Declaration(string.Empty, -1);
            var clauseWord = string.Empty;
            var previous = -1;
            var region = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Kind == TokenKind.Comment)
                {
                    if (token.LineBreaksBefore == 0 && current is not null && items[items.Count - 1] == current)
                    {
                        current.End = i + 1;
                        continue;
                    }
                    var next = i + 1;
                    while (next < tokens.Count && tokens[next].Kind == TokenKind.Comment) next++;
                    int? indent = next == tokens.Count || starts[next] ? 0
                        : current is null ? 0
                        : ClauseLayout.ClauseStartAt(text, tokens, next, previous, declaration, clauseWord);
                    if (indent is int own)
                    {
                        items.Add(new Item { First = i, End = i + 1, Indent = own, Region = region, BlankLinesBefore = BlankLines(items, token, own), IsComment = true });
                    }
                    else
                    {
                        current!.End = i + 1;
                    }
                    continue;
                }

                if (starts[i])
                {
                    region++;
                    declaration = new ClauseLayout.Declaration(token.TextIn(text), i);
                    current = Start(items, i, 0, region, declaration.Keyword);
                    clauseWord = declaration.Keyword;
                }
                else if (current is null)
                {
                    // Text before any declaration: the parser refuses such a file, so this is never formatted.
                    current = Start(items, i, 0, region, string.Empty);
                }
                else if (ClauseLayout.ClauseStartAt(text, tokens, i, previous, declaration, clauseWord) is int indent)
                {
                    current = Start(items, i, indent, region, declaration.Keyword);
                    clauseWord = token.TextIn(text);
                }
                else
                {
                    current.End = i + 1;
                    if (current.Indent == 0 && current.ConditionAt < 0 && ClauseLayout.IsDerivedCondition(text, tokens, i, declaration.Keyword))
                    {
                        current.ConditionAt = i + 1;
                        current.DerivedCondition = true;
                    }
                }
                previous = i;
            }
            return items;
        }

        private Item Start(List<Item> items, int i, int indent, int region, string declarationKeyword)
        {
            var item = new Item
            {
                First = i,
                End = i + 1,
                Indent = indent,
                Region = region,
                BlankLinesBefore = BlankLines(items, tokens[i], indent),
                IsEnum = indent == 0 && declarationKeyword == "enum",
                ConditionAt = indent == 0 ? -1 : ClauseLayout.ConditionStart(text, tokens, i, declarationKeyword),
            };
            items.Add(item);
            return item;
        }

        /// <summary>
        /// The blank lines kept before a clause or comment line: at most two between declarations (where the shipped
        /// files mark a new section with two), at most one inside a declaration; the file starts with none.
        /// </summary>
        private static int BlankLines(List<Item> items, SyntaxToken token, int indent) =>
            items.Count == 0 ? 0 : Math.Min(token.LineBreaksBefore - 1, indent == 0 ? 2 : 1) is var n && n > 0 ? n : 0;

        private void WriteClause(Item item)
        {
            if (item.ConditionAt >= 0 && item.ConditionAt < item.End && WriteCondition(item)) return;
            if (item.IsEnum && WriteEnum(item)) return;
            WriteFlow(item.First, item.End, item.Indent);
        }

        private void WriteFlow(int first, int end, int indent)
        {
            writer.StartLine(indent);
            for (var j = first; j < end; j++) writer.Token(tokens[j], indent + 4);
        }

        /// <summary>
        /// A clause with a condition: on one line when it fits, else broken before each of the condition's loosest
        /// operators outside parentheses and quantifiers, right-aligned so the operands start in one column:
        /// <code>
        ///   unless (any offense in offenses: offense.category != immigration and offense.dualCriminality)
        ///      and (all offense in offenses: offense.category != immigration or offense.sentenceServed)
        /// </code>
        /// A derived fact's condition starts on the line under its header. False when there is nothing to break at.
        /// </summary>
        private bool WriteCondition(Item item)
        {
            if (writer.Width(tokens, item.First, item.End) is int width && item.Indent + width <= Width) return false;
            var operators = TopLevelOperators(item.ConditionAt, item.End);
            if (operators.Count == 0) return false;

            writer.StartLine(item.Indent);
            for (var j = item.First; j < item.ConditionAt; j++) writer.Token(tokens[j], item.Indent + 4);
            int column;
            if (item.DerivedCondition)
            {
                column = DerivedConditionColumn;
                writer.StartLine(column);
            }
            else
            {
                column = writer.IsLineOpen ? writer.Column : item.Indent + 4;
            }
            var next = 0;
            for (var j = item.ConditionAt; j < item.End; j++)
            {
                if (next < operators.Count && operators[next] == j)
                {
                    next++;
                    writer.StartLine(Math.Max(0, column - tokens[j].Length - 1));
                }
                writer.Token(tokens[j], column);
            }
            return true;
        }

        /// <summary>
        /// The operators a condition is broken at: its <c>or</c>s outside parentheses, or with none its <c>and</c>s. A
        /// quantifier's body runs to the end of the condition (or of its parentheses), so an operator after its colon
        /// belongs to the body.
        /// </summary>
        private List<int> TopLevelOperators(int start, int end)
        {
            var ors = new List<int>();
            var ands = new List<int>();
            var depth = 0;
            for (var j = start; j < end; j++)
            {
                var token = tokens[j];
                if (token.Kind == TokenKind.Punctuation)
                {
                    if (token.Is(text, "(")) depth++;
                    else if (token.Is(text, ")")) depth--;
                    else if (token.Is(text, ":") && depth == 0) break;
                }
                else if (token.Kind == TokenKind.Word && depth == 0)
                {
                    if (token.Is(text, "or")) ors.Add(j);
                    else if (token.Is(text, "and")) ands.Add(j);
                }
            }
            return ors.Count > 0 ? ors : ands;
        }

        /// <summary>An enumeration too long for one line: its header, then its members filled into lines two spaces in.</summary>
        private bool WriteEnum(Item item)
        {
            if (writer.Width(tokens, item.First, item.End) is not int width || width <= Width) return false;
            var colon = item.First;
            while (colon < item.End && !tokens[colon].Is(text, ":")) colon++;
            if (colon >= item.End - 1) return false;

            WriteFlow(item.First, colon + 1, 0);
            writer.StartLine(ClauseLayout.ClauseIndent);
            for (var j = colon + 1; j < item.End; j++)
            {
                // A member and the comma after it stay together.
                var unit = j + 1 < item.End && tokens[j + 1].Is(text, ",") ? tokens[j].Length + 1 : tokens[j].Length;
                if (writer.Column > ClauseLayout.ClauseIndent && writer.Column + unit > Width) writer.StartLine(ClauseLayout.ClauseIndent);
                writer.Token(tokens[j], ClauseLayout.ClauseIndent);
                if (unit > tokens[j].Length) writer.Token(tokens[++j], ClauseLayout.ClauseIndent);
            }
            return true;
        }
    }
}
