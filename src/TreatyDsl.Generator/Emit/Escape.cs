using System.Globalization;
using System.Text;

namespace TreatyDsl.Generator;

/// <summary>
/// The only way text from a .treaty file (or a file path) reaches generated C#: one method per context it can be
/// written into (string literal, XML documentation, line comment, <c>#line</c> file name). Text is data, never code, so each method keeps every character that could end its context or change
/// what the compiler sees out of the output: C# ends a line at CR, LF, U+0085, U+2028 and U+2029, and a line ends
/// a <c>//</c> or <c>///</c> comment and is not allowed inside a string literal.
/// <para>
/// The rule is the same in every context: a <em>visible</em> character (a letter, mark, digit, punctuation, symbol or
/// a space separator) is written as it is, unless the context gives it a meaning (<c>"</c> and <c>\</c> in a string,
/// <c>&amp; &lt; &gt;</c> in XML); anything else (controls, line and paragraph separators, format characters such
/// as bidirectional overrides, lone surrogates, private-use and unassigned code points) is written as an escape.
/// </para>
/// </summary>
internal static class Escape
{
    /// <summary>A C# regular string literal, quotes included, whose value is exactly <paramref name="value"/>.</summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        ForEachCodePoint(value, (text, index, length) =>
        {
            var c = text[index];
            if (c == '"') builder.Append("\\\"");
            else if (c == '\\') builder.Append("\\\\");
            else if (IsVisible(text, index)) builder.Append(text, index, length);
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\r') builder.Append("\\r");
            else if (c == '\t') builder.Append("\\t");
            else AppendUnicodeEscape(builder, text, index, length);
        });
        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Text inside an XML documentation comment (<c>/// &lt;summary&gt;...</c>): well-formed XML on one line. An invisible
    /// character becomes a character reference, or U+FFFD where XML allows no such character (most C0 controls, lone surrogates).
    /// </summary>
    public static string XmlDoc(string text)
    {
        var builder = new StringBuilder(text.Length);
        ForEachCodePoint(text, (s, index, length) =>
        {
            var c = s[index];
            if (c == '&') builder.Append("&amp;");
            else if (c == '<') builder.Append("&lt;");
            else if (c == '>') builder.Append("&gt;");
            else if (IsVisible(s, index)) builder.Append(s, index, length);
            else
            {
                var codePoint = length == 2 ? char.ConvertToUtf32(s[index], s[index + 1]) : c;
                if (!IsXmlChar(codePoint)) codePoint = 0xFFFD;
                builder.Append("&#x").Append(codePoint.ToString("X", CultureInfo.InvariantCulture)).Append(';');
            }
        });
        return builder.ToString();
    }

    /// <summary>Text after <c>//</c>: kept on its line, an invisible character shown as <c>\uXXXX</c> (comments are never unescaped).</summary>
    public static string LineComment(string text)
    {
        var builder = new StringBuilder(text.Length);
        ForEachCodePoint(text, (s, index, length) =>
        {
            if (IsVisible(s, index)) builder.Append(s, index, length);
            else AppendUnicodeEscape(builder, s, index, length);
        });
        return builder.ToString();
    }

    /// <summary>
    /// The quoted file name of a <c>#line</c> directive, or null when <paramref name="path"/> cannot be one. Unlike a
    /// string literal, the compiler reads a directive's file name verbatim: no escapes, a backslash is a backslash, and
    /// neither a quote nor a line terminator can appear in it at all. A path holding one gets no directive (its code then
    /// maps to the generated file), rather than one that ends early and leaves the rest of the path as code.
    /// </summary>
    public static string? DirectiveFileName(string path)
    {
        foreach (var c in path)
        {
            if (c is '"' or '\r' or '\n' or '\u0085' or '\u2028' or '\u2029') return null;
        }
        return "\"" + path + "\"";
    }

    /// <summary>
    /// Whether the code point at <paramref name="index"/> is drawn as itself and cannot end a line: C# line terminators are
    /// controls (CR, LF, U+0085) or line/paragraph separators (U+2028, U+2029), none of which is in a visible category.
    /// </summary>
    private static bool IsVisible(string text, int index)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                return false;
            default:
                return true;
        }
    }

    private static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);

    /// <summary><c>\uXXXX</c> for one UTF-16 unit (a lone surrogate included), <c>\UXXXXXXXX</c> for a surrogate pair.</summary>
    private static void AppendUnicodeEscape(StringBuilder builder, string text, int index, int length)
    {
        if (length == 2) builder.Append("\\U").Append(char.ConvertToUtf32(text[index], text[index + 1]).ToString("X8", CultureInfo.InvariantCulture));
        else builder.Append("\\u").Append(((int)text[index]).ToString("X4", CultureInfo.InvariantCulture));
    }

    /// <summary>Calls <paramref name="visit"/> with each code point's index and UTF-16 length (2 for a well-formed pair, else 1).</summary>
    private static void ForEachCodePoint(string text, System.Action<string, int, int> visit)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            visit(text, i, pair ? 2 : 1);
            if (pair) i++;
        }
    }
}
