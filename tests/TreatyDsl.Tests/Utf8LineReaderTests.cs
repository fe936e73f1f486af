using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests;

/// <summary>The byte line reader behind <c>treaty eval --jsonl</c> ends lines where a text reader does, whatever the buffer size.</summary>
public class Utf8LineReaderTests
{
    private static List<string> ReadBytes(string text, int bufferSize)
    {
        var lines = new List<string>();
        using var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize);
        while (reader.TryReadLine(out var line)) lines.Add(Encoding.UTF8.GetString(line));
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
        using var reader = new Utf8LineReader(new MemoryStream(new byte[] { 0xFF, 0xFE, (byte)'x', (byte)'\n' }), 16);

        Assert.Equal(new byte[] { 0xFF, 0xFE }, reader.Peek(2).ToArray());
        Assert.True(reader.TryReadLine(out var line));
        Assert.Equal(new byte[] { 0xFF, 0xFE, (byte)'x' }, line.ToArray());
        Assert.False(reader.TryReadLine(out _));
    }
}
