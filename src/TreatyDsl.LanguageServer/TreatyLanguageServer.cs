using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StreamJsonRpc;
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
    /// <summary>How long after a change the model is rebuilt: keystrokes closer together than this share one rebuild.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private readonly TreatyWorkspace workspace = new();
    private readonly string? helpLinkBase;
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim publishing = new(1, 1);
    private readonly Dictionary<string, string> published = new(StringComparer.Ordinal);
    private JsonRpc? rpc;
    private CancellationTokenSource? pendingPublish;
    private bool hasFolder;
    private bool shutdownRequested;

    private TreatyLanguageServer(string? helpLinkBase) => this.helpLinkBase = helpLinkBase;

    /// <summary>Serves one client over a pair of streams (standard input and output for <c>treaty lsp</c>) until it exits.</summary>
    /// <param name="input">What the client sends.</param>
    /// <param name="output">Where the server answers.</param>
    /// <param name="helpLinkBase">Where diagnostics' help links point.</param>
    /// <param name="errors">Where the server says why the connection broke (standard error for <c>treaty lsp</c>): a
    /// client that sends what is not a message (a header without a length, a length that is not a number) ends the
    /// connection, and its user should see why rather than a server that stopped without a word.</param>
    /// <returns>0 after shutdown and exit, 1 when the client went away without shutting the server down (as LSP asks)
    /// or the connection broke.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, string? helpLinkBase, TextWriter? errors = null)
    {
        var server = new TreatyLanguageServer(helpLinkBase);
        using var rpc = Connect(input, output, server);
        server.rpc = rpc;
        JsonRpcDisconnectedEventArgs? disconnected = null;
        rpc.Disconnected += (_, e) => disconnected = e;
        rpc.StartListening();
        await Task.WhenAny(rpc.Completion, server.exited.Task).ConfigureAwait(false);
        if (!server.exited.Task.IsCompleted && disconnected is { } why && why.Reason is not (DisconnectedReason.RemotePartyTerminated or DisconnectedReason.LocallyDisposed))
        {
            errors?.WriteLine($"treaty lsp: the connection broke, so the server stops: {why.Description}");
        }
        return server.shutdownRequested ? 0 : 1;
    }

    /// <summary>
    /// The JSON-RPC connection, set up as StreamJsonRpc's guide to native compilation asks: the System.Text.Json formatter
    /// with every wire type from <see cref="LspJsonContext"/>, the target described by <see cref="RpcTargetMetadata"/>, and
    /// notifications sent as named arguments with their declared types (<see cref="NotifyDiagnosticsAsync"/>). The
    /// formatter and the target's description are marked as possibly needing reflection in general; here they do not:
    /// every type the formatter meets is in the context (a missing one fails the end-to-end editor test, which CI runs
    /// against the natively compiled tool), and the server declares no events, the only members for which a generic type
    /// would be made at run time.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every serialised type is in LspJsonContext; see the summary.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Every serialised type is in LspJsonContext and the target has no events; see the summary.")]
    private static JsonRpc Connect(Stream input, Stream output, TreatyLanguageServer server)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Options };
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(TreatyLanguageServer)), server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        return rpc;
    }

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        var folders = parameters.WorkspaceFolders?.Select(f => f.Uri).ToList() ?? new List<string>();
        if (folders.Count == 0 && parameters.RootUri is { } root) folders.Add(root);
        foreach (var folder in folders)
        {
            workspace.AddFolder(DocumentPaths.FromUri(folder));
            hasFolder = true;
        }
        return new InitializeResult(
            new ServerCapabilities(new TextDocumentSyncOptions(OpenClose: true, Change: 1), HoverProvider: true, DefinitionProvider: true,
                ReferencesProvider: true, DocumentSymbolProvider: true, new CompletionOptions(new[] { "." })),
            new ServerInfo("treaty", typeof(TreatyLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized(JsonElement? parameters = null)
    {
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        shutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit(JsonElement? parameters = null) => exited.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        // A file opened with no workspace folder brings its own folder: its vocabulary and baselines are beside it.
        if (!hasFolder && DocumentPaths.FromUri(parameters.TextDocument.Uri) is var path && Path.GetDirectoryName(path) is { } directory)
        {
            workspace.AddFolder(directory);
            hasFolder = true;
        }
        workspace.Open(parameters.TextDocument.Uri, parameters.TextDocument.Text, parameters.TextDocument.Version);
        SchedulePublish();
    }

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (parameters.ContentChanges is not { Length: > 0 } changes) return;
        workspace.Change(parameters.TextDocument.Uri, changes[^1].Text, parameters.TextDocument.Version);
        SchedulePublish();
    }

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        workspace.Close(parameters.TextDocument.Uri);
        SchedulePublish();
    }

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(JsonElement? parameters = null)
    {
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters)
    {
        foreach (var change in parameters.Changes ?? Array.Empty<FileEvent>()) workspace.FileChangedOnDisk(change.Uri, deleted: change.Type == 3);
        SchedulePublish();
    }

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(TextDocumentPositionParams parameters) =>
        With(parameters.TextDocument, (snapshot, document) => HoverFeature.At(snapshot, document, parameters.Position));

    [JsonRpcMethod("textDocument/definition")]
    public Location[] Definition(TextDocumentPositionParams parameters) =>
        With(parameters.TextDocument, (snapshot, document) => NavigationFeature.Definition(snapshot, document, parameters.Position)) ?? Array.Empty<Location>();

    [JsonRpcMethod("textDocument/references")]
    public Location[] References(ReferenceParams parameters) =>
        With(parameters.TextDocument, (snapshot, document) => NavigationFeature.References(snapshot, document, parameters.Position, parameters.Context?.IncludeDeclaration ?? true)) ?? Array.Empty<Location>();

    [JsonRpcMethod("textDocument/completion")]
    public CompletionItem[] Completion(TextDocumentPositionParams parameters) => CompletionFeature.At(workspace.Snapshot());

    [JsonRpcMethod("textDocument/documentSymbol")]
    public DocumentSymbol[] DocumentSymbols(DocumentSymbolParams parameters) =>
        With(parameters.TextDocument, SymbolsFeature.For) ?? Array.Empty<DocumentSymbol>();

    private T? With<T>(TextDocumentIdentifier document, Func<WorkspaceSnapshot, TreatyDocument, T?> answer) where T : class
    {
        var snapshot = workspace.Snapshot();
        return snapshot.Find(DocumentPaths.FromUri(document.Uri)) is { } found ? answer(snapshot, found) : null;
    }

    private void SchedulePublish()
    {
        var next = new CancellationTokenSource();
        Interlocked.Exchange(ref pendingPublish, next)?.Cancel();
        _ = PublishAfterDebounceAsync(next.Token);
    }

    private async Task PublishAfterDebounceAsync(CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(Debounce, cancellation).ConfigureAwait(false);
            await publishing.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await PublishAsync(cancellation).ConfigureAwait(false);
            }
            finally
            {
                publishing.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // A newer change is on its way; it publishes.
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException)
        {
            // The client has gone; nothing to tell it.
        }
        catch (Exception ex)
        {
            // Never the end of the server, and never silent: standard error is the editor's output channel for the server.
            await Console.Error.WriteLineAsync($"treaty lsp: publishing diagnostics failed: {ex}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends <c>textDocument/publishDiagnostics</c> with its parameters by their names on the wire (LSP's camel case; a
    /// null version left out, as LSP reads an absent property), each serialised as its declared type from
    /// <see cref="LspJsonContext"/>: StreamJsonRpc's object form would take the names from the record's properties.
    /// </summary>
    private Task NotifyDiagnosticsAsync(PublishDiagnosticsParams parameters)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal) { ["uri"] = parameters.Uri, ["diagnostics"] = parameters.Diagnostics };
        var types = new Dictionary<string, Type>(StringComparer.Ordinal) { ["uri"] = typeof(string), ["diagnostics"] = typeof(Protocol.Diagnostic[]) };
        if (parameters.Version is { } version)
        {
            arguments["version"] = version;
            types["version"] = typeof(int);
        }
        return rpc!.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", arguments, types);
    }

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
