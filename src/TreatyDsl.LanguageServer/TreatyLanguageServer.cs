using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TreatyDsl.LanguageServer.Rpc;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;

namespace TreatyDsl.LanguageServer;

/// <summary>
/// The Language Server Protocol endpoint: each method is one LSP request or notification, answered from a snapshot of
/// the workspace model. Diagnostics are published for every .treaty file of the workspace a short moment after the last
/// change (the debounce), so a change to a baseline reaches every instrument that includes it. A request that fails is
/// an error response for that request, never the end of the server.
/// </summary>
public sealed class TreatyLanguageServer
{
    /// <summary>
    /// Keystrokes closer together than this share one rebuild: a change that follows another within it waits this long
    /// for the next. A change after a pause (the first keystroke, a paste, a quick fix) is rebuilt and published at once,
    /// so its diagnostics are not held up by a wait that has nothing to save.
    /// </summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    /// <summary>When the last change came (<see cref="Stopwatch.GetTimestamp"/>), 0 before the first.</summary>
    private long lastChange;

    private readonly TreatyWorkspace workspace = new();
    private readonly string? helpLinkBase;
    private readonly SemaphoreSlim publishing = new(1, 1);
    private readonly Dictionary<string, string> published = new(StringComparer.Ordinal);
    private RpcConnection? connection;
    private CancellationTokenSource? pendingPublish;
    private bool hasFolder;
    private bool initialized;
    private bool shutdownRequested;

    private readonly TextWriter errors;

    private TreatyLanguageServer(string? helpLinkBase, TextWriter errors)
    {
        this.helpLinkBase = helpLinkBase;
        this.errors = TextWriter.Synchronized(errors);
    }

