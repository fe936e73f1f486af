using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TreatyDsl.Tests.LanguageServer;

namespace TreatyDsl.Tests.Fuzzing;

// ---------- json-rpc: the real `treaty lsp` process answers every message and goes on ----------

internal static partial class FuzzTargets
{
    /// <summary>Stands for the path of a named pipe made for the run (a file that never ends if opened).</summary>
    private const string FifoPlaceholder = "{FIFO}";

    private static readonly string ReferenceFile = LspMessages.UsMx;

    /// <summary>
    /// A session: messages for every method the server takes (and some it does not), each made from a well-formed one
    /// and then damaged: members of the wrong type, missing or extra, huge and negative numbers, odd URIs, positions out
    /// of range, bodies cut short or not JSON at all, requests sent as notifications and back. Documents opened, changed
    /// and closed under the server are never the shipped files, so a hover on a shipped file has one right answer.
    /// As JSON: <c>{"messages":[body, ...]}</c>, each body a string, or <c>{"base64": ...}</c> for bytes that are not UTF-8.
    /// </summary>
    public static string JsonRpcSession(Random random)
    {
        var messages = new JsonArray();
        var count = random.Next(4, 24);
        for (var i = 0; i < count; i++)
        {
            var message = WellFormedMessage(random, i);
            var damages = random.Next(4);
            for (var d = 0; d < damages; d++) Damage(random, message);
            var body = message.ToJsonString();
            switch (random.Next(12))
            {
                case 0:
                    messages.Add(body[..random.Next(body.Length)]); // cut short
                    break;
                case 1:
                    var bytes = Encoding.UTF8.GetBytes(body);
                    for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    messages.Add(new JsonObject { ["base64"] = Convert.ToBase64String(bytes) });
                    break;
                case 2:
                    messages.Add(random.Next(3) switch { 0 => new string('[', 5000), 1 => "null", _ => "\"just a string\"" });
                    break;
                default:
                    messages.Add(body);
                    break;
            }
        }
        return new JsonObject { ["messages"] = messages }.ToJsonString();
    }

    private static readonly string[] Methods =
    {
        "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave", "workspace/didChangeWatchedFiles",
        "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion", "textDocument/documentSymbol",
        "initialize", "initialized", "$/cancelRequest", "$/setTrace", "textDocument/formatting", "workspace/symbol",
    };

