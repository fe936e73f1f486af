using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Rpc;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The language server's comparison on request: the open files against the saved ones, as <c>treaty diff</c> answers.</summary>
public class ComparisonFeatureTests
{
    private static readonly string UsTh = Path.GetFullPath(Path.Combine(Paths.Treaties, "us-th.treaty"));

    private static TreatyWorkspace WithUsThOpen(Func<string, string> edit)
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        workspace.Open(UsTh, new Uri(UsTh).AbsoluteUri, edit(File.ReadAllText(UsTh)), 1);
        return workspace;
    }

    private static JsonElement[] Arguments(params string[] values) => values.Select(v => JsonSerializer.SerializeToElement(v)).ToArray();

    [Fact]
    public void An_unsaved_edit_to_a_threshold_is_compared_with_the_saved_files_and_each_change_is_placed_at_the_threshold()
    {
        var workspace = WithUsThOpen(text => text.Replace("override threshold minTimeRemaining: 12 months", "override threshold minTimeRemaining: 18 months"));

        var answer = ComparisonFeature.Run(workspace, Arguments(ComparisonFeature.Saved));

        Assert.True(answer.MayChange);
        Assert.StartsWith("1 instrument answers some case differently (us-th: eligible → ineligible, ", answer.Summary);
        Assert.StartsWith("treaty diff: the saved files → the open files", answer.Text);
        Assert.NotEmpty(answer.Items);
        Assert.All(answer.Items, item =>
        {
            Assert.Equal(new Uri(UsTh).AbsoluteUri, item.Uri);
            Assert.Equal(18, item.Range.Start.Line);
            Assert.Equal("change", item.Kind);
        });
        Assert.Contains(answer.Items, i => i.Message.StartsWith("us-th: eligible before, ineligible now for a case from US to TH (", StringComparison.Ordinal)
            && i.Message.EndsWith("because min-remaining is not-met now, met before", StringComparison.Ordinal));
    }

    [Fact]
    public void The_open_files_as_saved_change_nothing()
    {
        var answer = ComparisonFeature.Run(WithUsThOpen(text => text), null);
        Assert.False(answer.MayChange);
        Assert.Equal("no case is answered differently; 13 with the same rules, 0 proved unchanged, 0 not analysed", answer.Summary);
        Assert.Empty(answer.Items);
    }

    [Fact]
    public void An_open_file_with_errors_is_not_compared_and_the_answer_says_why()
    {
        var answer = ComparisonFeature.Run(WithUsThOpen(text => text + "\nrequire broken: \"t\" cite \"c\" when nosuchfact\n"), Arguments(ComparisonFeature.Saved));
        Assert.Equal("not compared: the open files have errors (see the problems listed), so nothing was compared", answer.Summary);
        Assert.False(answer.MayChange);
    }

    [Fact]
    public void An_argument_that_names_no_side_is_an_invalid_parameter_error()
    {
        var error = Assert.Throws<RpcException>(() => ComparisonFeature.Run(WithUsThOpen(text => text), Arguments("yesterday")));
        Assert.Equal("treaty.compare: the first argument is \"saved\" or \"committed\", not \"yesterday\"", error.Message);
    }

    [Fact]
    public void Every_document_has_lenses_that_run_the_comparison_against_the_saved_files_and_the_last_commit()
    {
        var lenses = ComparisonFeature.Lenses();
        Assert.Equal(new[] { "saved", "committed" }, lenses.Select(l => l.Command!.Arguments!.Single().GetString()));
        Assert.All(lenses, l => Assert.Equal("treaty.compare", l.Command!.Name));
    }

    [Fact]
    public async Task Over_the_wire_the_server_offers_the_command_and_answers_it_with_the_summary()
    {
        var uri = new Uri(UsTh).AbsoluteUri;
        var text = File.ReadAllText(UsTh).Replace("override threshold minTimeRemaining: 12 months", "override threshold minTimeRemaining: 18 months");
        var (_, sent, _) = await LspMessages.Serve(new object[]
        {
            LspMessages.Initialize(Paths.Treaties),
            "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":" + JsonSerializer.Serialize(uri) + ",\"languageId\":\"treaty\",\"version\":1,\"text\":" + JsonSerializer.Serialize(text) + "}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/codeLens\",\"params\":{\"textDocument\":{\"uri\":" + JsonSerializer.Serialize(uri) + "}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"treaty.compare\",\"arguments\":[\"saved\"]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"treaty.format\"}}",
            LspMessages.Shutdown,
            LspMessages.Exit,
        });
        var capabilities = sent.AnswerTo("1").GetProperty("result").GetProperty("capabilities");
        Assert.Equal("treaty.compare", capabilities.GetProperty("executeCommandProvider").GetProperty("commands")[0].GetString());
        Assert.Equal(2, sent.AnswerTo("2").GetProperty("result").GetArrayLength());
        Assert.StartsWith("1 instrument answers some case differently (us-th:", sent.AnswerTo("3").GetProperty("result").GetProperty("summary").GetString());
        Assert.Equal(-32602, sent.AnswerTo("4").GetProperty("error").GetProperty("code").GetInt32());
    }
}
