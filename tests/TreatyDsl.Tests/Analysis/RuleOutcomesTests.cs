using NodaTime;
using TreatyDsl.Analysis;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// The analysis remembers a rule's outcome by the values of the facts the rule reads (<see cref="FactSet.Project"/>):
/// two partial cases project alike exactly when they give those facts, their list elements' fields, the countries
/// (when read) and the application date the same values.
/// </summary>
public class RuleOutcomesTests
{
    private static readonly PartialCase Base = PartialCase.Empty
        .With(ContractFacts.ApplicationDate, new LocalDate(2026, 1, 15))
        .With("judgment.final", true)
        .With("offenses", new ListLength(1))
        .With("offenses[0].category", "drug");

    [Fact]
    public void A_fact_the_rules_do_not_read_does_not_change_the_projection()
    {
        var set = new FactSet(new[] { "judgment.final", "offenses" });

        Assert.Equal(set.Project(Base), set.Project(Base.With("consent.prisoner", false)));
        Assert.Equal(set.Project(Base), set.Project(Base.With(ContractFacts.SentencingCountry, "MX")));
    }

    [Fact]
    public void A_read_fact_a_list_elements_field_a_country_read_or_the_date_each_change_it()
    {
        var set = new FactSet(new[] { "judgment.final", "offenses", CaseSpace.PartiesSlot });

        Assert.NotEqual(set.Project(Base), set.Project(Base.With("judgment.final", false)));
        Assert.NotEqual(set.Project(Base), set.Project(Base.With("offenses[0].category", "fraud")));
        Assert.NotEqual(set.Project(Base), set.Project(Base.With(ContractFacts.ReceivingCountry, "MX")));
        Assert.NotEqual(set.Project(Base), set.Project(Base.With(ContractFacts.ApplicationDate, new LocalDate(2026, 1, 16))));
    }

    [Fact]
    public void Values_of_different_kinds_never_project_alike()
    {
        var set = new FactSet(new[] { "x" });

        Assert.NotEqual(set.Project(PartialCase.Empty.With("x", 2m)), set.Project(PartialCase.Empty.With("x", "#2")));
        Assert.NotEqual(set.Project(PartialCase.Empty.With("x", "true")), set.Project(PartialCase.Empty.With("x", true)));
        Assert.NotEqual(set.Project(PartialCase.Empty.With("x", Withheld.Value)), set.Project(PartialCase.Empty.With("x", null)));
        Assert.NotEqual(set.Project(PartialCase.Empty.With("x", "a\\nb")), set.Project(PartialCase.Empty.With("x", "a\nb")));
    }
}
