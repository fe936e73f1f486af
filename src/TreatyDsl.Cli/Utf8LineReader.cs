using System;
using System.IO;

namespace TreatyDsl.Cli;

/// <summary>
/// Reads a stream a line at a time as bytes, without decoding: each line is handed on as the UTF-8 it was sent in,
/// which is what the case reader reads, so a JSON lines batch is not decoded into a string per line and encoded back.
/// Lines end where <see cref="TextReader.ReadLine"/> ends them (<c>\n</c>, <c>\r</c> or <c>\r\n</c>), so line numbers
/// are the same as a text reader's, and a UTF-8 byte order mark at the start is not part of the first line, as a text
/// reader drops it. The buffer grows to the longest line and is reused, so memory stays flat.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private readonly Stream stream;
    private byte[] buffer;
    private int start; // the unread bytes are buffer[start..end)
    private int end;
    private bool finished;
    private bool lineFeedMayFollow; // the last line ended with \r: a \n right after it is part of the same line break
    private bool started; // the byte order mark, if any, has been stepped over

    public Utf8LineReader(Stream stream, int bufferSize = 64 * 1024)
    {
        this.stream = stream;
        buffer = new byte[Math.Max(16, bufferSize)];
    }

    /// <summary>
    /// The first bytes of the stream (up to <paramref name="count"/>), read but not consumed: what a caller checks for
    /// a byte order mark before reading lines.
    /// </summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        Start();
        while (end - start < count && !finished) Fill();
        return buffer.AsSpan(start, Math.Min(count, end - start));
    }

    /// <summary>The next line, without its line break; valid until the next call. False at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        Start();
        var scanned = 0; // bytes after start already known to hold no line break
        while (true)
        {
            if (lineFeedMayFollow && start < end)
            {
                lineFeedMayFollow = false;
                if (buffer[start] == (byte)'\n') start++;
            }
            if (!lineFeedMayFollow)
            {
                var index = buffer.AsSpan(start + scanned, end - start - scanned).IndexOfAny((byte)'\n', (byte)'\r');
                if (index >= 0)
                {
                    var length = scanned + index;
                    line = buffer.AsSpan(start, length);
                    lineFeedMayFollow = buffer[start + length] == (byte)'\r';
                    start += length + 1;
                    return true;
                }
                scanned = end - start;
            }
            if (finished)
            {
                lineFeedMayFollow = false;
                line = buffer.AsSpan(start, end - start);
                var any = end > start;
                start = end;
                return any;
            }
            Fill();
        }
    }

    /// <summary>Steps over a UTF-8 byte order mark at the start of the stream, once.</summary>
    private void Start()
    {
        if (started) return;
        started = true; // before Peek, which starts the reader too
        var first = Peek(3);
        if (first.Length == 3 && first[0] == 0xEF && first[1] == 0xBB && first[2] == 0xBF) start += 3;
    }

    /// <summary>Reads more of the stream after the unread bytes, first moving them to the front or growing the buffer.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0) finished = true;
        end += read;
    }

    public void Dispose() => stream.Dispose();
}
