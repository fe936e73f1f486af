using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TreatyDsl.LanguageServer;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>LSP's base protocol from the client's side: messages framed for the server, and the server's messages read back.</summary>
internal static class LspMessages
{
    public static byte[] Frame(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n").Concat(bytes).ToArray();
    }

    public static string Initialize(string folder, int id = 1) =>
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":" + JsonSerializer.Serialize(new Uri(folder).AbsoluteUri) + ",\"capabilities\":{}}}";

    public static string Hover(string uri, int line, int character, int id) => Hover(uri, line, character, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <param name="rawId">The id as written in the message: <c>99</c>, or <c>"h1"</c> with its quotes.</param>
    public static string Hover(string uri, int line, int character, string rawId) =>
        "{\"jsonrpc\":\"2.0\",\"id\":" + rawId + ",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":" + JsonSerializer.Serialize(uri)
        + "},\"position\":{\"line\":" + line + ",\"character\":" + character + "}}}";

    /// <summary>The shipped us-mx.treaty, the document the tests hover on (they never change it).</summary>
    public static readonly string UsMx = Path.GetFullPath(Path.Combine(Paths.Treaties, "us-mx.treaty"));

    /// <summary>Where us-mx.treaty first names the fact <c>sentence.type</c>: a hover there has an answer.</summary>
    private static readonly (int Line, int Character) FactInUsMx = FindFact();

    private static (int Line, int Character) FindFact()
    {
        var lines = File.ReadAllLines(UsMx);
        var line = Array.FindIndex(lines, l => l.Contains("sentence.type", StringComparison.Ordinal));
        return (line, lines[line].IndexOf("sentence.type", StringComparison.Ordinal) + 2);
    }

    /// <summary>A hover on the fact <c>sentence.type</c> in us-mx.treaty, with the id written <paramref name="rawId"/>.</summary>
    public static string HoverOnAFact(string rawId) => Hover(new Uri(UsMx).AbsoluteUri, FactInUsMx.Line, FactInUsMx.Character, rawId);

    public const string Shutdown = """{"jsonrpc":"2.0","id":"bye","method":"shutdown"}""";

    public const string Exit = """{"jsonrpc":"2.0","method":"exit"}""";

    /// <summary>Every message in <paramref name="output"/>, in order.</summary>
    public static List<JsonElement> Read(byte[] output)
    {
        var messages = new List<JsonElement>();
        var at = 0;
        while (at < output.Length)
        {
            var headerEnd = IndexOf(output, "\r\n\r\n"u8.ToArray(), at);
            var header = Encoding.ASCII.GetString(output, at, headerEnd - at);
            var length = int.Parse(header.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            using var document = JsonDocument.Parse(output.AsMemory(headerEnd + 4, length));
            messages.Add(document.RootElement.Clone());
            at = headerEnd + 4 + length;
        }
        return messages;
    }

    /// <summary>The server run in process on <paramref name="messages"/> (each framed, or given as raw bytes), to the end of them.</summary>
    public static async Task<(int Exit, List<JsonElement> Sent, string Errors)> Serve(IEnumerable<object> messages, int maxMessageBytes = TreatyLanguageServer.DefaultMaxMessageBytes)
    {
        var input = messages.SelectMany(m => m as byte[] ?? Frame((string)m)).ToArray();
        var output = new MemoryStream();
        var errors = new StringWriter();
        var exit = await TreatyLanguageServer.RunAsync(new MemoryStream(input), output, null, errors, maxMessageBytes);
        return (exit, Read(output.ToArray()), errors.ToString());
    }

    public static JsonElement AnswerTo(this List<JsonElement> sent, string rawId) => sent.Single(m => IsAnswerTo(m, rawId));

    /// <summary>Whether a message is the answer (a result or an error) to the request whose id is written <paramref name="rawId"/>.</summary>
    public static bool IsAnswerTo(JsonElement message, string rawId) =>
        message.TryGetProperty("id", out var id) && id.GetRawText() == rawId && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _));

    public static IEnumerable<string> Logged(this List<JsonElement> sent) =>
        sent.Where(m => m.TryGetProperty("method", out var method) && method.GetString() == "window/logMessage").Select(m => m.GetProperty("params").GetProperty("message").GetString()!);

    private static int IndexOf(byte[] bytes, byte[] pattern, int from)
    {
        for (var i = from; i <= bytes.Length - pattern.Length; i++)
        {
            if (bytes.AsSpan(i, pattern.Length).SequenceEqual(pattern)) return i;
        }
        throw new InvalidDataException("a message without the end of its headers");
    }
}
