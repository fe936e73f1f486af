using System.Linq;
using TreatyDsl.Formatting;
using Xunit;

namespace TreatyDsl.Tests.Formatting;

/// <summary>The canonical layout, declaration by declaration: what <c>treaty format</c> writes for each kind of input.</summary>
public class FormatterLayoutTests
{
    private static string Format(string text)
    {
        var result = TreatyFormatter.Format("t.treaty", text);
        Assert.True(result.IsFormatted, string.Join("\n", result.Errors.Select(e => e.ToString())) + result.Failure);
        return result.Text!;
    }

    [Fact]
    public void A_rule_written_on_one_line_gets_its_header_at_column_0_and_each_clause_on_its_own_line_two_spaces_in()
    {
        var formatted = Format("require   r :\"The text.\"   cite \"7 FAM 481.3-1\" effective from 2020-01-01 when x.y>=5 and (z or not w)");
        Assert.Equal(
            "require r: \"The text.\"\n" +
            "  cite \"7 FAM 481.3-1\"\n" +
            "  effective from 2020-01-01\n" +
            "  when x.y >= 5 and (z or not w)\n",
            formatted);
    }

    [Fact]
    public void The_citation_of_an_unless_or_accept_clause_goes_on_its_own_line_four_spaces_in()
    {
        var formatted = Format("bar b: \"t\"\n cite \"c\" when a unless b cite \"u\" accept TDSL0315 \"why\" cite \"w\"\n");
        Assert.Equal(
            "bar b: \"t\"\n" +
            "  cite \"c\"\n" +
            "  when a\n" +
            "  unless b\n" +
            "    cite \"u\"\n" +
            "  accept TDSL0315 \"why\"\n" +
            "    cite \"w\"\n",
            formatted);
    }

    [Fact]
    public void A_condition_longer_than_100_columns_is_broken_before_each_or_with_the_operands_aligned()
    {
        var formatted = Format("require r: \"t\" when sentence.type = determinate or sentence.type = life or sentence.type = juvenile or sentence.type = dangerous-offender\n");
        Assert.Equal(
            "require r: \"t\"\n" +
            "  when sentence.type = determinate\n" +
            "    or sentence.type = life\n" +
            "    or sentence.type = juvenile\n" +
            "    or sentence.type = dangerous-offender\n",
            formatted);
    }

    [Fact]
    public void A_long_condition_with_no_top_level_or_is_broken_before_its_ands_and_never_inside_parentheses()
    {
        var formatted = Format(
            "require r: \"t\" when x\n  unless (any offense in offenses: offense.category != immigration and offense.dualCriminality) and (all offense in offenses: offense.category != immigration or offense.sentenceServed)\n");
        Assert.Equal(
            "require r: \"t\"\n" +
            "  when x\n" +
            "  unless (any offense in offenses: offense.category != immigration and offense.dualCriminality)\n" +
            "     and (all offense in offenses: offense.category != immigration or offense.sentenceServed)\n",
            formatted);
    }

    [Fact]
    public void An_and_inside_a_quantifier_body_is_never_a_break_point_because_the_body_runs_to_the_end()
    {
        var longName = new string('a', 60);
        var formatted = Format($"require r: \"t\" when any o in offenses: o.{longName} = 1 and o.{longName} = 2\n");
        Assert.Equal($"require r: \"t\"\n  when any o in offenses: o.{longName} = 1 and o.{longName} = 2\n", formatted);
    }

    [Fact]
    public void A_long_derived_condition_starts_on_the_line_under_its_header_as_the_shipped_files_write_it()
    {
        var formatted = Format("derive domiciliary: bool = prisoner.yearsResidentInSentencingCountry >= 5 and prisoner.intendsToRemainInSentencingCountry cite \"n.2\"\n");
        Assert.Equal(
            "derive domiciliary: bool =\n" +
            "      prisoner.yearsResidentInSentencingCountry >= 5\n" +
            "  and prisoner.intendsToRemainInSentencingCountry\n" +
            "  cite \"n.2\"\n",
            formatted);
    }

    [Fact]
    public void A_short_condition_written_over_several_lines_is_joined_onto_one()
    {
        Assert.Equal("require r: \"t\"\n  when a\n  unless b and c\n", Format("require r: \"t\"\n  when a\n  unless b\n     and c\n"));
    }

    [Fact]
    public void Comments_stay_at_the_end_of_their_line_or_on_a_line_of_their_own_at_the_indent_of_what_follows()
    {
        var formatted = Format(
            "// header comment   \n\n" +
            "require r: \"t\" // trailing\n" +
            "    // before the citation\n" +
            "        cite \"c\"\n" +
            "  when a\n" +
            "      // inside the condition\n" +
            "   and b\n" +
            "// before the next declaration\n" +
            "bar b: \"t\" when c\n");
        Assert.Equal(
            "// header comment\n\n" +
            "require r: \"t\" // trailing\n" +
            "  // before the citation\n" +
            "  cite \"c\"\n" +
            "  when a\n" +
            "       // inside the condition\n" +
            "   and b\n" +
            "// before the next declaration\n" +
            "bar b: \"t\"\n" +
            "  when c\n",
            formatted);
    }

