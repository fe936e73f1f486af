using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Parsing;
using TreatyDsl.Text;

namespace TreatyDsl.LanguageServer.Workspace;

/// <summary>One .treaty file as the server sees it: the editor's text while it is open, else the text on disk.</summary>
internal sealed record TreatyDocument(string Path, string Uri, string Text, int? Version, ParseResult Parsed)
{
    private LineMap? lines;

    public LineMap Lines => lines ??= new LineMap(Text);
}

/// <summary>
/// The model of the whole workspace at one moment: every .treaty file, parsed and bound together, as the build does, so
/// an edit to a baseline shows up in every instrument that includes it. Requests read it as it is; the case analysis,
/// which may take up to its budget (about a second), is made apart, once per snapshot, when diagnostics are published
/// (<see cref="AnalysedDiagnostics"/>), so no request waits on it. Immutable: requests read a snapshot while the next one is built.
/// </summary>
internal sealed class WorkspaceSnapshot
{
    private readonly Dictionary<string, TreatyDocument> byPath;
    private SymbolIndex? index;
    private IReadOnlyDictionary<string, IReadOnlyList<TreatyDiagnostic>>? analysed;

    /// <param name="documents">The files.</param>
    /// <param name="model">The files bound together, with the country table's checks but without the case analysis.</param>
    public WorkspaceSnapshot(IReadOnlyList<TreatyDocument> documents, TreatyModel model)
    {
        Documents = documents;
        Model = model;
        byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        DiagnosticsByPath = ByPath(model.Diagnostics);
    }

    public IReadOnlyList<TreatyDocument> Documents { get; }

    public TreatyModel Model { get; }

    /// <summary>The diagnostics of parsing, binding and the country table's checks, by path: what requests may read at once.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TreatyDiagnostic>> DiagnosticsByPath { get; }

    /// <summary>
    /// Every diagnostic by path, the examples' and the case analysis's findings included: analysed at most once per snapshot, within the
    /// analysis budget, and stopped (<see cref="OperationCanceledException"/>) when <paramref name="cancellation"/> says a
    /// newer edit has made this snapshot stale. Two callers at once may both analyse; either result is right.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TreatyDiagnostic>> AnalysedDiagnostics(System.Threading.CancellationToken cancellation)
    {
        if (analysed is { } done) return done;
        var model = TreatyLoader.Diagnose(Model, new Analysis.AnalysisBudget(cancellation: cancellation));
        // At the severities the build reports them: the files' .editorconfig and .globalconfig, read afresh for each snapshot.
        var settings = new Diagnostics.Configuration.EditorConfigFiles();
        return analysed = ByPath(Reporting.ReportedDiagnostics.Of(model, model.Diagnostics, settings.For));
    }

    /// <summary>
    /// The file's diagnostics for a request: the analysed ones when this snapshot's publish has made them, else those of
    /// parsing and binding; never the analysis itself, which is the publisher's (a request must not wait a second on it).
    /// </summary>
    public IReadOnlyList<TreatyDiagnostic> ReadyDiagnostics(string path) =>
        (analysed ?? DiagnosticsByPath).TryGetValue(path, out var found) ? found : Array.Empty<TreatyDiagnostic>();

    private Dictionary<string, IReadOnlyList<TreatyDiagnostic>> ByPath(IEnumerable<TreatyDiagnostic> diagnostics)
    {
        var result = Documents.ToDictionary(d => d.Path, _ => (IReadOnlyList<TreatyDiagnostic>)new List<TreatyDiagnostic>(), StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Span.Path is { } path && result.TryGetValue(path, out var list)) ((List<TreatyDiagnostic>)list).Add(diagnostic);
        }
        return result;
    }

    /// <summary>Names, their definitions and their uses: built on the first request that needs them.</summary>
    public SymbolIndex Index => index ??= SymbolIndex.Build(this);

    public TreatyDocument? Find(string path) => byPath.TryGetValue(path, out var document) ? document : null;
}

