using System.Collections.Generic;
using NodaTime;

namespace TreatyDsl.Runtime;

/// <summary>
/// What a case's own facts settle about which offence is being transferred. A transfer is of a sentence still being
/// served ("the offense being transferred", 7 FAM 481.2 b(4)), so while the sentence runs on the application date (its
/// full term ends after it, or it has no end) some offence is not yet served:
/// <list type="bullet">
/// <item>when every offence but one is marked served (or there is only one) and that one's service is not given, it is
/// not served: <see cref="Settle"/>, which <see cref="CaseEvaluator"/> applies before any rule runs, for the generated
/// validators and the interpreter alike, with a note;</item>
/// <item>marks that say every offence is served contradict the case: <see cref="CaseFileReader"/> refuses the file
/// (<see cref="Contradiction"/>), naming the JSON path.</item>
/// </list>
/// The step only turns a service that is not given into "not served", and only where nothing the case file could add
/// without contradicting itself would say otherwise; so knowing less never gives another definite answer, and an
/// unknown is never read as served. The analysis knows the step: its witnesses state what the step settles, and it
/// leaves out the cases the reader refuses, so every case it shows reproduces under <c>treaty eval</c>.
/// </summary>
public static class OffenceBeingTransferred
{
    /// <summary>The list of offences of conviction, each a record.</summary>
    public const string Offenses = "offenses";

    /// <summary>An offence's field: the part of the sentence for this offence has been fully served.</summary>
    public const string SentenceServed = "sentenceServed";

    /// <summary>The sentence's type (the contract's names).</summary>
    public const string SentenceType = "sentence.type";

    /// <summary>When the full term ends.</summary>
    public const string FullTermDate = "sentence.fullTermDate";

    private const string Citation = "7 FAM 481.2 b(4) (\"the offense being transferred\"); DOJ Guidelines II(2)";

    /// <summary>
    /// The facts with what the case settles about its offences' service in place, and a note for each change. Facts with
    /// nothing to settle (the common case: every service given) come back as they are. Facts that did not come through
    /// the reader may carry marks it refuses (<see cref="Contradiction"/>): those are disregarded, said in a note, and
    /// never read as served.
    /// </summary>
    public static CaseFacts Settle(CaseFacts facts, List<string> notes)
    {
        var reading = Read(facts);
        if (reading.Served is null || (!reading.MarksContradict && reading.SettledUnserved.Length == 0)) return facts;
        if (reading.MarksContradict) notes.Add(ContradictionText(reading) + ": the marks are disregarded, each offence's service taken as not known");
        for (var i = 0; i < reading.SettledUnserved.Length; i++)
        {
            var why = reading.Served.Length == 1
                ? $"{reading.Runs}, and the case's only offence is the one whose sentence is being served"
                : $"{reading.Runs}, and every other offence is marked served, so it is the offence being transferred";
            notes.Add($"offenses[{reading.SettledUnserved[i]}].sentenceServed is taken as false ({(reading.MarksContradict ? "its mark disregarded" : "not given")}): {why} ({Citation})");
        }
        var records = facts.GetList(Offenses)!;
        var settled = new List<object?>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var fields = new Dictionary<string, object?>();
            foreach (var field in (IReadOnlyDictionary<string, object?>)records[i]!) fields[field.Key] = field.Value;
            if (reading.MarksContradict) fields.Remove(SentenceServed);
            if (System.Array.IndexOf(reading.SettledUnserved, i) >= 0) fields[SentenceServed] = false;
            settled.Add(fields);
        }
        return facts.With(Offenses, settled);
    }

    /// <summary>
    /// Why the reader refuses the case, with the JSON path, when every offence is marked served while the sentence still
    /// runs; null when the marks do not contradict the case.
    /// </summary>
    public static string? Contradiction(CaseFacts facts)
    {
        var reading = Read(facts);
        if (!reading.MarksContradict) return null;
        var path = reading.Served!.Length == 1 ? "$.offenses[0].sentenceServed" : "$.offenses";
        return $"{path}: {ContradictionText(reading)}; mark the offence being transferred \"sentenceServed\": false, or leave the mark out";
    }

    private static string ContradictionText(Reading reading) => reading.Served!.Length == 1
        ? $"the case's only offence is marked served, but {reading.Runs}: the prisoner is serving the sentence for it, so it is the offence being transferred ({Citation})"
        : $"every offence is marked served, but {reading.Runs}: the prisoner is still serving the sentence for some offence ({Citation})";

    /// <summary>Whether every offence is marked served while the sentence still runs: marks <see cref="Settle"/> disregards.</summary>
    public static bool MarksContradict(CaseFacts facts) => Read(facts).MarksContradict;

    /// <summary>
    /// The offences whose service the facts settle as not served (given no mark, or a mark <see cref="Settle"/>
    /// disregards); empty when there are none, or no list of offences.
    /// </summary>
    public static IReadOnlyList<int> SettledUnserved(CaseFacts facts) => Read(facts).SettledUnserved;

    private static readonly int[] None = new int[0];

    /// <summary>What the facts settle, read once.</summary>
    private static Reading Read(CaseFacts facts)
    {
        if (facts.GetList(Offenses) is not { Count: > 0 } records) return default;
        var served = new bool?[records.Count];
        var allMarkedServed = true;
        for (var i = 0; i < records.Count; i++)
        {
            // A list the reader accepted holds records; anything else is not an offence this step can read.
            if (records[i] is not IReadOnlyDictionary<string, object?> fields) return default;
            served[i] = fields.TryGetValue(SentenceServed, out var value) ? value as bool? : null;
            allMarkedServed &= served[i] == true;
        }
        var runs = Runs(facts);
        var contradict = allMarkedServed && runs is not null;
        if (contradict) for (var i = 0; i < served.Length; i++) served[i] = null;
        // The one offence not known served, when every other is known served.
        var open = -1;
        for (var i = 0; i < served.Length; i++)
        {
            if (served[i] == true) continue;
            if (served[i] == false || open >= 0) return new Reading(served, runs, contradict, None);
            open = i;
        }
        var settles = open >= 0 && runs is not null;
        return new Reading(served, runs, contradict, settles ? new[] { open } : None);
    }

    /// <summary>
    /// How the facts show the sentence still runs on the application date, in words, or null when they do not: a full
    /// term that ends after the application date, or a sentence with no end (life, indeterminate, indefinite confinement
    /// as a dangerous offender, death).
    /// </summary>
    private static string? Runs(CaseFacts facts)
    {
        var type = facts.GetText(SentenceType);
        if (type is "life" or "indeterminate" or "dangerous-offender" or "death") return $"the sentence ({type}) has no end date";
        var end = facts.GetDate(FullTermDate);
        var applied = facts.GetDate(ContractFacts.ApplicationDate);
        if (end is not { } last || applied is not { } first || last <= first) return null;
        return $"the sentence runs until {FactFormat.Value((LocalDate?)last)}, after the application date {FactFormat.Value((LocalDate?)first)}";
    }

    private readonly struct Reading
    {
        public Reading(bool?[] served, string? runs, bool marksContradict, int[] settledUnserved)
        {
            Served = served;
            Runs = runs;
            MarksContradict = marksContradict;
            settled = settledUnserved;
        }

        private readonly int[]? settled;

        /// <summary>Each offence's service as the step reads it, marks it disregards taken out (null when there is no list of offences to read).</summary>
        public bool?[]? Served { get; }

        /// <summary>How the facts show the sentence runs, or null.</summary>
        public string? Runs { get; }

        public bool MarksContradict { get; }

        public int[] SettledUnserved => settled ?? None;
    }
}
