using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// The periods of application dates in which nothing about an instrument changes: cut at its entry into force and at
/// every date where a version of a rule or threshold begins or ends. Each period is analysed on its own, at one date
/// in it, with the pairs of countries the table sends to the instrument on that date.
/// </summary>
internal static class AnalysisPeriods
{
    /// <summary>The date used for the last, open-ended period when nothing forces an earlier one: recent, so witnesses read naturally.</summary>
    private static readonly LocalDate Recent = new(2026, 1, 15);

    /// <summary>The instrument's periods, from its entry into force; none when no pair of countries reaches it.</summary>
    /// <param name="instrument">The instrument, its baseline rules included.</param>
    /// <param name="table">The country table, for the partners and when their membership began.</param>
    /// <param name="named">Every constant the instrument's conditions use: a partner named there gets its own pair.</param>
    public static IReadOnlyList<AnalysisPeriod> Of(InstrumentModel instrument, CountryTableModel table, ISet<object> named)
    {
        var start = Conversions.ToLocalDate(instrument.InForce);
        var cuts = new SortedSet<LocalDate>();
        foreach (var rule in instrument.Rules) foreach (var v in rule.Versions) AddCuts(cuts, v.Effective);
        foreach (var threshold in instrument.Thresholds) foreach (var v in threshold.Versions) AddCuts(cuts, v.Effective);
        var bounds = cuts.Where(c => start is null || c > start.Value).ToList();
        var periods = new List<AnalysisPeriod>();
        LocalDate? from = start;
        for (var i = 0; i <= bounds.Count; i++)
        {
            LocalDate? before = i < bounds.Count ? bounds[i] : null;
            var date = before is null ? (from is null || from.Value < Recent ? Recent : from.Value) : from ?? before.Value.PlusDays(-1);
            var parties = PartyChoices(instrument, table, date, named);
            if (parties.Count > 0) periods.Add(new AnalysisPeriod(from, before, date, parties));
            from = before;
        }
        return periods;
    }

    private static void AddCuts(SortedSet<LocalDate> cuts, EffectivePeriod effective)
    {
        if (Conversions.ToLocalDate(effective.From) is { } from) cuts.Add(from);
        if (Conversions.ToLocalDate(effective.Before) is { } before) cuts.Add(before);
    }

    /// <summary>
    /// US to X and X to US for the partners X the instrument links with the United States on <paramref name="date"/> (a
    /// party of a bilateral, or a full member, not a territory, whose membership has begun): each partner a condition
    /// names, and the first other one, which stands for all the partners no condition tells apart.
    /// </summary>
    private static List<IReadOnlyList<KeyValuePair<string, object?>>> PartyChoices(InstrumentModel instrument, CountryTableModel table, LocalDate date, ISet<object> named)
    {
        var partners = instrument.Parties.Where(p => p != CaseEvaluator.UnitedStates).ToList();
        partners.AddRange(table.Countries
            .Where(c => c.TerritoryOf is null && c.Code != CaseEvaluator.UnitedStates)
            .Where(c => c.Memberships.Any(m => m.Instrument == instrument.Id && (m.Since is null || Conversions.ToLocalDate(m.Since.Value) <= date)))
            .Select(c => c.Code));
        var usIsParty = instrument.Parties.Contains(CaseEvaluator.UnitedStates)
            || table.Countries.Any(c => c.Code == CaseEvaluator.UnitedStates && c.Memberships.Any(m => m.Instrument == instrument.Id));
        var choices = new List<IReadOnlyList<KeyValuePair<string, object?>>>();
        if (!usIsParty || partners.Count == 0) return choices;
        var chosen = partners.Distinct().Where(named.Contains).ToList();
        if (partners.FirstOrDefault(p => !named.Contains(p)) is { } other) chosen.Add(other);
        foreach (var partner in chosen)
        {
            choices.Add(Pair(CaseEvaluator.UnitedStates, partner, partner));
            choices.Add(Pair(partner, CaseEvaluator.UnitedStates, CaseEvaluator.UnitedStates));
        }
        // A territory (Table A) of a partner: its people hold the parent's nationality, which the rules may tell apart.
        var territory = table.Countries.FirstOrDefault(c => c.TerritoryOf is not null
            && c.Memberships.Any(m => m.Instrument == instrument.Id && (m.Since is null || Conversions.ToLocalDate(m.Since.Value) <= date)));
        if (territory is not null)
        {
            choices.Add(Pair(CaseEvaluator.UnitedStates, territory.Code, territory.TerritoryOf!));
            choices.Add(Pair(territory.Code, CaseEvaluator.UnitedStates, CaseEvaluator.UnitedStates));
        }
        return choices;
    }

    /// <summary>The facts a case gives for a pair of countries: the two countries and the receiving nationality.</summary>
    internal static IReadOnlyList<KeyValuePair<string, object?>> Pair(string sentencing, string receiving, string nationality) => new[]
    {
        new KeyValuePair<string, object?>(ContractFacts.SentencingCountry, sentencing),
        new KeyValuePair<string, object?>(ContractFacts.ReceivingCountry, receiving),
        new KeyValuePair<string, object?>(ContractFacts.ReceivingNationality, nationality),
    };
}

/// <summary>Application dates [From, Before) analysed at <see cref="Date"/>, with the pairs of countries to try.</summary>
internal sealed record AnalysisPeriod(LocalDate? From, LocalDate? Before, LocalDate Date, IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> Parties)
{
    /// <summary>"for applications from 2010-01-01 before 2015-07-01", or empty for an instrument with one period.</summary>
    public string Describe() => "for applications " + EffectiveDates.Describe(From, Before);
}
