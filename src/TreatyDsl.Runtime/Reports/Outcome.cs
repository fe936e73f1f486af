namespace TreatyDsl.Runtime;

/// <summary>One requirement's result for a case.</summary>
public enum Outcome
{
    Met,
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
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Met => "met",
        Outcome.NotMet => "not-met",
        _ => "unknown",
    };

    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => "eligible",
        Verdict.Ineligible => "ineligible",
        Verdict.Undetermined => "undetermined",
        _ => "no-treaty",
    };

    public static Outcome ToOutcome(Truth met) => met switch
    {
        Truth.True => Outcome.Met,
        Truth.False => Outcome.NotMet,
        _ => Outcome.Unknown,
    };
}
