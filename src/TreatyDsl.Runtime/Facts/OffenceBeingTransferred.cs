using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>
/// What a case's own facts settle about which offence is being transferred ("the offense being transferred",
/// 7 FAM 481.2 b(4)); a transfer is of a sentence still being served:
/// <list type="bullet">
/// <item>a case with one offence is about that offence's sentence: it is the one being transferred, whatever its mark;</item>
/// <item>while the sentence runs on the application date (its full term ends after it, or it has no end), some offence is
/// not yet served: when every offence but one is marked served and that one's service is not given, it is not served;</item>
/// <item>marks that say every offence is served while the sentence runs contradict the case.</item>
/// </list>
/// <see cref="CaseEvaluator"/> applies the first two before any rule runs (<see cref="Settle"/>, with a note), for the
/// generated validators and the interpreter alike; <see cref="CaseFileReader"/> refuses the third (<see cref="Contradiction"/>).
/// The step reads no offence as served that the case file does not mark served, and it depends on no mark that could
/// later be given without contradicting the case, so knowing less never gives another definite answer. The analysis
/// knows the step: its witnesses state what the step settles, and no case whose marks it reads otherwise is a witness.
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
    /// nothing to settle (the common case: several offences, each mark given) come back as they are. Facts that did not
    /// come through the reader may carry marks it refuses (<see cref="Contradiction"/>): those are disregarded, said in a
    /// note, and never read as served.
    /// </summary>
    public static CaseFacts Settle(CaseFacts facts, List<string> notes)
    {
        var reading = Read(facts);
        if (reading.Given is not { } given || (!reading.MarksContradict && reading.SettledUnserved.Length == 0)) return facts;
        var single = given.Length == 1;
        if (reading.MarksContradict) notes.Add(ContradictionText(given.Length, facts) + (single ? ": the mark is disregarded" : ": the marks are disregarded, each offence's service taken as not known"));
        foreach (var index in reading.SettledUnserved)
        {
            notes.Add(single
                ? $"offenses[0].sentenceServed is {(given[0] is null ? "not given" : "marked true")}: the case's only offence is the one whose sentence the application is to transfer, so it is read as not served and dual criminality is asked of it ({Citation})"
                : $"offenses[{index}].sentenceServed is taken as false (not given): {RunsText(facts)}, and every other offence is marked served, so it is the offence being transferred ({Citation})");
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
        var count = reading.Given!.Length;
        var path = count == 1 ? "$.offenses[0].sentenceServed" : "$.offenses";
        return $"{path}: {ContradictionText(count, facts)}; mark the offence being transferred \"sentenceServed\": false, or leave the mark out";
    }

    private static string ContradictionText(int offences, CaseFacts facts) => offences == 1
        ? $"the case's only offence is marked served, but {RunsText(facts)}: the prisoner is serving the sentence for it, so it is the offence being transferred ({Citation})"
        : $"every offence is marked served, but {RunsText(facts)}: the prisoner is still serving the sentence for some offence ({Citation})";

    /// <summary>
    /// The offences whose service the facts settle as not served (empty when none, or no list of offences); null when
    /// <see cref="Settle"/> reads a mark the case file gives otherwise than given (every offence marked served while the
    /// sentence runs, which the reader refuses, or the only offence marked served): such a case is not read as written,
    /// and the analysis shows no witness of it.
    /// </summary>
    public static IReadOnlyList<int>? SettledAsWritten(CaseFacts facts)
    {
        var reading = Read(facts);
        if (reading.Given is not { } given) return None;
        if (reading.MarksContradict) return null;
        foreach (var index in reading.SettledUnserved) if (given[index] is not null) return null;
        return reading.SettledUnserved;
    }

    private static readonly int[] None = new int[0];

    /// <summary>What the facts settle, read once. Read for every case evaluated, so it writes no words: those are made where a note or a refusal needs them.</summary>
    private static Reading Read(CaseFacts facts)
    {
        // A list the reader accepted holds records; anything else is not a list of offences this step can read.
        if (facts.FieldOfEach(Offenses, SentenceServed) is not { Length: > 0 } marks) return default;
        var given = new bool?[marks.Length];
        var allMarkedServed = true;
        for (var i = 0; i < marks.Length; i++)
        {
            given[i] = marks[i] as bool?;
            allMarkedServed &= given[i] == true;
        }
        var runs = Runs(facts);
        // Marks that contradict the case are read as not given.
        var contradict = allMarkedServed && runs;
        bool? ServedOf(int i) => contradict ? null : given[i];
        // One offence: the one being transferred, whatever its mark.
        if (given.Length == 1) return new Reading(given, contradict, ServedOf(0) == false ? None : new[] { 0 });
        // Several: while the sentence runs, the one not known served, when every other is known served.
        var open = -1;
        for (var i = 0; i < given.Length; i++)
        {
            var served = ServedOf(i);
            if (served == true) continue;
            if (served == false || open >= 0) return new Reading(given, contradict, None);
            open = i;
        }
        return new Reading(given, contradict, open >= 0 && runs ? new[] { open } : None);
    }

    /// <summary>
    /// Whether the facts show the sentence still runs on the application date: a full term that ends after it, or a
    /// sentence with no end (life, indeterminate, indefinite confinement as a dangerous offender, death).
    /// </summary>
    private static bool Runs(CaseFacts facts) =>
        HasNoEnd(facts.GetText(SentenceType))
        || (facts.GetDate(FullTermDate) is { } last && facts.GetDate(ContractFacts.ApplicationDate) is { } first && last > first);

    private static bool HasNoEnd(string? type) => type is "life" or "indeterminate" or "dangerous-offender" or "death";

    /// <summary>How the facts show the sentence runs, in words (<see cref="Runs"/> is true).</summary>
    private static string RunsText(CaseFacts facts)
    {
        var type = facts.GetText(SentenceType);
        if (HasNoEnd(type)) return $"the sentence ({type}) has no end date";
        return $"the sentence runs until {FactFormat.Value(facts.GetDate(FullTermDate))}, after the application date {FactFormat.Value(facts.GetDate(ContractFacts.ApplicationDate))}";
    }

    private readonly struct Reading
    {
        public Reading(bool?[] given, bool marksContradict, int[] settledUnserved)
        {
            Given = given;
            MarksContradict = marksContradict;
            settled = settledUnserved;
        }

        private readonly int[]? settled;

        /// <summary>Each offence's mark as the case file gives it (null when there is no list of offences to read).</summary>
        public bool?[]? Given { get; }

        /// <summary>Every offence is marked served while the sentence runs: the marks are read as not given.</summary>
        public bool MarksContradict { get; }

        public int[] SettledUnserved => settled ?? None;
    }
}
