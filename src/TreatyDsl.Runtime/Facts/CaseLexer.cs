using System;
using System.ComponentModel;
using System.Text.Json;

namespace TreatyDsl.Runtime;

/// <summary>
/// The tokens of a case file written in the plainest JSON, for the generated readers' first try: the same tokens
/// <see cref="Utf8JsonReader"/> gives (its token types, a string's or number's bytes as its value), for the JSON a case
/// line nearly always is, at a fraction of its cost per token (it was most of reading a case). Everything else it
/// declines (<see cref="Read"/> returns false and <see cref="Finished"/> stays false), and the generated reader then
/// reads the file again with <see cref="Utf8JsonReader"/>: a property name with an escape, a string with a surrogate
/// escape (<c>\uD800</c> to <c>\uDFFF</c>) or an escape JSON does not have, a control or a non-ASCII byte, a
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

    /// <summary>
    /// Whether the string read last is written with escapes (<c>\"</c>, <c>\n</c>, <c>\u2014</c>...): then
    /// <see cref="ValueSpan"/> holds them as written, as <see cref="Utf8JsonReader.ValueSpan"/> does, and
    /// <see cref="CaseJson"/> unescapes it (<see cref="Unescape"/>).
    /// </summary>
    public bool ValueIsEscaped { get; private set; }

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
        ValueIsEscaped = false;
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

    /// <summary>
    /// A string of printable ASCII: its bytes are then its characters, but for the escapes a string value (not a
    /// property name) may hold, which <see cref="Unescape"/> turns into theirs.
    /// </summary>
    private bool String(JsonTokenType type)
    {
        // The span and index in locals: read through this struct's fields, each byte costs several loads.
        var text = json;
        var start = position + 1;
        var i = start;
        var plain = Plain;
        var escaped = false;
        while (true)
        {
            while ((uint)i < (uint)text.Length && plain[text[i]] != 0) i++;
            if (type != JsonTokenType.String || (uint)i >= (uint)text.Length || text[i] != (byte)'\\') break;
            var length = EscapeLength(text, i);
            if (length == 0) return Decline();
            i += length;
            escaped = true;
        }
        // Stopped at the closing quote, or at a control, DEL, a non-ASCII byte or an escape it leaves to the library.
        if (i >= text.Length || text[i] != (byte)'"') return Decline();
        ValueIsEscaped = escaped;
        TokenType = type;
        valueStart = start;
        valueLength = i - start;
        position = i + 1;
        return true;
    }

    /// <summary>
    /// The length of the escape at <paramref name="at"/> (its backslash): 2 for <c>\" \\ \/ \b \f \n \r \t</c>, 6 for
    /// <c>\uXXXX</c> outside the surrogates; 0 for anything else, declined (a surrogate pair is the library's to join).
    /// </summary>
    private static int EscapeLength(ReadOnlySpan<byte> text, int at)
    {
        if (at + 1 >= text.Length) return 0;
        switch (text[at + 1])
        {
            case (byte)'"': case (byte)'\\': case (byte)'/': case (byte)'b': case (byte)'f': case (byte)'n': case (byte)'r': case (byte)'t':
                return 2;
            case (byte)'u':
                if (at + 5 >= text.Length) return 0;
                var code = 0;
                for (var k = at + 2; k < at + 6; k++)
                {
                    var digit = Hex(text[k]);
                    if (digit < 0) return 0;
                    code = code * 16 + digit;
                }
                return code is >= 0xD800 and <= 0xDFFF ? 0 : 6;
            default:
                return 0;
        }
    }

    /// <summary>The UTF-16 unit a <c>\uXXXX</c> escape writes, from its four hex digits at <paramref name="at"/> (already checked).</summary>
    internal static int Unit(ReadOnlySpan<byte> escaped, int at) =>
        (Hex(escaped[at]) << 12) | (Hex(escaped[at + 1]) << 8) | (Hex(escaped[at + 2]) << 4) | Hex(escaped[at + 3]);

    /// <summary>A hex digit's value, or -1 for a byte that is not one.</summary>
    internal static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>The characters of a string value the lexer read with escapes (<see cref="ValueIsEscaped"/>), as the library's <c>GetString</c> gives them.</summary>
    public static string Unescape(ReadOnlySpan<byte> escaped)
    {
        var chars = new char[escaped.Length];
        var n = 0;
        for (var i = 0; i < escaped.Length; i++)
        {
            var b = escaped[i];
            if (b != (byte)'\\')
            {
                chars[n++] = (char)b;
                continue;
            }
            var kind = escaped[++i];
            switch (kind)
            {
                case (byte)'b': chars[n++] = '\b'; break;
                case (byte)'f': chars[n++] = '\f'; break;
                case (byte)'n': chars[n++] = '\n'; break;
                case (byte)'r': chars[n++] = '\r'; break;
                case (byte)'t': chars[n++] = '\t'; break;
                case (byte)'u':
                    chars[n++] = (char)Unit(escaped, i + 1);
                    i += 4;
                    break;
                default: chars[n++] = (char)kind; break; // " \ /
            }
        }
        return new string(chars, 0, n);
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
