using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>
/// Evaluates a case under every instrument in force between its two countries, then applies the country's
/// recorded practice: which instruments are usable and which is recommended. Shared by the generated
/// validators and the interpreter, so the choice of instrument is written once.
/// </summary>
public static class CaseEvaluator
{
    /// <summary>The United States' code: one side of every transfer, and the side whose practice notes do not apply.</summary>
    public const string UnitedStates = "US";

    /// <summary>The id of the requirement every instrument report starts with: the instrument is in force between the two countries.</summary>
    public const string InForceRequirement = "in-force";

    /// <summary>
    /// The case's report: every instrument in force between the two countries on the application date, evaluated,
    /// with whether the countries' recorded practice makes it usable, the recommended one, and the case verdict.
    /// </summary>
    public static CaseReport Evaluate(TreatyCatalog catalog, CaseFacts facts) => Evaluate(catalog, facts, explanations: null);

    /// <summary>
    /// <see cref="Evaluate(TreatyCatalog, CaseFacts)"/>, each generated instrument's explanations written as its outcomes
    /// are settled and kept in <paramref name="explanations"/>: for a caller that writes every explanation of the report
    /// out (as <c>treaty eval</c> does) before it empties the buffer for the next case, so that no rule runs twice.
    /// </summary>
    public static CaseReport Evaluate(TreatyCatalog catalog, CaseFacts facts, ExplanationBuffer? explanations)
    {
        var notes = new List<string>();
        facts = AsUnitedStates(facts, notes);
        var sentencing = facts.GetText(ContractFacts.SentencingCountry);
        var receiving = facts.GetText(ContractFacts.ReceivingCountry);
        if (sentencing == UnitedStates && receiving == UnitedStates)
        {
            notes.Add(WithinTheUnitedStates);
            return new CaseReport(facts.CaseId, Verdict.NoTreaty, null, new List<InstrumentReport>(), new List<AdvisoryItem>(), notes);
        }
        if (sentencing != UnitedStates && receiving != UnitedStates)
        {
            // Outside the program, not a question for any instrument: COE or OAS between two foreign states is theirs to apply.
            return new CaseReport(facts.CaseId, Verdict.NoTreaty, null, new List<InstrumentReport>(), new List<AdvisoryItem>(), new List<string> { OutsideTheProgram(sentencing, receiving) });
        }
        facts = Supplied(catalog, facts, receiving, notes);
        var applicationDate = facts.GetDate(ContractFacts.ApplicationDate);
        var partner = PartnerOf(sentencing, receiving, catalog.Countries);
        var practice = partner?.Practice;

        var reports = new List<InstrumentReport>();
        var sentencingEntry = catalog.Countries.Find(sentencing);
        var receivingEntry = catalog.Countries.Find(receiving);
        // The instruments both countries are party to: their two lists, each in catalog order, walked side by side.
        var sentencingParties = catalog.Parties.Of(sentencing);
        var receivingParties = catalog.Parties.Of(receiving);
        for (int s = 0, r = 0; s < sentencingParties.Length && r < receivingParties.Length;)
        {
            var sentencingParty = sentencingParties[s];
            var receivingParty = receivingParties[r];
            if (sentencingParty.Index != receivingParty.Index)
            {
                if (sentencingParty.Index < receivingParty.Index) s++;
                else r++;
                continue;
            }
            s++;
            r++;
            var instrument = sentencingParty.Instrument;
            var info = instrument.Info;
            var since = Later(sentencingParty.Since, receivingParty.Since);
            if (applicationDate is not null && since is not null && applicationDate.Value < since.Value)
            {
                continue; // not yet in force between them on the application date
            }
            var inForce = InForceResult(sentencingParty.InForce, info, sentencing!, sentencingEntry, receiving!, receivingEntry, since, applicationDate);
            var evaluated = instrument.Evaluate(facts, explanations);
            var requirements = new RequirementResult[evaluated.Requirements.Count + 1];
            requirements[0] = inForce;
            if (evaluated.Requirements is RequirementResult[] own) Array.Copy(own, 0, requirements, 1, own.Length);
            else for (var i = 0; i < evaluated.Requirements.Count; i++) requirements[i + 1] = evaluated.Requirements[i];
            var usable = practice is null || !practice.OnlyListed || Contains(practice.Instruments, info.Id);
            // A requirement unknown only for facts the case cannot have asks for none, and says what to decide instead.
            var reviews = evaluated.Verdict == Verdict.Eligible ? evaluated.Reviews
                : UnaskableFacts.Apply(requirements, evaluated.Reviews, info, catalog.Schema, facts, decide: evaluated.Verdict == Verdict.Undetermined);
            reports.Add(InstrumentReport.FromRequirements(info.Id, info.Title, requirements, usable, reviews));
        }

        AddUndefinedInstruments(notes, catalog, sentencing, receiving, partner);
        if (partner?.Notes is { } countryNotes) notes.AddRange(countryNotes);
        var advisory = Advise(catalog, facts);
        if (reports.Count == 0)
        {
            return new CaseReport(facts.CaseId, Verdict.NoTreaty, null, reports, advisory, notes);
        }
        var (recommended, waitingFor) = RecommendOrWait(reports, practice);
        if (WaitingNote(reports, waitingFor) is { } waiting) notes.Add(waiting);
        if (UnrecordedPreferenceNote(reports, recommended, partner) is { } unrecorded) notes.Add(unrecorded);
        return new CaseReport(facts.CaseId, CaseVerdict(reports), recommended, reports, advisory, notes);
    }

