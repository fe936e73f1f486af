using System;
using System.IO;
using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Rpc;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>Rename across every file of the folder, refused where the new name would collide.</summary>
public class RenameFeatureTests
{
    private static (TreatyWorkspace Workspace, WorkspaceSnapshot Snapshot, TreatyDocument Document) Open(string file)
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var snapshot = workspace.Snapshot();
        return (workspace, snapshot, snapshot.Find(Path.GetFullPath(Path.Combine(Paths.Treaties, file)))!);
    }

    private static Position At(TreatyDocument document, string lineStart, string word)
    {
        var lines = document.Text.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith(lineStart, StringComparison.Ordinal));
        return new Position(line, lines[line].IndexOf(word, StringComparison.Ordinal) + 1);
    }

    /// <summary>The files with the edits applied.</summary>
    private static (string Path, string Text)[] Applied(WorkspaceSnapshot snapshot, WorkspaceEdit edit) =>
        snapshot.Documents.Select(d =>
        {
            var text = d.Text;
            if (edit.Changes.TryGetValue(d.Uri, out var edits))
            {
                foreach (var e in edits.OrderByDescending(e => d.Lines.OffsetOf(e.Range.Start)))
                    text = text.Substring(0, d.Lines.OffsetOf(e.Range.Start)) + e.NewText + text.Substring(d.Lines.OffsetOf(e.Range.End));
            }
            return (d.Path, text);
        }).ToArray();

    [Fact]
    public void A_baseline_rule_is_renamed_where_it_is_written_overridden_excepted_and_expected_and_the_files_still_bind()
    {
        var (_, snapshot, document) = Open("baseline.treaty");
        var at = At(document, "require min-remaining:", "min-remaining");

        Assert.NotNull(RenameFeature.Prepare(snapshot, document, at));
        var edit = RenameFeature.Rename(snapshot, document, at, "enough-time-left");

        Assert.True(edit.Changes.Count > 3, "the baseline, the instruments that except or override it, and the examples that expect it");
        var files = Applied(snapshot, edit);
        Assert.DoesNotContain(files, f => System.Text.RegularExpressions.Regex.IsMatch(f.Text, @"(?<![\w-])min-remaining(?![\w-])"));
        var model = TreatyLoader.Load(files, analyse: false);
        Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
        Assert.Contains(model.Instruments.Single(i => i.Id == "us-mx").Rules, r => r.Id == "enough-time-left");
    }

    [Fact]
    public void A_name_that_collides_is_refused_with_the_binders_message()
    {
        var (_, snapshot, document) = Open("baseline.treaty");
        var error = Assert.Throws<RpcException>(() => RenameFeature.Rename(snapshot, document, At(document, "require min-remaining:", "min-remaining"), "final-judgment"));
        Assert.StartsWith("renaming 'min-remaining' to 'final-judgment' would make an error: ", error.Message);
        Assert.Contains("TDSL01", error.Message);
    }

    [Fact]
    public void A_name_the_language_does_not_take_and_a_place_with_nothing_to_rename_are_refused()
    {
        var (_, snapshot, document) = Open("baseline.treaty");
        var at = At(document, "require min-remaining:", "min-remaining");
        Assert.Throws<RpcException>(() => RenameFeature.Rename(snapshot, document, at, "two words"));
        Assert.Throws<RpcException>(() => RenameFeature.Rename(snapshot, document, at, "when"));
        Assert.Null(RenameFeature.Prepare(snapshot, document, At(document, "require min-remaining:", "require")));
    }

    [Fact]
    public void A_word_the_grammar_reads_only_in_a_fixed_place_may_be_a_new_name_and_the_files_still_bind()
    {
        var (_, snapshot, document) = Open("baseline.treaty");

        var edit = RenameFeature.Rename(snapshot, document, At(document, "require min-remaining:", "min-remaining"), "case");

        var model = TreatyLoader.Load(Applied(snapshot, edit), analyse: false);
        Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
        Assert.Contains(model.Instruments.Single(i => i.Id == "us-mx").Rules, r => r.Id == "case");
    }
}
