using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary>The byte line reader behind <c>treaty eval --jsonl</c> ends lines where a text reader does, whatever the buffer size.</summary>
public class Utf8LineReaderTests
{
    private static List<string> ReadBytes(string text, int bufferSize)
    {
        var lines = new List<string>();
        using var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize: bufferSize);
        while (reader.TryReadLine(out var line, out _)) lines.Add(Encoding.UTF8.GetString(line.Span));
        return lines;
    }

    private static List<string> ReadText(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine()) lines.Add(line);
        return lines;
    }

    [Theory]
    [InlineData("")]
    [InlineData("one")]
    [InlineData("one\n")]
    [InlineData("one\ntwo")]
    [InlineData("one\r\ntwo\r\n")]
    [InlineData("one\rtwo\r")]
    [InlineData("\n\n\r\n\r\r")]
    [InlineData("one\r\r\ntwo\n\rthree")]
    public void Lines_end_at_lf_cr_and_crlf_as_a_text_reader_ends_them(string text)
    {
        Assert.Equal(ReadText(text), ReadBytes(text, 64 * 1024));
    }

    [Fact]
    public void Lines_are_the_same_with_a_small_buffer_whose_ends_split_line_breaks_and_lines_longer_than_it()
    {
        // Seeded: the same 2,000 texts every run, over an alphabet of line breaks, spaces and text, read with buffers
        // from 16 bytes (the smallest) up, so a \r\n is split across reads and lines outgrow the buffer.
        var random = new Random(20261123);
        const string alphabet = "ab \r\n\r\n{}é";
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 200);
            for (var j = 0; j < length; j++) text.Append(alphabet[random.Next(alphabet.Length)]);
            var bufferSize = 16 + random.Next(0, 40);

            Assert.Equal(ReadText(text.ToString()), ReadBytes(text.ToString(), bufferSize));
        }
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\n{}")]
    [InlineData("\uFEFF{}\r\n\uFEFF{}")]
    public void A_byte_order_mark_at_the_start_is_not_part_of_the_first_line_as_a_text_reader_drops_it(string text)
    {
        var expected = new List<string>();
        using (var reader = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine()) expected.Add(line);
        }

        Assert.Equal(expected, ReadBytes(text, 16));
    }

    [Fact]
    public void Peek_shows_the_first_bytes_without_consuming_them()
    {
        using var reader = new Utf8LineReader(new MemoryStream(new byte[] { 0xFF, 0xFE, (byte)'x', (byte)'\n' }), bufferSize: 16);

        Assert.Equal(new byte[] { 0xFF, 0xFE }, reader.Peek(2).ToArray());
        Assert.True(reader.TryReadLine(out var line, out _));
        Assert.Equal(new byte[] { 0xFF, 0xFE, (byte)'x' }, line.ToArray());
        Assert.False(reader.TryReadLine(out _, out _));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_reported_and_read_past_and_the_lines_after_it_are_read()
    {
        // Seeded: lines of random lengths around a small limit, split across small buffers; every line over the limit
        // is reported in its place, every other comes back whole, and the buffer never grows past the limit.
        var random = new Random(20261204);
        for (var i = 0; i < 500; i++)
        {
            var limit = 1 + random.Next(0, 40);
            var lines = Enumerable.Range(0, random.Next(1, 12)).Select(_ => new string('x', random.Next(0, 80))).ToList();
            // No bare \r: "\r" then an empty line's "\n" would be one \r\n (the other tests cover bare \r).
            var breaks = new[] { "\n", "\r\n" };
            var text = string.Concat(lines.Select(l => l + breaks[random.Next(breaks.Length)]));
            using var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), limit, bufferSize: 16);

            var read = new List<string>();
            while (reader.TryReadLine(out var line, out var tooLong)) read.Add(tooLong ? "(too long)" : Encoding.UTF8.GetString(line.Span));

            Assert.Equal(lines.Select(l => l.Length > limit ? "(too long)" : l).ToList(), read);
        }
    }

    [Fact]
    public void A_line_of_a_hundred_megabytes_is_read_past_under_a_small_limit_and_the_next_line_is_read()
    {
        // Stands for a line of gigabytes: the reader once doubled its buffer until the size overflowed.
        using var reader = new Utf8LineReader(new EndlessStream(100_000_000), 1_000, bufferSize: 64);

        Assert.True(reader.TryReadLine(out _, out var tooLong));
        Assert.True(tooLong);
        Assert.True(reader.TryReadLine(out var next, out tooLong));
        Assert.False(tooLong);
        Assert.Equal("{}", Encoding.UTF8.GetString(next.Span));
    }

    /// <summary>A stream of <c>x</c> for a given length, then a line break and <c>{}</c>.</summary>
    private sealed class EndlessStream : Stream
    {
        private long left;
        private readonly byte[] tail = Encoding.UTF8.GetBytes("\n{}");
        private int tailRead;

        public EndlessStream(long length) => left = length;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (left > 0)
            {
                var n = (int)Math.Min(count, left);
                buffer.AsSpan(offset, n).Fill((byte)'x');
                left -= n;
                return n;
            }
            var rest = Math.Min(count, tail.Length - tailRead);
            tail.AsSpan(tailRead, rest).CopyTo(buffer.AsSpan(offset));
            tailRead += rest;
            return rest;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
