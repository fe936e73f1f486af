using System.Linq;
using TreatyDsl.Parsing;
using TreatyDsl.Syntax;
using Xunit;

namespace TreatyDsl.Tests.Parsing;

public class ParserTests
{
    [Theory]
    [InlineData("\"never closed", "TDSL0003", 1, 1)]
    [InlineData("// a comment\n\"never closed", "TDSL0003", 2, 1)]
    [InlineData("\"closed\" and then words", "TDSL0002", 1, 1)]
    public void Quoted_text_before_any_declaration_is_reported_at_its_place_not_dropped(string text, string id, int line, int column)
    {
        var result = TreatyParser.Parse("t.treaty", text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((id, line, column), (error.Id, error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void A_rule_with_citation_condition_and_exception_parses_into_one_rule()
    {
        var result = TreatyParser.Parse("t.treaty", """
            require min-remaining: "Enough time remains."
              cite "7 FAM 481.3-1 d(5)"
              when timeRemaining >= 6 months
              unless exceptionalCircumstances
            """);

        Assert.Empty(result.Diagnostics);
        var rule = Assert.IsType<RuleSyntax>(Assert.Single(result.File.Declarations));
        Assert.Equal("min-remaining", rule.Id);
        Assert.Equal("7 FAM 481.3-1 d(5)", rule.Citation);
        var comparison = Assert.IsType<ComparisonSyntax>(rule.Condition);
        Assert.Equal(new DurationValue(0, 6, 0), Assert.IsType<DurationLiteralSyntax>(comparison.Right).Value);
        Assert.Single(rule.Exceptions);
    }

    [Fact]
    public void Two_broken_declarations_report_two_errors_at_their_own_lines_and_keep_the_good_one()
    {
        var result = TreatyParser.Parse("t.treaty", "require a: \"x\" cite \"c\" when\n\nrequire b: \"y\" cite \"c\" when judgment.final\n\nbar c \"z\" when x\n");

        // A declaration that ends too soon is reported on its last word ("when", column 25).
        Assert.Equal(new[] { (1, 25), (5, 7) }, result.Diagnostics.Select(d => (d.Span.Line, d.Span.Column)).ToArray());
        Assert.All(result.Diagnostics, d => Assert.Equal("TDSL0001", d.Id));
        Assert.Equal("b", Assert.IsType<RuleSyntax>(Assert.Single(result.File.Declarations)).Id);
    }

    [Fact]
    public void An_impossible_date_in_a_header_is_reported_at_the_date_with_its_own_message()
    {
        var result = TreatyParser.Parse("t.treaty", "instrument x\n  in force from 2026-13-01\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("TDSL0001", error.Id);
        Assert.Equal((2, 17), (error.Span.Line, error.Span.Column));
        Assert.Equal("'2026-13-01' is not a calendar date", error.Message);
    }

    [Theory]
    [InlineData("countries \"t\" cite \"c\"\ncountry MX \"Mexico\"\n  us-mx from 1977-02-30 \"x\"\n", 3, 14, "'1977-02-30' is not a calendar date")]
    [InlineData("baseline b title \"t\" cite \"c\"\nthreshold m: 6 months cite \"c\" effective from 2020-02-31\n", 2, 47, "'2020-02-31' is not a calendar date")]
    [InlineData("baseline b title \"t\" cite \"c\"\nthreshold m: 6 months cite 12\n", 2, 28, "Expected quoted text in this 'threshold' declaration, but found '12'")]
    public void A_broken_optional_clause_reports_its_own_problem_instead_of_backtracking(string text, int line, int column, string message)
    {
        var error = Assert.Single(TreatyParser.Parse("t.treaty", text).Diagnostics);

        Assert.Equal("TDSL0001", error.Id);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_advisory_set_and_its_factor_parse_with_direction_citation_and_conditions()
    {
        var result = TreatyParser.Parse("t.treaty", """
            advisories doj
              title "DOJ Guidelines III"
              cite "DOJ Guidelines III"
              when sentencingCountry = US
            advisory prior-transfer weighs against: "Transferred before."
              cite "DOJ Guidelines III.A.8"
              when prisoner.priorTransfer
            """);

        Assert.Empty(result.Diagnostics);
        var set = Assert.IsType<AdvisoriesSyntax>(result.File.Declarations[0]);
        Assert.Equal(("doj", "DOJ Guidelines III"), (set.Id, set.Title));
        Assert.IsType<ComparisonSyntax>(set.AppliesWhen);
        var factor = Assert.IsType<AdvisorySyntax>(result.File.Declarations[1]);
        Assert.Equal(("prior-transfer", Weighs.Against, "Transferred before.", "DOJ Guidelines III.A.8"), (factor.Id, factor.Weighs, factor.Text, factor.Citation));
        Assert.Equal("prisoner.priorTransfer", Assert.IsType<NameSyntax>(factor.Condition).Name);
    }

    [Fact]
    public void A_territory_row_names_its_code_name_and_the_country_it_belongs_to()
    {
        var result = TreatyParser.Parse("t.treaty", "territory AW \"Aruba\" of NL\n");

        Assert.Empty(result.Diagnostics);
        var territory = Assert.IsType<TerritorySyntax>(Assert.Single(result.File.Declarations));
        Assert.Equal(("AW", "Aruba", "NL", 1, 25), (territory.Code, territory.Name, territory.Parent, territory.ParentSpan.Line, territory.ParentSpan.Column));
    }

    [Fact]
    public void A_country_row_may_end_with_cited_notes()
    {
        var result = TreatyParser.Parse("t.treaty", "country PE \"Peru\"\n  us-pe from 1980-07-21 \"x\"\n  note \"By diplomatic note.\" cite \"7 FAM 482.3-1 (2)\"\n");

        Assert.Empty(result.Diagnostics);
        var note = Assert.Single(Assert.IsType<CountrySyntax>(Assert.Single(result.File.Declarations)).Notes);
        Assert.Equal(("By diplomatic note.", "7 FAM 482.3-1 (2)", 3, 3), (note.Text, note.Citation, note.Span.Line, note.Span.Column));
    }

    [Fact]
    public void An_advisory_that_weighs_no_known_way_is_reported_at_the_word()
    {
        var result = TreatyParser.Parse("t.treaty", "advisory f weighs heavily: \"t\" cite \"c\" when prisoner.priorTransfer\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("TDSL0001", 1, 19), (error.Id, error.Span.Line, error.Span.Column));
        Assert.Contains("'for', 'against' or 'either'", error.Message);
    }

    [Fact]
    public void An_unterminated_string_is_TDSL0003_at_its_opening_quote()
    {
        var result = TreatyParser.Parse("t.treaty", "require a: \"never closed\n  cite \"c\" when x\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("TDSL0003", 1, 12), (error.Id, error.Span.Line, error.Span.Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("require")]
    [InlineData("}{)(*&^%$#@!")]
    [InlineData("require x: \"a\" when (((((")]
    [InlineData("country")]
    public void The_parser_never_throws_whatever_the_input(string text)
    {
        var result = TreatyParser.Parse("t.treaty", text);
        Assert.NotNull(result.File);
    }
}
