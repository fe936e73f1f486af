using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using TreatyDsl.Diagnostics;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;
using Outcome = TreatyDsl.Runtime.Outcome;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// The analysis's claims are proofs: over instruments generated from a small grammar of conditions, every witness, run
/// through the evaluator exactly as <c>treaty eval</c> runs a case file, shows what its finding says; and no claim that
/// a case cannot exist is contradicted by any of a few hundred random cases.
/// </summary>
public class SoundnessProperties
{
    private static readonly string[] Atoms =
    {
        "judgment.final", "not judgment.final", "consent.prisoner", "not consent.prisoner",
        "sentence.type = determinate", "sentence.type = life", "sentence.type = death", "sentence.type != juvenile",
        "prisoner.yearsResidentInSentencingCountry >= 5", "prisoner.yearsResidentInSentencingCountry < 2",
        "timeRemaining >= 6 months", "timeRemaining < 1 year",
        "any offense in offenses: offense.category = drug", "all offense in offenses: offense.dualCriminality",
        "sentence.fullTermDate >= 2026-06-01", "MX in prisoner.nationalities", "receivingNationality in prisoner.nationalities",
        // What eval settles about which offence is served (OffenceBeingTransferred), which the analysis must know.
        "all offense in offenses: offense.dualCriminality or offense.sentenceServed", "any offense in offenses: offense.sentenceServed",
        "not (any offense in offenses: offense.sentenceServed)",
    };

    private static readonly Gen<string> Condition =
        from a in Gen.Elements(Atoms)
        from op in Gen.Elements(" and ", " or ", string.Empty)
        from b in Gen.Elements(Atoms)
        select op.Length == 0 ? a : a + op + b;

