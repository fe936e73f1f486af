using System.Collections.Generic;
using System.Linq;

namespace TreatyDsl.Comparison;

/// <summary>
/// What an edit to the treaty files changes (<c>treaty diff OLD NEW</c>): for each instrument either that its rules are the
/// same, a proof that no case's verdict or review changes, or each kind of change with a case that shows it; and the
/// rows of the country table that differ.
/// </summary>
/// <param name="Instruments">Every instrument of either side, in the new files' order, then the removed ones.</param>
/// <param name="Table">The rows of the country table that differ.</param>
/// <param name="Vocabulary">The facts whose definition differs, in words; a case file may be read differently for them, which is not analysed.</param>
public sealed record TreatyComparison(IReadOnlyList<InstrumentComparison> Instruments, IReadOnlyList<TableChange> Table, IReadOnlyList<string> Vocabulary)
{
    /// <summary>Whether some case is answered differently, or might be (something was not analysed).</summary>
    public bool MayChange => Instruments.Any(i => i.Status != ComparisonStatus.Unchanged && i.Status != ComparisonStatus.ProvedSame) || Table.Count > 0 || Vocabulary.Count > 0;

    /// <summary>
    /// One line a reviewer can paste into a change request: "1 instrument answers some case differently (us-th: eligible
    /// → ineligible, eligible → undetermined); 12 with the same rules, 0 proved unchanged, 0 not analysed".
    /// </summary>
    public string Summary
    {
        get
        {
            var changed = Instruments.Where(i => i.Changes.Count > 0).ToList();
            var first = changed.Count == 0
                ? "no case is answered differently"
                : Count(changed.Count, "instrument answers", "instruments answer") + " some case differently (" + string.Join("; ", changed.Select(i => i.Id + ": " + i.ChangeSummary)) + ")";
            var parts = new List<string>
            {
                Instruments.Count(i => i.Status == ComparisonStatus.Unchanged) + " with the same rules",
                Instruments.Count(i => i.Status == ComparisonStatus.ProvedSame) + " proved unchanged",
                Instruments.Count(i => i.NotAnalysed.Count > 0) + " not analysed",
            };
            if (Table.Count > 0) parts.Add(Count(Table.Count, "country row changed", "country rows changed"));
            if (Vocabulary.Count > 0) parts.Add(Count(Vocabulary.Count, "fact changed", "facts changed"));
            return first + "; " + string.Join(", ", parts);
        }
    }

    private static string Count(int n, string one, string many) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}

/// <summary>How one instrument compares.</summary>
public enum ComparisonStatus
{
    /// <summary>Its rules, reviews, derived facts and thresholds decide every case alike on both sides: nothing to search.</summary>
    Unchanged,

    /// <summary>Some rule changed, and the analysis proved that no case's verdict or review changes with it.</summary>
    ProvedSame,

    /// <summary>Some case is answered differently: <see cref="InstrumentComparison.Changes"/> holds one per kind.</summary>
    Changes,

    /// <summary>Some rule changed and the analysis could not decide, in its fragment and budget, whether a case changes.</summary>
    NotAnalysed,

    /// <summary>The instrument is in one side's files only.</summary>
    AddedOrRemoved,
}

/// <param name="Id">The instrument's id.</param>
/// <param name="Title">Its title (the new side's, when it has one).</param>
/// <param name="Status">How it compares.</param>
/// <param name="Edits">The rules and reviews the edit changed, each where it is written (the new file; the old one for a removed rule).</param>
/// <param name="Changes">One case per kind of change found, grouped by the rules whose outcomes change in it.</param>
/// <param name="NotAnalysed">What could not be decided, and why; empty when every claim is exact.</param>
/// <param name="Place">Where the instrument is declared.</param>
public sealed record InstrumentComparison(
    string Id,
    string Title,
    ComparisonStatus Status,
    IReadOnlyList<EditedRule> Edits,
    IReadOnlyList<ObservedChange> Changes,
    IReadOnlyList<string> NotAnalysed,
    SourcePlace Place)
{
    /// <summary>The changes in short: the verdict's kinds, then the reviews and rules whose outcomes change ("eligible → ineligible; rule min-remaining").</summary>
    public string ChangeSummary
    {
        get
        {
            var verdicts = Changes.Where(c => c.Subject == "verdict").Select(c => c.Kind).Distinct().ToList();
            var others = Changes.Where(c => c.Subject != "verdict").Select(c => c.Subject).Distinct().ToList();
            return string.Join(", ", verdicts.Concat(others.Count == 0 ? Enumerable.Empty<string>() : new[] { "outcomes of " + string.Join(", ", others) }));
        }
    }

    /// <summary>Where <paramref name="change"/> is best shown: the first edited rule it turns on, or the instrument.</summary>
    public SourcePlace PlaceOf(ObservedChange change) =>
        Edits.FirstOrDefault(e => change.Because.Any(b => b.Rule == e.Id)) is { } edit ? edit.Place
        : Edits.FirstOrDefault(e => change.Subject == "review " + e.Id) is { } review ? review.Place
        : Place;
}

