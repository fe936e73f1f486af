using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Examples;

/// <summary>
/// One thing an example expects, bound to the model: the case's verdict (<c>expect verdict eligible</c>), the
/// recommended instrument (<c>expect recommended us-mx</c>, <c>none</c>), an instrument's verdict
/// (<c>expect us-mx ineligible</c>), a rule's outcome (<c>expect us-mx min-remaining not-met</c>), or a review raised
/// (<c>expect us-th review military-or-political-offense</c>).
/// </summary>
internal sealed class Expectation
{
    private static readonly string[] Verdicts = { "eligible", "ineligible", "undetermined", "no-treaty" };
    private static readonly string[] Outcomes = { "met", "not-met", "unknown" };
    private const string Forms = "'expect verdict V', 'expect recommended I' (or none), 'expect I V', 'expect I RULE met|not-met|unknown' or 'expect I review REVIEW'";

    private readonly string kind;
    private readonly string? instrument;
    private readonly string? name;
    private readonly string expected;

    private Expectation(string kind, string? instrument, string? name, string expected, SourceSpan span)
    {
        this.kind = kind;
        this.instrument = instrument;
        this.name = name;
        this.expected = expected;
        Span = span;
    }

    /// <summary>Where the expectation is written.</summary>
    public SourceSpan Span { get; }

    /// <summary>The expectation, or null with an error at the word that names nothing.</summary>
    public static Expectation? Bind(string exampleId, ExpectSyntax written, TreatyModel model, List<TreatyDiagnostic> diagnostics)
    {
        var words = written.Words;
        Expectation? Fail(int word, string problem)
        {
            diagnostics.Add(DiagnosticCatalog.ExampleUnknownName.Create(written.Spans[System.Math.Min(word, words.Count - 1)], exampleId, problem));
            return null;
        }
        if (words[0] == "verdict")
        {
            if (words.Count != 2 || !Verdicts.Contains(words[1])) return Fail(1, $"'expect verdict' takes one of {string.Join(", ", Verdicts)}");
            return new Expectation("verdict", null, null, words[1], written.Span);
        }
        if (words[0] == "recommended")
        {
            if (words.Count != 2) return Fail(1, "'expect recommended' takes one instrument, or none");
            if (words[1] != "none" && Instrument(words[1], model) is null) return Fail(1, NoInstrument(words[1], model));
            return new Expectation("recommended", null, null, words[1], written.Span);
        }
        if (Instrument(words[0], model) is not { } bound) return Fail(0, words.Count >= 2 ? NoInstrument(words[0], model) : $"'{words[0]}' is not something to expect; use {Forms}");
        if (words.Count == 2)
        {
            if (!Verdicts.Take(3).Contains(words[1])) return Fail(1, $"'expect {words[0]}' takes an instrument's verdict ({string.Join(", ", Verdicts.Take(3))}), or a rule and its outcome");
            return new Expectation("instrument", words[0], null, words[1], written.Span);
        }
        if (words.Count != 3) return Fail(0, $"say what is expected: {Forms}");
        if (words[1] == "review")
        {
            // A review is declared ('review ...'), or raised under a rule's id where the rule cannot be decided from the
            // case file (UnaskableFacts).
            if (bound.Reviews.Concat(bound.Rules).All(r => r.Id != words[2])) return Fail(2, NoRule(words[2], bound, bound.Reviews.Concat(bound.Rules), "review or rule"));
            return new Expectation("review", words[0], words[2], "raised", written.Span);
        }
        if (bound.Rules.All(r => r.Id != words[1])) return Fail(1, NoRule(words[1], bound, bound.Rules, "requirement or bar"));
        if (!Outcomes.Contains(words[2])) return Fail(2, $"a rule's outcome is one of {string.Join(", ", Outcomes)}");
        return new Expectation("rule", words[0], words[1], words[2], written.Span);
    }

    private static InstrumentModel? Instrument(string id, TreatyModel model) => model.Instruments.FirstOrDefault(i => i.Id == id);

    private static string NoInstrument(string id, TreatyModel model)
    {
        var closest = Suggestions.Closest(id, model.Instruments.Select(i => i.Id));
        return $"'{id}' is not an instrument{(closest is null ? string.Empty : $"; did you mean '{closest}'?")}";
    }

    private static string NoRule(string id, InstrumentModel instrument, IEnumerable<RuleModel> rules, string what)
    {
        var closest = Suggestions.Closest(id, rules.Select(r => r.Id));
        return $"'{id}' is not a {what} of {instrument.Id}{(closest is null ? string.Empty : $"; did you mean '{closest}'?")}";
    }

    /// <summary>Null when the report meets the expectation; otherwise what came out instead, and why, in words.</summary>
    public string? Check(CaseReport report)
    {
        switch (kind)
        {
            case "verdict":
            {
                var actual = ContractNames.Of(report.Verdict);
                return actual == expected ? null : $"expected verdict {expected}, actual {actual}{Deciding(report.Instruments.Where(i => i.Usable))}";
            }
            case "recommended":
            {
                var actual = report.Recommended ?? "none";
                return actual == expected ? null : $"expected recommended {expected}, actual {actual}{Deciding(report.Instruments.Where(i => i.Usable))}";
            }
        }
        var evaluated = report.Instruments.FirstOrDefault(i => i.Id == instrument);
        if (evaluated is null) return $"expected {instrument} to be evaluated, but it is not in force between the case's countries on its application date";
        switch (kind)
        {
            case "instrument":
            {
                var actual = ContractNames.Of(evaluated.Verdict);
                return actual == expected ? null : $"expected {instrument} {expected}, actual {actual}{Deciding(new[] { evaluated })}";
            }
            case "review":
                return evaluated.RaisedReviews.Any(r => r.Id == name) ? null : $"expected {instrument} to raise review {name}, but it does not ({Why(evaluated.Reviews.FirstOrDefault(r => r.Id == name))})";
            default:
            {
                var rule = evaluated.Requirements.First(r => r.Id == name);
                var actual = ContractNames.Of(rule.Outcome);
                return actual == expected ? null : $"expected {instrument} {name} {expected}, actual {actual} ({Why(rule)})";
            }
        }
    }

    /// <summary>"; deciding: us-mx min-remaining not-met (5 months remaining; ...)": the requirements that kept the verdicts from eligible.</summary>
    private static string Deciding(IEnumerable<InstrumentReport> instruments)
    {
        var lines = instruments.SelectMany(i => i.Requirements.Where(r => r.Outcome != Outcome.Met).Select(r => $"{i.Id} {r.Id} {ContractNames.Of(r.Outcome)} ({Why(r)})")).Take(3).ToList();
        return lines.Count == 0 ? string.Empty : "; deciding: " + string.Join("; ", lines);
    }

    private static string Why(RequirementResult? result) => result is null || result.Explanation.Length == 0 ? "no explanation" : result.Explanation;
}