    /// <summary>The largest message read, 64 MiB: room for a document at the file limit with every character escaped.</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>Serves one client over a pair of streams (standard input and output for <c>treaty lsp</c>) until it exits.</summary>
    /// <param name="input">What the client sends.</param>
    /// <param name="output">Where the server answers.</param>
    /// <param name="helpLinkBase">Where diagnostics' help links point.</param>
    /// <param name="errors">Where the server says why the connection broke and what failed inside it (standard error for
    /// <c>treaty lsp</c>, which editors show in the server's output): a client that sends what is not a message (a header
    /// without a length, a length that is not a number) ends the connection, and its user should see why.</param>
    /// <param name="maxMessageBytes">The largest message read; a longer one is skipped and answered with an error.</param>
    /// <returns>0 after shutdown and exit, 1 when the client went away without shutting the server down (as LSP asks)
    /// or the connection broke.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, string? helpLinkBase, TextWriter? errors = null, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        var server = new TreatyLanguageServer(helpLinkBase, errors ?? TextWriter.Null);
        var connection = new RpcConnection(input, output, server.Methods(), maxMessageBytes, server.errors)
        {
            Initialized = () => server.initialized,
            ShuttingDown = () => server.shutdownRequested,
        };
        server.connection = connection;
        var end = await connection.Run().ConfigureAwait(false);
        server.pendingPublish?.Cancel();
        return end == ConnectionEnd.Exit && server.shutdownRequested ? 0 : 1;
    }

    /// <summary>Every method the server takes, with the JSON contracts of its parameters and result.</summary>
    internal RpcMethods Methods()
    {
        var json = LspJsonContext.Default;
        var methods = new RpcMethods();
        methods.Request("initialize", json.InitializeParams, json.InitializeResult, Initialize);
        methods.Notification("initialized", () => { });
        methods.Request("shutdown", json.Object, Shutdown);
        methods.Notification("exit", () => connection!.ExitRequested = true);
        methods.Notification("textDocument/didOpen", json.DidOpenTextDocumentParams, DidOpen);
        methods.Notification("textDocument/didChange", json.DidChangeTextDocumentParams, DidChange);
        methods.Notification("textDocument/didClose", json.DidCloseTextDocumentParams, DidClose);
        methods.Notification("textDocument/didSave", () => { });
        methods.Notification("workspace/didChangeWatchedFiles", json.DidChangeWatchedFilesParams, DidChangeWatchedFiles);
        methods.Request("textDocument/hover", json.TextDocumentPositionParams, json.Hover, Hover);
        methods.Request("textDocument/definition", json.TextDocumentPositionParams, json.LocationArray, Definition);
        methods.Request("textDocument/references", json.ReferenceParams, json.LocationArray, References);
        methods.Request("textDocument/completion", json.TextDocumentPositionParams, json.CompletionItemArray, Completion);
        methods.Request("textDocument/documentSymbol", json.DocumentSymbolParams, json.DocumentSymbolArray, DocumentSymbols);
        methods.Request("textDocument/codeLens", json.CodeLensParams, json.CodeLensArray, CodeLenses);
        methods.Request("textDocument/codeAction", json.CodeActionParams, json.CodeActionArray, CodeActions);
        methods.Request("textDocument/prepareRename", json.TextDocumentPositionParams, json.Range, PrepareRename);
        methods.Request("textDocument/rename", json.RenameParams, json.WorkspaceEdit, Rename);
        methods.Request("textDocument/semanticTokens/full", json.SemanticTokensParams, json.SemanticTokens, SemanticTokensOf);
        methods.Request("textDocument/formatting", json.DocumentFormattingParams, json.TextEditArray, Formatting);
        methods.Request("textDocument/rangeFormatting", json.DocumentRangeFormattingParams, json.TextEditArray, RangeFormatting);
        methods.Request("workspace/executeCommand", json.ExecuteCommandParams, json.ComparisonAnswer, ExecuteCommand);
        return methods;
    }

    private InitializeResult Initialize(InitializeParams parameters)
    {
        if (initialized) throw new RpcException(RpcErrorCode.InvalidRequest, "initialize was already sent; a server is initialized once");
        var folders = parameters.WorkspaceFolders?.Select(f => f.Uri).ToList() ?? new List<string>();
        if (folders.Count == 0 && parameters.RootUri is { } root) folders.Add(root);
        foreach (var folder in folders)
        {
            if (DocumentPaths.FromUri(folder) is not { } path) throw RpcException.InvalidParams($"initialize: the workspace folder '{folder}' is not a URI a folder can be named by");
            workspace.AddFolder(path);
            hasFolder = true;
        }
        initialized = true;
        return new InitializeResult(
            new ServerCapabilities(new TextDocumentSyncOptions(OpenClose: true, Change: 2), HoverProvider: true, DefinitionProvider: true,
                ReferencesProvider: true, DocumentSymbolProvider: true, new CompletionOptions(new[] { "." }),
                CodeLensProvider: new CodeLensOptions(ResolveProvider: false),
                ExecuteCommandProvider: new ExecuteCommandOptions(new[] { ComparisonFeature.CommandName }),
                CodeActionProvider: true,
                RenameProvider: new RenameOptions(PrepareProvider: true),
                SemanticTokensProvider: new SemanticTokensOptions(SemanticTokensFeature.Legend, Full: true),
                DocumentFormattingProvider: true,
                DocumentRangeFormattingProvider: true),
            new ServerInfo("treaty", typeof(TreatyLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
    }

    private object? Shutdown()
    {
        shutdownRequested = true;
        return null;
    }

    private void DidOpen(DidOpenTextDocumentParams parameters)
    {
        var document = parameters.TextDocument;
        var path = PathOf(document.Uri);
        // A file opened with no workspace folder brings its own folder: its vocabulary and baselines are beside it (and
        // only beside it: the files of the folders below are not read, so a file opened at the root reads no more).
        if (!hasFolder && Path.IsPathFullyQualified(path) && Path.GetDirectoryName(path) is { } directory)
        {
            workspace.AddFolder(directory, recursive: false);
            hasFolder = true;
        }
        workspace.Open(path, document.Uri, document.Text, document.Version);
        SchedulePublish();
    }

    private void DidChange(DidChangeTextDocumentParams parameters)
    {
        var path = PathOf(parameters.TextDocument.Uri);
        if (parameters.ContentChanges is not { Length: > 0 } changes) return;
        // Incremental sync: each change replaces a range of the text (or, without one, the whole text).
        if (!workspace.Change(path, parameters.TextDocument.Uri, changes.Select(c => (c.Range, c.Text)).ToList(), parameters.TextDocument.Version))
        {
            errors.WriteLine($"treaty lsp: textDocument/didChange for '{parameters.TextDocument.Uri}', which is not open, gives ranges to change: ignored (open it first, or send its whole text)");
            return;
        }
        SchedulePublish();
    }

    private void DidClose(DidCloseTextDocumentParams parameters)
    {
        workspace.Close(PathOf(parameters.TextDocument.Uri));
        SchedulePublish();
    }

    private void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters)
    {
        // Every URI is checked before any file is read, so a bad event leaves the workspace as it was.
        var changes = parameters.Changes.Select(change => (Path: PathOf(change.Uri), Deleted: change.Type == 3)).ToList();
        foreach (var (path, deleted) in changes) workspace.FileChangedOnDisk(path, deleted);
        SchedulePublish();
    }

    private Hover? Hover(TextDocumentPositionParams parameters) =>
        With(parameters.TextDocument, parameters.Position, (snapshot, document) => HoverFeature.At(snapshot, document, parameters.Position));

    private Location[] Definition(TextDocumentPositionParams parameters) =>
        With(parameters.TextDocument, parameters.Position, (snapshot, document) => NavigationFeature.Definition(snapshot, document, parameters.Position)) ?? Array.Empty<Location>();

    private Location[] References(ReferenceParams parameters) =>
        With(parameters.TextDocument, parameters.Position, (snapshot, document) => NavigationFeature.References(snapshot, document, parameters.Position, parameters.Context.IncludeDeclaration)) ?? Array.Empty<Location>();

    private CompletionItem[] Completion(TextDocumentPositionParams parameters)
    {
        var path = PathOf(parameters.TextDocument.Uri);
        CheckPosition(parameters.Position);
        var snapshot = workspace.Snapshot();
        return CompletionFeature.At(snapshot, snapshot.Find(path), parameters.Position);
    }

    private DocumentSymbol[] DocumentSymbols(DocumentSymbolParams parameters) =>
        With(parameters.TextDocument, null, SymbolsFeature.For) ?? Array.Empty<DocumentSymbol>();

    private CodeAction[] CodeActions(CodeActionParams parameters)
    {
        CheckPosition(parameters.Range.Start);
        CheckPosition(parameters.Range.End);
        // The mechanical fixes first (a name's nearest spelling, a clause), then the examples; the examples are run once
        // for the request, and only on files that bind.
        return With(parameters.TextDocument, null, (snapshot, document) =>
        {
            var fixes = NameFixFeature.At(snapshot, document, parameters.Range)
                .Concat(ClauseFixFeature.At(snapshot, document, parameters.Range, snapshot.ReadyDiagnostics(document.Path)))
                .Concat(DateFixFeature.At(document, parameters.Range, snapshot.ReadyDiagnostics(document.Path)));
            if (snapshot.Model.HasErrors) return fixes.ToArray();
            var (results, diagnostics) = TreatyDsl.Examples.ExampleChecks.Run(snapshot.Model);
            return fixes.Concat(ExampleFixFeature.UpdateExpectations(document, parameters.Range, diagnostics))
                .Concat(ExampleFixFeature.At(snapshot, document, parameters.Range, results)).ToArray();
        }) ?? Array.Empty<CodeAction>();
    }

    private Protocol.Range? PrepareRename(TextDocumentPositionParams parameters) =>
        With(parameters.TextDocument, parameters.Position, (snapshot, document) => RenameFeature.Prepare(snapshot, document, parameters.Position));

    private WorkspaceEdit? Rename(RenameParams parameters) =>
        With(parameters.TextDocument, parameters.Position, (snapshot, document) => RenameFeature.Rename(snapshot, document, parameters.Position, parameters.NewName));

    private TextEdit[] Formatting(DocumentFormattingParams parameters) =>
        With(parameters.TextDocument, null, (_, document) => FormattingFeature.Edits(document, null)) ?? Array.Empty<TextEdit>();

    private TextEdit[] RangeFormatting(DocumentRangeFormattingParams parameters) =>
        With(parameters.TextDocument, null, (_, document) => FormattingFeature.Edits(document, parameters.Range)) ?? Array.Empty<TextEdit>();

    private SemanticTokens SemanticTokensOf(SemanticTokensParams parameters) =>
        With(parameters.TextDocument, null, (snapshot, document) => SemanticTokensFeature.For(snapshot, document)) ?? new SemanticTokens(Array.Empty<int>());

    private CodeLens[] CodeLenses(CodeLensParams parameters) =>
        With(parameters.TextDocument, null, (_, _) => ComparisonFeature.Lenses()) ?? Array.Empty<CodeLens>();

    /// <summary>
    /// <c>treaty.compare</c>, the only command: the comparison's searches spend the analysis budget (about a second at
    /// most), and the answer is the whole result, which the client shows.
    /// </summary>
    private ComparisonAnswer ExecuteCommand(ExecuteCommandParams parameters)
    {
        if (parameters.Command != ComparisonFeature.CommandName)
        {
            throw RpcException.InvalidParams($"workspace/executeCommand: the server has one command, '{ComparisonFeature.CommandName}'");
        }
        return ComparisonFeature.Run(workspace, parameters.Arguments);
    }

    /// <summary>The answer about a document of the workspace, or null for a document the server does not have (as LSP answers).</summary>
    private T? With<T>(TextDocumentIdentifier document, Position? position, Func<WorkspaceSnapshot, TreatyDocument, T?> answer) where T : class
    {
        var path = PathOf(document.Uri);
        if (position is not null) CheckPosition(position);
        var snapshot = workspace.Snapshot();
        return snapshot.Find(path) is { } found ? answer(snapshot, found) : null;
    }

    /// <summary>The path a document URI names, or the request's error when it names none (a file URI with a NUL, say).</summary>
    private static string PathOf(string uri) =>
        DocumentPaths.FromUri(uri) ?? throw RpcException.InvalidParams($"'{(uri.Length <= 200 ? uri : uri[..200] + "...")}' is not a document URI the server can read (a file URI names a path; this one names none)");

    /// <summary>LSP counts lines and characters from 0; a position past the end of a line or of the document is taken as that end.</summary>
    private static void CheckPosition(Position position)
    {
        if (position.Line < 0 || position.Character < 0)
        {
            throw RpcException.InvalidParams($"the position (line {position.Line}, character {position.Character}) is negative; LSP counts lines and characters from 0");
        }
    }

    private void SchedulePublish()
    {
        var now = Stopwatch.GetTimestamp();
        var previous = Interlocked.Exchange(ref lastChange, now);
        var wait = previous != 0 && Stopwatch.GetElapsedTime(previous, now) < Debounce ? Debounce : TimeSpan.Zero;
        var next = new CancellationTokenSource();
        Interlocked.Exchange(ref pendingPublish, next)?.Cancel();
        // Off the message loop even when there is no wait: binding the snapshot is not the loop's work.
        _ = Task.Run(() => PublishAfterDebounceAsync(wait, next.Token));
    }

    private async Task PublishAfterDebounceAsync(TimeSpan wait, CancellationToken cancellation)
    {
        try
        {
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation).ConfigureAwait(false);
            await publishing.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await PublishAsync(cancellation).ConfigureAwait(false);
            }
            finally
            {
                publishing.Release();
            }
            GiveBackMemoryOfClosedDocuments();
        }
        catch (OperationCanceledException)
        {
            // A newer change is on its way; it publishes.
        }
        catch (Exception ex)
        {
            // Never the end of the server, and never silent: standard error is the editor's output channel for the server.
            await errors.WriteLineAsync($"treaty lsp: publishing diagnostics failed: {ex}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Once the documents the workspace let go of add up to this many characters (16 MiB as .NET holds text), the memory they held
    /// is given back to the system after the next publish: the collector left alone keeps the freed heap for later, so a
    /// server that once held large documents would go on holding their size.
    /// </summary>
    public const long ReclaimAfterChars = 8L * 1024 * 1024;

    /// <summary>
    /// A full, compacting collection that returns free memory to the system (<see cref="GCCollectionMode.Aggressive"/>),
    /// made after a publish, once the snapshot that held the old texts is no longer referenced; at most once per
    /// <see cref="ReclaimAfterChars"/> of text let go, so typing (which lets go of a small text at each keystroke) rarely pays it.
    /// </summary>
    private void GiveBackMemoryOfClosedDocuments()
    {
        if (!workspace.TakeReleased(ReclaimAfterChars)) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private Task NotifyDiagnosticsAsync(PublishDiagnosticsParams parameters) =>
        connection!.NotifyAsync("textDocument/publishDiagnostics", parameters, LspJsonContext.Default.PublishDiagnosticsParams);

    /// <summary>
    /// Publishes each file's diagnostics when they differ from what the client was last sent, and clears those of a file
    /// that has left the workspace (deleted, or closed and never saved), so no stale diagnostic stays behind.
    /// </summary>
    private async Task PublishAsync(CancellationToken cancellation)
    {
        var snapshot = workspace.Snapshot();
        // The case analysis (up to its budget, about a second) on a pool thread, never on the message loop, and
        // cancelled by the next change, whose publish analyses the newer snapshot instead.
        var diagnosticsByPath = await Task.Run(() => snapshot.AnalysedDiagnostics(cancellation), cancellation).ConfigureAwait(false);
        foreach (var gone in published.Keys.Except(snapshot.Documents.Select(d => d.Uri)).ToList())
        {
            published.Remove(gone);
            await NotifyDiagnosticsAsync(new PublishDiagnosticsParams(gone, null, Array.Empty<Protocol.Diagnostic>())).ConfigureAwait(false);
        }
        foreach (var document in snapshot.Documents)
        {
            cancellation.ThrowIfCancellationRequested();
            var diagnostics = DiagnosticsFeature.For(document, diagnosticsByPath[document.Path], helpLinkBase);
            var parameters = new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics);
            var key = JsonSerializer.Serialize(diagnostics, LspJsonContext.Default.DiagnosticArray);
            if (published.TryGetValue(document.Uri, out var last) && last == key) continue;
            published[document.Uri] = key;
            await NotifyDiagnosticsAsync(parameters).ConfigureAwait(false);
        }
    }
}
