using System.Text.Json;
using TreatyDsl.LanguageServer.Protocol;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The wire's JSON: LSP's camel-case names, nulls left out, and strict reading of what a message must carry.</summary>
public class WireContextTests
{
    [Fact]
    public void The_wire_names_are_camel_case_and_nulls_are_left_out()
    {
        var hover = new Hover(MarkupContent.Markdown("text"), Range: null);

        var json = JsonSerializer.Serialize(hover, LspJsonContext.Default.Hover);

        Assert.Equal("""{"contents":{"kind":"markdown","value":"text"}}""", json);
    }

    [Theory]
    [InlineData("""{"position":{"line":0,"character":0}}""")]
    [InlineData("""{"textDocument":null,"position":{"line":0,"character":0}}""")]
    [InlineData("""{"textDocument":{"uri":"file:///a.treaty"},"position":"x"}""")]
    [InlineData("""{"textDocument":{"uri":"file:///a.treaty"},"position":{"line":2147483648,"character":0}}""")]
    [InlineData("""{"textDocument":{"uri":7},"position":{"line":0,"character":0}}""")]
    public void Parameters_without_a_member_LSP_requires_or_with_one_of_the_wrong_type_are_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LspJsonContext.Default.TextDocumentPositionParams));
    }

    [Fact]
    public void Members_LSP_leaves_optional_may_be_left_out_and_unknown_members_are_ignored()
    {
        var parameters = JsonSerializer.Deserialize("""{"processId":null,"capabilities":{}}""", LspJsonContext.Default.InitializeParams)!;

        Assert.Null(parameters.RootUri);
        Assert.Null(parameters.WorkspaceFolders);
    }
}
