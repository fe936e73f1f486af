using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Treaties;

/// <summary>
/// Every requirement of every instrument in treaties/, read from the bound model: the eligible case meets it, and the
/// same case with one fact changed fails it. A rule added to a .treaty file without a failing case here fails the
/// suite, so the list cannot silently fall behind the treaties.
/// </summary>
public class EveryRequirementTests
{
    private static readonly TreatyModel Model = TreatyLoader.LoadDirectory(Paths.Treaties);

    /// <summary>For each rule id, the one change to the eligible case that makes it fail.</summary>
    private static readonly Dictionary<string, Func<CaseBuilder, CaseBuilder>> Breakers = new()
    {
        ["nationality"] = c => c.Set("prisoner.nationalities", new JsonArray("GT")),
        ["dual-criminality"] = c => c.Set("offenses", JsonNode.Parse("""[{ "category": "drug", "dualCriminality": false, "sentenceServed": false }]""")),
        ["final-judgment"] = c => c.Set("judgment.final", false),
        ["no-pending-appeal"] = c => c.Set("judgment.appealPending", true),
        ["no-collateral-attack"] = c => c.Set("judgment.collateralAttackPending", true),
        ["prisoner-consent"] = c => c.Set("consent.prisoner", false),
        ["sentencing-country-consent"] = c => c.Set("consent.sentencingCountry", false),
        ["receiving-country-consent"] = c => c.Set("consent.receivingCountry", false),
        ["state-consent"] = c => c.Set("custody", "state").Set("consent.state", false),
        ["min-remaining"] = c => c.Set("sentence.fullTermDate", "2026-03-01"),
        ["capital-sentence"] = c => c.Set("sentence.type", "death"),
        ["determinate-sentence"] = c => c.Set("sentence.type", "indeterminate"),
        ["immigration-offense"] = c => c.Offenses("immigration"),
        // Mexico derives domicile from residence and intent; Panama and Turkey read the caseworker's determination.
        ["domiciliary"] = c => c.Set("prisoner.yearsResidentInSentencingCountry", 12).Set("prisoner.intendsToRemainInSentencingCountry", true)
            .Set("prisoner.domiciliaryOfSentencingCountry", true),
        ["fines-paid"] = c => c.Set("financial.finesUnpaid", true),
    };

    public static IEnumerable<object[]> EveryRuleOfEveryInstrument() =>
        Model.Instruments.SelectMany(i => i.Rules.Select(r => new object[] { i.Id, r.Id }));

    /// <summary>Rules the sources state for one direction only: they bind when the foreign party imposed the sentence.</summary>
    private static readonly HashSet<string> ForeignSentenceOnly = new() { "fines-paid" };

    /// <summary>
    /// A federal prisoner of a country party to the instrument, meeting every requirement (samples/cases/mx-eligible.json,
    /// adapted); for a rule that binds only on a foreign sentence, a US national held in that country.
    /// </summary>
    private static CaseBuilder Eligible(string instrument, string rule) =>
        (ForeignSentenceOnly.Contains(rule) ? CaseBuilder.Incoming(CountryFor(instrument)) : CaseBuilder.Outgoing(CountryFor(instrument)))
            .Set("prisoner.domiciliaryOfSentencingCountry", false);

    /// <summary>The bilateral's foreign party, or the first country in the table that has the convention.</summary>
    private static string CountryFor(string instrument)
    {
        var model = Model.Instruments.Single(i => i.Id == instrument);
        var foreign = model.Parties.FirstOrDefault(p => p != CaseEvaluator.UnitedStates);
        return foreign ?? Model.Countries.Countries.First(c => c.TerritoryOf is null && c.Code != CaseEvaluator.UnitedStates
            && c.Memberships.Any(m => m.Instrument == instrument)).Code;
    }

    private static Outcome OutcomeOf(CaseReport report, string instrument, string rule)
    {
        var evaluated = report.Instruments.SingleOrDefault(i => i.Id == instrument);
        Assert.True(evaluated is not null, $"{instrument} was not evaluated for {report.CaseId}");
        return evaluated!.Requirements.Single(r => r.Id == rule).Outcome;
    }

    [Theory]
    [MemberData(nameof(EveryRuleOfEveryInstrument))]
    public void The_eligible_case_meets_the_requirement_and_fails_it_with_one_fact_changed(string instrument, string rule)
    {
        Assert.True(Breakers.TryGetValue(rule, out var breakIt), $"No failing case for rule '{rule}' of {instrument}: add one to Breakers");

        var met = Eligible(instrument, rule).Evaluate();
        var failed = breakIt!(Eligible(instrument, rule)).Evaluate();

        Assert.Equal(Outcome.Met, OutcomeOf(met, instrument, rule));
        Assert.Equal(Outcome.NotMet, OutcomeOf(failed, instrument, rule));
        Assert.Equal(Verdict.Ineligible, failed.Instruments.Single(i => i.Id == instrument).Verdict);
    }
}
