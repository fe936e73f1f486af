using System.Collections.Generic;
using System.Linq;

namespace TreatyDsl.Runtime;

/// <summary>A case evaluated under one instrument.</summary>
/// <param name="Id">The instrument's contract id (<c>us-mx</c>, <c>coe</c>).</param>
/// <param name="Title">The instrument's full title.</param>
/// <param name="Verdict">Eligible, ineligible or undetermined.</param>
/// <param name="Usable">False where the country's recorded practice rules this instrument out.</param>
/// <param name="Requirements">Every requirement's result, in the order the treaty files give them.</param>
/// <param name="MissingFacts">The facts that would settle an undetermined verdict.</param>
public sealed record InstrumentReport(
    string Id,
    string Title,
    Verdict Verdict,
    bool Usable,
    IReadOnlyList<RequirementResult> Requirements,
    IReadOnlyList<string> MissingFacts)
{
    /// <summary>
    /// The instrument's reviews: checks the sources leave to the treaty's own text (a military or political offence, a
    /// death sentence under a bilateral treaty). A review that is not met is raised for the caseworker; none is ever part
    /// of <see cref="Verdict"/>.
    /// </summary>
    public IReadOnlyList<RequirementResult> Reviews { get; init; } = System.Array.Empty<RequirementResult>(); // shared: made for every report, most instruments have none

    /// <summary>The reviews raised for this case (not met), and those that could not be ruled out (unknown).</summary>
    public IEnumerable<RequirementResult> RaisedReviews => Reviews.Where(IsRaised);

    /// <summary>Whether a review is raised for the caseworker: not met (needs review) or unknown (cannot be ruled out).</summary>
    public static bool IsRaised(RequirementResult review) => review is not null && review.Outcome != Outcome.Met;

    /// <summary>Builds a report whose verdict and missing facts follow from its requirements; reviews are carried beside them.</summary>
    public static InstrumentReport FromRequirements(string id, string title, IReadOnlyList<RequirementResult> requirements, bool usable = true,
        IReadOnlyList<RequirementResult>? reviews = null)
    {
        var verdict = VerdictOf(requirements);
        IReadOnlyList<string> missing = verdict == Verdict.Undetermined ? MissingOf(requirements) : System.Array.Empty<string>();
        return new InstrumentReport(id, title, verdict, usable, requirements, missing) { Reviews = reviews ?? System.Array.Empty<RequirementResult>() };
    }

    /// <summary>The missing facts of the unknown requirements, each once, in the order first met.</summary>
    private static string[] MissingOf(IReadOnlyList<RequirementResult> requirements)
    {
        // By index: a foreach through the list interface makes an enumerator per list, and this runs for every
        // undetermined report. Gathered into an array as large as they can be, then cut to those kept: one array when
        // no fact repeats (most reports), two otherwise, and no list.
        var most = 0;
        for (var i = 0; i < requirements.Count; i++) if (requirements[i].Outcome == Outcome.Unknown) most += requirements[i].MissingFacts.Count;
        if (most == 0) return System.Array.Empty<string>();
        var missing = new string[most];
        var count = 0;
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            if (requirement.Outcome != Outcome.Unknown) continue;
            var facts = requirement.MissingFacts;
            for (var f = 0; f < facts.Count; f++)
            {
                if (System.Array.IndexOf(missing, facts[f], 0, count) < 0) missing[count++] = facts[f];
            }
        }
        if (count < most) System.Array.Resize(ref missing, count);
        return missing;
    }

    /// <summary>Eligible if every requirement is met, ineligible if any is not met, otherwise undetermined.</summary>
    public static Verdict VerdictOf(IEnumerable<RequirementResult> requirements) =>
        VerdictOf(requirements as RequirementResult[] ?? requirements.ToArray());

    // Over an array, what generated validators and the evaluator hold (a list, the interpreter's, is copied once): read
    // directly, an element costs no call through the list interface, and a foreach makes no enumerator.
    private static Verdict VerdictOf(RequirementResult[] requirements)
    {
        var unknown = false;
        foreach (var requirement in requirements)
        {
            if (requirement.Outcome == Outcome.NotMet) return Verdict.Ineligible;
            if (requirement.Outcome == Outcome.Unknown) unknown = true;
        }
        return unknown ? Verdict.Undetermined : Verdict.Eligible;
    }
}
