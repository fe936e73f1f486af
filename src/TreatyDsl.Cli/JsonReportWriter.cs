using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// Writes case reports as lines of JSON, exactly in the contract's shape (docs/case-file.md).
/// Fields the contract does not name (the case's reviews, title, text, per-requirement missingFacts, an instrument's review, an advisory's text, notes) are additions, never renames.
/// </summary>
/// <remarks>
/// The line's shape is fixed, so it is written as fragments (each property name with its punctuation, held as UTF-8)
/// between values. The treaties' own words (rule texts, citations, ids, titles, outcome and verdict names, fact paths)
/// are the same in every report and are escaped once (<see cref="JsonLineWriter.Known"/>); a rule's id, citation and
/// text are moreover kept joined with the property names between them (<see cref="RuleFragments"/>), so a requirement
/// costs one lookup and a few reference comparisons. What differs per case (the case id, explanations, notes) is escaped as it is written. The bytes
/// are those <see cref="System.Text.Json.Utf8JsonWriter"/> wrote before (compact, default escaping): tests write each
/// line back through it and compare. One writer per thread: it keeps what it has seen.
/// </remarks>
public sealed class JsonReportWriter
{
    /// <summary>The outcome of a review a case raises.</summary>
    public const string NeedsReview = "needs-review";

    private readonly ReferenceTable<RuleWording, RuleFragments> byWording = new();
    private readonly ReferenceTable<string, RuleFragments> byText = new();

    /// <summary>
    /// What a result's outcome may be written as, quoted, by slot: the three outcomes by their value, then
    /// <see cref="NeedsReview"/>. A rule's fragments are joined around each slot (<see cref="RuleFragments.Opening"/>).
    /// </summary>
    private readonly byte[][] outcomes;

    private const int NeedsReviewSlot = 3;

    /// <summary>A writer that appends reports to <paramref name="line"/>.</summary>
    public JsonReportWriter(JsonLineWriter line)
    {
        Line = line;
        outcomes = new byte[NeedsReviewSlot + 1][];
        foreach (var outcome in new[] { Outcome.Met, Outcome.NotMet, Outcome.Unknown }) outcomes[(int)outcome] = line.QuotedKnown(ContractNames.Of(outcome));
        outcomes[NeedsReviewSlot] = line.QuotedKnown(NeedsReview);
    }

    /// <summary>Where the reports are written.</summary>
    public JsonLineWriter Line { get; }

    /// <summary>The report as one line of JSON (without the line break).</summary>
    public static string ToJsonLine(CaseReport report)
    {
        var writer = new JsonReportWriter(new JsonLineWriter(8192));
        writer.Write(report);
        return Encoding.UTF8.GetString(writer.Line.Written);
    }

    /// <summary>The report as one JSON object, appended to <see cref="Line"/> (compact, the contract's shape).</summary>
    public void Write(CaseReport report)
    {
        var line = Line;
        line.Raw("{\"case\":"u8);
        line.String(report.CaseId);
        line.Raw(",\"verdict\":"u8);
        line.Known(ContractNames.Of(report.Verdict));
        line.Raw(",\"recommended\":"u8);
        line.Known(report.Recommended);
        // An addition: the reviews the case raises under an instrument it could still go by, beside the verdict so no
        // reader of the line misses one (each instrument's "review" array has the text, citation and explanation).
        line.Raw(",\"reviews\":["u8);
        var reviews = report.Reviews();
        for (var i = 0; i < reviews.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            line.Raw("{\"instrument\":"u8);
            line.Known(reviews[i].Instrument);
            line.Raw(",\"id\":"u8);
            line.Known(reviews[i].Review.Id);
            line.Raw(",\"outcome\":"u8);
            line.Raw(outcomes[reviews[i].NeedsReview ? NeedsReviewSlot : (int)Outcome.Unknown]);
            line.Raw((byte)'}');
        }
        line.Raw("],\"instruments\":["u8);
        for (var i = 0; i < report.Instruments.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            WriteInstrument(report.Instruments[i]);
        }
        line.Raw("],\"advisory\":["u8);
        for (var i = 0; i < report.Advisory.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            WriteAdvisory(report.Advisory[i]);
        }
        line.Raw("],\"notes\":["u8);
        for (var i = 0; i < report.Notes.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            line.String(report.Notes[i]);
        }
        line.Raw("]}"u8);
    }

