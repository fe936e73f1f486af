using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TreatyDsl.Cli.Treaties;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>
/// Generated reports settle outcomes, citations and missing facts at once and write each explanation when it is first
/// read (CaseRules). These tests pin what that must not change: the words (the interpreter's, which are eager), the
/// missing facts, equality, and reading from several threads.
/// </summary>
public class LazyExplanationTests
{
    private static readonly TreatyCatalog Interpreted = InterpretedCatalog.Create(TreatyLoader.LoadDirectory(Paths.Treaties));

    private static (InstrumentReport Generated, InstrumentReport Interpreted) UsMx(string sample)
    {
        var json = File.ReadAllText(Path.Combine(Paths.Samples, sample));
        var generated = UsMxValidator.Evaluate(TreatyCase.FromFacts(CaseFileReader.Read(json, GeneratedTreaties.Schema).Facts!));
        var interpreted = Interpreted.Instruments.Single(i => i.Info.Id == UsMxValidator.Id)
            .Evaluate(CaseFileReader.Read(json, Interpreted.Schema).Facts!);
        return (generated, interpreted);
    }

    [Theory]
    [InlineData("mx-eligible.json")]
    [InlineData("mx-ineligible-domiciliary-immigration.json")]
    [InlineData("mx-undetermined-missing-facts.json")]
    public void Each_explanation_read_later_is_the_interpreters_word_for_word_and_results_are_equal(string sample)
    {
        var (generated, interpreted) = UsMx(sample);

        Assert.Equal(interpreted.Requirements.Count, generated.Requirements.Count);
        for (var i = 0; i < generated.Requirements.Count; i++)
        {
            var (g, e) = (generated.Requirements[i], interpreted.Requirements[i]);
            Assert.Equal(e.Explanation, g.Explanation);
            Assert.Equal(e.MissingFacts, g.MissingFacts);
            // Record equality compares the explanation's words, however each was made (MissingFacts by reference, as
            // a record does, so compare a copy that shares it).
            Assert.Equal(g with { MissingFacts = e.MissingFacts }, e);
            Assert.Equal(e.GetHashCode(), (g with { MissingFacts = e.MissingFacts }).GetHashCode());
        }
        Assert.Equal(interpreted.Reviews.Select(r => r.Explanation), generated.Reviews.Select(r => r.Explanation));
    }

    [Fact]
    public void An_explanation_is_written_once_and_the_same_text_is_returned_on_every_read()
    {
        var requirement = UsMx("mx-eligible.json").Generated.Requirements.Single(r => r.Id == "min-remaining");

        var first = requirement.Explanation;

        Assert.Equal("5 years 16 days remaining; at least 6 months required", first);
        Assert.Same(first, requirement.Explanation);
    }

    /// <summary>Keeps what it is given, and can read another explanation while one is being handed to it.</summary>
    private sealed class CollectingWriter : IExplanationWriter
    {
        public System.Collections.Generic.List<string> Written { get; } = new();

        public RequirementResult? ReadWhileWriting { get; init; }

        public string? ReadInside { get; private set; }

        public void Write(System.ReadOnlySpan<char> explanation)
        {
            ReadInside ??= ReadWhileWriting?.Explanation; // before copying: the span must survive another explanation
            Written.Add(explanation.ToString());
        }
    }

    [Theory]
    [InlineData("mx-eligible.json")]
    [InlineData("mx-undetermined-missing-facts.json")]
    public void An_explanation_handed_to_a_writer_is_the_one_read_as_a_string(string sample)
    {
        var (generated, interpreted) = UsMx(sample);
        var writer = new CollectingWriter();

        foreach (var requirement in generated.Requirements) requirement.WriteExplanation(writer); // before any is read
        foreach (var requirement in interpreted.Requirements) requirement.WriteExplanation(writer); // given as strings

        var expected = interpreted.Requirements.Select(r => r.Explanation).ToArray();
        Assert.Equal(expected.Concat(expected), writer.Written);
        Assert.Equal(expected, generated.Requirements.Select(r => r.Explanation));
    }

