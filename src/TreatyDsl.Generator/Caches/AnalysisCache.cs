using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TreatyDsl.Generator;

/// <summary>
/// The analyzer's diagnostics for the last few sets of .treaty files, kept across compilations. Every build through the
/// compiler server, and every keystroke in a C# file in the IDE, makes a new compilation, and the analyzer bound and
/// analysed every .treaty file again though none had changed: about 90 ms for the shipped set, more than the rest of
/// what the generator and analyzer add to the sample application's compile (docs/performance.md). A set is analysed
/// again only when a path, a text or the help-link base differs from every set kept. The diagnostics are immutable and
/// located by path and span, not in a compilation, so another compilation can report the same ones.
/// </summary>
/// <remarks>
/// Process-wide for the same reason as <see cref="ParseCache"/>: the analyzer runs once per compilation with no
/// incremental pipeline of its own to hold a result from one compilation to the next.
/// </remarks>
internal static class AnalysisCache
{
    /// <summary>A few projects built by one compiler server, or open in one IDE; past it the oldest set is dropped.</summary>
    private const int Capacity = 8;

    private static readonly List<(TreatyFileSet Files, TreatyFileDiagnostics Diagnostics)> Entries = new();

    /// <summary>The set's diagnostics, kept or made now; a cancelled compilation stops the analysis (and keeps nothing).</summary>
    public static TreatyFileDiagnostics GetOrAnalyse(TreatyFileSet files, CancellationToken cancellationToken)
    {
        lock (Entries)
        {
            for (var i = 0; i < Entries.Count; i++)
            {
                if (!Entries[i].Files.Equals(files)) continue;
                var hit = Entries[i];
                Entries.RemoveAt(i);
                Entries.Add(hit);
                return hit.Diagnostics;
            }
        }
        // Analysed outside the lock: two compilations asking for a new set at once both analyse it, and the later one's
        // result is kept; either is right. A cancelled analysis throws before anything is kept.
        var diagnostics = TreatyFileDiagnostics.Create(files, cancellationToken);
        lock (Entries)
        {
            if (Entries.Count >= Capacity) Entries.RemoveAt(0);
            Entries.Add((files, diagnostics));
        }
        return diagnostics;
    }
}

/// <summary>
/// The .treaty files of one compilation, in the order the compiler gives them, with the help-link base their
/// diagnostics carry: what the analysis result depends on, so two sets that are equal have the same diagnostics.
/// </summary>
internal sealed class TreatyFileSet : IEquatable<TreatyFileSet>
{
    public readonly struct File(string path, SourceText? text, string content)
    {
        public string Path { get; } = path;
        public SourceText? Text { get; } = text;
        public string Content { get; } = content;
    }

    private TreatyFileSet(ImmutableArray<File> files, string? helpLinkBase, ImmutableArray<File> caseFiles)
    {
        Files = files;
        HelpLinkBase = helpLinkBase;
        CaseFiles = caseFiles;
    }

    public ImmutableArray<File> Files { get; }
    public string? HelpLinkBase { get; }

    /// <summary>The JSON files among the compilation's additional files: the case files examples may start from.</summary>
    public ImmutableArray<File> CaseFiles { get; }

    public static TreatyFileSet Read(ImmutableArray<AdditionalText> files, string? helpLinkBase, CancellationToken cancellationToken) =>
        Read(files, ImmutableArray<AdditionalText>.Empty, helpLinkBase, cancellationToken);

    public static TreatyFileSet Read(ImmutableArray<AdditionalText> files, ImmutableArray<AdditionalText> caseFiles, string? helpLinkBase, CancellationToken cancellationToken) =>
        new(ReadAll(files, cancellationToken), helpLinkBase, ReadAll(caseFiles, cancellationToken));

    private static ImmutableArray<File> ReadAll(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var read = ImmutableArray.CreateBuilder<File>(files.Length);
        foreach (var file in files)
        {
            var text = file.GetText(cancellationToken);
            read.Add(new File(file.Path, text, text?.ToString() ?? string.Empty));
        }
        return read.MoveToImmutable();
    }

    public bool Equals(TreatyFileSet? other) =>
        other is not null && string.Equals(other.HelpLinkBase, HelpLinkBase, StringComparison.Ordinal) && Same(Files, other.Files) && Same(CaseFiles, other.CaseFiles);

    private static bool Same(ImmutableArray<File> files, ImmutableArray<File> others)
    {
        if (files.Length != others.Length) return false;
        for (var i = 0; i < files.Length; i++)
        {
            if (!string.Equals(files[i].Path, others[i].Path, StringComparison.Ordinal)) return false;
            // A file the compiler could not read (no text) is not the same as an empty one: its diagnostics have no location.
            if ((files[i].Text is null) != (others[i].Text is null)) return false;
            if (!string.Equals(files[i].Content, others[i].Content, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as TreatyFileSet);

    public override int GetHashCode() => Files.Length;
}
