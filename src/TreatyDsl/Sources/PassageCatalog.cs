using System;
using System.Collections.Generic;
using System.Linq;

namespace TreatyDsl.Sources;

/// <summary>
/// The passages a citation may name, by document (docs/sources/passages.txt, made from the seed documents): each line
/// <c>DOCUMENT&lt;tab&gt;PASSAGE</c>, or <c>outside&lt;tab&gt;DOCUMENT&lt;tab&gt;where to read it</c> for a document that is
/// not among the seeds, whose citations are taken as written. Lines starting with <c>#</c> are comments.
/// </summary>
public sealed class PassageCatalog
{
    private readonly Dictionary<string, HashSet<string>> passages = new(StringComparer.Ordinal);
    private readonly List<string> outside = new();

    /// <summary>The documents whose passages are listed, longest name first (so a prefix never hides a longer name).</summary>
    public IReadOnlyList<string> Documents { get; private set; } = Array.Empty<string>();

    /// <summary>The documents cited but not among the seeds.</summary>
    public IReadOnlyList<string> Outside => outside;

    public static PassageCatalog Parse(string text)
    {
        var catalog = new PassageCatalog();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
            var fields = line.Split('\t');
            if (fields[0] == "outside" && fields.Length >= 2)
            {
                catalog.outside.Add(fields[1]);
            }
            else if (fields.Length >= 2)
            {
                if (!catalog.passages.TryGetValue(fields[0], out var set)) catalog.passages[fields[0]] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(fields[1]);
            }
        }
        catalog.Documents = catalog.passages.Keys.OrderByDescending(d => d.Length).ToList();
        return catalog;
    }

    /// <summary>Whether <paramref name="document"/> has a passage named <paramref name="passage"/> (a note's word in either case).</summary>
    public bool Has(string document, string passage) =>
        passages.TryGetValue(document, out var set) && (set.Contains(passage) || set.Contains(passage.Replace(" Note", " NOTE")) || set.Contains(passage.Replace(" NOTE", " Note")));

    /// <summary>The passages of a document, for the nearest one to a name that is not among them.</summary>
    public IEnumerable<string> PassagesOf(string document) => passages.TryGetValue(document, out var set) ? set : Enumerable.Empty<string>();
}
