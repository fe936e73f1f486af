using System;

namespace TreatyDsl.Parsing;

/// <summary>
/// Stops a parse that would nest past <see cref="TreatyGrammar.MaxNesting"/>. An exception rather than a parse failure,
/// because Sprache's alternatives would otherwise backtrack over it and try every other reading of each enclosing level
/// (and report a vaguer error); <see cref="TreatyParser"/> turns it into TDSL0004 at <see cref="Offset"/>.
/// </summary>
internal sealed class NestingTooDeepException : Exception
{
    public NestingTooDeepException(int offset)
        : base($"Nested more than {TreatyGrammar.MaxNesting} levels deep at offset {offset}") => Offset = offset;

    /// <summary>Where, in the file, the level past the limit starts.</summary>
    public int Offset { get; }
}