    [Fact]
    public void An_explanation_read_while_another_is_being_written_does_not_disturb_it()
    {
        var report = UsMx("mx-eligible.json").Generated;
        var written = report.Requirements.Single(r => r.Id == "min-remaining");
        var writer = new CollectingWriter { ReadWhileWriting = report.Requirements.Single(r => r.Id == "nationality") };

        written.WriteExplanation(writer);

        Assert.Equal("5 years 16 days remaining; at least 6 months required", Assert.Single(writer.Written));
        Assert.Equal(UsMx("mx-eligible.json").Interpreted.Requirements.Single(r => r.Id == "nationality").Explanation, writer.ReadInside);
    }

    [Fact]
    public void Missing_facts_are_settled_with_the_outcome_without_reading_any_explanation()
    {
        var report = UsMx("mx-undetermined-missing-facts.json").Generated;

        var unknown = report.Requirements.Where(r => r.Outcome == Outcome.Unknown).ToList();

        Assert.NotEmpty(unknown);
        Assert.All(unknown, r => Assert.NotEmpty(r.MissingFacts));
        Assert.Equal(Verdict.Undetermined, report.Verdict);
        Assert.NotEmpty(report.MissingFacts);
    }

    [Fact]
    public void Explanations_read_on_many_threads_at_once_are_each_rules_own()
    {
        var (generated, interpreted) = UsMx("mx-ineligible-domiciliary-immigration.json");
        var expected = interpreted.Requirements.Select(r => r.Explanation).ToArray();
        var reports = Enumerable.Range(0, 64).Select(_ => UsMx("mx-ineligible-domiciliary-immigration.json").Generated).ToArray();

        var read = new string[reports.Length][];
        Parallel.For(0, reports.Length, n => read[n] = reports[n].Requirements.Select(r => r.Explanation).ToArray());

        Assert.All(read, texts => Assert.Equal(expected, texts));
    }

    [Fact]
    public void A_rules_own_evaluate_method_gives_the_result_the_report_holds()
    {
        var json = File.ReadAllText(Path.Combine(Paths.Samples, "mx-ineligible-domiciliary-immigration.json"));
        var typed = TreatyCase.FromFacts(CaseFileReader.Read(json, GeneratedTreaties.Schema).Facts!);

        var alone = UsMxValidator.EvaluateImmigrationOffense(typed);
        var inReport = UsMxValidator.Evaluate(typed).Requirements.Single(r => r.Id == "immigration-offense");

        Assert.Equal(Outcome.NotMet, alone.Outcome);
        Assert.Equal(inReport, alone);
    }

    [Fact]
    public void A_sink_for_missing_facts_only_keeps_the_missing_facts_and_no_sentence()
    {
        var sink = ExplanationSink.MissingFactsOnly();

        sink.Missing("sentence.fullTermDate");
        sink.Comparison("timeRemaining is not known", "at least 6 months", Truth.Unknown, direct: true, wantTrue: true);
        sink.Note("version in effect always");
        sink.Reset();
        sink.Missing("applicationDate");
        sink.Flag("judgment.final is true", Truth.True, direct: true, wantTrue: true);

        Assert.True(sink.IsQuiet);
        Assert.Equal(string.Empty, sink.Explanation);
        Assert.Equal(new[] { "applicationDate" }, sink.MissingFacts);
    }

    [Fact]
    public void A_rented_sink_comes_empty_is_never_handed_out_twice_at_once_and_is_reused_once_released()
    {
        var first = ExplanationSink.Rent(keepsSentences: true);
        first.Missing("applicationDate");
        first.Note("version in effect always");

        var whileInUse = ExplanationSink.Rent(keepsSentences: true);
        var quiet = ExplanationSink.Rent(keepsSentences: false);
        first.Release();
        var again = ExplanationSink.Rent(keepsSentences: true);

        Assert.NotSame(first, whileInUse);
        Assert.NotSame(first, quiet);
        Assert.True(quiet.IsQuiet);
        Assert.False(again.IsQuiet);
        Assert.Same(first, again);
        Assert.Equal(string.Empty, again.Explanation);
        Assert.Empty(again.MissingFacts);
    }
}