    private static readonly Gen<string> RuleText =
        from kind in Gen.Elements("require", "require", "bar")
        from condition in Condition
        from exception in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, Condition.Select(c => "\n  unless " + c)))
        select $"{kind} RULE: \"t\" cite \"c\" when {condition}{exception}\n";

    private static readonly Gen<string> InstrumentText =
        from n in Gen.Choose(1, 4)
        from rules in RuleText.ArrayOf(n)
        select AnalysisVerifier.Instrument(string.Concat(rules.Select((r, i) => r.Replace("RULE", "r" + i))));

    [Fact]
    public void Every_witness_reproduces_its_finding_and_no_random_case_contradicts_a_proof()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(InstrumentText.ToArbitrary(), text =>
        {
            var model = TreatyLoader.Load(new[] { ("case-file.treaty", AnalysisVerifier.Vocabulary), ("test.treaty", text) });
            Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
            var catalog = InterpretedCatalog.Create(model);
            var schema = InterpretedCatalog.SchemaOf(model.Vocabulary);
            var findings = model.Diagnostics.Where(d => d.Span.Path == "test.treaty").ToList();
            foreach (var finding in findings.Where(f => f.Witness is not null)) AssertReproduced(finding, catalog, schema);
            AssertSatisfiableHasEligibleWitness(model, findings, catalog, schema);
            var interpreter = new Interpreter(model.Vocabulary, model.Instruments.Single());
            // Read as eval reads them: a case file the reader refuses is no case, and what the facts settle is settled.
            var accepted = RandomCases(text.GetHashCode()).Where(c => OffenceBeingTransferred.Contradiction(c) is null)
                .Select(c => OffenceBeingTransferred.Settle(c, new List<string>()));
            foreach (var sample in accepted.Take(300)) AssertNotContradicted(findings, model.Instruments.Single(), interpreter, sample);
        }));
    }

    /// <summary>An instrument the analysis does not call vacuous (nor leaves undecided) has a case it proves eligible, and the evaluator agrees.</summary>
    private static void AssertSatisfiableHasEligibleWitness(TreatyDsl.Binding.TreatyModel model, List<TreatyDiagnostic> findings, TreatyCatalog catalog, FactSchema schema)
    {
        var instrument = model.Instruments.Single();
        var eligible = TreatyDsl.Analysis.CaseChecks.EligibleCase(model, instrument);
        if (findings.Any(f => f.Id is "TDSL0305" or "TDSL0309"))
        {
            if (findings.Any(f => f.Id == "TDSL0305" && !f.Message.Contains(" for applications "))) Assert.Null(eligible);
            return;
        }
        Assert.NotNull(eligible);
        var read = CaseFileReader.Read(eligible!, schema);
        Assert.False(read.Refused, string.Join("; ", read.Errors));
        var report = CaseEvaluator.Evaluate(catalog, read.Facts!);
        Assert.Equal(Verdict.Eligible, report.Instruments.Single(i => i.Id == instrument.Id).Verdict);
    }

    /// <summary>The witness, read as a case file and evaluated as treaty eval does, shows the claim.</summary>
    internal static void AssertReproduced(TreatyDiagnostic finding, TreatyCatalog catalog, FactSchema schema)
    {
        var read = CaseFileReader.Read(finding.Witness!, schema);
        Assert.False(read.Refused, string.Join("; ", read.Errors));
        var report = CaseEvaluator.Evaluate(catalog, read.Facts!);
        var instrumentId = InstrumentOf(finding, read.Facts!.CaseId);
        var instrument = report.Instruments.Single(i => i.Id == instrumentId);
        var ruleId = finding.Message.Split('\'')[1];
        switch (finding.Id)
        {
            case "TDSL0315": // the rule stays unknown, asks for no fact the case cannot have, and says what to decide instead
                var unsettled = instrument.Requirements.Single(r => r.Id == ruleId);
                Assert.Equal(Outcome.Unknown, unsettled.Outcome);
                Assert.Empty(unsettled.MissingFacts);
                if (instrument.Verdict == Verdict.Undetermined) Assert.Contains(instrument.RaisedReviews, r => r.Id == ruleId && r.Outcome == Outcome.NotMet);
                break;
            case "TDSL0311": // the rule (named after "whenever", after its exceptions) is met while its own condition fails
                var swallowed = finding.Message.Split(new[] { "whenever '" }, StringSplitOptions.None)[1].Split('\'')[0];
                Assert.Equal(Outcome.Met, instrument.Requirements.Single(r => r.Id == swallowed).Outcome);
                break;
            case "TDSL0312": // the allowance applies (its rule is met) and the instrument is still not eligible
                var rule = finding.Message.Split(new[] { "' of '" }, StringSplitOptions.None)[1].Split('\'')[0];
                Assert.Equal(Outcome.Met, instrument.Requirements.Single(r => r.Id == rule).Outcome);
                Assert.NotEqual(Verdict.Eligible, instrument.Verdict);
                break;
            default:
                throw new Xunit.Sdk.XunitException($"{finding.Id} carries a witness but no check says what it shows");
        }
    }

    /// <summary>
    /// The instrument a witness is for: named in its case id (<c>witness-TDSL0311-us-mx</c>), or, when the finding needs
    /// an id of its own, in the message ("(e.g. under us-mx: ...", or the one instrument it names after "under").
    /// </summary>
    private static string InstrumentOf(TreatyDiagnostic finding, string caseId)
    {
        var prefix = "witness-" + finding.Id + "-";
        if (caseId.StartsWith(prefix, StringComparison.Ordinal)) return caseId.Substring(prefix.Length);
        var marker = finding.Message.Contains("(e.g. under ") ? "(e.g. under " : " under ";
        var rest = finding.Message.Substring(finding.Message.IndexOf(marker, StringComparison.Ordinal) + marker.Length);
        return new string(rest.TakeWhile(c => char.IsLetterOrDigit(c) || c == '-').ToArray());
    }

    /// <summary>Claims that no case exists must hold for every case tried.</summary>
    private static void AssertNotContradicted(List<TreatyDiagnostic> findings, TreatyDsl.Binding.InstrumentModel instrument, Interpreter interpreter, CaseFacts sample)
    {
        var results = instrument.Rules.Select(r => interpreter.EvaluateRule(r, sample)).ToList();
        foreach (var finding in findings)
        {
            var ruleId = finding.Message.Split('\'').ElementAtOrDefault(1);
            var result = results.FirstOrDefault(r => r.Id == ruleId);
            switch (finding.Id)
            {
                case "TDSL0305":
                    Assert.False(results.All(r => r.Outcome == Outcome.Met), $"{finding.Message}, yet a case is eligible");
                    break;
                case "TDSL0307":
                    Assert.NotEqual(Outcome.Met, result!.Outcome);
                    break;
                case "TDSL0308":
                    Assert.NotEqual(Outcome.NotMet, result!.Outcome);
                    break;
            }
        }
    }

    /// <summary>
    /// Cases over the facts the grammar reads, each fact sometimes missing, as <c>treaty eval</c> accepts them: a full-term
    /// date on any kind of sentence (the vocabulary expects one only for determinate sentences, but the reader does not
    /// refuse it, and the evaluator reads it).
    /// </summary>
    private static IEnumerable<CaseFacts> RandomCases(int seed)
    {
        var random = new System.Random(seed);
        var types = new[] { "determinate", "life", "death", "juvenile", "indeterminate" };
        T? Maybe<T>(T value) where T : class => random.Next(4) == 0 ? null : value;
        while (true)
        {
            var application = new NodaTime.LocalDate(2026, 1, 15);
            var type = types[random.Next(types.Length)];
            var values = new Dictionary<string, object?>
            {
                ["sentencingCountry"] = "US", ["receivingCountry"] = "MX", ["receivingNationality"] = "MX", ["applicationDate"] = application,
                ["judgment.final"] = Maybe<object>(random.Next(2) == 0), ["consent.prisoner"] = Maybe<object>(random.Next(2) == 0),
                ["sentence.type"] = Maybe<object>(type),
                ["prisoner.yearsResidentInSentencingCountry"] = Maybe<object>((decimal)random.Next(0, 10)),
                ["sentence.fullTermDate"] = Maybe<object>(application.PlusDays(random.Next(-30, 800))),
                ["prisoner.nationalities"] = Maybe<object>(new[] { "MX", "US", "IS" }.Where(_ => random.Next(2) == 0).Cast<object?>().ToList()),
                ["offenses"] = Maybe<object>(Enumerable.Range(0, random.Next(1, 3)).Select(_ => (object?)new Dictionary<string, object?>
                {
                    ["category"] = Maybe<object>(random.Next(2) == 0 ? "drug" : "fraud"),
                    ["dualCriminality"] = Maybe<object>(random.Next(2) == 0),
                    ["sentenceServed"] = Maybe<object>(random.Next(2) == 0),
                }).Select(d => (object?)(IReadOnlyDictionary<string, object?>)d!).ToList()),
            };
            yield return new CaseFacts(values);
        }
    }
}
