using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// Writes compact JSON into one growable UTF-8 buffer: fragments the caller already holds as UTF-8 (property names with
/// their punctuation, such as <c>,"verdict":</c>) copied as they are, and strings quoted and escaped exactly as
/// <see cref="Utf8JsonWriter"/> escapes them by default. A report line has a fixed shape, so the caller writes its
/// structure itself; what this saves over <see cref="Utf8JsonWriter"/> is the per-call state checks and the escaping of
/// the same texts on every line (<see cref="Known"/>). Tests re-read every line it writes with <see cref="JsonDocument"/>
/// and write it back with <see cref="Utf8JsonWriter"/>: the bytes must not change.
/// </summary>
public sealed class JsonLineWriter : IExplanationWriter
{
    /// <summary>
    /// The ASCII bytes <see cref="Utf8JsonWriter"/> writes unescaped by default, asked of the library itself (every
    /// other byte, all of non-ASCII among them, is escaped), so the two agree by construction.
    /// </summary>
    private static readonly SearchValues<byte> Unescaped = SearchValues.Create(UnescapedAscii());

    /// <summary>The same characters as <see cref="Unescaped"/>, to find them in text not yet narrowed.</summary>
    private static readonly SearchValues<char> UnescapedChars = SearchValues.Create(UnescapedAscii().Select(b => (char)b).ToArray());

    /// <summary>Each ASCII character as <see cref="Utf8JsonWriter"/> writes it in a string by default (itself, or its escape), asked of the library.</summary>
    private static readonly byte[][] AsciiWritten = Enumerable.Range(0, 128).Select(c => JsonEncodedText.Encode(((char)c).ToString()).EncodedUtf8Bytes.ToArray()).ToArray();

    private readonly ReferenceTable<string, byte[]> known = new();
    private ArrayBufferWriter<byte>? escaping;
    private Utf8JsonWriter? escaper;
    private byte[] buffer;
    private int length;

    /// <summary>A writer whose buffer starts at <paramref name="capacity"/> bytes and grows as needed.</summary>
    public JsonLineWriter(int capacity = 16 * 1024) => buffer = new byte[Math.Max(capacity, 256)];

    /// <summary>What has been written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => new(buffer, 0, length);

    /// <summary>How many bytes have been written since the last <see cref="Clear"/>.</summary>
    public int Length => length;

    /// <summary>Empties the buffer (keeping its memory and the known texts).</summary>
    public void Clear() => length = 0;

    /// <summary>Copies UTF-8 that is already JSON (punctuation, property names, escaped text).</summary>
    public void Raw(ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        utf8.CopyTo(buffer.AsSpan(length));
        length += utf8.Length;
    }

