using System;

namespace TreatyDsl.Runtime;

/// <summary>
/// Receives a result's explanation as characters (<see cref="RequirementResult.WriteExplanation"/>), for a caller that
/// writes explanations out (to JSON, to a stream) and has no use for a string of each.
/// </summary>
public interface IExplanationWriter
{
    /// <summary>Writes one explanation. <paramref name="explanation"/> is valid only during the call: copy what is kept.</summary>
    void Write(ReadOnlySpan<char> explanation);
}
