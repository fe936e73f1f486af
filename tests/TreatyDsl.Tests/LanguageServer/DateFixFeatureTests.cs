using System;
using System.IO;
using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;
using Range = TreatyDsl.LanguageServer.Protocol.Range;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The quick fix for an ambiguous date: the other reading, written as the row's date.</summary>
public class DateFixFeatureTests
{
    [Fact]
    public void An_ambiguous_note_date_offers_the_other_reading_as_the_rows_date()
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var snapshot = workspace.Snapshot();
        var document = snapshot.Find(Path.GetFullPath(Path.Combine(Paths.Treaties, "countries.treaty")))!;
        var line = Array.FindIndex(document.Text.Split('\n'), l => l.Contains("coe from 2001-01-05 \"COE Entry Into Force 01/05/2001\"", StringComparison.Ordinal));
        var at = new Position(line, 4);

        var action = Assert.Single(DateFixFeature.At(document, new Range(at, at), snapshot.ReadyDiagnostics(document.Path)));

        Assert.Equal("Read the note's date day first: 2001-05-01", action.Title);
        var edit = Assert.Single(action.Edit.Changes[document.Uri]);
        Assert.Equal("2001-05-01", edit.NewText);
        Assert.Equal("2001-01-05", document.Text.Substring(document.Lines.OffsetOf(edit.Range.Start), 10));
    }
}