    /// <summary>
    /// The facts as every instrument of the case reads them: a territory read as the United States, the receiving
    /// nationality from the table, and which offence is being transferred where the case settles it. For a caller that
    /// evaluates conditions of its own on a case (the examples' coverage), so that they read what the rules read.
    /// </summary>
    public static CaseFacts AsRead(TreatyCatalog catalog, CaseFacts facts)
    {
        var notes = new List<string>();
        facts = AsUnitedStates(facts, notes);
        return Supplied(catalog, facts, facts.GetText(ContractFacts.ReceivingCountry), notes);
    }

    /// <summary>What the evaluator supplies before any rule runs, each change said in <paramref name="notes"/>.</summary>
    private static CaseFacts Supplied(TreatyCatalog catalog, CaseFacts facts, string? receiving, List<string> notes)
    {
        // The table decides which nationality a territory's people hold; the rules read it as a fact.
        facts = facts.With(ContractFacts.ReceivingNationality, catalog.Countries.NationalityOf(receiving));
        // Which offence is being transferred, where the case's own facts settle it.
        return OffenceBeingTransferred.Settle(facts, notes);
    }

    /// <summary>The note of a case whose two sides are both the United States (a territory counts as the US).</summary>
    public const string WithinTheUnitedStates =
        "Both sides of this transfer are in the United States (a territory or commonwealth counts as the United States, 28 CFR 527.41(b)): " +
        "the transfer program covers transfers between the United States and another country (7 FAM 481.2 b(1)), so no instrument was evaluated";

    /// <summary>
    /// A sentence imposed in a US territory or commonwealth is a US sentence of a state prisoner (28 CFR 527.41(b)): the
    /// territory's code becomes the United States' and the custody a state's, so the state-prisoner rules apply (the
    /// territory's approval is the state's consent); a transfer to a territory is a transfer to the United States. Each
    /// change is said in a note, with what the case file said.
    /// </summary>
    private static CaseFacts AsUnitedStates(CaseFacts facts, List<string> notes)
    {
        var sentencing = facts.GetText(ContractFacts.SentencingCountry);
        if (UsTerritories.Contains(sentencing))
        {
            var custody = facts.GetText(ContractFacts.Custody);
            var read = custody is null || custody == StateCustody ? string.Empty : $" (the case file's custody '{custody}' is read as 'state')";
            notes.Add($"The sentence was imposed in {UsTerritories.NameOf(sentencing!)} ({sentencing}), a territory or commonwealth of the United States: " +
                $"it is evaluated as a US sentence of a state prisoner, whose transfer needs the territory's approval as a state's{read} (28 CFR 527.41(b); DOJ Guidelines IV)");
            facts = facts.With(ContractFacts.SentencingCountry, UnitedStates).With(ContractFacts.Custody, StateCustody);
        }
        var receiving = facts.GetText(ContractFacts.ReceivingCountry);
        if (UsTerritories.Contains(receiving))
        {
            notes.Add($"{char.ToUpperInvariant(UsTerritories.NameOf(receiving!)[0])}{UsTerritories.NameOf(receiving!).Substring(1)} ({receiving}) is a territory or commonwealth of the United States: " +
                "a transfer there is evaluated as a transfer to the United States (28 CFR 527.41(b))");
            facts = facts.With(ContractFacts.ReceivingCountry, UnitedStates);
        }
        return facts;
    }

    private const string StateCustody = "state";

