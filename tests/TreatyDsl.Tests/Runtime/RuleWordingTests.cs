using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Cli.Treaties;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>
/// A result's id, text and citation are one <see cref="RuleWording"/>, made once per rule version (and per exception
/// that cites a further passage) by the generated validators, the interpreter and the evaluator's in-force requirement,
/// so results share it and <c>treaty eval</c> finds a rule's encoded words by it. These tests pin the sharing and that
/// the words themselves are what they were.
/// </summary>
public class RuleWordingTests
{
    private static readonly TreatyCatalog Interpreted = InterpretedCatalog.Create(TreatyLoader.LoadDirectory(Paths.Treaties));

    private static IEnumerable<CaseFacts> Samples(TreatyCatalog catalog) =>
        Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CaseFileReader.Read(File.ReadAllText(f), catalog.Schema).Facts!);

    public static TheoryData<string> Catalogs() => new() { "generated", "interpreted" };

    private static TreatyCatalog CatalogNamed(string name) => name == "generated" ? GeneratedTreaties.Catalog : Interpreted;

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Every_rule_result_with_the_same_words_shares_one_wording_across_every_instrument_and_sample(string catalog)
    {
        // Each instrument's own report on every sample, twice (the reviews a case raises for the caseworker to decide,
        // made per case from the instrument's decisions, are not a rule's results).
        var instruments = CatalogNamed(catalog).Instruments;
        var cases = Samples(CatalogNamed(catalog)).ToList();
        var results = cases.Concat(cases)
            .SelectMany(facts => instruments.Select(i => i.Evaluate(facts)))
            .SelectMany(r => r.Requirements.Concat(r.Reviews).Select(x => (Instrument: r.Id, Result: x)))
            .ToList();

        var groups = results.GroupBy(x => (x.Instrument, x.Result.Id, x.Result.Text, x.Result.Citation)).ToList();

        Assert.Contains(groups, g => g.Count() > 1);
        foreach (var group in groups)
        {
            var first = group.First().Result.Wording;
            Assert.All(group, x => Assert.True(ReferenceEquals(first, x.Result.Wording), $"{group.Key}: more than one wording"));
            Assert.Equal((group.Key.Id, group.Key.Text, group.Key.Citation), (first.Id, first.Text, first.Citation));
        }
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Every_in_force_requirement_of_an_instrument_shares_one_wording(string name)
    {
        var catalog = CatalogNamed(name);
        var inForce = Samples(catalog).Select(facts => CaseEvaluator.Evaluate(catalog, facts))
            .SelectMany(r => r.Instruments.Select(i => (Instrument: i.Id, Result: i.Requirements[0])))
            .GroupBy(x => x.Instrument)
            .ToList();

        Assert.Contains(inForce, g => g.Count() > 1);
        foreach (var group in inForce)
        {
            Assert.All(group, x => Assert.Equal(CaseEvaluator.InForceRequirement, x.Result.Id));
            Assert.All(group, x => Assert.Same(group.First().Result.Wording, x.Result.Wording));
        }
    }

    [Fact]
    public void An_exception_that_cites_a_further_passage_has_words_of_its_own_citing_both_as_the_interpreter_does()
    {
        static RequirementResult Nationality(TreatyCatalog catalog, string sample) =>
            CaseEvaluator.Evaluate(catalog, CaseFileReader.Read(File.ReadAllText(Path.Combine(Paths.Samples, sample)), catalog.Schema).Facts!)
                .Instruments.Single(i => i.Id == "coe").Requirements.Single(r => r.Id == "nationality");

        // A Dutch national going to Aruba is met by the territory exception; a German national going to Germany by the rule.
        var byException = Nationality(GeneratedTreaties.Catalog, "aw-dutch-national-to-aruba.json");
        var byRule = Nationality(GeneratedTreaties.Catalog, "de-eligible-coe.json");

        Assert.Equal(
            "7 FAM 481.2 b(2); 7 FAM 481.3 (1); DOJ Guidelines II(1); 7 FAM Exhibit 481, Table A (a territory takes the instruments of the country it belongs to)",
            byException.Citation);
        Assert.Equal("7 FAM 481.2 b(2); 7 FAM 481.3 (1); DOJ Guidelines II(1)", byRule.Citation);
        Assert.NotSame(byRule.Wording, byException.Wording);
        Assert.Same(byRule.Text, byException.Text);
        Assert.Equal(Nationality(Interpreted, "aw-dutch-national-to-aruba.json").Citation, byException.Citation);
    }

    [Fact]
    public void A_result_built_from_its_parts_reads_them_back_and_with_changes_only_the_part_named()
    {
        var result = new RequirementResult("rule", "The text.", "Art. 1", Outcome.Unknown, "why", new[] { "a.fact" });

        var recited = result with { Citation = "Art. 2" };
        var (id, text, citation, outcome, explanation, missing) = recited;

        Assert.Equal(("rule", "The text.", "Art. 2", Outcome.Unknown, "why"), (id, text, citation, outcome, explanation));
        Assert.Equal(new[] { "a.fact" }, missing);
        Assert.Equal("Art. 1", result.Citation);
        Assert.Equal(("rule", "The text.", "Art. 1"), (result.Wording.Id, result.Wording.Text, result.Wording.Citation));
    }

    [Fact]
    public void A_generated_result_given_other_words_keeps_the_explanation_its_rules_would_have_written()
    {
        var json = File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json"));
        var original = UsMxValidator.Evaluate(TreatyCase.FromFacts(CaseFileReader.Read(json, GeneratedTreaties.Schema).Facts!))
            .Requirements.Single(r => r.Id == "min-remaining");

        var recited = original with { Citation = "Art. 9" };

        Assert.Equal(("min-remaining", original.Text, "Art. 9"), (recited.Id, recited.Text, recited.Citation));
        Assert.Equal("5 years 16 days remaining; at least 6 months required", recited.Explanation);
        Assert.Equal(original.Explanation, recited.Explanation);
        Assert.NotEqual("Art. 9", original.Citation);
    }

    /// <summary>Two rules, the first with more wordings than a result holds the number of in its 16 bits.</summary>
    private sealed class ManyWordings : CaseRules
    {
        public static readonly RuleWording[][] Words =
        {
            Enumerable.Range(0, 70_001).Select(i => new RuleWording("many", "t", "c" + i)).ToArray(),
            new[] { new RuleWording("few", "t", "first"), new RuleWording("few", "t", "second") },
        };

        protected override string[] Ids => new[] { "many", "few" };

        protected override RuleWording[][] Wordings => Words;

        protected override Truth Run(int rule, ExplanationSink sink, out string text, out string citation)
        {
            (text, citation) = ("t", "c");
            return Truth.True;
        }
    }

    [Fact]
    public void A_rule_settled_with_a_wording_past_sixteen_bits_reads_it_back_and_its_neighbours_keep_their_own()
    {
        var rules = new ManyWordings();
        var sink = ExplanationSink.MissingFactsOnly();

        var many = rules.Settled(0, Truth.True, 70_000, sink, null);
        var few = rules.Settled(1, Truth.True, 1, sink, null);

        Assert.Same(ManyWordings.Words[0][70_000], many.Wording);
        Assert.Same(ManyWordings.Words[1][1], few.Wording);
    }

    /// <summary>Rules as a validator generated before wordings were numbered binds them: no table, words given as text.</summary>
    private sealed class TextWordings : CaseRules
    {
        protected override string[] Ids => new[] { "only" };

        protected override Truth Run(int rule, ExplanationSink sink, out string text, out string citation)
        {
            (text, citation) = ("The text.", "Art. 1");
            sink.Note("explained");
            return Truth.False;
        }
    }

    [Fact]
    public void A_result_settled_with_words_given_as_text_reads_them_back_and_explains_itself_when_read()
    {
        var sink = ExplanationSink.MissingFactsOnly();

        var result = new TextWordings().Settled(0, Truth.False, "The text.", "Art. 1", sink, null);
        var single = new TextWordings().Result(0);

        Assert.Equal(("only", "The text.", "Art. 1", Outcome.NotMet), (result.Id, result.Text, result.Citation, result.Outcome));
        Assert.Equal("explained", result.Explanation);
        Assert.Equal(("only", "The text.", "Art. 1"), (single.Id, single.Text, single.Citation));
    }

    [Fact]
    public void A_result_given_an_empty_list_of_missing_facts_equals_one_given_none_and_reads_as_empty()
    {
        var empty = new RequirementResult("rule", "t", "c", Outcome.Met, "e", new List<string>());
        var none = new RequirementResult("rule", "t", "c", Outcome.Met, "e", Array.Empty<string>());

        Assert.Empty(empty.MissingFacts);
        Assert.Equal(none, empty);
        Assert.Equal(none.GetHashCode(), empty.GetHashCode());
    }
}
