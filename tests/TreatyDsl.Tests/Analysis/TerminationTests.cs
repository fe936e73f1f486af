using System.Linq;
using TreatyDsl.Analysis;
using TreatyDsl.Parsing;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// Whatever binds, the analysis ends, without an exception and within its budget: the shapes that once recursed
/// forever or ran for minutes, each of which killed every process that loads the files (a stack overflow cannot be
/// caught). The grammar fuzzer (<c>treaty-grammar</c>) looks for more.
/// </summary>
public class TerminationTests
{
    [Fact]
    public void Facts_expected_when_each_other_do_not_send_the_search_round_in_a_circle()
    {
        var vocabulary = Vocabulary
            .Replace("fact judgment.final: bool", "fact judgment.final: bool expected when judgment.appealPending")
            .Replace("fact judgment.appealPending: bool", "fact judgment.appealPending: bool expected when judgment.final");

        Verify(Instrument("require final: \"t\" cite \"c\" when judgment.final\nrequire appeal: \"t\" cite \"c\" when not judgment.appealPending\n"), vocabulary);
    }

    [Fact]
    public void Periods_that_end_at_each_others_start_are_not_analysed_instead_of_recursing_forever()
    {
        var vocabulary = Vocabulary
            + "derive servedSoFar: duration = period from sentence.imposedOn to sentence.fullTermDate\n"
            + "derive backwards: duration = period from sentence.fullTermDate to sentence.imposedOn\n";

        var finding = Assert.Single(Verify(
            Instrument("require a: \"t\" cite \"c\" when servedSoFar >= 1 year\nrequire b: \"t\" cite \"c\" when backwards >= 1 year\n").Replace("instrument us-mx", "instrument {|TDSL0309:us-mx|}"),
            vocabulary));
        Assert.Equal("Not analysed (us-mx): whether any case is eligible; no finding is claimed about it", finding.Message);
    }

    [Fact]
    public void A_twenty_thousand_way_or_ends_within_the_budget()
    {
        // Every alternative's variant was a copy of the whole condition: 20,000 copies of 20,000 nodes ran out of memory.
        var alternatives = string.Join(" or ", Enumerable.Range(0, 20_000).Select(i => $"prisoner.yearsResidentInSentencingCountry = {i}"));
        var budget = new AnalysisBudget();

        var model = TreatyLoader.Load(new[] { TreatyParser.Parse("case-file.treaty", Vocabulary), TreatyParser.Parse("test.treaty", Instrument($"require big: \"t\" cite \"c\" when {alternatives}\n")) }, budget);

        Assert.True(budget.Exhausted);
        Assert.Contains(model.Diagnostics, d => d.Id == "TDSL0309" && d.Message.Contains("analysis budget"));
    }
}
