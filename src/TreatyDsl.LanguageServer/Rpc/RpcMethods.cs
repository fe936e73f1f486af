using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TreatyDsl.LanguageServer.Rpc;

/// <summary>
/// One method the server takes. <see cref="Invoke"/> binds the parameters (an <see cref="RpcException"/> with
/// <see cref="RpcErrorCode.InvalidParams"/> when they do not have the method's shape), runs the handler and returns how to
/// write the result (null for a notification).
/// </summary>
internal sealed record RpcMethod(string Name, bool IsRequest, Func<JsonElement?, Action<Utf8JsonWriter>?> Invoke);

/// <summary>
/// The server's methods by name, each bound to its parameter and result types' build-time JSON contracts (no reflection,
/// so the natively compiled tool serves editors too). Binding is strict: a missing or null member the type requires, or a
/// member of the wrong JSON type, is an error naming the member's JSON path, never a null in a handler.
/// </summary>
internal sealed class RpcMethods
{
    private readonly Dictionary<string, RpcMethod> byName = new(StringComparer.Ordinal);

    public IEnumerable<RpcMethod> All => byName.Values;

    public RpcMethod? Find(string name) => byName.TryGetValue(name, out var method) ? method : null;

    public void Request<TParams, TResult>(string name, JsonTypeInfo<TParams> parameters, JsonTypeInfo<TResult> result, Func<TParams, TResult> handle) =>
        Add(new RpcMethod(name, IsRequest: true, given =>
        {
            var answer = handle(Bind(name, given, parameters));
            return writer => JsonSerializer.Serialize(writer, answer, result);
        }));

    /// <summary>A request whose parameters, if any, are not read (<c>shutdown</c>).</summary>
    public void Request<TResult>(string name, JsonTypeInfo<TResult> result, Func<TResult> handle) =>
        Add(new RpcMethod(name, IsRequest: true, _ =>
        {
            var answer = handle();
            return writer => JsonSerializer.Serialize(writer, answer, result);
        }));

    public void Notification<TParams>(string name, JsonTypeInfo<TParams> parameters, Action<TParams> handle) =>
        Add(new RpcMethod(name, IsRequest: false, given =>
        {
            handle(Bind(name, given, parameters));
            return null;
        }));

    /// <summary>A notification whose parameters, if any, are not read (<c>initialized</c>, <c>exit</c>).</summary>
    public void Notification(string name, Action handle) =>
        Add(new RpcMethod(name, IsRequest: false, _ =>
        {
            handle();
            return null;
        }));

    private void Add(RpcMethod method) => byName.Add(method.Name, method);

    private static T Bind<T>(string method, JsonElement? given, JsonTypeInfo<T> type)
    {
        if (given is not { ValueKind: JsonValueKind.Object } parameters)
        {
            throw RpcException.InvalidParams($"{method} takes its parameters as an object, and {(given is null ? "none were given" : "they are an array")}");
        }
        try
        {
            return parameters.Deserialize(type) ?? throw RpcException.InvalidParams($"{method} takes its parameters as an object");
        }
        catch (JsonException ex)
        {
            throw RpcException.InvalidParams($"{method}: the parameters do not have the shape LSP gives them{Where(ex.Path)}: {FirstSentence(ex.Message)}");
        }
    }

    private static string Where(string? path) => string.IsNullOrEmpty(path) || path == "$" ? string.Empty : $" (at {path})";

    /// <summary>
    /// System.Text.Json's message without the reader's line and byte position (which say nothing about an LSP message) and
    /// with the server's type names as LSP's specification names them (<c>Position</c>, not its namespace).
    /// </summary>
    private static string FirstSentence(string message)
    {
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (path > 0 ? message[..path] : message).Replace(typeof(Protocol.Position).Namespace + ".", string.Empty, StringComparison.Ordinal);
    }
}