    [Fact]
    public void Blank_lines_are_kept_at_most_two_between_declarations_and_one_inside_one_and_never_at_the_start_or_end()
    {
        var formatted = Format("\n\n\nenum A: x\n\n\n\n\nenum B: y\n\nrecord R\n\n\n  f: bool\n  g: text\n\n\n");
        Assert.Equal("enum A: x\n\n\nenum B: y\n\nrecord R\n\n  f: bool\n  g: text\n", formatted);
    }

    [Fact]
    public void A_country_row_puts_each_membership_note_practice_and_acceptance_on_its_own_line()
    {
        var formatted = Format("country FR \"France\" columns bilateral, coe coe from 1985-07-01 \"COE\" us-fr from 1985-07-01 practice \"Prefers\": prefers us-fr note \"n\" cite \"c\" accept TDSL0322 \"j\" cite \"k\"\n");
        Assert.Equal(
            "country FR \"France\"\n" +
            "  columns bilateral, coe\n" +
            "  coe from 1985-07-01 \"COE\"\n" +
            "  us-fr from 1985-07-01\n" +
            "  practice \"Prefers\": prefers us-fr\n" +
            "  note \"n\"\n" +
            "    cite \"c\"\n" +
            "  accept TDSL0322 \"j\"\n" +
            "    cite \"k\"\n",
            formatted);
    }

    [Fact]
    public void Instrument_example_fact_and_record_clauses_each_get_a_line()
    {
        Assert.Equal(
            "instrument us-mx\n  title \"T\"\n  kind bilateral\n  parties US, MX\n  in force from 1977-11-30\n  cite \"c\"\n  includes statute, bilateral-terms\n",
            Format("instrument us-mx title \"T\" kind bilateral parties US,MX in force from 1977-11-30 cite \"c\" includes statute ,bilateral-terms"));
        Assert.Equal(
            "example e: \"t\"\n  cite \"c\"\n  like base\n  given offenses[0].category = drug\n  given prisoner.nationalities = [MX, US]\n  expect us-mx eligible\n",
            Format("example e: \"t\" cite \"c\" like base given offenses[0].category=drug given prisoner.nationalities=[ MX,US ] expect us-mx eligible"));
        Assert.Equal(
            "fact sentence.fullTermDate: date \"When\"\n  expected when sentence.type = determinate\n",
            Format("fact sentence.fullTermDate: date \"When\" expected when sentence.type=determinate"));
        Assert.Equal("record Offense\n  category: OffenseCategory\n  tags: list of text\n", Format("record Offense category: OffenseCategory tags: list of text"));
    }

    [Fact]
    public void An_enumeration_too_long_for_one_line_fills_its_members_into_lines_of_at_most_100_columns_two_spaces_in()
    {
        var members = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"member{i:D2}"));
        Assert.Equal(
            "enum Long:\n" +
            "  member01, member02, member03, member04, member05, member06, member07, member08, member09,\n" +
            "  member10, member11, member12, member13, member14, member15, member16, member17, member18,\n" +
            "  member19, member20\n",
            Format($"enum Long: {members}"));
    }

    [Fact]
    public void Durations_and_dates_keep_their_words_and_a_threshold_its_clauses()
    {
        Assert.Equal(
            "override threshold minTimeRemaining: 1 year 6 months\n  cite \"c\"\n  effective before 2030-01-01\n",
            Format("override threshold minTimeRemaining: 1 year\n 6 months cite \"c\" effective before 2030-01-01"));
        Assert.Equal("override cite min-remaining \"7 FAM 481.3-2 b(5)\"\n", Format("override   cite min-remaining\n   \"7 FAM 481.3-2 b(5)\""));
    }

    [Fact]
    public void A_file_with_windows_line_breaks_keeps_them()
    {
        Assert.Equal("enum A: x\r\n\r\nenum B: y\r\n", Format("enum A: x\r\n\r\nenum B: y"));
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_not_formatted_and_the_result_carries_the_located_error()
    {
        var result = TreatyFormatter.Format("t.treaty", "require r: \"t\" when\nenum A: x\n");
        Assert.False(result.IsFormatted);
        var error = Assert.Single(result.Errors);
        Assert.Equal("TDSL0001", error.Id);
        Assert.Equal((1, 16), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void An_empty_file_stays_empty()
    {
        Assert.Equal(string.Empty, Format(string.Empty));
        Assert.Equal(string.Empty, Format("\n \n"));
    }
}
