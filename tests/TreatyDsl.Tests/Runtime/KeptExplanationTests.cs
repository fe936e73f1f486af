using System;
using System.IO;
using System.Linq;
using TreatyDsl.Cli;
using TreatyDsl.Cli.Treaties;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>
/// A report evaluated with an <see cref="ExplanationBuffer"/> (as <c>treaty eval</c> evaluates) writes each explanation
/// as its rule is settled and keeps it there, so writing the report out runs no rule again. These tests pin that it is
/// the same report, that the rules really run once, and that emptying the buffer never lends a result another's words.
/// </summary>
public class KeptExplanationTests
{
    private static readonly TreatyCatalog Generated = GeneratedTreaties.Catalog;

    private static CaseFacts Sample(string name) =>
        CaseFileReader.Read(File.ReadAllText(Path.Combine(Paths.Samples, name)), Generated.Schema).Facts!;

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_report_whose_explanations_are_kept_is_written_byte_for_byte_as_one_explained_when_read(string sample)
    {
        var explainedWhenRead = JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Generated, Sample(sample)));

        var buffer = new ExplanationBuffer();
        var kept = JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Generated, Sample(sample), buffer));

        Assert.Equal(explainedWhenRead, kept);
    }

    [Fact]
    public void Writing_a_kept_explanation_runs_no_rule_again_and_after_the_buffer_is_emptied_the_rule_runs_once_more()
    {
        var rules = new CountingRules();
        var buffer = new ExplanationBuffer();
        var sink = ExplanationSink.Rent(keepsSentences: true);
        var result = rules.Result(0, sink, buffer);
        sink.Release();
        var writer = new CollectingWriter();

        result.WriteExplanation(writer);
        var runsWhileKept = rules.Runs;
        buffer.Clear();
        buffer.Keep("someone else's words".AsSpan());
        result.WriteExplanation(writer);

        Assert.Equal(1, runsWhileKept);
        Assert.Equal(2, rules.Runs);
        Assert.Equal(new[] { "rule 0 looked; at run 1", "rule 0 looked; at run 2" }, writer.Written);
    }

    [Fact]
    public void A_result_read_after_its_buffer_is_emptied_and_refilled_explains_its_own_case_not_the_next()
    {
        var buffer = new ExplanationBuffer();
        var eligible = CaseEvaluator.Evaluate(Generated, Sample("mx-eligible.json"), buffer);
        var expected = CaseEvaluator.Evaluate(Generated, Sample("mx-eligible.json"));

        buffer.Clear();
        CaseEvaluator.Evaluate(Generated, Sample("mx-ineligible-domiciliary-immigration.json"), buffer);

        var minRemaining = eligible.Instruments.Single(i => i.Id == UsMxValidator.Id).Requirements.Single(r => r.Id == "min-remaining");
        Assert.Equal("5 years 16 days remaining; at least 6 months required", minRemaining.Explanation);
        Assert.Equal(JsonReportWriter.ToJsonLine(expected), JsonReportWriter.ToJsonLine(eligible));
    }

    [Fact]
    public void Keeping_explanations_with_a_sink_that_keeps_no_sentences_is_refused_rather_than_keeping_empty_ones()
    {
        var quiet = ExplanationSink.MissingFactsOnly();

        var refused = Assert.Throws<ArgumentException>(() => new CountingRules().Result(0, quiet, new ExplanationBuffer()));

        Assert.Equal("sink", refused.ParamName);
    }

    /// <summary>One rule that says which run of it wrote its explanation.</summary>
    private sealed class CountingRules : CaseRules
    {
        public int Runs { get; private set; }

        protected override string[] Ids { get; } = { "looks" };

        protected override Truth Run(int rule, ExplanationSink sink, out string text, out string citation)
        {
            Runs++;
            sink.Note($"rule {rule} looked");
            sink.Note($"at run {Runs}");
            text = "The rule looks.";
            citation = "a citation";
            return Truth.True;
        }
    }

    private sealed class CollectingWriter : IExplanationWriter
    {
        public System.Collections.Generic.List<string> Written { get; } = new();

        public void Write(ReadOnlySpan<char> explanation) => Written.Add(explanation.ToString());
    }
}
