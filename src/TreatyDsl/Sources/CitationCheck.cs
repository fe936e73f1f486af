using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.Parsing;
using TreatyDsl.Text;

namespace TreatyDsl.Sources;

/// <summary>
/// Whether every citation in .treaty files names a passage that exists in the document it cites (TDSL0401), against
/// the project's reference data (<see cref="PassageCatalog"/>). It reads the files with the grammar's own tokens, so a
/// citation is found exactly where the parser finds one (<c>cite "..."</c>, and <c>override cite RULE "..."</c>), never
/// in a comment or inside other quoted text; each diagnostic is at the citation's text, with the nearest passage that exists.
/// </summary>
public static class CitationCheck
{
    public static IReadOnlyList<TreatyDiagnostic> Run(IEnumerable<(string Path, string Text)> files, PassageCatalog catalog)
    {
        var diagnostics = new List<TreatyDiagnostic>();
        foreach (var (path, text) in files)
        {
            foreach (var (citation, offset, length) in Tokens.Citations(text))
            {
                foreach (var problem in CitationReference.Check(citation, catalog))
                {
                    var span = TreatyParser.SpanAt(path, text, offset, length);
                    var message = problem.Document is null
                        ? $"'{problem.Reference}' names no document the sources know; cite one of {string.Join(", ", catalog.Documents.OrderBy(d => d, System.StringComparer.Ordinal))}, or one listed as outside the seeds ({string.Join(", ", catalog.Outside)})"
                        : $"'{problem.Document} {problem.Passage}' is not a passage of {problem.Document}" + (problem.Nearest is null ? string.Empty : $"; the nearest that exists is '{problem.Document} {problem.Nearest}'");
                    diagnostics.Add(DiagnosticCatalog.UnknownPassage.Create(span, problem.Reference) with { Message = message });
                }
            }
        }
        return diagnostics;
    }
}
