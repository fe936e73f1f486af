using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Examples;

/// <summary>What one example came to: passed, or the expectations it failed, each in words.</summary>
/// <param name="Id">The example's name.</param>
/// <param name="Title">What it shows.</param>
/// <param name="Citation">The passage it is drawn from.</param>
/// <param name="Span">Where its name is written.</param>
/// <param name="Failures">Each expectation not met ("expected us-mx min-remaining met, actual not-met ..."); empty when it passed.</param>
/// <param name="Broken">True when the example could not be run (a name or value in error, reported as a diagnostic).</param>
public sealed record ExampleResult(string Id, string Title, string Citation, SourceSpan Span, IReadOnlyList<string> Failures, bool Broken)
{
    public bool Passed => !Broken && Failures.Count == 0;

    /// <summary>The case the example gives, as a case file's facts (null for a broken example): what coverage reads.</summary>
    public CaseFacts? Case { get; init; }

    /// <summary>What came out of it (null for a broken example).</summary>
    public CaseReport? Report { get; init; }

    /// <summary>Why a broken example could not run: its errors, each with its place ("us-mx.treaty(12,9): ...").</summary>
    public IReadOnlyList<string> Problems { get; init; } = new string[0];
}

/// <summary>
/// Runs the examples of a bound model, without errors, through the interpreter exactly as <c>treaty eval --treaties</c>
/// evaluates a case, and compares each expectation. Its diagnostics are errors at the example: a name or value that does
/// not fit (TDSL0502–0504) or an expectation the case does not meet (TDSL0501, with what came out and why). Depends on
/// binding and interpretation only: evaluating an example never needs the analysis.
/// </summary>
public static class ExampleChecks
{
    /// <summary>What the examples of a bound model report; none when it has none or is in error (a half-bound model evaluates nothing).</summary>
    public static IReadOnlyList<TreatyDiagnostic> Diagnostics(TreatyModel model) =>
        model.Examples.Count == 0 || model.HasErrors ? new TreatyDiagnostic[0] : Run(model).Diagnostics;

    /// <summary>Every example's result, in file order, and the diagnostics that say what failed.</summary>
    public static (IReadOnlyList<ExampleResult> Results, IReadOnlyList<TreatyDiagnostic> Diagnostics) Run(TreatyModel model)
    {
        var results = new List<ExampleResult>();
        var diagnostics = new List<TreatyDiagnostic>();
        if (model.Examples.Count == 0) return (results, diagnostics);
        var byId = new Dictionary<string, ExampleSyntax>(System.StringComparer.Ordinal);
        foreach (var example in model.Examples)
        {
            if (byId.TryGetValue(example.Id, out var first))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(example.Span, example.Id, first.Span, "example"));
                continue;
            }
            byId[example.Id] = example;
        }
        var catalog = InterpretedCatalog.Create(model);
        var read = FactsRead.Of(model);
        foreach (var example in model.Examples)
        {
            if (byId[example.Id] != example) continue;
            var title = example.Title ?? string.Empty;
            var citation = example.Citation ?? string.Empty;
            if (example.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(example.Span, "example", example.Id));
            var before = diagnostics.Count;
            var facts = ExampleCase.Build(example, byId, model, read, diagnostics);
            var expectations = example.Expectations.Select(e => Expectation.Bind(example.Id, e, model, diagnostics)).ToList();
            if (example.Expectations.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.ExampleUnknownName.Create(example.Span, example.Id, "it expects nothing; add what must come out, such as 'expect verdict eligible' or 'expect us-mx min-remaining met'"));
            }
            if (facts is null || diagnostics.Count > before || expectations.Any(e => e is null))
            {
                results.Add(new ExampleResult(example.Id, title, citation, example.Span, new string[0], Broken: true)
                {
                    Problems = diagnostics.Skip(before).Select(d => d.ToString()).ToList(),
                });
                continue;
            }
            var caseFacts = new CaseFacts(facts);
            if (OffenceBeingTransferred.Contradiction(caseFacts) is { } refused)
            {
                var problem = DiagnosticCatalog.ExampleBadValue.Create(example.Span, example.Id, "its case is one the case file reader refuses: " + refused);
                diagnostics.Add(problem);
                results.Add(new ExampleResult(example.Id, title, citation, example.Span, new string[0], Broken: true) { Problems = new[] { problem.ToString() } });
                continue;
            }
            var report = CaseEvaluator.Evaluate(catalog, caseFacts);
            var failures = new List<string>();
            foreach (var expectation in expectations)
            {
                if (expectation!.Check(report) is not { } failure) continue;
                failures.Add(failure);
                diagnostics.Add(DiagnosticCatalog.ExampleFails.Create(expectation.Span, example.Id, failure));
            }
            results.Add(new ExampleResult(example.Id, title, citation, example.Span, failures, Broken: false) { Case = caseFacts, Report = report });
        }
        return (results, diagnostics);
    }
}
