using System;
using System.Text.Json;

namespace TreatyDsl.LanguageServer.Rpc;

/// <summary>What a message is, read as JSON-RPC 2.0 (https://www.jsonrpc.org/specification) says.</summary>
internal enum MessageKind
{
    /// <summary>Has a method and an id: it is answered.</summary>
    Request,

    /// <summary>Has a method and no id: it is never answered.</summary>
    Notification,

    /// <summary>Has an id and a result or an error: the client answering; this server asks nothing, so it is dropped.</summary>
    Response,

    /// <summary>
    /// Not one of the above: answered with an error (with its id when it has a usable one), except a message with a method
    /// and no id, a notification that is wrong, which is logged and dropped, as notifications are never answered.
    /// </summary>
    Invalid,
}

/// <summary>
/// One message read off the wire. <see cref="RawId"/> is the id's JSON text (a string or a number), written back
/// verbatim in the answer, so an id of any size or form the client chose comes back as it was sent.
/// </summary>
internal sealed record IncomingMessage(MessageKind Kind, string? Method, string? RawId, JsonElement? Params, RpcError? Problem)
{
    /// <summary>Reads one body; never throws, whatever the bytes.</summary>
    public static IncomingMessage Read(byte[] body)
    {
        // Checked whole, first: the JSON reader leaves a string's bytes unchecked until the string is read.
        if (!System.Text.Unicode.Utf8.IsValid(body)) return Invalid(null, new RpcError(RpcErrorCode.ParseError, "the message is not UTF-8 text, as LSP sends it"));
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return Invalid(null, new RpcError(RpcErrorCode.ParseError, $"the message is not JSON: {ex.Message}"));
        }

        if (root.ValueKind == JsonValueKind.Array) return Invalid(null, new RpcError(RpcErrorCode.InvalidRequest, "the message is a JSON array; batches are not taken, send each message on its own"));
        if (root.ValueKind != JsonValueKind.Object) return Invalid(null, new RpcError(RpcErrorCode.InvalidRequest, $"the message is a JSON {Describe(root.ValueKind)}, not an object"));

        string? rawId = null;
        var hasId = root.TryGetProperty("id", out var id);
        if (hasId)
        {
            if (id.ValueKind is JsonValueKind.String or JsonValueKind.Number) rawId = id.GetRawText();
            else return Invalid(null, new RpcError(RpcErrorCode.InvalidRequest, $"the id is a JSON {Describe(id.ValueKind)}; an id is a string or a number"));
        }
        var hasMethod = root.TryGetProperty("method", out var method);
        var methodName = hasMethod && method.ValueKind == JsonValueKind.String ? method.GetString() : null;
        if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            return Invalid(rawId, new RpcError(RpcErrorCode.InvalidRequest, "the message does not say \"jsonrpc\": \"2.0\""), methodName);
        }
        if (!hasMethod)
        {
            if (hasId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _))) return new IncomingMessage(MessageKind.Response, null, rawId, null, null);
            return Invalid(rawId, new RpcError(RpcErrorCode.InvalidRequest, "the message has no method"));
        }
        if (method.ValueKind != JsonValueKind.String) return Invalid(rawId, new RpcError(RpcErrorCode.InvalidRequest, $"the method is a JSON {Describe(method.ValueKind)}, not a string"));

        JsonElement? parameters = root.TryGetProperty("params", out var given) && given.ValueKind != JsonValueKind.Null ? given : null;
        if (parameters is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array) } odd)
        {
            return Invalid(rawId, new RpcError(RpcErrorCode.InvalidRequest, $"the params are a JSON {Describe(odd.ValueKind)}; params are an object or an array"), methodName);
        }
        return new IncomingMessage(hasId ? MessageKind.Request : MessageKind.Notification, methodName, rawId, parameters, null);
    }

    private static IncomingMessage Invalid(string? rawId, RpcError problem, string? method = null) => new(MessageKind.Invalid, method, rawId, null, problem);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