    /// <summary>One byte of JSON punctuation, such as a comma between array elements.</summary>
    public void Raw(byte utf8)
    {
        Reserve(1);
        buffer[length++] = utf8;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public void Boolean(bool value) => Raw(value ? "true"u8 : "false"u8);

    /// <summary><c>null</c>.</summary>
    public void Null() => Raw("null"u8);

    /// <summary>
    /// A string that differs from line to line (an explanation, a note, a case id), or <c>null</c>. Transcoded straight
    /// into the buffer when it needs no escaping (nearly always); otherwise written by <see cref="Utf8JsonWriter"/>.
    /// </summary>
    public void String(string? text)
    {
        if (text is null) Null();
        else String(text.AsSpan());
    }

    /// <summary><see cref="String(string?)"/> of characters held elsewhere (an explanation as a rule writes it).</summary>
    public void String(ReadOnlySpan<char> text)
    {
        Reserve(text.Length * 3 + 2); // a UTF-16 unit is at most three UTF-8 bytes
        var start = length;
        buffer[start] = (byte)'"';
        var body = buffer.AsSpan(start + 1);
        // ASCII (nearly every text) is narrowed directly; the UTF-8 transcoder costs more per call.
        var ascii = Ascii.FromUtf16(text, body, out var written) == OperationStatus.Done;
        if (ascii || Utf8.FromUtf16(text, body, out _, out written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            var escape = body.Slice(0, written).IndexOfAnyExcept(Unescaped);
            if (escape < 0)
            {
                length = start + 1 + written;
                Raw((byte)'"');
                return;
            }
            if (ascii)
            {
                // An apostrophe or a plus sign in an explanation: ASCII is escaped a character at a time, so the rest is
                // written here, runs that need nothing copied and each other character as the library writes it,
                // instead of through a Utf8JsonWriter.
                length = start + 1 + escape;
                var rest = text.Slice(escape);
                while (true)
                {
                    Raw(AsciiWritten[rest[0]]);
                    rest = rest.Slice(1);
                    var run = rest.IndexOfAnyExcept(UnescapedChars);
                    if (run < 0) run = rest.Length;
                    Reserve(run + 1);
                    Ascii.FromUtf16(rest.Slice(0, run), buffer.AsSpan(length), out _);
                    length += run;
                    rest = rest.Slice(run);
                    if (rest.IsEmpty) break;
                }
                Raw((byte)'"');
                return;
            }
        }
        length = start;
        Raw(Quoted(text)); // non-ASCII text that needs escaping: rare, so the copy does not matter
    }

    /// <summary>An explanation (<see cref="RequirementResult.WriteExplanation"/>), written as a JSON string.</summary>
    void IExplanationWriter.Write(ReadOnlySpan<char> explanation)
    {
        // Kept in the buffer this line's report was evaluated with, which TranscodeKept narrowed whole: copied as it is.
        if (keptClean && kept!.Kept.Overlaps(explanation, out var at) && at >= 0 && at + explanation.Length <= keptLength)
        {
            Raw((byte)'"');
            Raw(keptUtf8.AsSpan(at, explanation.Length));
            Raw((byte)'"');
            return;
        }
        String(explanation);
    }

    // The explanations of the report being written, narrowed to UTF-8 at once (TranscodeKept): one call over a few
    // thousand characters instead of a narrowing and an escape check per explanation, most of which are shorter than
    // a hundred. Used only when every character is ASCII that JSON writes as it is (in practice, every report).
    private ExplanationBuffer? kept;
    private byte[] keptUtf8 = Array.Empty<byte>();
    private int keptLength;
    private bool keptClean;

    /// <summary>
    /// Narrows every explanation <paramref name="explanations"/> holds now, before a report evaluated with it is written:
    /// an explanation handed to this writer that is one of them is then copied, not narrowed and checked on its own.
    /// </summary>
    public void TranscodeKept(ExplanationBuffer explanations)
    {
        kept = explanations;
        var chars = explanations.Kept;
        if (keptUtf8.Length < chars.Length) keptUtf8 = new byte[Math.Max(chars.Length, keptUtf8.Length * 2)];
        keptLength = chars.Length;
        keptClean = Ascii.FromUtf16(chars, keptUtf8, out _) == OperationStatus.Done
            && keptUtf8.AsSpan(0, keptLength).IndexOfAnyExcept(Unescaped) < 0;
    }

    /// <summary>
    /// A string the treaties hold (a rule's text, citation or id, a title, an outcome name), or <c>null</c>: the same few hundred in every
    /// report, kept by reference with their escaped, quoted bytes, so each is escaped once. Bounded, so a caller making
    /// new texts for every case (the interpreter does not; a custom catalog might) cannot make it grow without end:
    /// past the bound, texts are escaped as they are written.
    /// </summary>
    public void Known(string? text)
    {
        if (text is null) Null();
        else Raw(QuotedKnown(text));
    }

    /// <summary>The bytes <see cref="Known"/> writes for <paramref name="text"/>: quoted and escaped, kept by reference.</summary>
    public byte[] QuotedKnown(string text)
    {
        if (!known.TryGet(text, out var quoted))
        {
            quoted = Quoted(text.AsSpan());
            known.Add(text, quoted);
        }
        return quoted;
    }

    /// <summary>
    /// The text as a JSON string, written by <see cref="Utf8JsonWriter"/> itself: the texts that need escaping (and
    /// half surrogate pairs, which it writes rather than refuses) come out exactly as it writes them.
    /// </summary>
    private byte[] Quoted(ReadOnlySpan<char> text)
    {
        escaping ??= new ArrayBufferWriter<byte>(256);
        escaping.ResetWrittenCount();
        escaper ??= new Utf8JsonWriter(escaping);
        escaper.Reset(escaping);
        escaper.WriteStringValue(text);
        escaper.Flush();
        return escaping.WrittenSpan.ToArray();
    }

    private void Reserve(int more)
    {
        if (buffer.Length - length >= more) return;
        Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
    }

    private static byte[] UnescapedAscii()
    {
        var bytes = new List<byte>();
        for (var c = 0; c < 128; c++)
        {
            if (JsonEncodedText.Encode(((char)c).ToString()).EncodedUtf8Bytes.Length == 1) bytes.Add((byte)c);
        }
        return bytes.ToArray();
    }
}
