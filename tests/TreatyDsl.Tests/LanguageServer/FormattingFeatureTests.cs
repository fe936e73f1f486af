using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;
using Range = TreatyDsl.LanguageServer.Protocol.Range;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>Format Document and Format Selection: the edits <c>treaty format</c> would make, as LSP text edits.</summary>
public class FormattingFeatureTests
{
    private const string Path = "/work/a.treaty";
    private const string Uri = "file:///work/a.treaty";

    private static TreatyDocument Open(string text)
    {
        var workspace = new TreatyWorkspace();
        workspace.Open(Path, Uri, text, 1);
        return workspace.Snapshot().Find(Path)!;
    }

    private static string Applied(TreatyDocument document, TextEdit[] edits)
    {
        var text = document.Text;
        foreach (var edit in edits.OrderByDescending(e => document.Lines.OffsetOf(e.Range.Start)))
        {
            text = text.Substring(0, document.Lines.OffsetOf(edit.Range.Start)) + edit.NewText + text.Substring(document.Lines.OffsetOf(edit.Range.End));
        }
        return text;
    }

    [Fact]
    public void Format_document_edits_only_the_lines_that_change()
    {
        var document = Open("enum A: x\nrequire r: \"t\"\n  cite \"c\" when a\nenum B:y\n");
        var edits = FormattingFeature.Edits(document, null);
        Assert.Equal(
            new[] { new TextEdit(new Range(new Position(2, 0), new Position(3, 0)), "  cite \"c\"\n  when a\n"), new TextEdit(new Range(new Position(3, 0), new Position(4, 0)), "enum B: y\n") },
            edits);
        Assert.Equal("enum A: x\nrequire r: \"t\"\n  cite \"c\"\n  when a\nenum B: y\n", Applied(document, edits));
    }

    [Fact]
    public void Format_selection_edits_the_declarations_the_selection_touches_and_no_other()
    {
        var document = Open("enum A:x\nrequire r: \"t\" cite \"c\" when a\nenum B:y\n");
        var edits = FormattingFeature.Edits(document, new Range(new Position(1, 3), new Position(1, 3)));
        Assert.Equal("enum A:x\nrequire r: \"t\"\n  cite \"c\"\n  when a\nenum B:y\n", Applied(document, edits));
    }

    [Fact]
    public void A_formatted_file_gets_no_edits_and_a_file_with_syntax_errors_none_either()
    {
        Assert.Empty(FormattingFeature.Edits(Open("enum A: x\n"), null));
        Assert.Empty(FormattingFeature.Edits(Open("enum   A: x\nrequire r: \"t\" when\n"), null));
    }
}