/// <summary>A place in a .treaty file: its path as read, and the line and column (from 1).</summary>
public sealed record SourcePlace(string Path, int Line, int Column)
{
    internal static SourcePlace Of(TreatyDsl.Text.SourceSpan span) => new(span.Path ?? string.Empty, span.Line, span.Column);

    public override string ToString() => $"{Path}({Line},{Column})";
}

/// <summary>A rule or review the edit changed: its id, how (added, removed, changed), and where it is written.</summary>
public sealed record EditedRule(string Id, string Edit, SourcePlace Place)
{
    public override string ToString() => Id + " (" + Edit + ")";
}

/// <summary>
/// One kind of change and the case that shows it, as <c>treaty eval --treaties OLD</c> and <c>--treaties NEW</c> answer it.
/// </summary>
/// <param name="Instrument">The instrument whose answer changes.</param>
/// <param name="Subject">What changes: "verdict", or "review &lt;id&gt;".</param>
/// <param name="Before">Its value under the old files: a verdict (eligible, ineligible, undetermined) or a review's outcome (met, not-met, unknown).</param>
/// <param name="After">Its value under the new files.</param>
/// <param name="Sentencing">The case's sentencing country.</param>
/// <param name="Receiving">The case's receiving country.</param>
/// <param name="ApplicationDate">The case's application date, in the period of application dates the change holds for.</param>
/// <param name="Fragment">The facts that matter, short: "sentence.type = life, no sentence.fullTermDate".</param>
/// <param name="CaseFile">The case file (contract shape) that shows the change.</param>
/// <param name="Because">The rules whose outcomes differ in the case, with what each says on each side.</param>
/// <param name="CaseVerdict">The case verdict before and after, as "eligible → ineligible" (equal sides: one word).</param>
/// <param name="Recommended">The recommended instrument before and after ("none" for none), as the verdict.</param>
public sealed record ObservedChange(
    string Instrument,
    string Subject,
    string Before,
    string After,
    string Sentencing,
    string Receiving,
    string ApplicationDate,
    string Fragment,
    string CaseFile,
    IReadOnlyList<RuleChange> Because,
    string CaseVerdict,
    string Recommended)
{
    /// <summary>"eligible → ineligible", or "review transfer-review: met → not-met".</summary>
    public string Kind => (Subject == "verdict" ? string.Empty : Subject + ": ") + Before + " → " + After;

    /// <summary>
    /// The change in one sentence, for a list of changes (SARIF, the editor): "ineligible before, ... now for a case from
    /// US to TH (sentence.type = life, ...) because min-remaining is not-met now (...), met before"; each rule's new
    /// explanation in parentheses when <paramref name="explained"/>.
    /// </summary>
    public string Sentence(bool explained) =>
        $"{(Subject == "verdict" ? string.Empty : Subject + " ")}{Before} before, {After} now for a case from {Sentencing} to {Receiving} ({Fragment})"
        + (Because.Count == 0 ? string.Empty : " because " + string.Join(", ", Because.Select(b => $"{b.Rule} is {b.After} now{(explained ? $" ({b.ExplanationAfter})" : string.Empty)}, {b.Before} before")));

    /// <summary>The rules the change is grouped under: those whose outcome differs, or the edit's rules when none does (a review alone).</summary>
    public string Group => Because.Count == 0 ? Subject : string.Join(", ", Because.Select(b => b.Rule));
}

/// <summary>A rule whose outcome differs in a case: what it came to, and why, on each side.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Before">Its outcome under the old files (met, not-met, unknown; "absent" when the old files lack it).</param>
/// <param name="After">Its outcome under the new files.</param>
/// <param name="ExplanationBefore">The old files' explanation.</param>
/// <param name="ExplanationAfter">The new files' explanation.</param>
/// <param name="Citation">The passage the rule cites (the new side's, when it has one).</param>
public sealed record RuleChange(string Rule, string Before, string After, string ExplanationBefore, string ExplanationAfter, string Citation);

/// <summary>A row of the country table that differs, with what differs and a case that shows it when one was found.</summary>
/// <param name="Country">The country's code.</param>
/// <param name="Differences">What differs, in words: "membership of coe added (since 1985-07-01)".</param>
/// <param name="Changes">Cases whose answers differ because of it (tried for each instrument the row names), when found.</param>
public sealed record TableChange(string Country, IReadOnlyList<string> Differences, IReadOnlyList<ObservedChange> Changes);
