using System.Linq;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Parsing;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// A rule tells apart only the values its own constants separate: the runs <see cref="ValueClasses"/> gives are what lets
/// a search skip every value a settling rule reads like one already tried, and a run too wide would hide a case.
/// </summary>
public class ValueClassesTests
{
    private const string Years = "prisoner.yearsResidentInSentencingCountry";

    private static (ValueClasses Classes, RuleModel Narrow, RuleModel Wide, InstrumentModel Instrument) Setup()
    {
        var text = Instrument(
            $"require narrow: \"t\" cite \"c\" when {Years} >= 5\n" +
            $"require wide: \"t\" cite \"c\" when {Years} > 2 and {Years} != 8\n" +
            "require later: \"t\" cite \"c\" when timeRemaining >= 6 months\n");
        var model = TreatyLoader.Load(new[] { TreatyParser.Parse("case-file.treaty", Vocabulary), TreatyParser.Parse("test.treaty", text) }, analyse: false);
        var instrument = model.Instruments.Single();
        var atoms = Atoms.Collect(model.Vocabulary, instrument);
        var classes = new ValueClasses(model.Vocabulary, instrument, atoms, path => model.Vocabulary.Facts.FirstOrDefault(f => f.Path == path)?.Type, r => r, r => true);
        return (classes, instrument.Rules.Single(r => r.Id == "narrow"), instrument.Rules.Single(r => r.Id == "wide"), instrument);
    }

    // The instrument's values of the fact: around 2, 5 and 8, as CaseSpace makes them.
    private static readonly object?[] Values = { 1m, 2m, 3.5m, 5m, 6.5m, 8m, 9m };

    [Theory]
    [InlineData(0, 0, 2)] // 1: below 5, like 2 and 3.5
    [InlineData(2, 0, 2)]
    [InlineData(3, 3, 3)] // 5 itself is a class of its own
    [InlineData(4, 4, 6)] // 6.5: above 5, like 8 and 9
    public void A_rule_reads_alike_every_value_between_two_of_its_own_constants(int index, int first, int last)
    {
        var (classes, narrow, _, _) = Setup();

        Assert.Equal((first, last), classes.RunAround(narrow, Years, PartialCase.Empty, Values, index));
    }

    [Fact]
    public void Constants_of_other_rules_do_not_split_a_rules_run_but_its_own_do()
    {
        var (classes, _, wide, _) = Setup();

        // 'wide' compares with 2 and 8: 3.5, 5 and 6.5 are one class for it, 8 and 9 are not.
        Assert.Equal((2, 4), classes.RunAround(wide, Years, PartialCase.Empty, Values, 3));
        Assert.Equal((5, 5), classes.RunAround(wide, Years, PartialCase.Empty, Values, 5));
    }

    [Fact]
    public void A_period_end_is_not_grouped_before_its_start_is_given()
    {
        var (classes, _, _, instrument) = Setup();
        var later = instrument.Rules.Single(r => r.Id == "later");
        var ends = new object?[]
        {
            new NodaTime.LocalDate(2026, 1, 1), new NodaTime.LocalDate(2026, 3, 1), new NodaTime.LocalDate(2026, 7, 1),
            new NodaTime.LocalDate(2026, 9, 1), new NodaTime.LocalDate(2027, 1, 1),
        };

        Assert.Equal((0, 0), classes.RunAround(later, "sentence.fullTermDate", PartialCase.Empty, ends, 0));
        var started = PartialCase.Empty.With(TreatyDsl.Runtime.ContractFacts.ApplicationDate, new NodaTime.LocalDate(2026, 1, 1));
        // Six months from 2026-01-01 is 2026-07-01: the ends before it are one class, those after it another.
        Assert.Equal((0, 1), classes.RunAround(later, "sentence.fullTermDate", started, ends, 0));
        Assert.Equal((2, 2), classes.RunAround(later, "sentence.fullTermDate", started, ends, 2));
        Assert.Equal((3, 4), classes.RunAround(later, "sentence.fullTermDate", started, ends, 4));
    }

    [Fact]
    public void Values_that_are_not_in_ascending_order_are_never_grouped()
    {
        var (classes, narrow, _, _) = Setup();

        Assert.Equal((1, 1), classes.RunAround(narrow, Years, PartialCase.Empty, new object?[] { 9m, 1m, 2m }, 1));
    }
}

/// <summary>
/// What the search may skip at one fact rests on the rules that skipped values below it: a parent's values are skipped
/// only where every such rule reads them alike. At an age of 3, the years are ruled out below 10 by 'under' (which reads
/// the age too) together with 'over' (which does not), and from 10 up by 'over' with 'short'. At an age of 10, 'under'
/// is met whatever the years, and 1.5 years is eligible: a search that carried "either rule will do" up to the age
/// would skip the age of 10, since 'over' and 'short' read it as they read 3, and call the instrument vacuous.
/// </summary>
public class ValueSkippingSoundnessTests
{
    [Fact]
    public void A_value_skipped_below_a_fact_is_tried_again_above_it_where_the_rule_that_skipped_it_reads_the_fact_differently()
    {
        var vocabulary = AnalysisVerifier.Vocabulary + "fact prisoner.age: number\n";
        const string Years = "prisoner.yearsResidentInSentencingCountry";
        var text = AnalysisVerifier.Instrument(
            // The age is given first: three literals miss it, as three miss the years, and these come first.
            "require young-or-old: \"t\" cite \"c\" when prisoner.age > 9 or prisoner.age < 5\n" +
            "require younger-or-old: \"t\" cite \"c\" when prisoner.age > 9 or prisoner.age < 4\n" +
            $"require under: \"t\" cite \"c\" when {Years} > 10 or prisoner.age > 9\n" +
            $"require over: \"t\" cite \"c\" when {Years} > 1\n" +
            $"require short: \"t\" cite \"c\" when {Years} < 2\n");
        var model = TreatyLoader.Load(new[] { TreatyParser.Parse("case-file.treaty", vocabulary), TreatyParser.Parse("test.treaty", text) });

        Assert.DoesNotContain(model.Diagnostics, d => d.Id is "TDSL0305" or "TDSL0306" or "TDSL0309");
        var eligible = CaseChecks.EligibleCase(model, model.Instruments.Single());
        Assert.NotNull(eligible);
        Assert.Contains("\"yearsResidentInSentencingCountry\": 1.5", eligible);
    }
}
