using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The real <c>treaty lsp</c> process gives back the memory of large documents once they are closed.</summary>
public class ServerMemoryTests(ITestOutputHelper output)
{
    private const int Documents = 8;
    private const int DocumentChars = 4 * 1024 * 1024;

    [Fact]
    public void Memory_comes_back_after_large_documents_close()
    {
        using var server = new LspProcess();
        server.Send(LspMessages.Initialize(Paths.Treaties));
        Assert.NotNull(server.ReadUntil(m => LspMessages.IsAnswerTo(m, "1"), TimeSpan.FromSeconds(60)));
        server.Send("""{"jsonrpc":"2.0","method":"initialized","params":{}}""");
        Hover(server, 2);
        Thread.Sleep(1000); // the first diagnostics published
        var before = server.ResidentBytes;

        var line = "// a comment line in a large document, as a pasted log might make one\n";
        var text = string.Concat(Enumerable.Repeat(line, DocumentChars / line.Length));
        var uris = Enumerable.Range(0, Documents).Select(i => $"file:///tmp/treaty-memory/large{i}.treaty").ToList();
        foreach (var uri in uris)
        {
            server.Send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"treaty\",\"version\":1,\"text\":"
                + JsonSerializer.Serialize(text) + "}}}");
        }
        Hover(server, 3);
        var open = server.ResidentBytes;
        foreach (var uri in uris) server.Send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\"}}}");
        Hover(server, 4);
        // The memory is given back after the next publish of diagnostics, which follows the close by a moment.
        var limit = before + (open - before) / 4;
        var after = server.ResidentBytes;
        for (var wait = 0; wait < 60 && after >= limit; wait++)
        {
            Thread.Sleep(500);
            after = server.ResidentBytes;
        }

        output.WriteLine($"resident: {before / 1e6:F0} MB before, {open / 1e6:F0} MB with {Documents} documents of {DocumentChars / 1e6:F0} M characters open, {after / 1e6:F0} MB after they closed");
        Assert.True(after < limit, $"resident memory {after / 1e6:F0} MB after closing, {before / 1e6:F0} MB before opening, {open / 1e6:F0} MB while open");
    }

    private static void Hover(LspProcess server, int id)
    {
        server.Send(LspMessages.Hover(new Uri(LspMessages.UsMx).AbsoluteUri, 0, 0, id));
        Assert.NotNull(server.ReadUntil(m => LspMessages.IsAnswerTo(m, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(120)));
    }
}
