using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TreatyDsl.LanguageServer.Protocol;

// The Language Server Protocol types this server reads and writes, and nothing more: the shapes of the LSP 3.17
// specification (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/), with
// camel-case names on the wire. Positions are zero-based lines and UTF-16 code units, as .NET strings count.
// What a message must carry is what the specification requires: a parameter without a default here is required, and
// a type not marked nullable may not be null (LspJsonContext enforces both), so a handler never meets a missing member.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>With a range, the text that replaces it (incremental synchronisation, which this server asks for); without, the whole document.</summary>
public sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext Context);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>Created = 1, Changed = 2, Deleted = 3.</summary>
public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

public sealed record InitializeParams(string? RootUri = null, WorkspaceFolder[]? WorkspaceFolders = null);

public sealed record ServerInfo(string Name, string Version);

public sealed record CompletionOptions(string[] TriggerCharacters);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record ExecuteCommandOptions(string[] Commands);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    bool DocumentSymbolProvider,
    CompletionOptions CompletionProvider,
    CodeLensOptions? CodeLensProvider = null,
    ExecuteCommandOptions? ExecuteCommandProvider = null,
    bool CodeActionProvider = false,
    RenameOptions? RenameProvider = null,
    SemanticTokensOptions? SemanticTokensProvider = null,
    bool DocumentFormattingProvider = false,
    bool DocumentRangeFormattingProvider = false);

public sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

/// <summary>Five integers per token: line delta, start delta (from the previous token on the same line), length, type, modifiers.</summary>
public sealed record SemanticTokens(int[] Data);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

/// <summary>The diagnostics the client sends are not read (the server's actions do not depend on them), so they are kept as JSON.</summary>
public sealed record CodeActionContext(JsonElement[] Diagnostics, string[]? Only = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record TextEdit(Range Range, string NewText);

/// <summary>The editor's formatting options (tab size, spaces) are not read: the layout is one, whatever the editor's settings.</summary>
public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, JsonElement? Options = null);

public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, JsonElement? Options = null);

public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

public sealed record CodeAction(string Title, string Kind, WorkspaceEdit Edit);

/// <summary>A command the client runs by name (through <c>workspace/executeCommand</c>), with its arguments as JSON.</summary>
public sealed record Command(string Title, [property: JsonPropertyName("command")] string Name, JsonElement[]? Arguments = null);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command = null);

public sealed record ExecuteCommandParams(string Command, JsonElement[]? Arguments = null);

/// <summary>
/// The answer to <c>treaty.compare</c>: what the open files change against the files as saved (or as committed), as
/// <c>treaty diff</c> says it: the summary line, the whole text, and each change at the place it is written, for a
/// client to list.
/// </summary>
public sealed record ComparisonAnswer(string Summary, string Text, bool MayChange, ComparisonItem[] Items);

/// <summary>One change, or one question not decided, at the edited rule (or the instrument) it is about.</summary>
public sealed record ComparisonItem(string Uri, Range Range, string Message, string Kind);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

public sealed record CodeDescription(string Href);

/// <summary>What travels with a diagnostic for tools: an analysis finding's witness, the case file that shows it.</summary>
public sealed record DiagnosticData(JsonElement? Witness);

public sealed record Diagnostic(Range Range, int Severity, string Code, CodeDescription? CodeDescription, string Source, string Message, DiagnosticData? Data);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public sealed record Hover(MarkupContent Contents, Range? Range);

public static class CompletionItemKind
{
    public const int Function = 3;
    public const int Field = 5;
    public const int Variable = 6;
    public const int Module = 9;
    public const int Keyword = 14;
    public const int EnumMember = 20;
    public const int Constant = 21;
}

public sealed record CompletionItem(string Label, int Kind, string? Detail, MarkupContent? Documentation);

public static class SymbolKind
{
    public const int Module = 2;
    public const int Namespace = 3;
    public const int Class = 5;
    public const int Field = 8;
    public const int Enum = 10;
    public const int Function = 12;
    public const int Variable = 13;
    public const int Constant = 14;
    public const int Struct = 23;
    public const int Event = 24;
}

public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);
