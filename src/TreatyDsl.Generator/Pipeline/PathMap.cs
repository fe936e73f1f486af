using System.Linq;
using Microsoft.CodeAnalysis;

namespace TreatyDsl.Generator;

/// <summary>One <c>/pathmap</c> entry: a path prefix and what the compiler writes instead.</summary>
internal readonly record struct PathMapEntry(string From, string To);

/// <summary>
/// The compiler's <c>/pathmap</c> (set by deterministic and CI builds: <c>/work/repo/=/_/</c>), applied to the .treaty
/// paths the generator writes into <c>#line</c> directives. The compiler maps <c>#line</c> targets itself in the PDB's
/// document table, but not inside the generated text, which is embedded in the PDB: written unmapped, the same sources
/// built in two folders would give two different builds. Without a path map (an ordinary local build) paths stay as
/// they are, absolute, so the debugger steps into the .treaty file on disk.
/// Plain data, so the pipeline re-emits only when the map itself changes.
/// </summary>
internal sealed record PathMap(EquatableArray<PathMapEntry> Entries)
{
    public static readonly PathMap None = new(EquatableArray<PathMapEntry>.Empty);

    /// <summary>The map the compiler applies to this compilation's paths: its source resolver's, already normalised (every key ends with a separator).</summary>
    public static PathMap From(Compilation compilation) =>
        compilation.Options.SourceReferenceResolver is SourceFileResolver { PathMap.IsDefaultOrEmpty: false } resolver
            ? new PathMap(resolver.PathMap.Select(kv => new PathMapEntry(kv.Key, kv.Value)).ToEquatableArray())
            : None;

    /// <summary>
    /// <paramref name="path"/> as the compiler maps it: the first entry whose prefix starts the path (ordinal, as the
    /// compiler compares) is replaced, and when the replacement uses one kind of separator only, the whole path does too.
    /// </summary>
    public string Apply(string path)
    {
        foreach (var entry in Entries)
        {
            if (entry.From.Length == 0 || !path.StartsWith(entry.From, System.StringComparison.Ordinal)) continue;
            var mapped = entry.To + path.Substring(entry.From.Length);
            var slash = entry.To.IndexOf('/') >= 0;
            var backslash = entry.To.IndexOf('\\') >= 0;
            return slash && !backslash ? mapped.Replace('\\', '/')
                : backslash && !slash ? mapped.Replace('/', '\\')
                : mapped;
        }
        return path;
    }
}