    private void WriteInstrument(InstrumentReport instrument)
    {
        var line = Line;
        line.Raw("{\"id\":"u8);
        line.Known(instrument.Id);
        line.Raw(",\"verdict\":"u8);
        line.Known(ContractNames.Of(instrument.Verdict));
        line.Raw(",\"usable\":"u8);
        line.Boolean(instrument.Usable);
        line.Raw(",\"requirements\":["u8);
        // An array (as every catalog's evaluator makes them) is read directly; through the list interface each element costs a call.
        var requirements = instrument.Requirements as RequirementResult[] ?? instrument.Requirements.ToArray();
        for (var i = 0; i < requirements.Length; i++)
        {
            if (i > 0) line.Raw((byte)',');
            WriteResult(requirements[i], SlotOf(requirements[i].Outcome));
        }
        line.Raw("],\"missingFacts\":"u8);
        WriteNames(instrument.MissingFacts);
        line.Raw(",\"title\":"u8);
        line.Known(instrument.Title);
        // An addition: the checks left to the treaty's own text that this case raises ("needs-review") or cannot rule
        // out ("unknown"). Never part of the verdict.
        line.Raw(",\"review\":["u8);
        var first = true;
        var reviews = instrument.Reviews;
        for (var i = 0; i < reviews.Count; i++) // by index: a foreach through the list interface makes an enumerator per report
        {
            var review = reviews[i];
            if (!InstrumentReport.IsRaised(review)) continue;
            if (!first) line.Raw((byte)',');
            first = false;
            WriteResult(review, review.Outcome == Outcome.NotMet ? NeedsReviewSlot : SlotOf(review.Outcome));
        }
        line.Raw("]}"u8);
    }

    /// <summary>The outcome's slot in <see cref="outcomes"/>; -1 for a value outside the enum, written by its name.</summary>
    private static int SlotOf(Outcome outcome) => outcome is Outcome.Met or Outcome.NotMet or Outcome.Unknown ? (int)outcome : -1;

    /// <summary>
    /// One requirement's or review's result: id, outcome (the slot the caller names it by), citation, explanation, text,
    /// missing facts. Written as few pieces: the rule's fragments are joined with the outcome, and with the closing of a
    /// result that misses no fact, so a result is most often two copies around its explanation.
    /// </summary>
    private void WriteResult(RequirementResult result, int outcomeSlot)
    {
        var line = Line;
        var fragments = FragmentsOf(result);
        if (outcomeSlot >= 0)
        {
            line.Raw(fragments.Opening(outcomeSlot, outcomes));
        }
        else
        {
            line.Raw(fragments.Head);
            line.Known(ContractNames.Of(result.Outcome));
            line.Raw(fragments.Middle);
        }
        result.WriteExplanation(line); // the rule's words straight into the line, with no string made of them
        var missing = result.MissingFacts;
        if (missing.Count == 0)
        {
            line.Raw(fragments.TailClosed);
            return;
        }
        line.Raw(fragments.Tail);
        WriteNames(missing);
        line.Raw((byte)'}');
    }

    /// <summary>
    /// The joined fragments of the result's rule, kept by its words (<see cref="RequirementResult.Wording"/>: a generated
    /// validator's and the interpreter's results share one per rule version), so a rule's result costs one lookup. Words
    /// made for one result (a caller's own) are found by their text instead (<see cref="FragmentsByText"/>).
    /// </summary>
    private RuleFragments FragmentsOf(RequirementResult result)
    {
        var wording = result.Wording;
        if (byWording.TryGet(wording, out var kept)) return kept;
        var made = FragmentsByText(wording);
        byWording.Add(wording, made);
        return made;
    }

