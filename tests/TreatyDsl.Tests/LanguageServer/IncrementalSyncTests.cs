using System;
using System.IO;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;
using Range = TreatyDsl.LanguageServer.Protocol.Range;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>Incremental document sync: an editor's changes, each a range and its new text, applied in order to the open text.</summary>
public class IncrementalSyncTests
{
    private const string Path = "/work/a.treaty";
    private const string Uri = "file:///work/a.treaty";

    private static TreatyWorkspace Opened(string text)
    {
        var workspace = new TreatyWorkspace();
        workspace.Open(Path, Uri, text, 1);
        return workspace;
    }

    private static string TextOf(TreatyWorkspace workspace) => workspace.Snapshot().Find(Path)!.Text;

    private static Range At(int line, int start, int end) => new(new Position(line, start), new Position(line, end));

    [Fact]
    public void A_range_is_replaced_and_the_rest_of_the_text_kept()
    {
        var workspace = Opened("fact a: bool\nfact sentence.typ: bool\n");
        Assert.True(workspace.Change(Path, Uri, new (Range?, string)[] { (At(1, 5, 17), "sentence.type") }, 2));
        Assert.Equal("fact a: bool\nfact sentence.type: bool\n", TextOf(workspace));
    }

    [Fact]
    public void Changes_apply_in_order_each_to_the_text_the_ones_before_it_left()
    {
        var workspace = Opened("ab\r\ncd\n");
        Assert.True(workspace.Change(Path, Uri, new (Range?, string)[]
        {
            (At(0, 2, 2), "X"),                                    // "abX\r\ncd\n": the '\r' stays with the line's end
            (new Range(new Position(0, 1), new Position(1, 1)), ""), // joins the lines: "a" + "d\n"
            (At(5, 0, 0), "!"),                                    // a line past the end is the end of the text
        }, 2));
        Assert.Equal("ad\n!", TextOf(workspace));
    }

    [Fact]
    public void A_change_without_a_range_is_the_whole_text()
    {
        var workspace = Opened("old");
        Assert.True(workspace.Change(Path, Uri, new (Range?, string)[] { (null, "new"), (At(0, 3, 3), "er") }, 2));
        Assert.Equal("newer", TextOf(workspace));
    }

    [Fact]
    public void A_range_for_a_document_that_is_not_open_changes_nothing()
    {
        var workspace = new TreatyWorkspace();
        Assert.False(workspace.Change(Path, Uri, new (Range?, string)[] { (At(0, 0, 0), "x") }, 2));
        Assert.Null(workspace.Snapshot().Find(Path));
    }
}
