using System.Collections.Generic;
using TreatyDsl.Parsing;

namespace TreatyDsl.LanguageServer.Workspace;

/// <summary>A name as written in a .treaty file, and where: <c>us-mx</c>, <c>sentence.fullTermDate</c>, <c>MX</c>.</summary>
internal readonly record struct Word(string Text, int Offset)
{
    public int End => Offset + Text.Length;
}

/// <summary>
/// The names in a text, outside comments and quoted text, read through the language's own lexer with no parse: a file
/// in the middle of an edit still has its words, so hover, definition and completion keep working while the parser
/// cannot.
/// </summary>
internal static class Words
{
    /// <summary>A character of a name as it is typed, dots included (<see cref="TreatyLexer.IsTypedNameCharacter"/>).</summary>
    public static bool IsWordChar(char c) => TreatyLexer.IsTypedNameCharacter(c);

    /// <summary>
    /// Every name outside comments and strings, in order. Dates and numbers are not names. A list element's index
    /// splits a word (<c>offenses[0].category</c> is <c>offenses</c> and <c>category</c>), and a hyphen a name is still
    /// being typed with is not part of it.
    /// </summary>
    public static IEnumerable<Word> All(string text)
    {
        foreach (var token in TreatyLexer.Pieces(text))
        {
            if (token.Kind != TokenKind.Word) continue;
            var start = token.Start;
            while (start < token.End)
            {
                var end = TreatyLexer.DottedNameEnd(text, start);
                yield return new Word(text.Substring(start, end - start).TrimEnd('-'), start);
                // Past the index and its dot to the next part (the lexer only joins them when a name follows).
                start = TreatyLexer.IndexEnd(text, end);
                if (start == end) break;
            }
        }
    }
    /// <summary>The name at (or just before) <paramref name="offset"/> among <paramref name="words"/> (in order), or null in a comment, in quoted text or between names.</summary>
    public static Word? At(IEnumerable<Word> words, int offset)
    {
        foreach (var word in words)
        {
            if (word.Offset > offset) break;
            if (offset <= word.End) return word;
        }
        return null;
    }
}
