using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Comparison;

/// <summary>
/// Plays a case the search found through both sides exactly as <c>treaty eval --treaties</c> does: written as a case
/// file, read back against each side's vocabulary, evaluated with the country table. A change is reported only as eval
/// answers it, so every case <c>treaty diff</c> shows is one eval reproduces.
/// </summary>
internal sealed class WitnessReplay
{
    private readonly TreatyCatalog before;
    private readonly TreatyCatalog after;
    private int cases;

    public WitnessReplay(TreatyModel before, TreatyModel after)
    {
        this.before = InterpretedCatalog.Create(before);
        this.after = InterpretedCatalog.Create(after);
    }

    /// <summary>Both sides' reports of the witness, with its case file; null when either side's reader refuses the file.</summary>
    public Replayed? Replay(Witness witness)
    {
        cases++;
        var file = witness.ToCaseFile("diff-" + cases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var oldRead = CaseFileReader.Read(file, before.Schema);
        var newRead = CaseFileReader.Read(file, after.Schema);
        if (oldRead.Facts is null || newRead.Facts is null) return null;
        return new Replayed(witness, file, CaseEvaluator.Evaluate(before, oldRead.Facts), CaseEvaluator.Evaluate(after, newRead.Facts), newRead.Facts);
    }
}

/// <summary>A witness as both sides answer it.</summary>
internal sealed record Replayed(Witness Witness, string CaseFile, CaseReport Before, CaseReport After, CaseFacts Facts)
{
    public InstrumentReport? BeforeOf(string instrument) => Before.Instruments.FirstOrDefault(i => i.Id == instrument);

    public InstrumentReport? AfterOf(string instrument) => After.Instruments.FirstOrDefault(i => i.Id == instrument);

    /// <summary>The change as eval shows it, for <paramref name="subject"/> ("verdict" or "review ID") with the values each side gave.</summary>
    public ObservedChange Observe(string instrument, string subject, string was, string now, IEnumerable<string> rules)
    {
        var old = BeforeOf(instrument);
        var current = AfterOf(instrument);
        var because = new List<RuleChange>();
        foreach (var id in rules)
        {
            var a = Find(old, id);
            var b = Find(current, id);
            var outcomeBefore = a is null ? "absent" : ContractNames.Of(a.Outcome);
            var outcomeAfter = b is null ? "absent" : ContractNames.Of(b.Outcome);
            if (outcomeBefore == outcomeAfter) continue;
            because.Add(new RuleChange(id, outcomeBefore, outcomeAfter, a?.Explanation ?? string.Empty, b?.Explanation ?? string.Empty, b?.Citation ?? a?.Citation ?? string.Empty));
        }
        return new ObservedChange(
            instrument, subject, was, now,
            Facts.GetText(ContractFacts.SentencingCountry) ?? string.Empty,
            Facts.GetText(ContractFacts.ReceivingCountry) ?? string.Empty,
            Facts.GetDate(ContractFacts.ApplicationDate) is { } date ? FactFormat.Value(date) : string.Empty,
            Witness.Fragment,
            CaseFile,
            because,
            Arrow(ContractNames.Of(Before.Verdict), ContractNames.Of(After.Verdict)),
            Arrow(Before.Recommended ?? "none", After.Recommended ?? "none"));
    }

    private static RequirementResult? Find(InstrumentReport? report, string id) =>
        report?.Requirements.FirstOrDefault(r => r.Id == id) ?? report?.Reviews.FirstOrDefault(r => r.Id == id);

    private static string Arrow(string was, string now) => was == now ? was : was + " → " + now;
}
