using System.Linq;
using TreatyDsl.Diagnostics;
using Xunit;

namespace TreatyDsl.Tests.Analysis;

/// <summary>The completeness checks (TDSL0301-0304): for each, a treaty set that must report it at its place, and one that must not.</summary>
public class CompletenessCheckTests
{
    private const string Vocabulary =
        "vocabulary v cite \"c\"\nenum sort: a, b\nfact applicationDate: date\nfact sentencingCountry: country\nfact receivingCountry: country\nfact s: sort\nfact flag: bool\n";
    private const string Statute = "baseline statute title \"S\" cite \"c\"\nrequire r: \"t\" cite \"c\" when flag\n";
    private const string Table = "countries \"T\" cite \"c\"\ncountry MX \"Mexico\" one two\n";

    private static TreatyDiagnostic[] Findings(string text, string id) =>
        TreatyLoader.Load(new[] { ("t.treaty", text) }).Diagnostics.Where(d => d.Id == id).ToArray();

    private static void AssertAt(TreatyDiagnostic finding, string text, string marked)
    {
        var expected = TreatyDsl.Parsing.TreatyParser.SpanAt("t.treaty", text, text.IndexOf(marked, System.StringComparison.Ordinal), 0);
        Assert.Equal((expected.Line, expected.Column), (finding.Span.Line, finding.Span.Column));
    }

    private static string Instruments(string oneExtra = "", string twoIncludes = " includes statute") =>
        "instrument one title \"1\" kind multilateral cite \"c\" includes statute\n" + oneExtra +
        "instrument two title \"2\" kind multilateral cite \"c\"" + twoIncludes + "\n";

    [Fact]
    public void An_instrument_that_includes_no_baseline_is_TDSL0301_at_its_name()
    {
        var text = Vocabulary + Statute + Instruments(twoIncludes: "") + "require q: \"t\" cite \"c\" when flag\n" + Table;

        var finding = Assert.Single(Findings(text, "TDSL0301"));

        AssertAt(finding, text, "two title");
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Empty(Findings(Vocabulary + Statute + Instruments() + Table, "TDSL0301"));
    }

    [Fact]
    public void An_instrument_no_row_lists_and_without_parties_is_TDSL0302_and_one_with_parties_is_not()
    {
        var text = Vocabulary + Statute + Instruments() + "countries \"T\" cite \"c\"\ncountry MX \"Mexico\" one\n";
        var withParties = Vocabulary + Statute + "instrument one title \"1\" kind multilateral cite \"c\" includes statute\n" +
            "instrument us-kw title \"K\" kind bilateral parties US, KW in force from 2000-01-01 cite \"c\" includes statute\n" +
            "countries \"T\" cite \"c\"\ncountry MX \"Mexico\" one\n";

        AssertAt(Assert.Single(Findings(text, "TDSL0302")), text, "two title");
        Assert.Empty(Findings(withParties, "TDSL0302"));
        Assert.Empty(Findings(Vocabulary + Statute + Instruments() + Table, "TDSL0302"));
    }

    [Fact]
    public void A_fact_nothing_reads_is_TDSL0303_and_facts_the_evaluator_reads_are_not()
    {
        var text = Vocabulary + Statute + Instruments() + Table;

        var finding = Assert.Single(Findings(text, "TDSL0303"));

        AssertAt(finding, text, "s: sort");
        Assert.Equal("No rule, derived fact or advisory reads 's'; a case file may give it, but it changes no answer", finding.Message);
        Assert.Equal(DiagnosticSeverity.Info, finding.Severity);
    }

    [Fact]
    public void An_enum_value_one_instrument_tests_and_another_never_mentions_is_TDSL0304()
    {
        var text = Vocabulary + Statute + Instruments(oneExtra: "require k: \"t\" cite \"c\" when s = a\n") + Table;

        var finding = Assert.Single(Findings(text, "TDSL0304"));

        AssertAt(finding, text, "sort: a, b");
        Assert.Equal("'a' (sort) is tested by one and never mentioned by two; check that those instruments need not say what they do with it", finding.Message);
    }

    [Fact]
    public void An_enum_value_every_instrument_reads_through_the_baseline_is_not_TDSL0304()
    {
        var text = Vocabulary + "derive isA: bool = s = a cite \"c\"\n" + "baseline statute title \"S\" cite \"c\"\nrequire r: \"t\" cite \"c\" when flag and not isA\n" + Instruments() + Table;

        Assert.Empty(Findings(text, "TDSL0304"));
    }

    [Fact]
    public void Treaty_files_with_errors_are_not_analysed()
    {
        var text = Vocabulary + Statute + Instruments(oneExtra: "require broken: \"t\" cite \"c\" when nonsense\n") + Table;

        Assert.DoesNotContain(TreatyLoader.Load(new[] { ("t.treaty", text) }).Diagnostics, d => d.Id.StartsWith("TDSL03", System.StringComparison.Ordinal));
    }
}
