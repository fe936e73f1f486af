using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace TreatyDsl.LanguageServer.Rpc;

/// <summary>One message as read off the stream: its body, or (when the body was longer than the limit) only its length.</summary>
internal readonly record struct Frame(byte[]? Body, long Length)
{
    public bool IsOversized => Body is null;
}

/// <summary>The client sent what is not a header-delimited message, so the stream cannot be read on: the server stops.</summary>
internal sealed class BrokenFramingException(string message) : Exception(message);

/// <summary>
/// Reads the base protocol of LSP: headers (<c>Content-Length: n</c>, each line ended by CR LF, an empty line after
/// them), then n bytes of body. Every read is bounded: a header line longer than <see cref="MaxHeaderLineBytes"/> or more
/// than <see cref="MaxHeaderLines"/> of them break the framing, and a body longer than the message limit is read past in
/// chunks and never held, so the next message is still read. What cannot be framed again (a length that is not a number,
/// no length at all, a stream ending inside a message) is a <see cref="BrokenFramingException"/>: after it no message
/// boundary can be trusted.
/// </summary>
internal sealed class FrameReader(Stream input, int maxMessageBytes)
{
    public const int MaxHeaderLineBytes = 8 * 1024;
    public const int MaxHeaderLines = 32;

    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    /// <summary>The next message, or null when the client closed the stream between messages.</summary>
    public async Task<Frame?> ReadAsync()
    {
        long? length = null;
        for (var lines = 0; ; lines++)
        {
            var line = await ReadHeaderLineAsync(atMessageStart: lines == 0).ConfigureAwait(false);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (lines == 0) continue; // a blank line between messages is tolerated, as vscode-jsonrpc does
                break;
            }
            if (lines >= MaxHeaderLines) throw new BrokenFramingException($"a message has more than {MaxHeaderLines} header lines");
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw new BrokenFramingException($"a header line is not 'Name: value': '{Shorten(line)}'");
            if (!line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            var value = line.AsSpan(colon + 1).Trim();
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new BrokenFramingException($"the Content-Length '{Shorten(value.ToString())}' is not a number of bytes");
            }
            length = parsed;
        }
        if (length is not { } bytes) throw new BrokenFramingException("a message has no Content-Length header, so where it ends is unknown");
        if (bytes > maxMessageBytes)
        {
            await SkipAsync(bytes).ConfigureAwait(false);
            return new Frame(null, bytes);
        }
        var body = new byte[bytes];
        await FillAsync(body).ConfigureAwait(false);
        return new Frame(body, bytes);
    }

    /// <summary>One header line without its CR LF (a bare LF is taken too); null at the end of the stream before any byte of a message.</summary>
    private async Task<string?> ReadHeaderLineAsync(bool atMessageStart)
    {
        var line = new MemoryStream();
        while (true)
        {
            if (start == end && !await MoreAsync().ConfigureAwait(false))
            {
                if (atMessageStart && line.Length == 0) return null;
                throw new BrokenFramingException("the stream ended inside a message's headers");
            }
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            var take = (newline < 0 ? end : newline) - start;
            if (line.Length + take > MaxHeaderLineBytes) throw new BrokenFramingException(FormattableString.Invariant($"a header line is longer than {MaxHeaderLineBytes:N0} bytes"));
            line.Write(buffer, start, take);
            start += take;
            if (newline < 0) continue;
            start++; // the '\n'
            var text = Encoding.ASCII.GetString(line.GetBuffer(), 0, (int)line.Length);
            return text.EndsWith('\r') ? text[..^1] : text;
        }
    }

    private async Task FillAsync(byte[] body)
    {
        var filled = 0;
        while (filled < body.Length)
        {
            if (start == end && !await MoreAsync().ConfigureAwait(false))
            {
                throw new BrokenFramingException(FormattableString.Invariant($"the stream ended {filled:N0} bytes into a message of {body.Length:N0}"));
            }
            var take = Math.Min(end - start, body.Length - filled);
            Buffer.BlockCopy(buffer, start, body, filled, take);
            start += take;
            filled += take;
        }
    }

    private async Task SkipAsync(long bytes)
    {
        var skipped = 0L;
        while (skipped < bytes)
        {
            if (start == end && !await MoreAsync().ConfigureAwait(false))
            {
                throw new BrokenFramingException(FormattableString.Invariant($"the stream ended {skipped:N0} bytes into a message of {bytes:N0}"));
            }
            var take = (int)Math.Min(end - start, bytes - skipped);
            start += take;
            skipped += take;
        }
    }

    private async Task<bool> MoreAsync()
    {
        start = 0;
        end = await input.ReadAsync(buffer.AsMemory()).ConfigureAwait(false);
        return end > 0;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
