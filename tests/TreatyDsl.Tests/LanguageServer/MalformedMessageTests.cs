using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static TreatyDsl.Tests.LanguageServer.LspMessages;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>
/// No message ends the language server: each of the messages that once killed it (issue 27) is answered with its
/// JSON-RPC error, or logged when it is a notification, and the hover after it is still answered, as it would be without it.
/// </summary>
public class MalformedMessageTests
{
    private static readonly string UsMxUri = new Uri(UsMx).AbsoluteUri;

    /// <summary>A hover that has an answer: on the fact in us-mx.treaty's first 'sentence.type'.</summary>
    private static string GoodHover() => HoverOnAFact("99");

    private static async Task<(int Exit, List<JsonElement> Sent, string Errors)> Around(params object[] messages) =>
        await Serve(new object[] { Initialize(Paths.Treaties) }.Concat(messages).Concat(new object[] { GoodHover(), Shutdown, Exit }));

    private static void AssertTheHoverAfterIsAnswered(List<JsonElement> sent, int exit)
    {
        var hover = sent.AnswerTo("99");
        Assert.StartsWith("**fact** `sentence.type`", hover.GetProperty("result").GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.treaty"},"position":"x"}}""", "2", -32602, "(at $.position)")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":null}""", "2", -32602, "none were given")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"position":{"line":0,"character":0}}}""", "2", -32602, "'textDocument'")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///a.treaty"},"position":{"line":2147483648,"character":0}}}""", "2", -32602, "(at $.position.line)")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///%00.treaty"},"position":{"line":0,"character":0}}}""", "2", -32602, "not a document URI")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.treaty"},"position":{"line":-1,"character":0}}}""", "2", -32602, "from 0")]
    [InlineData("""{"jsonrpc" """, "null", -32700, "not JSON")]
    [InlineData("""[1,2,3]""", "null", -32600, "batches")]
    [InlineData("""{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}""", "null", -32600, "an id is a string or a number")]
    [InlineData("""{"jsonrpc":"2.0","id":3}""", "3", -32600, "no method")]
    [InlineData("""{"id":4,"method":"textDocument/hover"}""", "4", -32600, "\"jsonrpc\": \"2.0\"")]
    [InlineData("""{"jsonrpc":"2.0","id":"s","method":"textDocument/onTypeFormatting","params":{}}""", "\"s\"", -32601, "does not answer 'textDocument/onTypeFormatting'")]
    [InlineData("""{"jsonrpc":"2.0","id":12345678901234567890123,"method":"textDocument/didOpen","params":{}}""", "12345678901234567890123", -32600, "is a notification")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"initialize","params":{}}""", "5", -32600, "already sent")]
    public async Task A_malformed_request_is_answered_with_its_error_and_the_server_goes_on(string message, string id, int code, string saying)
    {
        var (exit, sent, _) = await Around(message);

        var error = sent.AnswerTo(id).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Contains(saying, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertTheHoverAfterIsAnswered(sent, exit);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.treaty"},"position":{"line":0,"character":0}}}""", "a request sent as a notification")]
    [InlineData("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.treaty"}}}""", "textDocument/didOpen: dropped")]
    [InlineData("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":"x"}""", "params are an object or an array")]
    [InlineData("""{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"file:///%00.treaty","type":1}]}}""", "not a document URI")]
    [InlineData("""{"jsonrpc":"2.0","method":"telemetry/unheardOf","params":{}}""", "a notification the server does not take")]
    public async Task A_malformed_notification_is_logged_and_dropped_and_the_server_goes_on(string message, string logged)
    {
        var (exit, sent, _) = await Around(message);

        Assert.Contains(sent.Logged(), m => m.Contains(logged, StringComparison.Ordinal));
        AssertTheHoverAfterIsAnswered(sent, exit);
    }

    [Fact]
    public async Task A_notification_sent_with_an_id_is_refused_and_not_applied()
    {
        var broken = """{"jsonrpc":"2.0","id":7,"method":"textDocument/didChange","params":{"textDocument":{"uri":"URI","version":2},"contentChanges":[{"text":"garbage"}]}}""".Replace("URI", UsMxUri, StringComparison.Ordinal);

        var (exit, sent, _) = await Around(broken);

        Assert.Equal(-32600, sent.AnswerTo("7").GetProperty("error").GetProperty("code").GetInt32());
        AssertTheHoverAfterIsAnswered(sent, exit); // had the edit been applied, us-mx.treaty would be 'garbage' and the hover empty
    }

    [Fact]
    public async Task A_message_longer_than_the_limit_is_skipped_unread_and_answered_with_an_error()
    {
        var large = """{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"padding":"PAD"}}""".Replace("PAD", new string('x', 4096), StringComparison.Ordinal);

        var (exit, sent, _) = await Serve(new object[] { Initialize(Paths.Treaties), large, GoodHover(), Shutdown, Exit }, maxMessageBytes: 2048);

        var error = sent.AnswerTo("null").GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains("larger than the server reads (2,048 bytes)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertTheHoverAfterIsAnswered(sent, exit);
    }

    [Fact]
    public async Task A_request_before_initialize_is_refused_as_LSP_says_and_initialize_still_works()
    {
        var (exit, sent, _) = await Serve(new object[] { HoverOnAFact("1"), Initialize(Paths.Treaties, id: 2), GoodHover(), Shutdown, Exit });

        Assert.Equal(-32002, sent.AnswerTo("1").GetProperty("error").GetProperty("code").GetInt32());
        AssertTheHoverAfterIsAnswered(sent, exit);
    }

    [Fact]
    public async Task After_shutdown_a_request_is_refused_and_exit_ends_the_server_with_status_0()
    {
        var (exit, sent, _) = await Serve(new object[] { Initialize(Paths.Treaties), Shutdown, GoodHover(), Exit });

        Assert.Equal(-32600, sent.AnswerTo("99").GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, sent.AnswerTo("\"bye\"").GetProperty("result").ValueKind);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task A_named_pipe_announced_as_a_changed_file_is_never_opened_and_the_next_request_is_answered()
    {
        if (OperatingSystem.IsWindows()) return; // named pipes in the file system are a Unix thing
        var folder = Directory.CreateTempSubdirectory("treaty-fifo-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Paths.Treaties, "*.treaty")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var fifo = Path.Combine(folder, "fifo.treaty");
            System.Diagnostics.Process.Start("mkfifo", fifo)!.WaitForExit();
            var hover = Hover(new Uri(Path.Combine(folder, "us-mx.treaty")).AbsoluteUri, 0, 0, id: 98);
            var changed = """{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"URI","type":2}]}}""".Replace("URI", new Uri(fifo).AbsoluteUri, StringComparison.Ordinal);

            var served = Serve(new object[] { Initialize(folder), changed, hover, Shutdown, Exit });
            var finished = await Task.WhenAny(served, Task.Delay(TimeSpan.FromSeconds(30)));

            Assert.Same(served, finished);
            var (exit, sent, _) = await served;
            Assert.True(sent.AnswerTo("98").TryGetProperty("result", out _));
            Assert.Equal(0, exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
