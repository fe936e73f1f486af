using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// The analysis and a second decision procedure that shares no code with it (<see cref="ExhaustiveOracle"/>: every case
/// file over small domains, judged by the interpreter) agree on generated instruments: every claim the analysis makes
/// that no case exists (vacuous, conflicting, never met, always met, dead, swallowing, masked, redundant) holds for every
/// case the oracle enumerates, and where the oracle finds that an instrument is vacuous, a rule always met, an exception
/// dead, an exception or alternative redundant, or a requirement that changes no verdict, the analysis says so (unless
/// it said "not analysed"). The cases are case files as <c>treaty eval</c>
/// accepts them, facts absent and facts the vocabulary does not expect included.
/// </summary>
public class OracleAgreementProperties
{
    private readonly ITestOutputHelper output;

    public OracleAgreementProperties(ITestOutputHelper output) => this.output = output;

    private static readonly string[] Atoms =
    {
        "judgment.final", "not judgment.final", "consent.prisoner", "exceptionalCircumstances", "not exceptionalCircumstances",
        "prisoner.yearsResidentInSentencingCountry >= 5", "prisoner.yearsResidentInSentencingCountry < 2", "prisoner.yearsResidentInSentencingCountry = 2",
        "prisoner.yearsResidentInSentencingCountry > 6", "prisoner.age > 5", "prisoner.age < 3",
        "sentence.type = determinate", "sentence.type = life", "sentence.type != death",
        "timeRemaining >= 6 months", "timeRemaining < 1 year", "sentence.fullTermDate >= 2026-06-01",
        "receivingNationality in prisoner.nationalities", "MX in prisoner.nationalities", "not (US in prisoner.nationalities)", "sentencingCountry = MX",
        "any offense in offenses: offense.category = drug", "all offense in offenses: offense.dualCriminality",
    };

    /// <summary>The shipped vocabulary and a second number fact, so that searches give one number below another.</summary>
    private static readonly string Vocabulary = AnalysisVerifier.Vocabulary + "fact prisoner.age: number\n";

    private static string Condition(Random random) => ExhaustiveOracle.Condition(random, Atoms);

    private static string Pick(Random random, string[] items) => ExhaustiveOracle.Pick(random, items);

