using System.IO;
using System.Text;

namespace TreatyDsl.Cli;

/// <summary>
/// <see cref="TextReader.ReadLine"/> with a limit: a line longer than it is not held but read past, up to its line
/// break, and reported. For the text a JSON lines batch is read as when it is not UTF-8 bytes (a UTF-16 file);
/// <see cref="Utf8LineReader"/> does the same for bytes.
/// </summary>
internal static class BoundedLines
{
    /// <summary>
    /// The next line without its break (<c>\n</c>, <c>\r</c> or <c>\r\n</c>, as <see cref="TextReader.ReadLine"/>), or
    /// null at the end; an empty string with <paramref name="tooLong"/> set for a line over <paramref name="maxChars"/>.
    /// </summary>
    public static string? ReadLine(TextReader reader, int maxChars, out bool tooLong)
    {
        tooLong = false;
        var line = new StringBuilder();
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0) return any ? Finish(line, tooLong) : null;
            any = true;
            if (c == '\n') return Finish(line, tooLong);
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                return Finish(line, tooLong);
            }
            if (tooLong) continue; // read past, not held
            if (line.Length == maxChars)
            {
                tooLong = true;
                line.Clear();
                continue;
            }
            line.Append((char)c);
        }
    }

    private static string Finish(StringBuilder line, bool tooLong) => tooLong ? string.Empty : line.ToString();
}
