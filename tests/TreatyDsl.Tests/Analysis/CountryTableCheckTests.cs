using System.Linq;
using TreatyDsl.Diagnostics;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// The country-table checks (TDSL0318-0322): where the table disagrees with itself or with another cited source. For each
/// check a table that must report it exactly at the marked place and a near miss that must not; then accepting a
/// finding, and the note every case with the row gets.
/// </summary>
public class CountryTableCheckTests
{
    private const string Instruments =
        "instrument coe\n  title \"C\"\n  kind multilateral\n  cite \"c\"\n\nrequire final: \"t\" cite \"c\" when judgment.final\n\n" +
        "instrument oas\n  title \"O\"\n  kind multilateral\n  cite \"c\"\n\nrequire final: \"t\" cite \"c\" when judgment.final\n\n" +
        "instrument us-fr\n  title \"F\"\n  kind bilateral\n  parties US, FR\n  in force from 1985-02-01\n  cite \"c\"\n\nrequire final: \"t\" cite \"c\" when judgment.final\n\n";

    private static string Table(string rows, string usage = "") =>
        Instruments + "countries \"T\"\n  cite \"Exhibit\"\n\n" + usage + "country US \"United States\"\n  coe from 1985-07-01\n  oas from 2001-06-24\n\n" + rows;

    /// <summary>Ten COE rows whose dates fall on the first of a month, as the real table's do: the evidence TDSL0320 weighs.</summary>
    private static string FirstOfMonthRows(int count = 10) => string.Concat(Codes.Take(count).Select((code, i) =>
        $"country {code} \"Row {i}\"\n  coe from {1990 + i}-0{1 + i % 9}-01 \"COE Entry Into Force 0{1 + i % 9}/01/{1990 + i}\"\n\n"));

    private static readonly string[] Codes = { "AD", "AM", "AT", "BE", "BG", "HR", "CY", "DK", "EE", "FI" };

