using System.IO;
using System.Text;
using System.Threading.Tasks;
using TreatyDsl.LanguageServer;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>How the language server's connection ends: a client that sends what is not a message hears why, on standard error, with a status that is not 0.</summary>
public class ConnectionTests
{
    private static async Task<(int Exit, string Errors)> Serve(string sent)
    {
        var errors = new StringWriter();
        var exit = await TreatyLanguageServer.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(sent)), new MemoryStream(), null, errors);
        return (exit, errors.ToString());
    }

    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n{}")]
    [InlineData("Content-Length: -5\r\n\r\n{}")]
    [InlineData("Content-Type: application/vscode-jsonrpc\r\n\r\n{}")]
    [InlineData("Content-Length: 99999999999999999999999\r\n\r\n{}")]
    [InlineData("Content-Length: 10\r\n\r\n{}")]
    [InlineData("no colon here\r\n\r\n{}")]
    public async Task Broken_framing_is_reported_on_standard_error_with_a_status_that_is_not_0(string sent)
    {
        var (exit, errors) = await Serve(sent);

        Assert.NotEqual(0, exit);
        Assert.StartsWith("treaty lsp: the connection broke", errors, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_line_of_ten_megabytes_breaks_the_framing_after_reading_at_most_its_limit()
    {
        var (exit, errors) = await Serve("X-Padding: " + new string('x', 10 * 1024 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}");

        Assert.Equal(1, exit);
        Assert.Equal("treaty lsp: the connection broke, so the server stops: a header line is longer than 8,192 bytes" + System.Environment.NewLine, errors);
    }

    [Fact]
    public async Task A_client_that_closes_the_stream_is_not_reported_as_a_broken_connection()
    {
        var (exit, errors) = await Serve(string.Empty);

        Assert.Equal(1, exit); // no shutdown was asked for, as LSP says
        Assert.Empty(errors);
    }
}
