using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>
/// The generated readers try <see cref="CaseLexer"/> first and fall back to <see cref="Utf8JsonReader"/> when it declines.
/// That is sound only if every file the lexer reads to the end is one the library reads to the end too, as the same
/// tokens: these tests hold it to that on the samples, on many thousands of damaged samples, and on what it must decline.
/// </summary>
public class CaseLexerTests
{
    private static IEnumerable<byte[]> Samples() =>
        Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes);

    /// <summary>The lexer's tokens (type, and the value of names, strings and numbers), and whether it finished.</summary>
    private static (List<string> Tokens, bool Finished) Lex(byte[] utf8)
    {
        var tokens = new List<string>();
        var lexer = new CaseLexer(utf8);
        while (lexer.Read()) tokens.Add(Token(lexer.TokenType, lexer.ValueSpan));
        return (tokens, lexer.Finished);
    }

    /// <summary>The library's tokens, as case files are read (comments skipped, trailing commas allowed); null when it throws.</summary>
    private static List<string>? Library(byte[] utf8)
    {
        var tokens = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(utf8, CaseJson.Options);
            while (reader.Read())
            {
                var value = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String or JsonTokenType.Number ? reader.ValueSpan : default;
                tokens.Add(Token(reader.TokenType, value));
            }
            return tokens;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Token(JsonTokenType type, ReadOnlySpan<byte> value) =>
        type is JsonTokenType.PropertyName or JsonTokenType.String or JsonTokenType.Number ? $"{type}:{Encoding.UTF8.GetString(value)}" : type.ToString();

    [Fact]
    public void Every_sample_case_is_read_to_the_end_as_the_same_tokens_the_library_reads()
    {
        foreach (var sample in Samples())
        {
            var (tokens, finished) = Lex(sample);
            Assert.True(finished);
            Assert.Equal(Library(sample), tokens);
        }
    }

    [Fact]
    public void A_damaged_case_the_lexer_reads_to_the_end_is_read_by_the_library_as_the_same_tokens()
    {
        // Each sample with one to three bytes deleted, inserted or replaced, from an alphabet of JSON's own characters and
        // a few it must decline. Whatever the lexer finishes, the library must read, token for token.
        const string alphabet = "{}[]:,\"\\/ \t\n\r-+0123456789.eEtrufalsnxz\u0001\u007f";
        var random = new Random(20261123);
        var samples = Samples().ToArray();
        int finished = 0, declined = 0;
        for (var round = 0; round < 20000; round++)
        {
            var bytes = samples[random.Next(samples.Length)].ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                var b = random.Next(20) == 0 ? (byte)0xC3 : (byte)alphabet[random.Next(alphabet.Length)];
                switch (random.Next(3))
                {
                    case 0: bytes.RemoveAt(at); break;
                    case 1: bytes.Insert(at, b); break;
                    default: bytes[at] = b; break;
                }
            }
            var text = bytes.ToArray();
            var (tokens, done) = Lex(text);
            if (!done)
            {
                declined++;
                continue;
            }
            finished++;
            Assert.Equal(Library(text), tokens);
        }
        Assert.True(finished > 2000 && declined > 2000, $"finished {finished}, declined {declined}: too few of one kind for the test to prove much");
    }

    [Theory]
    [InlineData("{\"i\\u0064\":\"A\"}")] // an escape in a property name
    [InlineData("{\"id\":\"\\uD83D\\uDE00\"}")] // a surrogate pair: the library joins it
    [InlineData("{\"id\":\"a\\xb\"}")] // an escape JSON does not have
    [InlineData("{\"id\":\"a\\u12G4\"}")] // a \u escape with a non-hex digit
    [InlineData("{\"id\":\"A\"} // a comment")]
    [InlineData("{\"id\":\"A\",}")] // a trailing comma
    [InlineData("{\"n\":[1,2,]}")]
    [InlineData("{\"n\":1.5}")] // a fraction
    [InlineData("{\"n\":1e3}")] // an exponent
    [InlineData("{\"n\":-0}")] // negative zero: a decimal with a sign
    [InlineData("{\"n\":01}")]
    [InlineData("{\"id\":\"Jos\u00e9\"}")] // non-ASCII
    [InlineData("{\"id\":\"A\"}}")]
    [InlineData("{\"id\" \"A\"}")]
    [InlineData("{\"id\":\"A\"")]
    [InlineData("")]
    public void Anything_but_the_plainest_json_is_declined(string json)
    {
        Assert.False(Lex(Encoding.UTF8.GetBytes(json)).Finished);
    }

    [Fact]
    public void A_string_is_read_with_every_printable_ascii_byte_but_the_quote_and_backslash_and_declined_with_any_other()
    {
        for (var b = 0; b < 256; b++)
        {
            var json = new byte[] { (byte)'"', (byte)'x', (byte)b, (byte)'y', (byte)'"' };
            var plain = b is >= 0x20 and <= 0x7E && b != '"' && b != '\\';
            Assert.True(plain == Lex(json).Finished, $"byte 0x{b:X2}");
            if (plain) Assert.Equal(Library(json), Lex(json).Tokens);
        }
    }

    [Theory]
    [InlineData("{\"id\":\"a\\\"b\"}", "a\"b")]
    [InlineData("{\"id\":\"\\\\ \\/ \\b \\f \\n \\r \\t\"}", "\\ / \b \f \n \r \t")]
    [InlineData("{\"id\":\"Importation of \\\"controlled\\\" substances \\u2014 count 1\\n(plea)\"}", "Importation of \"controlled\" substances \u2014 count 1\n(plea)")]
    [InlineData("{\"id\":\"\\u0041\\u00e9\\uFFFF\\u0000\"}", "A\u00e9\uFFFF\u0000")]
    public void A_string_value_with_escapes_is_read_as_the_library_reads_it_and_unescaped_to_the_librarys_characters(string json, string expected)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var (tokens, finished) = Lex(utf8);
        Assert.True(finished);
        Assert.Equal(Library(utf8), tokens);

        var lexer = new CaseLexer(utf8);
        while (lexer.Read() && lexer.TokenType != JsonTokenType.String) { }
        Assert.True(lexer.ValueIsEscaped);
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read() && reader.TokenType != JsonTokenType.String) { }
        Assert.Equal(reader.GetString(), CaseLexer.Unescape(lexer.ValueSpan));
        Assert.Equal(expected, CaseLexer.Unescape(lexer.ValueSpan));
    }

    [Fact]
    public void Every_escape_the_lexer_reads_unescapes_to_the_librarys_characters()
    {
        // Every \u escape outside the surrogates, and every short escape, between plain characters.
        for (var code = 0; code <= 0xFFFF; code += code < 0x200 ? 1 : 97)
        {
            if (code is >= 0xD800 and <= 0xDFFF) continue;
            var utf8 = Encoding.UTF8.GetBytes($"\"a\\u{code:X4}b\\n\"");
            var lexer = new CaseLexer(utf8);
            Assert.True(lexer.Read());
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            Assert.Equal(reader.GetString(), CaseLexer.Unescape(lexer.ValueSpan));
        }
    }

    [Fact]
    public void Nesting_deeper_than_the_library_allows_is_declined()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65));
        var allowed = Encoding.UTF8.GetBytes(new string('[', 64) + new string(']', 64));
        Assert.False(Lex(deep).Finished);
        Assert.True(Lex(allowed).Finished);
        Assert.NotNull(Library(allowed));
    }
}
