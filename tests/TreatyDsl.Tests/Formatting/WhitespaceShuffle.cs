using System;
using System.Collections.Generic;
using System.Text;
using TreatyDsl.Parsing;

namespace TreatyDsl.Tests.Formatting;

/// <summary>
/// Rewrites the white space of a .treaty file at random without changing what it says: tokens joined onto one line,
/// split over several, indented anyhow; every declaration still first on its line, every comment still ending its line.
/// Runs of blank lines and whether a comment has its line to itself are kept (unless comments are added), so the
/// formatter must give back exactly what it gives for the file as it was.
/// </summary>
internal static class WhitespaceShuffle
{
    private static readonly string[] Spaces = { " ", " ", "   ", "\t" };
    private static readonly string[] Noise = { "// noted", "//", "// and or when \"quoted\" cite", "////" };

    public static string Shuffle(string text, Random random, bool addComments = false)
    {
        var tokens = TreatyLexer.Lex(text);
        var declarations = new HashSet<int>();
        foreach (var chunk in DeclarationSplitter.Split(text)) if (chunk.Keyword is not null) declarations.Add(chunk.Start);
        var output = new StringBuilder(text.Length * 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var breaks = token.LineBreaksBefore;
            var startsDeclaration = declarations.Contains(token.Start);
            // A declaration's keyword used inside one (the type 'country') must never become the first word of a line.
            var mustStayOnLine = token.Kind == TokenKind.Word && !startsDeclaration && TreatyKeywords.IsDeclaration(token.TextIn(text));
            var afterComment = i > 0 && tokens[i - 1].Kind == TokenKind.Comment;
            // A duration's parts are separated by white space only ('6 months'): no comment goes between them.
            var inDuration = i > 0 && (tokens[i - 1].Kind == TokenKind.Number || token.Kind == TokenKind.Number);
            if (i == 0)
            {
                output.Append(random.Next(3) == 0 ? "\n" : string.Empty);
            }
            else if (breaks >= 2)
            {
                output.Append('\n', breaks).Append(Indent(random));
            }
            else if (token.Kind == TokenKind.Comment)
            {
                output.Append(breaks == 0 ? Pick(Spaces, random) : "\n" + Indent(random));
            }
            else if (startsDeclaration || afterComment)
            {
                output.Append('\n').Append(Indent(random));
            }
            else if (mustStayOnLine || random.Next(3) != 0)
            {
                if (addComments && !mustStayOnLine && !inDuration && random.Next(8) == 0) output.Append(' ').Append(Pick(Noise, random)).Append('\n').Append(Indent(random));
                else output.Append(Pick(Spaces, random));
            }
            else
            {
                if (addComments && !inDuration && random.Next(4) == 0) output.Append('\n').Append(Indent(random)).Append(Pick(Noise, random));
                output.Append('\n').Append(Indent(random));
            }
            output.Append(text, token.Start, token.Length);
        }
        output.Append(random.Next(2) == 0 ? "\n" : random.Next(2) == 0 ? "  \n\n" : string.Empty);
        return output.ToString();
    }

    private static string Indent(Random random) => new(' ', random.Next(0, 7));

    private static string Pick(IReadOnlyList<string> choices, Random random) => choices[random.Next(choices.Count)];
}
