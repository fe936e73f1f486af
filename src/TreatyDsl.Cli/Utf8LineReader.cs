using System;
using System.IO;

namespace TreatyDsl.Cli;

/// <summary>
/// Reads a stream a line at a time as bytes, without decoding: each line is handed on as the UTF-8 it was sent in,
/// which is what the case reader reads, so a JSON lines batch is not decoded into a string per line and encoded back.
/// Lines end where <see cref="TextReader.ReadLine"/> ends them (<c>\n</c>, <c>\r</c> or <c>\r\n</c>), so line numbers
/// are the same as a text reader's, and a UTF-8 byte order mark at the start is not part of the first line, as a text
/// reader drops it. The buffer grows to the longest line and is reused, so memory stays flat; a line longer than the
/// limit is not held: it is reported as too long and its bytes are read past, up to the next line break.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    /// <summary>The longest line read by default: 16 MiB (a case is a few kilobytes).</summary>
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    private readonly Stream stream;
    private readonly int maxLineBytes;
    private byte[] buffer;
    private int start; // the unread bytes are buffer[start..end)
    private int end;
    private bool finished;
    private bool lineFeedMayFollow; // the last line ended with \r: a \n right after it is part of the same line break
    private bool started; // the byte order mark, if any, has been stepped over

    /// <param name="stream">The bytes.</param>
    /// <param name="maxLineBytes">The longest line handed on; a longer one is reported (<see cref="TryReadLine"/>) and skipped.</param>
    /// <param name="bufferSize">The buffer's first size.</param>
    public Utf8LineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes, int bufferSize = 64 * 1024)
    {
        this.stream = stream;
        this.maxLineBytes = Math.Max(1, maxLineBytes);
        buffer = new byte[Math.Max(16, Math.Min(bufferSize, this.maxLineBytes + 1))];
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

    /// <summary>
    /// The next line, without its line break: the reader's own buffer, lent until the next call (so the case reader
    /// parses it where it lies, without a copy). False at the end of the stream. A line longer
    /// than the limit comes back empty with <paramref name="tooLong"/> set, once its bytes have been read past.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        tooLong = false;
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
                    tooLong = length > maxLineBytes;
                    line = tooLong ? ReadOnlyMemory<byte>.Empty : buffer.AsMemory(start, length);
                    lineFeedMayFollow = buffer[start + length] == (byte)'\r';
                    start += length + 1;
                    return true;
                }
                scanned = end - start;
                if (scanned > maxLineBytes)
                {
                    SkipRestOfLine();
                    tooLong = true;
                    line = ReadOnlyMemory<byte>.Empty;
                    return true;
                }
            }
            if (finished)
            {
                lineFeedMayFollow = false;
                tooLong = end - start > maxLineBytes;
                line = tooLong ? ReadOnlyMemory<byte>.Empty : buffer.AsMemory(start, end - start);
                var any = end > start;
                start = end;
                return any;
            }
            Fill();
        }
    }

    /// <summary>Reads past the rest of a line too long to hold, a buffer at a time, up to and over its line break.</summary>
    private void SkipRestOfLine()
    {
        while (true)
        {
            start = end = 0; // what was read of the line is dropped
            if (finished) return;
            Fill();
            var index = buffer.AsSpan(0, end).IndexOfAny((byte)'\n', (byte)'\r');
            if (index < 0) continue;
            lineFeedMayFollow = buffer[index] == (byte)'\r';
            start = index + 1;
            return;
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
        // Grown no further than a line the reader may hand on, and a byte to see that it is longer.
        if (end == buffer.Length) Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)maxLineBytes + 1));
        if (end == buffer.Length) return; // full: the caller sees a line longer than the limit
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0) finished = true;
        end += read;
    }

    public void Dispose() => stream.Dispose();
}
