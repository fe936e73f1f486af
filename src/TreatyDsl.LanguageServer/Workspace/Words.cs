using System.Collections.Generic;

namespace TreatyDsl.LanguageServer.Workspace;

/// <summary>A name as written in a .treaty file, and where: <c>us-mx</c>, <c>sentence.fullTermDate</c>, <c>MX</c>.</summary>
internal readonly record struct Word(string Text, int Offset)
{
    public int End => Offset + Text.Length;
}

/// <summary>
/// The names in a text, outside comments and quoted text, by a scan that needs no parse: a file in the middle of an
/// edit still has its words, so hover, definition and completion keep working while the parser cannot.
/// </summary>
internal static class Words
{
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

    /// <summary>Every name outside comments and strings, in order. Dates and numbers are not names.</summary>
    public static IEnumerable<Word> All(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
                i++;
            }
            else if (IsWordStart(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                yield return new Word(text.Substring(start, i - start).TrimEnd('.', '-'), start);
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && IsWordChar(text[i])) i++;
            }
            else
            {
                i++;
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
