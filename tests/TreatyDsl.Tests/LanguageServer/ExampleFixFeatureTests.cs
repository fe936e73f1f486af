using System;
using System.IO;
using System.Linq;
using TreatyDsl.Examples;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;
using Range = TreatyDsl.LanguageServer.Protocol.Range;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The quick fix at a rule whose outcome no example gives: a ready example from a case the analysis finds, which passes as written.</summary>
public class ExampleFixFeatureTests
{
    private static readonly string UsMx = ShippedWorkspace.UsMx;

    private const string LifeSentenceExample = "example mx-life-sentence: \"The Mexican treaty needs a sentence of specified duration\"\n  cite \"DOJ Guidelines II, additional requirement 3\"\n  like mx-eligible\n  given sentence.type = life\n  given sentence.fullTermDate = unknown\n  expect us-mx determinate-sentence not-met\n";

    private static (TreatyWorkspace Workspace, WorkspaceSnapshot Snapshot, TreatyDocument Document) Open(string text) => ShippedWorkspace.Open(UsMx, text);

    private static Position LineOf(string text, string start) =>
        new(Array.FindIndex(text.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal)), 3);

    [Fact]
    public void Without_an_example_that_fails_a_rule_the_rule_offers_one_that_passes_once_added()
    {
        var shipped = File.ReadAllText(UsMx);
        Assert.Contains(LifeSentenceExample, shipped);
        var text = shipped.Replace(LifeSentenceExample, string.Empty);
        var (workspace, snapshot, document) = Open(text);
        var at = LineOf(text, "require determinate-sentence:");

        var action = Assert.Single(ExampleFixFeature.At(snapshot, document, new Range(at, at), ExampleChecks.Run(snapshot.Model).Results));

        Assert.Equal("Add an example where 'determinate-sentence' is not met under us-mx", action.Title);
        Assert.Equal("quickfix", action.Kind);
        var edit = Assert.Single(action.Edit.Changes[document.Uri]);
        Assert.Contains("expect us-mx determinate-sentence not-met", edit.NewText);
        // Applied, the example passes: no TDSL0501 anywhere, and no quick fix is left at the rule.
        var fixedText = text + edit.NewText;
        workspace.Change(UsMx, document.Uri, fixedText, 2);
        var after = workspace.Snapshot();
        var diagnostics = after.AnalysedDiagnostics(default);
        Assert.DoesNotContain(diagnostics.SelectMany(d => d.Value), d => d.Id.StartsWith("TDSL050", StringComparison.Ordinal));
        Assert.Empty(ExampleFixFeature.At(after, after.Find(UsMx)!, new Range(at, at), ExampleChecks.Run(after.Model).Results));
    }

    [Fact]
    public void A_rule_every_outcome_of_which_an_example_gives_offers_nothing()
    {
        var text = File.ReadAllText(UsMx);
        var (_, snapshot, document) = Open(text);
        var at = LineOf(text, "require determinate-sentence:");
        Assert.Empty(ExampleFixFeature.At(snapshot, document, new Range(at, at), ExampleChecks.Run(snapshot.Model).Results));
    }

    [Fact]
    public void A_failing_expectation_is_updated_to_what_the_rules_give_and_the_example_then_passes()
    {
        var text = File.ReadAllText(UsMx).Replace("  expect us-mx determinate-sentence not-met\n", "  expect us-mx determinate-sentence met\n");
        var (workspace, snapshot, document) = Open(text);
        var at = LineOf(text, "  expect us-mx determinate-sentence met");

        var action = Assert.Single(ExampleFixFeature.UpdateExpectations(document, new Range(at, at), ExampleChecks.Run(snapshot.Model).Diagnostics));

        Assert.Equal("Update the expectation to 'not-met' (what the rules give)", action.Title);
        var edit = Assert.Single(action.Edit.Changes[document.Uri]);
        var start = document.Lines.OffsetOf(edit.Range.Start);
        var fixedText = text.Substring(0, start) + edit.NewText + text.Substring(document.Lines.OffsetOf(edit.Range.End));
        Assert.Equal(File.ReadAllText(UsMx), fixedText);
        workspace.Change(UsMx, document.Uri, fixedText, 2);
        Assert.Empty(ExampleFixFeature.UpdateExpectations(workspace.Snapshot().Find(UsMx)!, new Range(at, at), ExampleChecks.Run(workspace.Snapshot().Model).Diagnostics));
    }
}
