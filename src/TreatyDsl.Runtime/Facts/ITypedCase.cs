using System;
using System.Collections.Generic;

namespace TreatyDsl.Runtime;

/// <summary>
/// A case held in a generated case type (<c>TreatyCase</c>). <see cref="CaseFacts"/> can stand on one, so a case the
/// generated reader read goes to the generated validators as it is, and is turned into facts by path only for what
/// asks for them by path (the catalog's choice of instruments, the interpreter).
/// </summary>
public interface ITypedCase
{
    /// <summary>The fact at a dotted path, in the shapes the case file reader gives (an enum by its case-file name, a
    /// list as a list of objects, a record as a dictionary of its known fields), or null when unknown.</summary>
    object? GetFact(string path);

    /// <summary>This case with <paramref name="supplied"/> facts in place of its own (a null value makes the fact unknown).</summary>
    ITypedCase WithFacts(IReadOnlyDictionary<string, object?> supplied);
}

/// <summary>
/// A generated case that reads one field of each record of a list without turning the list into facts. Apart from
/// <see cref="ITypedCase"/> so that a case generated before it existed still compiles against this runtime (the
/// runtime may be updated on its own); <see cref="CaseFacts.FieldOfEach"/> asks it when the case has it.
/// </summary>
public interface ITypedCaseRecords
{
    /// <summary>
    /// One field of each record of the list of records at <paramref name="listPath"/>, in the reader's shapes (null where
    /// a record does not give it); null when the list is unknown or an entry is not a record: what
    /// <see cref="CaseFactLists.FieldOfEach"/> gives for <see cref="ITypedCase.GetFact"/> of the list. Every case
    /// evaluated reads each offence's service mark this way (<see cref="OffenceBeingTransferred"/>), and a generated case
    /// answers from its records, with no record made into a dictionary of all its fields.
    /// </summary>
    object?[]? FieldOfEach(string listPath, string field);
}

/// <summary>
/// A case file reader generated from a vocabulary: reads JSON straight into the generated case type. It reads only what
/// the general reader (<see cref="CaseFileReader"/>) would read without an error or a warning, into the same facts, and
/// declines everything else, which the general reader then reads and explains; so it changes speed, never results.
/// </summary>
public interface ITypedCaseReader
{
    /// <summary>The case in <paramref name="utf8"/>; false (and nothing) for any file the general reader would refuse or warn about, and for
    /// any this reader does not read itself.</summary>
    bool TryRead(ReadOnlySpan<byte> utf8, out ITypedCase? typedCase);
}