    private static JsonObject WellFormedMessage(Random random, int index)
    {
        var method = Methods[random.Next(Methods.Length)];
        var uri = FuzzUri(random);
        var position = new JsonObject { ["line"] = random.Next(40), ["character"] = random.Next(60) };
        JsonNode parameters = method switch
        {
            "textDocument/didOpen" => new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "treaty", ["version"] = index, ["text"] = FuzzText(random) } },
            "textDocument/didChange" => new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = index },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = FuzzText(random) }),
            },
            "textDocument/didClose" or "textDocument/didSave" or "textDocument/documentSymbol" or "textDocument/formatting" =>
                new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } },
            "workspace/didChangeWatchedFiles" => new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = uri, ["type"] = random.Next(1, 4) }) },
            "textDocument/references" => new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = position, ["context"] = new JsonObject { ["includeDeclaration"] = random.Next(2) == 0 },
            },
            "initialize" => new JsonObject { ["processId"] = null, ["rootUri"] = uri, ["capabilities"] = new JsonObject() },
            "$/cancelRequest" => new JsonObject { ["id"] = random.Next(100) },
            "$/setTrace" => new JsonObject { ["value"] = "verbose" },
            "initialized" or "workspace/symbol" => new JsonObject(),
            _ => new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = random.Next(3) == 0 ? new Uri(ReferenceFile).AbsoluteUri : uri }, ["position"] = position },
        };
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };
        var isNotification = method.StartsWith("$/", StringComparison.Ordinal) || method.Contains("/did", StringComparison.Ordinal) || method == "initialized";
        if (!isNotification) message["id"] = random.Next(2) == 0 ? (JsonNode)(index + 1000) : "f" + index;
        return message;
    }

    /// <summary>URIs of documents the fuzz may change: never a shipped file (those answer the checking hover).</summary>
    private static string FuzzUri(Random random) => random.Next(14) switch
    {
        0 => "untitled:Untitled-" + random.Next(3),
        1 => "file:///%00.treaty",
        2 => "",
        3 => "http://example.com/x.treaty",
        4 => "file:///tmp/treaty-fuzz/" + new string('a', random.Next(300, 5000)) + ".treaty",
        5 => "file:///tmp/treaty-fuzz/%E2%82%AC%20caf%C3%A9.treaty",
        6 => "file://server/share/x.treaty",
        7 => "file:///tmp/treaty-fuzz/../treaty-fuzz/./b.treaty",
        8 => "file:///" + FifoPlaceholder,
        9 => "not a uri at all",
        10 => "file:///dev/zero",
        _ => "file:///tmp/treaty-fuzz/doc" + random.Next(4) + ".treaty",
    };

    private static string FuzzText(Random random)
    {
        var shipped = File.ReadAllText(Path.Combine(Paths.Treaties, random.Next(2) == 0 ? "us-mx.treaty" : "baseline.treaty"));
        return random.Next(6) switch
        {
            0 => string.Empty,
            1 => shipped,
            2 => shipped[..random.Next(shipped.Length)],
            3 => string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(1, 0xD7FF))),
            4 => string.Concat(Enumerable.Repeat("// a long comment line that says nothing\n", random.Next(1000, 6000))),
            _ => shipped.Insert(random.Next(shipped.Length), new string("{}\"'=.\n"[random.Next(7)], random.Next(1, 50))),
        };
    }

    /// <summary>One damage to a message: a member's value replaced, removed or added, an id dropped or given.</summary>
    private static void Damage(Random random, JsonObject message)
    {
        var objects = new List<JsonObject>();
        Collect(message, objects);
        var target = objects[random.Next(objects.Count)];
        var names = target.Select(p => p.Key).ToList();
        switch (random.Next(6))
        {
            case 0 when names.Count > 0:
                target.Remove(names[random.Next(names.Count)]);
                break;
            case 1 when names.Count > 0:
                target[names[random.Next(names.Count)]] = OddValue(random);
                break;
            case 2:
                target["extra" + random.Next(3)] = OddValue(random);
                break;
            case 3:
                if (message.ContainsKey("id")) message.Remove("id");
                else message["id"] = OddValue(random);
                break;
            default:
                if (target.ContainsKey("line") || target.ContainsKey("character")) target[random.Next(2) == 0 ? "line" : "character"] = HugeNumber(random);
                else if (names.Count > 0) target[names[random.Next(names.Count)]] = OddValue(random);
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        if (node is JsonObject o)
        {
            objects.Add(o);
            foreach (var (_, value) in o) Collect(value, objects);
        }
        else if (node is JsonArray a)
        {
            foreach (var value in a) Collect(value, objects);
        }
    }

    private static JsonNode? OddValue(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => "x",
        2 => true,
        3 => new JsonArray(1, 2, 3),
        4 => new JsonObject { ["a"] = 1 },
        5 => HugeNumber(random),
        6 => -1,
        7 => 1.5,
        _ => new string('\u202e', random.Next(1, 5)),
    };

    private static JsonNode HugeNumber(Random random) => random.Next(4) switch
    {
        0 => JsonNode.Parse("2147483648")!,
        1 => JsonNode.Parse("-2147483649")!,
        2 => JsonNode.Parse("1e308")!,
        _ => JsonNode.Parse("123456789012345678901234567890")!,
    };

    /// <summary>
    /// Drives a fresh <c>treaty lsp</c> through the session. After every message, a hover on a shipped file must be
    /// answered as it was before the session; every request that can be read as one must be answered (a result or an
    /// error) before that hover is; no request may fail inside the server (-32603, or 'failed' on standard error); the
    /// server's output must stay well-formed JSON-RPC; and the server must not exit before shutdown and exit, then exit with 0.
    /// </summary>
    public static void JsonRpc(string session)
    {
        var folder = Directory.CreateTempSubdirectory("treaty-fuzz-").FullName;
        try
        {
            var fifo = Path.Combine(folder, "fifo.treaty");
            if (!OperatingSystem.IsWindows()) System.Diagnostics.Process.Start("mkfifo", fifo)!.WaitForExit();
            var messages = JsonNode.Parse(session)!["messages"]!.AsArray()
                .Select(m => m is JsonObject bytes ? Convert.FromBase64String((string)bytes["base64"]!) : Encoding.UTF8.GetBytes(((string)m!).Replace(FifoPlaceholder, fifo.TrimStart('/'), StringComparison.Ordinal)))
                .ToList();
            using var server = new LspProcess();
            server.Send(LspMessages.Initialize(Paths.Treaties));
            Expect(server.ReadUntil(m => LspMessages.IsAnswerTo(m, "1"), TimeSpan.FromSeconds(60)) is not null, "initialize was not answered");
            server.Send("""{"jsonrpc":"2.0","method":"initialized","params":{}}""");
            var expected = AnswerOfHover(server, "h0");

            for (var i = 0; i < messages.Count; i++)
            {
                server.Send(messages[i]);
                var hoverId = "h" + (i + 1);
                var answer = AnswerOfHover(server, hoverId, out var before);
                Expect(answer == expected, $"after message {i}, the hover on us-mx.treaty was answered {answer}, not {expected}");
                if (RequestId(messages[i]) is { } id) Expect(before.Any(m => LspMessages.IsAnswerTo(m, id)), $"message {i}, a request with id {id}, was not answered before the next one was");
                Expect(!before.Any(m => m.TryGetProperty("error", out var e) && e.GetProperty("code").GetInt32() == -32603), $"message {i} failed inside the server: {string.Join(" ", before.Select(m => m.GetRawText()))}");
            }

            Expect(!server.Errors.Contains("failed", StringComparison.Ordinal), "the server's standard error says something failed: " + server.Errors);
            server.Send(LspMessages.Shutdown);
            Expect(server.ReadUntil(m => LspMessages.IsAnswerTo(m, "\"bye\""), TimeSpan.FromSeconds(30)) is not null, "shutdown was not answered");
            server.Send(LspMessages.Exit);
            Expect(server.WaitForExit(TimeSpan.FromSeconds(30)), "the server did not exit after exit");
            Expect(server.ExitCode == 0, $"the server exited with {server.ExitCode} after shutdown and exit; standard error: {server.Errors}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The hover's answer as JSON text, after checking the server is alive and its output well formed.</summary>
    private static string AnswerOfHover(LspProcess server, string id) => AnswerOfHover(server, id, out _);

    private static string AnswerOfHover(LspProcess server, string id, out List<JsonElement> before)
    {
        server.Send(LspMessages.HoverOnAFact($"\"{id}\""));
        var messages = server.ReadUntil(m => LspMessages.IsAnswerTo(m, $"\"{id}\""), TimeSpan.FromSeconds(60));
        Expect(server.MalformedOutput is null, "the server wrote what is not a JSON-RPC message: " + server.MalformedOutput);
        if (messages is null)
        {
            var exited = server.WaitForExit(TimeSpan.FromSeconds(2));
            Expect(false, $"the hover {id} was not answered in 60 s{(exited ? $": the server exited with {server.ExitCode}; standard error: {server.Errors}" : string.Empty)}");
        }
        before = messages!;
        var answer = messages![^1];
        Expect(answer.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object, $"the hover {id} was answered {answer.GetRawText()}");
        return result.GetRawText();
    }

    /// <summary>
    /// The id of a message that is a request a server can read (UTF-8 text, an object with "jsonrpc": "2.0", a string
    /// method, and a string or number id), else null: a message that cannot be read is answered with a null id, as
    /// JSON-RPC says an id that cannot be read is answered.
    /// </summary>
    private static string? RequestId(byte[] body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
                && root.TryGetProperty("jsonrpc", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() == "2.0"
                ? id.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
