using System.Collections.Generic;
using System.Linq;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Go to definition and find references: a fact to its vocabulary line and back, a rule to the baseline that writes it
/// (and every instrument that overrides it), an instrument to its file and to every country row and include that names it.
/// </summary>
internal static class NavigationFeature
{
    public static Location[] Definition(WorkspaceSnapshot snapshot, TreatyDocument document, Position position)
    {
        var definitions = DefinitionsAt(snapshot, document, position);
        return definitions.Select(d => LocationOf(snapshot, d.Path, d.NameOffset, d.NameLength)).OfType<Location>().ToArray();
    }

    public static Location[] References(WorkspaceSnapshot snapshot, TreatyDocument document, Position position, bool includeDeclaration)
    {
        var seen = new HashSet<(string, int)>();
        var result = new List<Location>();
        foreach (var definition in DefinitionsAt(snapshot, document, position))
        {
            foreach (var occurrence in snapshot.Index.OccurrencesOf(definition))
            {
                if (occurrence.IsDeclaration && !includeDeclaration) continue;
                if (!seen.Add((occurrence.Path, occurrence.Offset))) continue;
                if (LocationOf(snapshot, occurrence.Path, occurrence.Offset, occurrence.Length) is { } location) result.Add(location);
            }
        }
        return result.ToArray();
    }

    private static IReadOnlyList<Definition> DefinitionsAt(WorkspaceSnapshot snapshot, TreatyDocument document, Position position) =>
        snapshot.Index.WordAt(document.Path, document.Lines.OffsetOf(position)) is { } word ? snapshot.Index.ResolveAt(document.Path, word) : new List<Definition>();

    private static Location? LocationOf(WorkspaceSnapshot snapshot, string path, int offset, int length) =>
        snapshot.Find(path) is { } target ? new Location(target.Uri, target.Lines.RangeOf(offset, length)) : null;
}
