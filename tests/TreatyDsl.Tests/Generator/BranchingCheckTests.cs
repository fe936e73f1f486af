using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Cli.Treaties;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The fast path checks a requirement that is one yes/no fact, or its negation, by branching on the fact
/// (BranchingCheck) instead of through the rule's three-valued truth. These tests hold it to the rule on each value the
/// fact can have, from an eligible case: a missing fact leaves the verdict undetermined (unknown is not yes), the
/// failing value makes it ineligible, the passing one changes nothing; and to the interpreter each time.
/// </summary>
public class BranchingCheckTests
{
    private static readonly TreatyCatalog Interpreted = InterpretedCatalog.Create(TreatyLoader.LoadDirectory(Paths.Treaties));

    [Theory]
    [InlineData("final", null, Verdict.Undetermined)]
    [InlineData("final", false, Verdict.Ineligible)]
    [InlineData("final", true, Verdict.Eligible)]
    [InlineData("appealPending", null, Verdict.Undetermined)]
    [InlineData("appealPending", true, Verdict.Ineligible)]
    [InlineData("appealPending", false, Verdict.Eligible)]
    public void A_yes_no_requirement_checked_by_branching_gives_the_rules_verdict_for_each_value_of_its_fact(string field, bool? value, Verdict expected)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json")))!.AsObject();
        var judgment = json["judgment"]!.AsObject();
        if (value is null) judgment.Remove(field);
        else judgment[field] = value.Value;
        var text = json.ToJsonString();

        var generated = UsMxValidator.GetVerdict(TreatyCase.FromFacts(CaseFileReader.Read(text, GeneratedTreaties.Schema).Facts!));
        var interpreted = Interpreted.Instruments.Single(i => i.Info.Id == UsMxValidator.Id).Evaluate(CaseFileReader.Read(text, Interpreted.Schema).Facts!).Verdict;

        Assert.Equal(expected, generated);
        Assert.Equal(interpreted, generated);
    }
}
