using System;
using System.IO;
using System.Text;

namespace TreatyDsl.Text;

/// <summary>
/// Reads a .treaty file from disk without letting the file decide how long that takes or how much it holds: a file the
/// system gives no size (an empty file, and equally a named pipe or a device, which may never end or never answer) is
/// taken as empty and never opened, and a file larger than the limit is not read.
/// </summary>
public static class SourceFiles
{
    /// <summary>The largest .treaty file read, 16 MiB (the shipped treaties are a few kilobytes each).</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>The file's text, or null with the reason it was not read (too large, unreadable, gone).</summary>
    public static string? TryRead(string path, out string? problem, int maxBytes = DefaultMaxBytes) => TryRead(new FileInfo(path), out problem, maxBytes);

    /// <summary>
    /// The text of <paramref name="file"/>, which a caller on .NET 6 or later gives as the final target of a link (the
    /// size of a link is that of the path it holds, so a link to a pipe would otherwise be opened); or null with the reason.
    /// </summary>
    public static string? TryRead(FileInfo file, out string? problem, int maxBytes = DefaultMaxBytes)
    {
        problem = null;
        try
        {
            if (!file.Exists)
            {
                problem = "the file does not exist";
                return null;
            }
            if (file.Length == 0) return string.Empty; // empty, or a pipe or device: never opened, so never waited on
            if (file.Length > maxBytes)
            {
                problem = FormattableString.Invariant($"the file is {file.Length:N0} bytes, larger than the {maxBytes:N0} bytes read");
                return null;
            }
            var bytes = new byte[file.Length];
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var read = 0;
            while (read < bytes.Length)
            {
                var n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0) break; // the file shrank while it was read: what is there is the text
                read += n;
            }
            return Decode(bytes, read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>UTF-8 (with or without its byte order mark) or UTF-16 with its mark, as <see cref="File.ReadAllText(string)"/> reads.</summary>
    private static string Decode(byte[] bytes, int count)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, 0, count, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
