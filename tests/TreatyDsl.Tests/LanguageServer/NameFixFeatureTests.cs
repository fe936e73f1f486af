using System;
using System.IO;
using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;
using Range = TreatyDsl.LanguageServer.Protocol.Range;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The quick fix for a name that does not exist: the nearest name the diagnostic names, put in its place.</summary>
public class NameFixFeatureTests
{
    private static readonly string UsMx = ShippedWorkspace.UsMx;

    [Fact]
    public void A_misspelt_fact_is_changed_to_the_nearest_fact_and_the_file_then_binds()
    {
        var text = File.ReadAllText(UsMx).Replace("when sentence.type = determinate", "when sentence.typ = determinate");
        var (workspace, snapshot, document) = ShippedWorkspace.Open(UsMx, text);
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains("sentence.typ ="));
        var cursor = new Position(line, 10);

        var action = Assert.Single(NameFixFeature.At(snapshot, document, new Range(cursor, cursor)));

        Assert.Equal("Change 'sentence.typ' to 'sentence.type'", action.Title);
        var edit = Assert.Single(action.Edit.Changes[document.Uri]);
        Assert.Equal(new Range(new Position(line, 7), new Position(line, 19)), edit.Range);
        var start = document.Lines.OffsetOf(edit.Range.Start);
        var fixedText = text.Substring(0, start) + edit.NewText + text.Substring(document.Lines.OffsetOf(edit.Range.End));
        workspace.Change(UsMx, document.Uri, fixedText, 2);
        Assert.DoesNotContain(workspace.Snapshot().Model.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Away_from_a_diagnostic_nothing_is_offered()
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var snapshot = workspace.Snapshot();
        var document = snapshot.Find(UsMx)!;
        Assert.Empty(NameFixFeature.At(snapshot, document, new Range(new Position(0, 0), new Position(3, 0))));
    }

    [Fact]
    public void A_country_code_in_the_wrong_case_is_changed_to_the_assigned_code()
    {
        var text = File.ReadAllText(UsMx) + "\nrequire mexican: \"t\" cite \"c\" when receivingCountry = mx\n";
        var (workspace, snapshot, document) = ShippedWorkspace.Open(UsMx, text);
        var error = Assert.Single(snapshot.Model.Diagnostics, d => d.Id == "TDSL0111");
        Assert.Equal("'mx' is not an ISO 3166-1 alpha-2 country code (two upper-case letters, such as MX); did you mean 'MX'?", error.Message);
        var at = document.Lines.PositionOf(error.Span.Offset);

        var action = Assert.Single(NameFixFeature.At(snapshot, document, new Range(at, at)));

        Assert.Equal("Change 'mx' to 'MX'", action.Title);
    }
}
