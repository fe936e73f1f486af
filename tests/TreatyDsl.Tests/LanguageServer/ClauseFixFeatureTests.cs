using System;
using System.IO;
using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;
using Range = TreatyDsl.LanguageServer.Protocol.Range;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>Quick fixes that add a clause: a citation where there is none, an accept clause for an analysis finding.</summary>
public class ClauseFixFeatureTests
{
    private static readonly string UsMx = ShippedWorkspace.UsMx;

    private static (TreatyWorkspace Workspace, WorkspaceSnapshot Snapshot, TreatyDocument Document) Open(string text) => ShippedWorkspace.Open(UsMx, text);

    private static string Applied(TreatyDocument document, CodeAction action) => ShippedWorkspace.Applied(document, action);

    private static Position LineOf(string text, string start) => new(Array.FindIndex(text.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal)), 2);

    [Fact]
    public void A_rule_without_a_citation_gets_a_cite_clause_after_its_first_line_and_the_error_goes()
    {
        var text = File.ReadAllText(UsMx) + "\nrequire no-citation: \"The prisoner consents.\"\n  when consent.prisoner\n";
        var (workspace, snapshot, document) = Open(text);
        var at = LineOf(text, "require no-citation:");

        var action = Assert.Single(ClauseFixFeature.At(snapshot, document, new Range(at, at), snapshot.ReadyDiagnostics(UsMx)));

        Assert.Equal("Add a citation", action.Title);
        var fixedText = Applied(document, action);
        Assert.EndsWith("require no-citation: \"The prisoner consents.\"\n  cite \"the passage this is drawn from\"\n  when consent.prisoner\n", fixedText);
        workspace.Change(UsMx, document.Uri, fixedText, 2);
        Assert.DoesNotContain(workspace.Snapshot().Model.Diagnostics, d => d.Id == "TDSL0117");
    }

    [Fact]
    public void An_analysis_finding_gets_an_accept_clause_at_the_end_of_its_rule_and_the_finding_is_accepted()
    {
        var text = File.ReadAllText(UsMx).Replace("  when sentence.type = determinate\n", "  when sentence.type = determinate\n  unless sentence.type != determinate\n");
        var (workspace, snapshot, document) = Open(text);
        var findings = snapshot.AnalysedDiagnostics(default)[UsMx];
        var finding = Assert.Single(findings, d => d.Id == "TDSL0311");
        var at = document.Lines.PositionOf(finding.Span.Offset);

        var action = Assert.Single(ClauseFixFeature.At(snapshot, document, new Range(at, at), snapshot.ReadyDiagnostics(UsMx)));

        Assert.Equal("Accept TDSL0311 with a justification", action.Title);
        var fixedText = Applied(document, action);
        Assert.Contains("  unless sentence.type != determinate\n  accept TDSL0311 \"why the finding is right for this rule, in words a caseworker reads\"\n    cite \"the passage this is drawn from\"\n", fixedText);
        workspace.Change(UsMx, document.Uri, fixedText, 2);
        var after = workspace.Snapshot().AnalysedDiagnostics(default)[UsMx];
        Assert.DoesNotContain(after, d => d.Id == "TDSL0311" && d.Severity != TreatyDsl.Diagnostics.DiagnosticSeverity.Info);
        // The edit still breaks the example that says a life sentence fails the rule (as the guide shows): that stays an error.
        Assert.Equal(new[] { "TDSL0501" }, after.Where(d => d.Severity == TreatyDsl.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Id));
    }
}
