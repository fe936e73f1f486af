using System.Text.Json;
using System.Text.Json.Serialization;

namespace TreatyDsl.LanguageServer.Protocol;

/// <summary>
/// Every type that crosses the wire (a request's parameters or its response, and each parameter of the notifications the
/// server sends, as named arguments of their declared types), serialised by code System.Text.Json generates at build
/// time. A type missing here fails at run time in the natively compiled tool, so the editor test runs against it too.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
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
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
public sealed partial class LspJsonContext : JsonSerializerContext
{
}