    /// <summary>The note of a case where neither country is the United States.</summary>
    public static string OutsideTheProgram(string? sentencing, string? receiving) =>
        $"Neither the sentencing country ({sentencing ?? "unknown"}) nor the receiving country ({receiving ?? "unknown"}) is the United States: " +
        "the transfer program covers transfers between the United States and another country (7 FAM 481.2 b(1)), so no instrument was evaluated";

    /// <summary>Every advisory set's factors that the facts touch. Computed beside the verdicts and never read by them.</summary>
    private static List<AdvisoryItem> Advise(TreatyCatalog catalog, CaseFacts facts)
    {
        var items = new List<AdvisoryItem>();
        for (var i = 0; i < catalog.Advisories.Count; i++) items.AddRange(catalog.Advisories[i].Evaluate(facts));
        return items;
    }

    /// <summary>
    /// Eligible if some usable instrument is eligible; else undetermined if some usable one is; else ineligible, but only
    /// when some instrument is known to be in force. When the application date is unknown, no instrument's entry into
    /// force is known, so each may drop out once the date is known and the case may have no treaty at all: knowing less
    /// must not give another definite answer, so such a case is undetermined.
    /// </summary>
    public static Verdict CaseVerdict(IReadOnlyList<InstrumentReport> reports)
    {
        var undetermined = false;
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            if (!report.Usable) continue;
            if (report.Verdict == Verdict.Eligible) return Verdict.Eligible;
            undetermined |= report.Verdict == Verdict.Undetermined;
        }
        if (undetermined) return Verdict.Undetermined;
        return InForceKnown(reports) ? Verdict.Ineligible : Verdict.Undetermined;
    }

    /// <summary>Whether some instrument is known to be in force on the application date (its in-force requirement is met).</summary>
    private static bool InForceKnown(IReadOnlyList<InstrumentReport> reports)
    {
        for (var r = 0; r < reports.Count; r++)
        {
            var requirements = reports[r].Requirements;
            for (var i = 0; i < requirements.Count; i++)
            {
                if (requirements[i].Id == InForceRequirement && requirements[i].Outcome == Outcome.Met) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The usable eligible instrument the practice prefers: the usable instruments in order of preference (those the
    /// practice names, in its order, then the rest in catalog order), the first eligible one. An undetermined one ahead of
    /// it stops the search with no recommendation: once its facts are known it may be eligible and preferred, so naming a
    /// later one now would be an answer that knowing more could change.
    /// </summary>
    public static string? Recommend(IReadOnlyList<InstrumentReport> reports, CountryPractice? practice) => RecommendOrWait(reports, practice).Recommended;

    /// <summary><see cref="Recommend"/>, and the undetermined instrument it waits for, if any.</summary>
    private static (string? Recommended, InstrumentReport? WaitingFor) RecommendOrWait(IReadOnlyList<InstrumentReport> reports, CountryPractice? practice)
    {
        var preferred = practice?.Instruments ?? Array.Empty<string>();
        // The named instruments first, in the practice's order (a name given twice decides nothing the second time)...
        for (var p = 0; p < preferred.Count; p++)
        {
            for (var i = 0; i < reports.Count; i++)
            {
                if (reports[i].Usable && reports[i].Id == preferred[p] && Decides(reports[i]) is { } decided) return decided;
            }
        }
        // ...then the others, in catalog order.
        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].Usable && !Contains(preferred, reports[i].Id) && Decides(reports[i]) is { } decided) return decided;
        }
        return (null, null);
    }

    /// <summary>Where the search in the order of preference stops at <paramref name="report"/>: recommended if eligible, waiting if undetermined; null to go on.</summary>
    private static (string? Recommended, InstrumentReport? WaitingFor)? Decides(InstrumentReport report) => report.Verdict switch
    {
        Verdict.Eligible => (report.Id, null),
        Verdict.Undetermined => (null, report),
        _ => null,
    };

    /// <summary>The note that says why there is no recommendation yet, when an eligible instrument waits behind an undetermined one.</summary>
    private static string? WaitingNote(IReadOnlyList<InstrumentReport> reports, InstrumentReport? waiting)
    {
        if (waiting is null) return null;
        var eligible = reports.Where(r => r.Usable && r.Verdict == Verdict.Eligible).Select(r => r.Id).ToList();
        if (eligible.Count == 0) return null;
        var missing = waiting.MissingFacts.Count == 0 ? string.Empty : $" (missing: {string.Join(", ", waiting.MissingFacts)})";
        return $"No instrument is recommended yet: {string.Join(", ", eligible)} is eligible, but {waiting.Id} comes first in the order of preference and is undetermined{missing}";
    }

    /// <summary>
    /// The note that says the recommendation is the tool's order, not a recorded practice: when several usable
    /// instruments are eligible and the country's usage note names none of them, the first in catalog order is
    /// recommended, and the report says so and names the others, so the caseworker knows the choice is theirs.
    /// </summary>
    private static string? UnrecordedPreferenceNote(IReadOnlyList<InstrumentReport> reports, string? recommended, CountryEntry? partner)
    {
        if (recommended is null) return null;
        var practice = partner?.Practice;
        if (practice is not null && Contains(practice.Instruments, recommended)) return null;
        List<string>? others = null; // made only when there is one: most cases have none
        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].Usable && reports[i].Verdict == Verdict.Eligible && reports[i].Id != recommended) (others ??= new List<string>()).Add(reports[i].Id);
        }
        if (others is null) return null;
        var country = partner is null ? "this country" : $"{partner.Name} ({partner.Code})";
        var recorded = practice is null ? "records no usage preference for " + country : $"records a usage preference for {country} (\"{practice.Note}\") that names none of the eligible instruments";
        return $"The country table {recorded}: {recommended} is recommended only because it comes first in the catalog's order; " +
            $"{string.Join(", ", others)} {(others.Count == 1 ? "is" : "are")} also eligible, and the choice between them is the caseworker's";
    }

    /// <summary>The country whose practice with the United States decides usability: the one that is not the US.</summary>
    private static CountryEntry? PartnerOf(string? sentencing, string? receiving, CountryTable table) =>
        sentencing == UnitedStates ? table.Find(receiving)
        : receiving == UnitedStates ? table.Find(sentencing)
        : null;

    /// <summary>Whether the list holds the text (ordinal), by index as the rules' membership test does: Enumerable.Contains on a list goes through two interfaces and a comparer.</summary>
    private static bool Contains(IReadOnlyList<string> list, string text) => Lists.Contains(list, text, negated: false) == Truth.True;

    private static LocalDate? Later(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : LocalDate.Max(a.Value, b.Value);

    /// <summary>The text of <see cref="InForceRequirement"/>.</summary>
    internal const string InForceText = "The instrument is in force between the sentencing and receiving countries on the application date.";

    private static RequirementResult InForceResult(RuleWording wording, InstrumentInfo info, string sentencing, CountryEntry? sentencingEntry, string receiving, CountryEntry? receivingEntry,
        LocalDate? since, LocalDate? applicationDate)
    {
        // Written for every instrument of every case: its pieces go into the thread's scratch buffer and become one string.
        var words = TextBuffer.Scratch();
        words.Append(info.Id).Append(" is in force between ");
        Describe(words, sentencing, sentencingEntry);
        words.Append(" and ");
        Describe(words, receiving, receivingEntry);
        if (since is not null) FactFormat.AppendDate(words.Append(" since "), since.Value);
        if (applicationDate is null && since is not null)
        {
            words.Append("; applicationDate is not known");
            return new RequirementResult(wording, Outcome.Unknown, words.ToString(), new[] { ContractFacts.ApplicationDate });
        }
        if (applicationDate is not null) FactFormat.AppendDate(words.Append("; application date "), applicationDate.Value);
        return new RequirementResult(wording, Outcome.Met, words.ToString(), Array.Empty<string>());
    }

    /// <summary>A country code, and for a territory whose instruments it has ("AW (a territory of NL, with its instruments)").</summary>
    private static void Describe(TextBuffer words, string code, CountryEntry? entry)
    {
        words.Append(code);
        if (entry?.TerritoryOf is { } parent) words.Append(" (a territory of ").Append(parent).Append(", with its instruments)");
    }

    /// <summary>Instruments the table says the two countries share but no treaty file defines: worth telling, never silently dropped.</summary>
    private static void AddUndefinedInstruments(List<string> notes, TreatyCatalog catalog, string? sentencing, string? receiving, CountryEntry? partner)
    {
        if (partner is null) return;
        var undefined = catalog.Parties.UndefinedSharedWithUnitedStates(partner.Code);
        for (var i = 0; i < undefined.Length; i++)
        {
            notes.Add($"{undefined[i]} links {sentencing} and {receiving} in {catalog.Countries.Title}, but no treaty file defines it yet, so it was not evaluated");
        }
    }
}
