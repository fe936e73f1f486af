using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Rpc;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;
using static TreatyDsl.Tests.LanguageServer.LspMessages;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The JSON-RPC connection on its own: a handler that fails is an answer, never the end of the connection.</summary>
public class RpcConnectionTests
{
    private static async Task<(ConnectionEnd End, System.Collections.Generic.List<JsonElement> Sent, string Errors)> Run(RpcMethods methods, params string[] messages)
    {
        var output = new MemoryStream();
        var errors = new StringWriter();
        var connection = new RpcConnection(new MemoryStream(messages.SelectMany(Frame).ToArray()), output, methods, 1 << 20, errors);
        var end = await connection.Run();
        return (end, Read(output.ToArray()), errors.ToString());
    }

    [Fact]
    public async Task A_request_whose_handler_throws_is_answered_with_an_internal_error_and_the_next_request_is_answered()
    {
        var methods = new RpcMethods();
        methods.Request("fails", LspJsonContext.Default.Object, () => throw new InvalidOperationException("broken on purpose"));
        methods.Request("works", LspJsonContext.Default.Object, () => "fine");

        var (end, sent, errors) = await Run(methods, """{"jsonrpc":"2.0","id":1,"method":"fails"}""", """{"jsonrpc":"2.0","id":2,"method":"works"}""");

        var error = sent.AnswerTo("1").GetProperty("error");
        Assert.Equal(-32603, error.GetProperty("code").GetInt32());
        Assert.Equal("fails failed inside the server (InvalidOperationException: broken on purpose); the server goes on", error.GetProperty("message").GetString());
        Assert.Equal("fine", sent.AnswerTo("2").GetProperty("result").GetString());
        Assert.Contains("treaty lsp: fails failed: System.InvalidOperationException: broken on purpose", errors, StringComparison.Ordinal);
        Assert.Equal(ConnectionEnd.Closed, end);
    }

    [Fact]
    public async Task A_notification_whose_handler_throws_is_logged_and_the_next_request_is_answered()
    {
        var methods = new RpcMethods();
        methods.Notification("breaks", () => throw new InvalidOperationException("broken on purpose"));
        methods.Request("works", LspJsonContext.Default.Object, () => "fine");

        var (_, sent, _) = await Run(methods, """{"jsonrpc":"2.0","method":"breaks"}""", """{"jsonrpc":"2.0","id":2,"method":"works"}""");

        Assert.Equal("treaty lsp: breaks: failed inside the server (InvalidOperationException: broken on purpose); the server goes on", Assert.Single(sent.Logged()));
        Assert.Equal("fine", sent.AnswerTo("2").GetProperty("result").GetString());
    }

    [Fact]
    public async Task An_id_is_answered_exactly_as_it_was_sent()
    {
        var methods = new RpcMethods();
        methods.Request("works", LspJsonContext.Default.Object, () => "fine");

        var (_, sent, _) = await Run(methods, """{"jsonrpc":"2.0","id":1e400,"method":"works"}""", """{"jsonrpc":"2.0","id":"\u00e9","method":"works"}""");

        Assert.Equal("1e400", sent[0].GetProperty("id").GetRawText());
        Assert.Equal("\"\\u00e9\"", sent[1].GetProperty("id").GetRawText());
    }

    [Fact]
    public void A_document_that_leaves_the_workspace_gives_back_its_parse()
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        workspace.Snapshot();
        var before = workspace.CachedParses;

        workspace.Open("untitled:big", "untitled:big", "// " + new string('x', 1_000_000), 1);
        workspace.Snapshot();
        Assert.Equal(before + 1, workspace.CachedParses);
        workspace.Close("untitled:big");
        workspace.Snapshot();

        Assert.Equal(before, workspace.CachedParses);
    }
}
