using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>A discretionary consideration the facts touch (DOJ Guidelines III): advice for the human decision, never a verdict.</summary>
/// <param name="Factor">The factor's id, such as <c>prior-transfer</c>.</param>
/// <param name="Weighs">Which way it weighs: <c>for</c>, <c>against</c>, or <c>either</c> when it calls for a judgement either way.</param>
/// <param name="Citation">The passage that states the factor.</param>
/// <param name="Explanation">The facts that touched it, such as "prisoner.priorTransfer is true".</param>
/// <param name="Text">The factor in words, as the treaty file states it.</param>
public sealed record AdvisoryItem(string Factor, string Weighs, string Citation, string Explanation, string Text);

/// <summary>The contract's spelling of which way an advisory factor weighs.</summary>
public static class AdvisoryWeighs
{
    /// <summary>The factor favours transfer.</summary>
    public const string For = "for";

    /// <summary>The factor weighs against transfer.</summary>
    public const string Against = "against";

    /// <summary>The factor calls for a judgement that may go either way.</summary>
    public const string Either = "either";
}

/// <summary>A case evaluated under every instrument in force between its two countries.</summary>
/// <param name="CaseId">The case file's <c>id</c>.</param>
/// <param name="Verdict">Eligible if some usable instrument is eligible; else undetermined if some usable one is; else ineligible; no-treaty when none is in force.</param>
/// <param name="Recommended">The usable eligible instrument the country's practice prefers, or null.</param>
/// <param name="Instruments">One report per instrument in force between the two countries.</param>
/// <param name="Advisory">Discretionary considerations the facts touch.</param>
/// <param name="Notes">Things the caseworker should know that are not requirements (for example an instrument in the table that no treaty file defines yet).</param>
public sealed record CaseReport(
    string CaseId,
    Verdict Verdict,
    string? Recommended,
    IReadOnlyList<InstrumentReport> Instruments,
    IReadOnlyList<AdvisoryItem> Advisory,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// The reviews a caseworker must not miss, however the case is skimmed: each review raised (it needs review, or cannot
    /// be ruled out) under an instrument the case could still go by (usable, and not ineligible), in the order of the
    /// instruments. A review under an instrument the case cannot use decides nothing and stays in that instrument's report.
    /// </summary>
    public IReadOnlyList<RaisedReview> Reviews()
    {
        List<RaisedReview>? raised = null;
        for (var i = 0; i < Instruments.Count; i++) // by index: most cases raise none, and then nothing is made
        {
            var instrument = Instruments[i];
            if (!instrument.Usable || instrument.Verdict == Verdict.Ineligible) continue;
            for (var r = 0; r < instrument.Reviews.Count; r++)
            {
                var review = instrument.Reviews[r];
                if (InstrumentReport.IsRaised(review)) (raised ??= new List<RaisedReview>()).Add(new RaisedReview(instrument.Id, review));
            }
        }
        return raised ?? (IReadOnlyList<RaisedReview>)NoReviews;
    }

    private static readonly RaisedReview[] NoReviews = new RaisedReview[0];
}

/// <summary>A review a case raises under one instrument (see <see cref="CaseReport.Reviews"/>).</summary>
/// <param name="Instrument">The instrument's id.</param>
/// <param name="Review">The review's result: not met (it needs review) or unknown (it cannot be ruled out).</param>
public sealed record RaisedReview(string Instrument, RequirementResult Review)
{
    /// <summary>Whether the facts raise it, rather than only fail to rule it out.</summary>
    public bool NeedsReview => Review.Outcome == Outcome.NotMet;
}
