using System.Linq;
using TreatyDsl.Cli;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// 'x in list' over every kind of list item the vocabulary allows (enum members, numbers, dates, countries), in the
/// generated validators and in the interpreter: same outcomes, same explanations, unknown when either side is missing.
/// </summary>
public class ListMembershipTests
{
    private const string Treaties = """
        vocabulary v
        enum Colour: red, green, blue
        fact id: text required
        fact sentencingCountry: country required
        fact receivingCountry: country required
        fact applicationDate: date
        fact colours: list of Colour
        fact favourite: Colour
        fact scores: list of number
        fact dates: list of date
        fact visited: list of country

        baseline base
          title "Membership" cite "test"
        require colour: "Blue is among the colours." cite "test"
          when blue in colours
        require favourite-listed: "The favourite colour is among the colours." cite "test"
          when favourite in colours
        require no-seven: "No score is 7." cite "test"
          when 7 not in scores
        require new-year: "2026-01-01 is one of the dates." cite "test"
          when 2026-01-01 in dates
        require been-home: "The receiving country was visited." cite "test"
          when receivingCountry in visited

        instrument t
          title "Test treaty" kind bilateral parties US, MX in force from 2000-01-01 cite "test"
          includes base

        countries "table" cite "table"
        country US "United States"
        country MX "Mexico"
          t from 2000-01-01 "in force"
        """;

    private static (CaseReport Generated, CaseReport Interpreted) Evaluate(string caseJson)
    {
        var files = new[] { (Microsoft.CodeAnalysis.AdditionalText)new GeneratorHarness.TreatyText("/t/membership.treaty", Treaties) };
        var generated = GeneratorHarness.LoadCatalog(GeneratorHarness.Generate(files, out _));
        var model = TreatyLoader.Load(new[] { ("/t/membership.treaty", Treaties) });
        Assert.False(model.HasErrors, string.Join("\n", model.Diagnostics));
        var interpreted = InterpretedCatalog.Create(model);
        return (CaseEvaluator.Evaluate(generated, CaseFileReader.Read(caseJson, generated.Schema).Facts!),
                CaseEvaluator.Evaluate(interpreted, CaseFileReader.Read(caseJson, interpreted.Schema).Facts!));
    }

    private static RequirementResult Requirement(CaseReport report, string id) =>
        report.Instruments.Single(i => i.Id == "t").Requirements.Single(r => r.Id == id);

    [Fact]
    public void Membership_in_enum_number_date_and_country_lists_is_decided_the_same_way_by_both_evaluators()
    {
        var (generated, interpreted) = Evaluate("""
            { "id": "L-1", "sentencingCountry": "US", "receivingCountry": "MX", "applicationDate": "2026-03-01",
              "colours": ["red", "blue"], "favourite": "green", "scores": [1, 7.0], "dates": ["2026-01-01"], "visited": ["CA"] }
            """);

        Assert.Equal(JsonReportWriter.ToJsonLine(interpreted), JsonReportWriter.ToJsonLine(generated));
        Assert.Equal(Outcome.Met, Requirement(generated, "colour").Outcome);
        Assert.Equal("colours is [red, blue]; blue in colours required", Requirement(generated, "colour").Explanation);
        Assert.Equal(Outcome.NotMet, Requirement(generated, "favourite-listed").Outcome);
        Assert.Equal(Outcome.NotMet, Requirement(generated, "no-seven").Outcome);
        Assert.Equal("scores is [1, 7]; 7 not in scores required", Requirement(generated, "no-seven").Explanation);
        Assert.Equal(Outcome.Met, Requirement(generated, "new-year").Outcome);
        Assert.Equal(Outcome.NotMet, Requirement(generated, "been-home").Outcome);
    }

    [Fact]
    public void A_missing_list_or_element_makes_membership_unknown_in_both_evaluators()
    {
        var (generated, interpreted) = Evaluate("""
            { "id": "L-2", "sentencingCountry": "US", "receivingCountry": "MX", "applicationDate": "2026-03-01", "colours": ["red"] }
            """);

        Assert.Equal(JsonReportWriter.ToJsonLine(interpreted), JsonReportWriter.ToJsonLine(generated));
        Assert.Equal(Outcome.NotMet, Requirement(generated, "colour").Outcome);
        Assert.Equal(Outcome.Unknown, Requirement(generated, "favourite-listed").Outcome);
        Assert.Equal(new[] { "favourite" }, Requirement(generated, "favourite-listed").MissingFacts);
        Assert.Equal(Outcome.Unknown, Requirement(generated, "no-seven").Outcome);
        Assert.Equal(new[] { "scores" }, Requirement(generated, "no-seven").MissingFacts);
    }
}
