using System;
using System.ComponentModel;
using System.Text.Json;

namespace TreatyDsl.Runtime;

/// <summary>
/// The tokens of a case file written in the plainest JSON, for the generated readers' first try: the same tokens
/// <see cref="Utf8JsonReader"/> gives (its token types, a string's or number's bytes as its value), for the JSON a case
/// line nearly always is, at a fraction of its cost per token (it was most of reading a case). Everything else it
/// declines (<see cref="Read"/> returns false and <see cref="Finished"/> stays false), and the generated reader then
/// reads the file again with <see cref="Utf8JsonReader"/>: a string with an escape, a control or a non-ASCII byte, a
/// number with a fraction or an exponent, or negative zero, a comment, a trailing comma, nesting deeper than 64, and
/// anything that is not JSON. So it never reads a file differently, only some files faster.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct CaseLexer
{
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> json;
    private int position;
    private int valueStart;
    private int valueLength;
    private ulong objects; // one bit per open container, set for an object
    private int depth;
    private bool declined;

    /// <summary>A lexer at the start of <paramref name="utf8"/> (a whole file, without a byte order mark).</summary>
    public CaseLexer(ReadOnlySpan<byte> utf8)
    {
        json = utf8;
        position = 0;
        valueStart = 0;
        valueLength = 0;
        objects = 0;
        depth = 0;
        declined = false;
        TokenType = JsonTokenType.None;
        Finished = false;
    }

    /// <summary>The token read last, as <see cref="Utf8JsonReader.TokenType"/> names it.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>A property name's or string's bytes between the quotes, a number's bytes; empty for other tokens.</summary>
    public ReadOnlySpan<byte> ValueSpan => json.Slice(valueStart, valueLength);

    /// <summary>True once the one top-level value has been read and nothing but white space follows it.</summary>
    public bool Finished { get; private set; }

    /// <summary>
    /// Reads the next token: true when there is one; false at the end of the file (<see cref="Finished"/>) or at anything
    /// this lexer leaves to <see cref="Utf8JsonReader"/> (not finished).
    /// </summary>
    public bool Read()
    {
        if (declined || Finished) return false;
        SkipWhiteSpace();
        valueLength = 0;
        if (TokenType == JsonTokenType.None) return position < json.Length ? Value() : Decline();
        if (depth == 0)
        {
            // The top-level value is complete: white space may follow it, nothing else.
            if (position < json.Length) return Decline();
            Finished = true;
            return false;
        }
        if (position >= json.Length) return Decline();
        var next = json[position];
        var inObject = (objects & (1UL << (depth - 1))) != 0;
        switch (TokenType)
        {
            case JsonTokenType.StartObject:
                return next == (byte)'}' ? End(JsonTokenType.EndObject) : PropertyName();
            case JsonTokenType.StartArray:
                return next == (byte)']' ? End(JsonTokenType.EndArray) : Value();
            case JsonTokenType.PropertyName:
                return Value();
            default: // after a value: the container closes, or a comma and the next entry
                if (next == (inObject ? (byte)'}' : (byte)']')) return End(inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
                if (next != (byte)',') return Decline();
                position++;
                SkipWhiteSpace();
                if (position >= json.Length) return Decline();
                // A trailing comma (the container closing next) is declined there: '}' is not a name, ']' not a value.
                return inObject ? PropertyName() : Value();
        }
    }

    private bool Value()
    {
        switch (json[position])
        {
            case (byte)'{': return Open(JsonTokenType.StartObject, isObject: true);
            case (byte)'[': return Open(JsonTokenType.StartArray, isObject: false);
            case (byte)'"': return String(JsonTokenType.String);
            case (byte)'t': return Literal("true"u8, JsonTokenType.True);
            case (byte)'f': return Literal("false"u8, JsonTokenType.False);
            case (byte)'n': return Literal("null"u8, JsonTokenType.Null);
            default: return Number();
        }
    }

    /// <summary>A property name and the colon after it (<see cref="Utf8JsonReader"/> reads them as one token).</summary>
    private bool PropertyName()
    {
        if (json[position] != (byte)'"' || !String(JsonTokenType.PropertyName)) return Decline();
        SkipWhiteSpace();
        if (position >= json.Length || json[position] != (byte)':') return Decline();
        position++;
        return true;
    }

    /// <summary>A string of printable ASCII without escapes: its bytes are then its characters.</summary>
    private bool String(JsonTokenType type)
    {
        // The span and index in locals: read through this struct's fields, each byte costs several loads.
        var text = json;
        var start = position + 1;
        var i = start;
        var plain = Plain;
        while ((uint)i < (uint)text.Length && plain[text[i]] != 0) i++;
        // Stopped at the closing quote, or at a control, DEL, a non-ASCII byte or an escape, which are declined.
        if (i >= text.Length || text[i] != (byte)'"') return Decline();
        TokenType = type;
        valueStart = start;
        valueLength = i - start;
        position = i + 1;
        return true;
    }

    /// <summary>1 for each byte a plain string holds as it is: printable ASCII but the quote and the backslash.</summary>
    private static ReadOnlySpan<byte> Plain => new byte[]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // controls
        1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // '"' is 0x22
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, // '\\' is 0x5C
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, // DEL is 0x7F
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // non-ASCII
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    };

    /// <summary>A whole number as JSON writes it (no leading zero, no negative zero); a fraction or exponent is declined where it starts.</summary>
    private bool Number()
    {
        var text = json;
        var start = position;
        var i = position;
        if (text[i] == (byte)'-') i++;
        if (i >= text.Length || text[i] is < (byte)'1' or > (byte)'9')
        {
            // Zero is written "0" alone; "-0" is a decimal zero with a sign, left to the library's own parsing.
            if (i == start && i < text.Length && text[i] == (byte)'0') i++;
            else return Decline();
        }
        else
        {
            while (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9') i++;
        }
        TokenType = JsonTokenType.Number;
        valueStart = start;
        valueLength = i - start;
        position = i;
        return true;
    }

    private bool Literal(ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!json.Slice(position).StartsWith(literal)) return Decline();
        TokenType = type;
        position += literal.Length;
        return true;
    }

    private bool Open(JsonTokenType type, bool isObject)
    {
        if (depth >= MaxDepth) return Decline();
        if (isObject) objects |= 1UL << depth;
        else objects &= ~(1UL << depth);
        depth++;
        TokenType = type;
        position++;
        return true;
    }

    private bool End(JsonTokenType type)
    {
        depth--;
        TokenType = type;
        position++;
        return true;
    }

    private void SkipWhiteSpace()
    {
        var text = json;
        var i = position;
        // Spaces first, and anything above a space ends the run at once: the pattern of four compares cost a dozen instructions a byte.
        while (i < text.Length)
        {
            var b = text[i];
            if (b != (byte)' ' && (b > (byte)' ' || (b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t'))) break;
            i++;
        }
        position = i;
    }

    private bool Decline()
    {
        declined = true;
        return false;
    }
}
