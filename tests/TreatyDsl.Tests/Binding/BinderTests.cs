using System.IO;
using System.Linq;
using TreatyDsl.Diagnostics;
using Xunit;

namespace TreatyDsl.Tests.Binding;

/// <summary>
/// Binding errors: each snippet is an instrument file added to the shipped vocabulary and baseline, and must give
/// exactly one error, with the expected id, at the place of the marked text.
/// </summary>
public class BinderTests
{
    private const string Header = "instrument x\n  title \"X\" kind multilateral cite \"c\" includes statute\n";
    private const string AdvisoryHeader = "advisories a\n  title \"A\" cite \"c\"\n";

    private static TreatyDiagnostic SingleError(string snippet)
    {
        var files = new[] { "case-file.treaty", "baseline.treaty" }
            .Select(f => (Path.Combine(Paths.Treaties, f), File.ReadAllText(Path.Combine(Paths.Treaties, f))))
            .Append(("snippet.treaty", snippet));
        var errors = TreatyLoader.Load(files).Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        return errors[0];
    }

    [Theory]
    [InlineData("TDSL0102", Header + "require r: \"t\" cite \"c\" when judgement.final\n", "judgement.final")]
    // A keyword inside a dotted name is a name part: the name is unknown, not a syntax error.
    [InlineData("TDSL0102", Header + "require r: \"t\" cite \"c\" when sentence.kind\n", "sentence.kind")]
    [InlineData("TDSL0103", Header + "require r: \"t\" cite \"c\" when sentence.fullTermDate >= 5\n", "sentence.fullTermDate >= 5")]
    [InlineData("TDSL0114", Header + "require r: \"t\" cite \"c\" when sentence.fullTermDate\n", "sentence.fullTermDate")]
    [InlineData("TDSL0115", Header + "require r: \"t\" cite \"c\" when receivingCountry > MX\n", "receivingCountry > MX")]
    [InlineData("TDSL0119", Header + "require r: \"t\" cite \"c\" when MX in receivingCountry\n", "receivingCountry")]
    [InlineData("TDSL0117", Header + "require r: \"t\"\n  when judgment.final\n", "r: \"t\"\n")]
    [InlineData("TDSL0101", Header + "instrument x\n  title \"Y\" kind multilateral cite \"c\" includes statute\n", "x\n  title \"Y\"")]
    [InlineData("TDSL0107", Header + "threshold minTimeRemaining: 12 months cite \"c\"\n", "minTimeRemaining")]
    [InlineData("TDSL0108", Header + "override threshold minTimeLeft: 12 months cite \"c\"\n", "minTimeLeft")]
    [InlineData("TDSL0109", Header + "exception e to no-such-rule: \"t\" cite \"c\" when exceptionalCircumstances\n", "e to")]
    [InlineData("TDSL0109", Header + "override cite no-such-rule \"7 FAM 481.3-2 b(5)\"\n", "no-such-rule")]
    [InlineData("TDSL0101", Header + "override cite min-remaining \"a\"\noverride cite min-remaining \"b\"\n", "min-remaining \"b\"")]
    [InlineData("TDSL0105", "baseline b\n  title \"B\" cite \"c\"\nrequire r: \"t\" cite \"c\" when judgment.final\noverride cite r \"d\"\n", "r \"d\"")]
    [InlineData("TDSL0106", "instrument x\n  title \"X\" kind multilateral cite \"c\" includes statue\n", "statue")]
    [InlineData("TDSL0116", "instrument x\n  title \"X\" kind bilateral parties US cite \"c\" in force from 2000-01-01 includes statute\n", "x\n")]
    [InlineData("TDSL0105", "require r: \"t\" cite \"c\" when judgment.final\n", "r:")]
    [InlineData("TDSL0105", "advisory f weighs against: \"t\" cite \"c\" when prisoner.priorTransfer\n", "f weighs")]
    [InlineData("TDSL0121", "countries \"t\" cite \"c\"\ncountry NL \"Netherlands\"\nterritory AW \"Aruba\" of NX\n", "NX")]
    [InlineData("TDSL0101", "countries \"t\" cite \"c\"\ncountry NL \"Netherlands\"\nterritory NL \"Aruba\" of NL\n", "NL \"Aruba\"")]
    [InlineData("TDSL0105", "territory AW \"Aruba\" of NL\n", "AW")]
    [InlineData("TDSL0117", "countries \"t\" cite \"c\"\ncountry NL \"Netherlands\"\n  note \"By diplomatic note.\"\n", "note")]
    [InlineData("TDSL0105", Header + "advisory f weighs against: \"t\" cite \"c\" when prisoner.priorTransfer\n", "f weighs")]
    [InlineData("TDSL0117", AdvisoryHeader + "advisory f weighs against: \"t\"\n  when prisoner.priorTransfer\n", "f weighs")]
    [InlineData("TDSL0117", "advisories a\n  title \"A\"\n", "a\n")]
    [InlineData("TDSL0101", AdvisoryHeader + "advisory f weighs for: \"t\" cite \"c\" when prisoner.priorTransfer\nadvisory f weighs against: \"u\" cite \"c\" when financial.restitutionUnpaid\n", "f weighs against")]
    [InlineData("TDSL0102", AdvisoryHeader + "advisory f weighs against: \"t\" cite \"c\" when prisoner.priorTransfers\n", "prisoner.priorTransfers")]
    [InlineData("TDSL0102", AdvisoryHeader + "advisory f weighs against: \"t\" cite \"c\" when timeRemaining >= minTimeRemaining\n", "minTimeRemaining")]
    [InlineData("TDSL0114", "advisories a\n  title \"A\" cite \"c\" when sentencingCountry\n", "sentencingCountry")]
    [InlineData("TDSL0124", Header + "derive lifer: bool = sentence.type = life unbounded when sentence.type = life cite \"c\"\n", "sentence.type = life cite")]
    public void A_binding_error_is_reported_once_with_its_id_at_its_place(string id, string snippet, string marked)
    {
        var error = SingleError(snippet);

        var expected = TreatyDsl.Parsing.TreatyParser.SpanAt("snippet.treaty", snippet, snippet.IndexOf(marked, System.StringComparison.Ordinal), 0);
        Assert.Equal(id, error.Id);
        Assert.Equal("snippet.treaty", error.Span.Path);
        Assert.Equal((expected.Line, expected.Column), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void An_override_cite_gives_an_included_rule_this_instruments_passage_and_leaves_other_instruments_alone()
    {
        var files = new[] { "case-file.treaty", "baseline.treaty" }
            .Select(f => (Path.Combine(Paths.Treaties, f), File.ReadAllText(Path.Combine(Paths.Treaties, f))))
            .Append(("snippet.treaty", Header + "override cite min-remaining \"7 FAM 481.3-2 b(5)\"\n" + Header.Replace("instrument x", "instrument y")));

        var model = TreatyLoader.Load(files);

        Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
        Assert.Equal("7 FAM 481.3-2 b(5)", model.Instruments.Single(i => i.Id == "x").Rules.Single(r => r.Id == "min-remaining").Latest.Citation);
        Assert.StartsWith("7 FAM 481.3-1 d(5)", model.Instruments.Single(i => i.Id == "y").Rules.Single(r => r.Id == "min-remaining").Latest.Citation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_suggests_the_closest_declared_fact()
    {
        var error = SingleError(Header + "require r: \"t\" cite \"c\" when judgement.final\n");

        Assert.Equal("'judgement.final' is not a fact, derived fact, threshold or value known here; did you mean 'judgment.final'?", error.Message);
    }

    [Fact]
    public void Overlapping_versions_of_a_threshold_name_the_first_day_both_apply()
    {
        var error = SingleError(Header +
            "override threshold minTimeRemaining: 6 months cite \"c\" effective before 2021-01-01\n" +
            "override threshold minTimeRemaining: 12 months cite \"c\" effective from 2020-01-01\n");

        Assert.Equal("TDSL0113", error.Id);
        Assert.Equal("Two versions of 'minTimeRemaining' are both in effect on 2020-01-01; make their effective periods meet without overlapping", error.Message);
    }

    [Fact]
    public void Two_undated_versions_of_a_rule_overlap_at_all_times()
    {
        var error = SingleError(Header + "require r: \"t\" cite \"c\" when judgment.final\nrequire r: \"u\" cite \"c\" when judgment.final\n");

        Assert.Equal("TDSL0113", error.Id);
        Assert.Equal("Two versions of 'r' are both in effect at all times (neither says 'effective from ... before ...'); make their effective periods meet without overlapping", error.Message);
        Assert.Equal(4, error.Span.Line);
    }
}
