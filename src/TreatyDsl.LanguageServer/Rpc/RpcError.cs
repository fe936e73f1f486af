using System;

namespace TreatyDsl.LanguageServer.Rpc;

/// <summary>The error codes of JSON-RPC 2.0 and the ones LSP adds.</summary>
internal static class RpcErrorCode
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>LSP: a request came before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;
}

/// <summary>An error as JSON-RPC answers it: a code and a message that says, in plain words, what was wrong.</summary>
internal sealed record RpcError(int Code, string Message);

/// <summary>Thrown by a handler to answer its request with this error (bad parameters, most often); the workspace is left as it was.</summary>
internal sealed class RpcException(int code, string message) : Exception(message)
{
    public RpcError Error { get; } = new(code, message);

    public static RpcException InvalidParams(string message) => new(RpcErrorCode.InvalidParams, message);
}
