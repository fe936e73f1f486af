using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Examples;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Runtime;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Quick fixes at a rule whose outcome (met or not met) no example gives: "Add an example where min-remaining is not
/// met", which appends to the file an example built from a case the analysis finds (the same text as
/// <c>treaty test --suggest</c>), ready for the editor to title and cite. Nothing is offered when the files have errors.
/// </summary>
internal static class ExampleFixFeature
{
    /// <summary>What a failing example says: "expected us-mx min-remaining met, actual unknown (...)".</summary>
    private static readonly System.Text.RegularExpressions.Regex Failure = new(
        @"^Example '[^']+' fails: expected (?:[^,]+ )?(?<expected>[^\s,]+), actual (?<actual>[^\s;(]+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// "Update the expectation to 'unknown'" at a failing example's <c>expect</c> line (TDSL0501): the expected word
    /// replaced by what came out, for when the rule is right and the example was not.
    /// </summary>
    /// <param name="document">The document asked about.</param>
    /// <param name="range">The request's range.</param>
    /// <param name="examples">The examples' diagnostics, from the run the request makes once (<see cref="ExampleChecks.Run"/>).</param>
    public static IEnumerable<CodeAction> UpdateExpectations(TreatyDocument document, Protocol.Range range, IEnumerable<TreatyDsl.Diagnostics.TreatyDiagnostic> examples)
    {
        foreach (var failure in examples.Where(d => d.Id == "TDSL0501"))
        {
            if (!QuickFix.Touches(document, failure.Span, range)) continue;
            if (Failure.Match(failure.Message) is not { Success: true } match) continue;
            var expected = match.Groups["expected"].Value;
            var actual = match.Groups["actual"].Value;
            var end = Math.Min(document.Text.Length, failure.Span.Offset + failure.Span.Length);
            var at = document.Text.LastIndexOf(expected, end - 1, end - failure.Span.Offset, StringComparison.Ordinal);
            if (at < 0 || actual == expected) continue;
            yield return QuickFix.Edit(document, $"Update the expectation to '{actual}' (what the rules give)", document.Lines.RangeOf(at, expected.Length), actual);
        }
    }

    /// <param name="snapshot">The workspace, bound without errors.</param>
    /// <param name="document">The document asked about.</param>
    /// <param name="range">The request's range.</param>
    /// <param name="examples">The examples' results, from the run the request makes once (<see cref="ExampleChecks.Run"/>).</param>
    public static CodeAction[] At(WorkspaceSnapshot snapshot, TreatyDocument document, Protocol.Range range, IReadOnlyList<ExampleResult> examples)
    {
        var model = snapshot.Model;
        var first = range.Start.Line;
        var last = Math.Max(range.End.Line, first);
        var coverage = ExampleCoverage.Of(model, examples);
        // The rules whose declaration line the range touches, in this document.
        var suggestions = ExampleSuggestions.Find(model, coverage, place =>
            place.Span.Path == document.Path && place.Span.Line - 1 >= first && place.Span.Line - 1 <= last);
        if (suggestions.Count == 0) return Array.Empty<CodeAction>();
        var end = document.Lines.PositionOf(document.Text.Length);
        var separator = document.Text.Length == 0 || document.Text.EndsWith("\n", StringComparison.Ordinal) ? "\n" : "\n\n";
        return suggestions.Select(s => QuickFix.Edit(document, $"Add an example where '{s.Rule}' is {Words(s.Outcome)} under {s.Instrument}", new Protocol.Range(end, end), separator + s.Text))
            .ToArray();
    }

    private static string Words(Outcome outcome) => outcome == Outcome.Met ? "met" : "not met";
}