/// <summary>
/// The .treaty files of the workspace folders and the editor's open documents. Parsing is cached per file text, so an
/// edit re-parses only the edited file; binding takes the whole set, as in the build, and so does the analysis, made
/// apart from the snapshot (see <see cref="WorkspaceSnapshot"/>).
/// </summary>
internal sealed class TreatyWorkspace
{
    private readonly object gate = new();
    private readonly Dictionary<string, (string Uri, string Text, int Version)> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> onDisk = new(StringComparer.Ordinal);
    /// <summary>Each file's last parse and the text it was parsed from.</summary>
    private readonly Dictionary<string, (string Text, ParseResult Result)> parsed = new(StringComparer.Ordinal);
    private WorkspaceSnapshot? current;
    private readonly List<string> folders = new();
    /// <summary>Characters of text the workspace has let go of (documents closed, replaced or deleted) since <see cref="TakeReleased"/> last said yes.</summary>
    private long releasedChars;

    /// <summary>How many parsed files the workspace keeps: one per file it has seen, however many edits (memory stays flat).</summary>
    internal int CachedParses
    {
        get { lock (gate) return parsed.Count; }
    }

    /// <summary>
    /// Reads every .treaty file in <paramref name="folder"/> and, when <paramref name="recursive"/>, in the folders under it
    /// (build output, node_modules and .git aside), each as <see cref="SourceFiles.TryRead"/> reads: a pipe or device is
    /// never opened and a file over its limit is left out.
    /// </summary>
    public void AddFolder(string folder, bool recursive = true)
    {
        if (!Directory.Exists(folder)) return;
        lock (gate) folders.Add(folder);
        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(folder, "*.treaty", new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true })
                .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git"))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }
        var texts = files.Select(f => (Path: System.IO.Path.GetFullPath(f), Text: ReadFromDisk(f))).Where(f => f.Text is not null).ToList();
        lock (gate)
        {
            foreach (var (path, text) in texts) onDisk[path] = text!;
            current = null;
        }
    }

    /// <summary>A file created, changed or deleted on disk (not through the editor): read again (as <see cref="AddFolder"/> reads), or dropped.</summary>
    public void FileChangedOnDisk(string path, bool deleted)
    {
        if (!path.EndsWith(".treaty", StringComparison.OrdinalIgnoreCase)) return;
        var text = deleted ? null : ReadFromDisk(path);
        lock (gate)
        {
            if (onDisk.TryGetValue(path, out var old)) releasedChars += old.Length;
            if (text is null) onDisk.Remove(path);
            else onDisk[path] = text;
            current = null;
        }
    }

    /// <summary>A file's text as the workspace reads every file from disk, or null when it is not read (see <see cref="SourceFiles.TryRead(FileInfo, out string?, int)"/>).</summary>
    private static string? ReadFromDisk(string path) => SourceFiles.TryRead(DocumentPaths.Target(path), out _);

    public void Open(string path, string uri, string text, int version) => Set(path, uri, text, version);

    public void Change(string path, string uri, string text, int version) => Set(path, uri, text, version);

    /// <summary>
    /// Applies an editor's changes to an open document, in order (each range is in the text the changes before it left):
    /// a change with a range replaces that range, one without is the whole text. False, changing nothing, when the
    /// document is not open and the first change is not the whole text (there is nothing to apply a range to).
    /// </summary>
    public bool Change(string path, string uri, IReadOnlyList<(Protocol.Range? Range, string Text)> changes, int version)
    {
        string? text;
        lock (gate) text = open.TryGetValue(path, out var current) ? current.Text : null;
        foreach (var (range, replacement) in changes)
        {
            if (range is null)
            {
                text = replacement;
                continue;
            }
            if (text is null) return false;
            var lines = new LineMap(text);
            var start = lines.OffsetOf(range.Start);
            var end = Math.Max(start, lines.OffsetOf(range.End));
            text = string.Concat(text.AsSpan(0, start), replacement.AsSpan(), text.AsSpan(end));
        }
        if (text is null) return false;
        Set(path, uri, text, version);
        return true;
    }

    /// <summary>A closed document falls back to its text on disk (or leaves the model, if it is not on disk).</summary>
    public void Close(string path)
    {
        lock (gate)
        {
            if (open.Remove(path, out var closed)) releasedChars += closed.Text.Length;
            current = null;
        }
    }

    private void Set(string path, string uri, string text, int version)
    {
        lock (gate)
        {
            if (open.TryGetValue(path, out var old)) releasedChars += old.Text.Length;
            open[path] = (uri, text, version);
            current = null;
        }
    }

    /// <summary>
    /// Whether the workspace has let go of at least <paramref name="chars"/> characters of text since this last said
    /// yes (then the count starts again): the server gives memory back to the system once that much is free
    /// (see TreatyLanguageServer.ReclaimAfterChars).
    /// </summary>
    public bool TakeReleased(long chars)
    {
        lock (gate)
        {
            if (releasedChars < chars) return false;
            releasedChars = 0;
            return true;
        }
    }

    /// <summary>The workspace's folders, as added.</summary>
    public IReadOnlyList<string> Folders
    {
        get { lock (gate) return folders.ToList(); }
    }

    /// <summary>
    /// The model of the files as last saved (as read from disk, the editor's unsaved changes left out), bound only: what
    /// the open files are compared with. Parsed apart from the cache, which keeps the texts being edited.
    /// </summary>
    public TreatyModel SavedModel()
    {
        List<(string Path, string Text)> saved;
        lock (gate) saved = onDisk.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList();
        return TreatyLoader.Load(saved, analyse: false);
    }

    /// <summary>The model of the files as they are now; built once per change.</summary>
    public WorkspaceSnapshot Snapshot()
    {
        lock (gate)
        {
            if (current is not null) return current;
            var documents = new List<TreatyDocument>();
            foreach (var path in onDisk.Keys.Union(open.Keys).OrderBy(p => p, StringComparer.Ordinal))
            {
                var (uri, text, version) = open.TryGetValue(path, out var edited) ? (edited.Uri, edited.Text, (int?)edited.Version) : (DocumentPaths.ToUri(path), onDisk[path], null);
                documents.Add(new TreatyDocument(path, uri, text, version, ParseOf(path, text)));
            }
            // Bound only: the case analysis is the publisher's, off the lock and off every request (AnalysedDiagnostics).
            // Case files that examples start from are read from disk, beside the file that names them.
            var model = TreatyLoader.Load(documents.Select(d => d.Parsed), null, Examples.DiskCaseFiles.Instance);
            // A file that left the workspace (closed and not on disk, or deleted) gives back its text and its parse.
            foreach (var gone in parsed.Keys.Where(p => !open.ContainsKey(p) && !onDisk.ContainsKey(p)).ToList()) parsed.Remove(gone);
            return current = new WorkspaceSnapshot(documents, model);
        }
    }

    private ParseResult ParseOf(string path, string text)
    {
        if (parsed.TryGetValue(path, out var last) && last.Text == text) return last.Result;
        var result = TreatyParser.Parse(path, text);
        parsed[path] = (text, result);
        return result;
    }
}

/// <summary>File URIs and the paths the language core names files by.</summary>
internal static class DocumentPaths
{
    /// <summary>
    /// The path of a file URI; another URI (an editor's <c>untitled:</c> document) is its own name. Null for a URI that
    /// names no path the system takes (a NUL in it, say), which the server refuses rather than guess at.
    /// </summary>
    public static string? FromUri(string uri)
    {
        if (uri.Contains('\0', StringComparison.Ordinal)) return null;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return uri;
        try
        {
            var path = parsed.LocalPath;
            return path.Contains('\0', StringComparison.Ordinal) ? null : System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The file a path names, a link followed to its final target: what <see cref="SourceFiles.TryRead(FileInfo, out string?, int)"/> judges.</summary>
    public static FileInfo Target(string path)
    {
        var file = new FileInfo(path);
        try
        {
            return file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target : file;
        }
        catch (IOException)
        {
            return file; // a link that loops or dangles: read as the link, which then does not exist
        }
    }

    public static string ToUri(string path) => new Uri(path).AbsoluteUri;
}
