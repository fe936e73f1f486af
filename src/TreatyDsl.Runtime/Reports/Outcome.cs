namespace TreatyDsl.Runtime;

/// <summary>One requirement's result for a case.</summary>
public enum Outcome
{
    /// <summary>The requirement holds for the case.</summary>
    Met,
    /// <summary>The requirement does not hold.</summary>
    NotMet,
    /// <summary>A fact the requirement needs is missing. Never read as met.</summary>
    Unknown,
}

/// <summary>An instrument's, or the case's, conclusion.</summary>
public enum Verdict
{
    /// <summary>Every requirement met.</summary>
    Eligible,
    /// <summary>At least one requirement not met.</summary>
    Ineligible,
    /// <summary>None failed, at least one unknown.</summary>
    Undetermined,
    /// <summary>No instrument is in force between the two countries (case verdict only).</summary>
    NoTreaty,
}

/// <summary>The contract's spelling of outcomes and verdicts.</summary>
public static class ContractNames
{
    /// <summary>met, not-met or unknown.</summary>
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Met => "met",
        Outcome.NotMet => "not-met",
        _ => "unknown",
    };

    /// <summary>eligible, ineligible, undetermined or no-treaty.</summary>
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => "eligible",
        Verdict.Ineligible => "ineligible",
        Verdict.Undetermined => "undetermined",
        _ => "no-treaty",
    };

    /// <summary>A requirement's outcome from whether it is met: unknown stays unknown.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // once per result of every report
    public static Outcome ToOutcome(Truth met) => met switch
    {
        Truth.True => Outcome.Met,
        Truth.False => Outcome.NotMet,
        _ => Outcome.Unknown,
    };
}