    [Fact]
    public void A_marked_column_no_entry_stands_for_is_TDSL0318_at_the_columns_clause()
    {
        var finding = Assert.Single(Verify(Table("country MN \"Mongolia\"\n  {|TDSL0318:columns|} bilateral\n  coe from 2016-08-01 \"COE Entry Into Force 08/01/2016\"\n")));

        Assert.Equal("The table marks bilateral for Mongolia (MN), but the row lists coe: no entry stands for the bilateral column, and coe is in no marked column", finding.Message);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Columns_named_by_instrument_or_by_kind_match_the_entries_that_stand_for_them()
    {
        Verify(Table("country FR \"France\"\n  columns bilateral, coe\n  us-fr from 1985-02-01 \"Bilateral Entry Into Force 02/01/1985\"\n  coe from 1985-07-01 \"COE Entry Into Force 07/01/1985\"\n"));
    }

    [Fact]
    public void An_entry_dated_otherwise_than_its_note_is_TDSL0319_and_a_written_date_counts()
    {
        var finding = Assert.Single(Verify(Table("country MX \"Mexico\"\n  {|TDSL0319:oas|} from 1997-07-02 \"OAS Instruments deposited 06/02/1997\"\n")));
        Assert.Equal("oas for Mexico (MX) is in force from 1997-07-02, but its note gives 1997-06-02 (\"OAS Instruments deposited 06/02/1997\")", finding.Message);

        Verify(Table("country SV \"El Salvador\"\n  oas from 2008-01-18 \"OAS Instruments deposited 12/18/2007.  Entered into Force January 18, 2008\"\n"));
        Verify(Table("country BO \"Bolivia\"\n  coe from 2004-06-01\n"));
    }

    [Fact]
    public void A_date_whose_other_reading_alone_fits_the_tables_first_of_month_habit_is_TDSL0320()
    {
        var finding = Assert.Single(Verify(Table(FirstOfMonthRows() + "country AZ \"Azerbaijan\"\n  {|TDSL0320:coe|} from 2001-01-05 \"COE Entry Into Force 01/05/2001\"\n")));

        Assert.Equal("The note of coe for Azerbaijan (AZ) writes 01/05/2001, which is 2001-01-05 read month first and 2001-05-01 read day first: " +
            "10 of the table's other 10 coe dates fall on the first of a month, as only the day-first reading does; check the order with the source", finding.Message);
    }

    [Fact]
    public void A_date_the_tables_habits_settle_or_too_few_dates_to_show_a_habit_is_not_ambiguous()
    {
        // 08/01/2000 reads two ways, but only the month-first reading falls on the first, as every other date does.
        Verify(Table(FirstOfMonthRows() + "country AL \"Albania\"\n  coe from 2000-08-01 \"COE Entry Into Force 08/01/2000\"\n"));
        // Three dates are no habit.
        Verify(Table(FirstOfMonthRows(3) + "country AZ \"Azerbaijan\"\n  coe from 2001-01-05 \"COE Entry Into Force 01/05/2001\"\n"));
        // 12/18/2007 has one reading only.
        Verify(Table(FirstOfMonthRows() + "country SV \"El Salvador\"\n  oas from 2007-12-18 \"OAS Instruments deposited 12/18/2007\"\n"));
    }

    [Fact]
    public void A_date_not_written_like_the_tables_others_is_TDSL0320()
    {
        var finding = Assert.Single(Verify(Table(FirstOfMonthRows(3) + "country HN \"Honduras\"\n  {|TDSL0320:oas|} from 2009-01-07 \"OAS Entry Into Force 1/7/2009\"\n")));

        Assert.EndsWith(": the table writes its other dates with two-digit months and days, which this one does not; check the order with the source", finding.Message);
    }

    [Fact]
    public void A_note_that_speaks_of_another_instrument_is_TDSL0321_and_one_that_names_none_is_not_checked()
    {
        var finding = Assert.Single(Verify(Table("country SA \"Saudi Arabia\"\n  {|TDSL0321:oas|} from 2011-07-08 \"COE Entry Into Force 07/08/2011\"\n")));
        Assert.Equal("The row of Saudi Arabia (SA) lists oas, but its note speaks of coe (\"COE Entry Into Force 07/08/2011\")", finding.Message);

        Verify(Table("country FR \"France\"\n  us-fr from 1985-02-01 \"Bilateral Entry Into Force 02/01/1985\"\n"));
        Verify(Table("country FR \"France\"\n  us-fr from 1985-02-01 \"Treaty; Entry Into Force 02/01/1985\"\n"));
    }

    [Fact]
    public void A_usage_note_another_source_contradicts_is_TDSL0322_at_the_practice()
    {
        const string Usage = "usage coe for FR, CA: \"normally processed under the COE Convention\" cite \"7 FAM 481.3-1 b NOTE\"\n\n";
        var finding = Assert.Single(Verify(Table(
            "country FR \"France\"\n  us-fr from 1985-02-01\n  coe from 1985-07-01\n  {|TDSL0322:practice|} \"Prefers the Bilateral\": prefers us-fr\n\n" +
            "country CA \"Canada\"\n  coe from 1985-09-01\n  oas from 1995-06-04\n  practice \"Generally Uses COE\": prefers coe\n", Usage)));

        Assert.Equal("The usage note of France (FR) (\"Prefers the Bilateral\") prefers us-fr, but 7 FAM 481.3-1 b NOTE says it uses coe (\"normally processed under the COE Convention\")", finding.Message);
    }

    [Fact]
    public void An_accepted_finding_is_information_with_its_justification_and_every_case_with_the_row_or_its_territories_gets_a_note()
    {
        var model = TreatyLoader.Load(new[]
        {
            ("case-file.treaty", Vocabulary),
            ("test.treaty", Table("country MN \"Mongolia\"\n  columns bilateral\n  coe from 2016-08-01 \"COE Entry Into Force 08/01/2016\"\n" +
                "  accept TDSL0318 \"Encoded from the dated note\" cite \"7 FAM 481.3-1 a\"\n\nterritory GL \"Greenland\" of MN\n")),
        });

        var finding = Assert.Single(model.Diagnostics, d => d.Id == "TDSL0318");
        Assert.Equal(DiagnosticSeverity.Info, finding.Severity);
        Assert.EndsWith(". Accepted: Encoded from the dated note [7 FAM 481.3-1 a]", finding.Message);
        const string Note = "The sources disagree on this country's row (TDSL0318): The table marks bilateral for Mongolia (MN), but the row lists coe: " +
            "no entry stands for the bilateral column, and coe is in no marked column. The tool's reading: Encoded from the dated note. [Exhibit; 7 FAM 481.3-1 a]";
        Assert.Equal(Note, Assert.Single(model.Countries.Countries.Single(c => c.Code == "MN").Notes).Display);
        Assert.Equal(Note, Assert.Single(model.Countries.Countries.Single(c => c.Code == "GL").Notes).Display);
    }

    [Fact]
    public void An_unaccepted_finding_still_gives_the_case_note_and_says_the_row_is_followed_as_written()
    {
        var model = TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", Table("country SA \"Saudi Arabia\"\n  columns oas\n  coe from 2011-07-08\n")) });

        Assert.EndsWith("The tool follows the row as written; check the source before relying on it. [Exhibit]",
            Assert.Single(model.Countries.Countries.Single(c => c.Code == "SA").Notes).Display);
    }

    [Fact]
    public void Accepting_a_finding_the_row_does_not_have_is_TDSL0317_at_the_accept()
    {
        Verify(Table("country MN \"Mongolia\"\n  columns coe\n  coe from 2016-08-01\n  accept {|TDSL0317:TDSL0318|} \"no longer true\"\n"));
    }

    [Fact]
    public void A_column_that_names_nothing_and_a_usage_of_a_country_without_a_row_are_binding_errors()
    {
        var model = TreatyLoader.Load(new[]
        {
            ("case-file.treaty", Vocabulary),
            ("test.treaty", Table("country MN \"Mongolia\"\n  columns treaty\n  coe from 2016-08-01\n", "usage coe for XK: \"t\" cite \"c\"\n\n")),
        });

        Assert.Equal(new[] { "TDSL0127", "TDSL0126" }, model.Diagnostics.Where(d => d.IsError).Select(d => d.Id));
        Assert.Equal("'treaty' is neither an instrument nor an instrument kind ('bilateral', 'multilateral'); 'columns' names what each marked column of the source table stands for",
            model.Diagnostics.Single(d => d.Id == "TDSL0126").Message);
    }
}
