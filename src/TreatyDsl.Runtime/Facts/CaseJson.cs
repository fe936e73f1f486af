using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Text.Json;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>
/// What the generated case readers (<see cref="ITypedCaseReader"/>) share: one JSON value of each kind of fact, read
/// exactly as <see cref="CaseFileReader"/> accepts it, or declined (false) so that the general reader reads the file
/// and says what is wrong. A declined value is never an error here: an escaped enum name, a year 0000 or a long
/// number are left to the general reader rather than judged twice.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CaseJson
{
    /// <summary>The JSON case files may be written in, for the generated readers and the general reader alike: comments skipped, trailing commas allowed.</summary>
    public static JsonReaderOptions Options => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The name of the property the reader is on, when it is written without escapes.</summary>
    public static bool PropertyName(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || reader.HasValueSequence) return false;
        name = reader.ValueSpan;
        return true;
    }

    /// <summary>The string value the reader is on, when it is written without escapes (how enum names are compared).</summary>
    public static bool PlainString(ref Utf8JsonReader reader, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence) return false;
        value = reader.ValueSpan;
        return true;
    }

    /// <summary>true, false or null.</summary>
    public static bool Bool(ref Utf8JsonReader reader, out bool? value) => Bool(reader.TokenType, out value);

    private static bool Bool(JsonTokenType token, out bool? value)
    {
        value = null;
        switch (token)
        {
            case JsonTokenType.Null: return true;
            case JsonTokenType.True: value = true; return true;
            case JsonTokenType.False: value = false; return true;
            default: return false;
        }
    }

    /// <summary>A number that fits a decimal, or null.</summary>
    public static bool Number(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var number)) return false;
        value = number;
        return true;
    }

    /// <summary>Any string (escapes decoded; an unpaired surrogate, or more than <see cref="CaseFileReader.MaxTextBytes"/>, declines), or null.</summary>
    public static bool Text(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > CaseFileReader.MaxTextBytes) return false;
        try
        {
            value = reader.GetString();
            return value is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>An assigned ISO 3166-1 alpha-2 code, as one shared string per code, or null.</summary>
    public static bool Country(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        return PlainString(ref reader, out var code) && Country(code, out value);
    }

    private static bool Country(ReadOnlySpan<byte> code, out string? value)
    {
        value = code.Length == 2 ? CountryCodes.FromLetters(code[0], code[1]) : null;
        return value is not null;
    }

    /// <summary>An ISO date, <c>YYYY-MM-DD</c>, that exists in the calendar (year 0001 or later), or null.</summary>
    public static bool Date(ref Utf8JsonReader reader, out LocalDate? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        return PlainString(ref reader, out var text) && Date(text, out value);
    }

    private static bool Date(ReadOnlySpan<byte> text, out LocalDate? value)
    {
        value = null;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-') return false;
        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return false;
        value = new LocalDate(year, month, day);
        return true;
    }

    // The same values read from a CaseLexer, whose strings are printable ASCII without escapes and whose numbers are
    // whole: what each overload above reads of the same JSON, by the same rules.

    /// <summary>The name of the property the lexer is on.</summary>
    public static bool PropertyName(ref CaseLexer reader, out ReadOnlySpan<byte> name)
    {
        name = reader.TokenType == JsonTokenType.PropertyName ? reader.ValueSpan : default;
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>The string value the lexer is on, when it is written without escapes (how enum names are compared).</summary>
    public static bool PlainString(ref CaseLexer reader, out ReadOnlySpan<byte> value)
    {
        var plain = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped;
        value = plain ? reader.ValueSpan : default;
        return plain;
    }

    /// <summary>true, false or null.</summary>
    public static bool Bool(ref CaseLexer reader, out bool? value) => Bool(reader.TokenType, out value);

    /// <summary>A number that fits a decimal, or null: parsed as <see cref="Utf8JsonReader.TryGetDecimal"/> parses it.</summary>
    public static bool Number(ref CaseLexer reader, out decimal? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        var span = reader.ValueSpan;
        if (reader.TokenType != JsonTokenType.Number || !Utf8Parser.TryParse(span, out decimal number, out var consumed) || consumed != span.Length) return false;
        value = number;
        return true;
    }

    /// <summary>Any string (more than <see cref="CaseFileReader.MaxTextBytes"/> declines), or null: ASCII, so each byte is its character, but for the escapes.</summary>
    public static bool Text(ref CaseLexer reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > CaseFileReader.MaxTextBytes) return false;
        var bytes = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            value = CaseLexer.Unescape(bytes);
            return true;
        }
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        value = new string(chars);
        return true;
    }

    /// <summary>An assigned ISO 3166-1 alpha-2 code, as one shared string per code, or null.</summary>
    public static bool Country(ref CaseLexer reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        return PlainString(ref reader, out var code) && Country(code, out value);
    }

    /// <summary>An ISO date, <c>YYYY-MM-DD</c>, that exists in the calendar (year 0001 or later), or null.</summary>
    public static bool Date(ref CaseLexer reader, out LocalDate? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        return PlainString(ref reader, out var text) && Date(text, out value);
    }

    /// <summary>The number written in <paramref name="count"/> ASCII digits from <paramref name="start"/>; -1 when one is not a digit.</summary>
    private static int Digits(ReadOnlySpan<byte> text, int start, int count)
    {
        var result = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - (byte)'0';
            if (digit is < 0 or > 9) return -1;
            result = result * 10 + digit;
        }
        return result;
    }
}