    /// <summary>
    /// The joined fragments of a rule's words, kept by its text. The same text may come with other ids and citations
    /// (a baseline rule in every instrument, each citing its own passage; an exception that cites more): those are kept
    /// beside it, up to <see cref="VariantBound"/> per text; past that (or past the table's bound) they are made for the
    /// one write.
    /// </summary>
    private RuleFragments FragmentsByText(RuleWording wording)
    {
        byText.TryGet(wording.Text, out var first);
        var variants = 0;
        var id = wording.Id;
        var citation = wording.Citation;
        for (var kept = first; kept is not null; kept = kept.Other, variants++)
        {
            if (ReferenceEquals(kept.Id, id) && ReferenceEquals(kept.Citation, citation)) return kept;
        }
        var made = new RuleFragments(wording, Line);
        if (first is null) byText.Add(wording.Text, made);
        else if (variants < VariantBound)
        {
            made.Other = first.Other;
            first.Other = made;
        }
        return made;
    }

    /// <summary>How many id-and-citation variants of one rule text are kept (the shipped treaties have at most a few dozen).</summary>
    private const int VariantBound = 64;

    private void WriteAdvisory(AdvisoryItem item)
    {
        var line = Line;
        line.Raw("{\"factor\":"u8);
        line.Known(item.Factor);
        line.Raw(",\"weighs\":"u8);
        line.Known(item.Weighs);
        line.Raw(",\"citation\":"u8);
        line.Known(item.Citation);
        line.Raw(",\"explanation\":"u8);
        line.String(item.Explanation);
        line.Raw(",\"text\":"u8);
        line.Known(item.Text);
        line.Raw((byte)'}');
    }

    /// <summary>A list of names the treaties hold (fact paths), each escaped once.</summary>
    private void WriteNames(IReadOnlyList<string> names)
    {
        var line = Line;
        if (names.Count == 0)
        {
            line.Raw("[]"u8); // most lists of missing facts
            return;
        }
        line.Raw((byte)'[');
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) line.Raw((byte)',');
            line.Known(names[i]);
        }
        line.Raw((byte)']');
    }

    /// <summary>
    /// A rule's result line around its outcome and explanation, made once per rule: <c>{"id":…,"outcome":</c>, then
    /// <c>,"citation":…,"explanation":</c>, then <c>,"text":…,"missingFacts":</c>; and joined, the first two with each
    /// outcome between them (made when first written), the last with the empty list of missing facts and the closing
    /// brace. Kept with the id and citation it was made for, which are compared by reference before use, and the next
    /// variant of the same text.
    /// </summary>
    private sealed class RuleFragments
    {
        private readonly byte[]?[] openings = new byte[NeedsReviewSlot + 1][];

        public RuleFragments(RuleWording wording, JsonLineWriter line)
        {
            Id = wording.Id;
            Citation = wording.Citation;
            Head = Join("{\"id\":"u8, line.QuotedKnown(wording.Id), ",\"outcome\":"u8);
            Middle = Join(",\"citation\":"u8, line.QuotedKnown(wording.Citation), ",\"explanation\":"u8);
            Tail = Join(",\"text\":"u8, line.QuotedKnown(wording.Text), ",\"missingFacts\":"u8);
            TailClosed = Join(Tail, "[]"u8.ToArray(), "}"u8);
        }

        public string Id { get; }

        public string Citation { get; }

        public byte[] Head { get; }

        public byte[] Middle { get; }

        public byte[] Tail { get; }

        /// <summary><see cref="Tail"/>, an empty list of missing facts and the result's closing brace.</summary>
        public byte[] TailClosed { get; }

        /// <summary><see cref="Head"/>, the outcome in <paramref name="slot"/> of <paramref name="outcomes"/>, and <see cref="Middle"/>.</summary>
        public byte[] Opening(int slot, byte[][] outcomes) => openings[slot] ??= Join(Head, outcomes[slot], Middle);

        /// <summary>Another id and citation with the same text, kept beside this one; null when none is.</summary>
        public RuleFragments? Other { get; set; }

        private static byte[] Join(ReadOnlySpan<byte> name, byte[] value, ReadOnlySpan<byte> next)
        {
            var joined = new byte[name.Length + value.Length + next.Length];
            name.CopyTo(joined);
            value.CopyTo(joined, name.Length);
            next.CopyTo(joined.AsSpan(name.Length + value.Length));
            return joined;
        }
    }
}