    /// <summary>An instrument of one to four requirements and bars, some with exceptions, the second often to a rule already excepted.</summary>
    private static string InstrumentText(Random random)
    {
        var rules = new List<string>();
        var text = new System.Text.StringBuilder();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var id = "r" + rules.Count;
            rules.Add(id);
            text.Append($"{(random.Next(4) == 0 ? "bar" : "require")} {id}: \"t\" cite \"c\" when {Condition(random)}\n");
            if (random.Next(2) == 0) text.Append($"  unless {Condition(random)}\n");
        }
        for (var e = random.Next(2) == 0 ? random.Next(1, 3) : 0; e > 0; e--)
        {
            text.Append($"exception x{e} to {Pick(random, rules.ToArray())}: \"t\" cite \"c\" when {Condition(random)}\n");
        }
        return AnalysisVerifier.Instrument(text.ToString());
    }

    [Fact]
    public void The_analysis_and_an_exhaustive_enumeration_of_case_files_agree_on_every_claim()
    {
        var checkedInstruments = 0;
        var claims = 0;
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var seed = 0; checkedInstruments < 60 && seed < 400; seed++)
        {
            var text = InstrumentText(new Random(seed));
            var model = TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", text) });
            Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
            var instrument = model.Instruments.Single();
            // The countries, the nationality and the date are given with every case (both directions of transfer).
            var facts = instrument.Rules.SelectMany(ExhaustiveOracle.Reads).Distinct()
                .Where(f => f is not (ContractFacts.SentencingCountry or ContractFacts.ReceivingCountry or ContractFacts.ReceivingNationality or ContractFacts.ApplicationDate))
                .ToList();
            Assert.All(facts, f => Assert.Contains(f, ExhaustiveOracle.KnownFacts));
            if (ExhaustiveOracle.Count(facts) > 40_000) continue; // too many to enumerate quickly; the next seed
            checkedInstruments++;
            var oracle = new ExhaustiveOracle(model, instrument);
            var findings = model.Diagnostics.Where(d => d.Span.Path == "test.treaty" && string.CompareOrdinal(d.Id, "TDSL0305") >= 0).ToList();
            var cases = oracle.Cases(facts).ToList();
            foreach (var finding in findings) tally[finding.Id] = tally.TryGetValue(finding.Id, out var n) ? n + 1 : 1;
            try
            {
                claims += Agree(oracle, instrument, findings, cases);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}:\n{text}\nfindings:\n{string.Join("\n", findings)}\n{ex.Message}");
            }
        }
        output.WriteLine($"{checkedInstruments} instruments, {claims} claims checked; findings: {string.Join(", ", tally.Select(t => t.Key + " " + t.Value))}");
        Assert.True(checkedInstruments >= 60, $"only {checkedInstruments} instruments were small enough to enumerate");
    }

    /// <summary>Checks every finding against the enumeration, and the enumeration's own findings against the analysis; returns the claims checked.</summary>
    private static int Agree(ExhaustiveOracle oracle, InstrumentModel instrument, List<TreatyDiagnostic> findings, List<CaseFacts> cases)
    {
        var rules = instrument.Rules.ToList();
        var notAnalysed = findings.Any(f => f.Id == "TDSL0309");
        var claims = 0;
        RuleModel RuleAt(TreatyDiagnostic f) => rules.Single(r => r.Versions.Any(v => v.Span == f.Span || v.Exceptions.Any(e => e.Span == f.Span)
            || ExhaustiveOracle.Nodes(v.Condition).Any(n => n.Span == f.Span)));
        string Named(TreatyDiagnostic f, int index) => f.Message.Split('\'')[index];

        foreach (var finding in findings)
        {
            switch (finding.Id)
            {
                case "TDSL0305": // no case is eligible
                    Assert.DoesNotContain(cases, c => oracle.VerdictOf(rules, c) == Verdict.Eligible);
                    break;
                case "TDSL0306": // the rule and the others named cannot all be met
                    var named = finding.Message.Split('\'').Where((_, i) => i % 2 == 1).Distinct().Select(id => rules.Single(r => r.Id == id)).ToList();
                    Assert.DoesNotContain(cases, c => named.All(r => oracle.Evaluate(r, c) == Outcome.Met));
                    break;
                case "TDSL0307": // never met
                    var never = rules.Single(r => r.Id == Named(finding, 1));
                    Assert.DoesNotContain(cases, c => oracle.Evaluate(never, c) == Outcome.Met);
                    break;
                case "TDSL0308": // no case fails it
                case "TDSL0311":
                    var always = RuleAt(finding);
                    Assert.DoesNotContain(cases, c => oracle.Evaluate(always, c) == Outcome.NotMet);
                    break;
                case "TDSL0310": // no case fails the rule's own condition and meets the exception
                    var rule = RuleAt(finding);
                    var exception = rule.Latest.Exceptions.Single(e => e.Span == finding.Span);
                    var main = ExhaustiveOracle.WithExceptions(rule, Array.Empty<ExceptionModel>());
                    var holds = ExhaustiveOracle.Holds(exception.Condition);
                    Assert.DoesNotContain(cases, c => oracle.Evaluate(main, c) == Outcome.NotMet && oracle.Evaluate(holds, c) == Outcome.Met);
                    break;
                case "TDSL0313": // removing the alternative (or exception) never changes whether the rule is met
                    var owner = RuleAt(finding);
                    var without = WithoutPart(owner, finding.Span);
                    Assert.DoesNotContain(cases, c => oracle.Evaluate(owner, c) == Outcome.Met && oracle.Evaluate(without, c) == Outcome.NotMet);
                    break;
                case "TDSL0312": // no case is eligible with the allowance and not without it
                    var allowed = RuleAt(finding);
                    var others = rules.Where(r => r != allowed).ToList();
                    var withoutAllowance = WithoutPart(allowed, finding.Span);
                    Assert.DoesNotContain(cases, c => oracle.VerdictOf(rules, c) == Verdict.Eligible
                        && oracle.VerdictOf(others.Append(withoutAllowance), c) != Verdict.Eligible && oracle.Evaluate(withoutAllowance, c) == Outcome.NotMet);
                    break;
                case "TDSL0314": // removing the requirement changes no verdict
                    var redundant = rules.Single(r => r.Id == Named(finding, 1));
                    var rest = rules.Where(r => r != redundant).ToList();
                    Assert.DoesNotContain(cases, c => oracle.VerdictOf(rules, c) != oracle.VerdictOf(rest, c));
                    break;
                default:
                    continue; // TDSL0309 claims nothing; TDSL0315 shows a witness, which the soundness property replays
            }
            claims++;
        }

        if (notAnalysed) return claims;
        // The other way: what the enumeration finds, the analysis reports.
        var vacuous = !cases.Any(c => oracle.VerdictOf(rules, c) == Verdict.Eligible);
        Assert.Equal(vacuous, findings.Any(f => f.Id == "TDSL0305"));
        claims++;
        if (vacuous) return claims;
        foreach (var rule in rules)
        {
            var neverFails = !cases.Any(c => oracle.Evaluate(rule, c) == Outcome.NotMet);
            var reported = findings.Any(f => f.Id is "TDSL0308" or "TDSL0311" && RuleAt(f) == rule);
            Assert.True(neverFails == reported, $"'{rule.Id}' {(neverFails ? "never fails, unreported" : "can fail, yet reported always met")}");
            claims++;
            if (!neverFails)
            {
                // A rule that can fail and whose removal changes no verdict is a redundant requirement.
                var rest = rules.Where(r => r != rule).ToList();
                var redundantRequirement = cases.All(c => oracle.VerdictOf(rules, c) == oracle.VerdictOf(rest, c));
                Assert.True(redundantRequirement == findings.Any(f => f.Id == "TDSL0314" && RuleAt(f) == rule), $"'{rule.Id}' is {(redundantRequirement ? "a redundant requirement, unreported" : "not redundant, yet reported")}");
                claims++;
            }
            var main = ExhaustiveOracle.WithExceptions(rule, Array.Empty<ExceptionModel>());
            foreach (var exception in rule.Latest.Exceptions)
            {
                var holds = ExhaustiveOracle.Holds(exception.Condition);
                var dead = !cases.Any(c => oracle.Evaluate(main, c) == Outcome.NotMet && oracle.Evaluate(holds, c) == Outcome.Met);
                Assert.True(dead == findings.Any(f => f.Id == "TDSL0310" && f.Span == exception.Span), $"exception '{exception.Id}' of '{rule.Id}' is {(dead ? "dead, unreported" : "alive, yet reported dead")}");
                claims++;
                if (dead) continue;
                // An exception that applies but never changes whether the rule is met is a redundant alternative.
                var without = WithoutPart(rule, exception.Span);
                var redundant = !cases.Any(c => oracle.Evaluate(rule, c) == Outcome.Met && oracle.Evaluate(without, c) == Outcome.NotMet);
                Assert.True(redundant == findings.Any(f => f.Id == "TDSL0313" && f.Span == exception.Span), $"exception '{exception.Id}' of '{rule.Id}' is {(redundant ? "redundant, unreported" : "not redundant, yet reported")}");
                claims++;
            }
            foreach (var alternative in Alternatives(rule.Latest.Condition, rule.Kind == Syntax.RuleKind.Bar))
            {
                var without = ExhaustiveOracle.Without(rule, alternative);
                var redundant = !cases.Any(c => oracle.Evaluate(rule, c) == Outcome.Met && oracle.Evaluate(without, c) == Outcome.NotMet);
                Assert.True(redundant == findings.Any(f => f.Id == "TDSL0313" && f.Span == alternative.Span), $"an alternative of '{rule.Id}' is {(redundant ? "redundant, unreported" : "not redundant, yet reported")}");
                claims++;
            }
        }
        return claims;
    }

    /// <summary>
    /// The oracle's own reading of docs/analysis.md's alternatives: in a requirement, the operands of an 'or' reached
    /// from the top through 'and' and 'or' only; in a bar, the operands of an 'and' reached the same way.
    /// </summary>
    private static IEnumerable<BoundExpression> Alternatives(BoundExpression node, bool bar, bool underSplit = false)
    {
        var (splits, left, right) = node switch
        {
            OrExpression o => (!bar, o.Left, o.Right),
            AndExpression a => (bar, a.Left, a.Right),
            _ => (false, (BoundExpression?)null, (BoundExpression?)null),
        };
        if (left is null || right is null)
        {
            if (underSplit) yield return node;
            yield break;
        }
        if (!splits && underSplit) yield return node;
        foreach (var part in Alternatives(left, bar, splits)) yield return part;
        foreach (var part in Alternatives(right, bar, splits)) yield return part;
    }

    /// <summary>The rule without the exception or alternative at <paramref name="span"/>.</summary>
    private static RuleModel WithoutPart(RuleModel rule, Text.SourceSpan span)
    {
        var version = rule.Latest;
        if (version.Exceptions.FirstOrDefault(e => e.Span == span) is { } exception)
        {
            return ExhaustiveOracle.WithExceptions(rule, version.Exceptions.Where(e => !ReferenceEquals(e, exception)));
        }
        return ExhaustiveOracle.Without(rule, ExhaustiveOracle.Nodes(version.Condition).First(n => n.Span == span));
    }
}
