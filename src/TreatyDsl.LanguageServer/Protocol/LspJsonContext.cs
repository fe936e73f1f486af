using System.Text.Json;
using System.Text.Json.Serialization;

namespace TreatyDsl.LanguageServer.Protocol;

/// <summary>
/// Every type that crosses the wire (a request's parameters or its response, and the notifications the server sends),
/// serialised by code System.Text.Json generates at build time, so the natively compiled tool needs no reflection.
/// Reading is strict: a required member missing or null is an error (answered as invalid parameters), not a null.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(Location[]))]
[JsonSerializable(typeof(CompletionItem[]))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(Diagnostic[]))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(CodeLens[]))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(ComparisonAnswer))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(RenameParams))]
[JsonSerializable(typeof(SemanticTokensParams))]
[JsonSerializable(typeof(SemanticTokens))]
[JsonSerializable(typeof(WorkspaceEdit))]
[JsonSerializable(typeof(Range))]
[JsonSerializable(typeof(DocumentFormattingParams))]
[JsonSerializable(typeof(DocumentRangeFormattingParams))]
[JsonSerializable(typeof(TextEdit[]))]
[JsonSerializable(typeof(object))]
public sealed partial class LspJsonContext : JsonSerializerContext
{
}
