using System;
using System.Linq;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The fast path walks a list once for every rule that reads it (FusedWalk), and ends the walk early when the first
/// rule checked after it is a plain 'all' that has failed: the verdict is then ineligible whatever the rest say. These
/// tests hold GetVerdict to the interpreter on cases built so that ending the walk where it must not would change the
/// answer, and check where the early end is written.
/// </summary>
public class FusedWalkTests
{
    private const string Header = """
        instrument us-zz
          title "Synthetic"
          kind bilateral
          parties US, MX
          in force from 2000-01-01
          cite "c"

        """;

    // Every offence must be a crime in both countries; no offence may be an immigration offence. The 'all' is the
    // cheaper-to-read rule's whole condition in the first instrument, so its failure ends the walk.
    private const string PlainAll = Header + """
        require all-dual: "Every offence is a crime in both countries."
          cite "c"
          when all offense in offenses: offense.dualCriminality

        bar immigration: "No offence is an immigration offence."
          cite "c"
          when any offense in offenses: offense.category = immigration
        """;

    // The same, but the 'all' can be excused: its failure decides nothing, so the walk must go on to see every offence.
    private const string AllWithException = Header + """
        require all-dual: "Every offence is a crime in both countries."
          cite "c"
          when all offense in offenses: offense.dualCriminality
          unless exceptionalCircumstances
            cite "c"

        bar immigration: "No offence is an immigration offence."
          cite "c"
          when any offense in offenses: offense.category = immigration
        """;

    private const string EarlyEnd = "break; // its rule is not met";

    // The first offence fails dual criminality; only the second is an immigration offence.
    private const string Case = """
        {"id":"Z-1","sentencingCountry":"MX","receivingCountry":"US","applicationDate":"2026-01-15","exceptionalCircumstances":true,
         "offenses":[{"description":"fraud","category":"fraud","dualCriminality":false},
                     {"description":"illegal entry","category":"immigration","dualCriminality":true}]}
        """;

    private static (Verdict Generated, Verdict Interpreted, string Listing) Verdicts(string instrumentText, string caseJson)
    {
        var treaties = GeneratorHarness.ShippedTreaties().Append(new GeneratorHarness.TreatyText("us-zz.treaty", instrumentText)).ToArray();
        var compilation = GeneratorHarness.Generate(treaties, out _);
        var catalog = GeneratorHarness.LoadCatalog(compilation);
        var validator = catalog.Instruments.Single(i => i.Info.Id == "us-zz");
        var caseType = validator.GetType().Assembly.GetType("Treaties.TreatyCase", throwOnError: true)!;
        var typed = caseType.GetMethod("FromFacts", new[] { typeof(CaseFacts) })!.Invoke(null, new object[] { CaseFileReader.Read(caseJson, catalog.Schema).Facts! });
        var generated = (Verdict)validator.GetType().GetMethod("GetVerdict", new[] { caseType })!.Invoke(null, new[] { typed })!;

        var model = TreatyLoader.Load(treaties.Select(t => (t.Path, t.GetText()!.ToString())));
        var interpreted = InterpretedCatalog.Create(model);
        var verdict = interpreted.Instruments.Single(i => i.Info.Id == "us-zz").Evaluate(CaseFileReader.Read(caseJson, interpreted.Schema).Facts!).Verdict;
        var listing = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("UsZzValidator.g.cs", StringComparison.Ordinal)).ToString();
        return (generated, verdict, listing);
    }

    [Fact]
    public void A_failed_plain_all_ends_the_shared_walk_and_the_verdict_is_the_interpreters()
    {
        var (generated, interpreted, listing) = Verdicts(PlainAll, Case);

        Assert.Equal(Verdict.Ineligible, interpreted);
        Assert.Equal(interpreted, generated);
        Assert.Contains(EarlyEnd, listing);
    }

    [Fact]
    public void An_all_that_an_exception_can_excuse_does_not_end_the_walk_so_a_later_offence_still_bars()
    {
        var (generated, interpreted, listing) = Verdicts(AllWithException, Case);

        // Excused by the exception, dual criminality is met; the second offence's immigration bar decides. A walk
        // ended at the first offence would never see it and call the case eligible.
        Assert.Equal(Verdict.Ineligible, interpreted);
        Assert.Equal(interpreted, generated);
        Assert.DoesNotContain(EarlyEnd, listing);
    }
}
