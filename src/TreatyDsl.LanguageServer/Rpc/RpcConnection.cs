using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace TreatyDsl.LanguageServer.Rpc;

/// <summary>How a connection ended.</summary>
internal enum ConnectionEnd
{
    /// <summary>The client sent <c>exit</c>.</summary>
    Exit,

    /// <summary>The client closed its end between messages.</summary>
    Closed,

    /// <summary>The stream could not be read as messages any more; <see cref="RpcConnection.Run"/> has said why.</summary>
    Broken,
}

/// <summary>
/// JSON-RPC 2.0 over LSP's base protocol, one message at a time, in the order sent (an edit is applied before the hover
/// that follows it). No message ends the connection but <c>exit</c>: a message that is not JSON, not a request, or asks
/// for a method the server lacks is answered with the JSON-RPC error for it; a request whose parameters do not bind, or
/// whose handler fails, is answered with an error and the next message is read; a notification that fails is logged
/// (<c>window/logMessage</c>) and dropped, as notifications are never answered. Only framing that cannot be read on
/// (see <see cref="FrameReader"/>) ends it, said on the error writer.
/// </summary>
internal sealed class RpcConnection(Stream input, Stream output, RpcMethods methods, int maxMessageBytes, TextWriter errors)
{
    private readonly SemaphoreSlim writing = new(1, 1);
    private volatile bool outputGone;

    /// <summary>Set by the server: when false, every request but <c>initialize</c> is refused (LSP's -32002).</summary>
    public Func<bool> Initialized { get; set; } = () => true;

    /// <summary>Set by the server: after <c>shutdown</c>, LSP takes only <c>exit</c>.</summary>
    public Func<bool> ShuttingDown { get; set; } = () => false;

    /// <summary>Set by the <c>exit</c> handler: the loop stops after that message.</summary>
    public bool ExitRequested { get; set; }

    public async Task<ConnectionEnd> Run()
    {
        var reader = new FrameReader(input, maxMessageBytes);
        while (!ExitRequested && !outputGone)
        {
            Frame? frame;
            try
            {
                frame = await reader.ReadAsync().ConfigureAwait(false);
            }
            catch (BrokenFramingException ex)
            {
                await errors.WriteLineAsync($"treaty lsp: the connection broke, so the server stops: {ex.Message}").ConfigureAwait(false);
                return ConnectionEnd.Broken;
            }
            catch (IOException)
            {
                return ConnectionEnd.Closed;
            }
            if (frame is not { } message) return ConnectionEnd.Closed;
            if (message.IsOversized)
            {
                // Its id is in the bytes not kept: answered as a message whose id cannot be read.
                await RespondAsync(null, new RpcError(RpcErrorCode.InvalidRequest,
                    FormattableString.Invariant($"a message of {message.Length:N0} bytes is larger than the server reads ({maxMessageBytes:N0} bytes); it was skipped"))).ConfigureAwait(false);
                continue;
            }
            try
            {
                await HandleAsync(IncomingMessage.Read(message.Body!)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Each message is handled within its own guard already; this one is for what those guards missed.
                await errors.WriteLineAsync($"treaty lsp: a message failed inside the server, which goes on: {ex}").ConfigureAwait(false);
            }
        }
        return outputGone ? ConnectionEnd.Closed : ConnectionEnd.Exit;
    }

    private async Task HandleAsync(IncomingMessage message)
    {
        switch (message.Kind)
        {
            case MessageKind.Response:
                return; // the server sends no requests, so no answer is awaited
            case MessageKind.Invalid when message.Method is { } method && message.RawId is null:
                await LogAsync($"{method}: dropped, a notification that is not well formed: {message.Problem!.Message}").ConfigureAwait(false);
                return;
            case MessageKind.Invalid:
                await RespondAsync(message.RawId, message.Problem!).ConfigureAwait(false);
                return;
            case MessageKind.Notification:
                await NotifiedAsync(message.Method!, message.Params).ConfigureAwait(false);
                return;
            default:
                await RequestedAsync(message.Method!, message.RawId!, message.Params).ConfigureAwait(false);
                return;
        }
    }

    private async Task RequestedAsync(string name, string id, JsonElement? parameters)
    {
        var method = methods.Find(name);
        if (Refusal(name, method) is { } refusal)
        {
            await RespondAsync(id, refusal).ConfigureAwait(false);
            return;
        }
        ArrayBufferWriter<byte> answer;
        try
        {
            var result = method!.Invoke(parameters)!;
            answer = Body(writer =>
            {
                writer.WritePropertyName("id");
                writer.WriteRawValue(id);
                writer.WritePropertyName("result");
                result(writer);
            });
        }
        catch (RpcException ex)
        {
            await RespondAsync(id, ex.Error).ConfigureAwait(false);
            return;
        }
        catch (Exception ex)
        {
            await errors.WriteLineAsync($"treaty lsp: {name} failed: {ex}").ConfigureAwait(false);
            await RespondAsync(id, new RpcError(RpcErrorCode.InternalError, $"{name} failed inside the server ({ex.GetType().Name}: {ex.Message}); the server goes on")).ConfigureAwait(false);
            return;
        }
        await SendAsync(answer).ConfigureAwait(false);
    }

    /// <summary>Why a request is not run, as its error: a method the server lacks or that is a notification, before initialize, after shutdown; null when it is run.</summary>
    private RpcError? Refusal(string name, RpcMethod? method)
    {
        if (method is null) return new RpcError(RpcErrorCode.MethodNotFound, $"the server does not answer '{name}'");
        if (!method.IsRequest) return new RpcError(RpcErrorCode.InvalidRequest, $"{name} is a notification: it is sent without an id, and nothing answers it; it was not applied");
        if (name != "initialize" && !Initialized()) return new RpcError(RpcErrorCode.ServerNotInitialized, $"{name} came before initialize; send initialize first");
        if (ShuttingDown()) return new RpcError(RpcErrorCode.InvalidRequest, $"{name} came after shutdown; the server takes only exit now");
        return null;
    }

    private async Task NotifiedAsync(string name, JsonElement? parameters)
    {
        if (name.StartsWith("$/", StringComparison.Ordinal)) return; // LSP: a server is free to ignore these ($/cancelRequest, $/setTrace)
        var method = methods.Find(name);
        if (method is null)
        {
            await LogAsync($"{name}: dropped, a notification the server does not take").ConfigureAwait(false);
            return;
        }
        if (method.IsRequest)
        {
            await LogAsync($"{name}: dropped, a request sent as a notification (with no id), so it could not be answered").ConfigureAwait(false);
            return;
        }
        if (name != "exit" && (!Initialized() || ShuttingDown())) return; // LSP: notifications before initialize or after shutdown are dropped
        try
        {
            method.Invoke(parameters);
        }
        catch (RpcException ex)
        {
            await LogAsync($"{name}: dropped, {ex.Message}").ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await errors.WriteLineAsync($"treaty lsp: {name} failed: {ex}").ConfigureAwait(false);
            await LogAsync($"{name}: failed inside the server ({ex.GetType().Name}: {ex.Message}); the server goes on").ConfigureAwait(false);
        }
    }

    /// <summary>Sends a notification to the client; nothing happens once the client has stopped reading.</summary>
    public Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> type) =>
        SendAsync(Body(writer =>
        {
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters, type);
        }));

    /// <summary>A message in the client's output (LSP's <c>window/logMessage</c>; type 2 is a warning).</summary>
    private Task LogAsync(string message) =>
        SendAsync(Body(writer =>
        {
            writer.WriteString("method", "window/logMessage");
            writer.WritePropertyName("params");
            writer.WriteStartObject();
            writer.WriteNumber("type", 2);
            writer.WriteString("message", "treaty lsp: " + message);
            writer.WriteEndObject();
        }));

    private Task RespondAsync(string? id, RpcError error) =>
        SendAsync(Body(writer =>
        {
            writer.WritePropertyName("id");
            if (id is null) writer.WriteNullValue();
            else writer.WriteRawValue(id);
            writer.WritePropertyName("error");
            writer.WriteStartObject();
            writer.WriteNumber("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }));

    /// <summary>One message's JSON: <c>{"jsonrpc":"2.0",</c> then the members written by <paramref name="members"/>.</summary>
    private static ArrayBufferWriter<byte> Body(Action<Utf8JsonWriter> members)
    {
        var body = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        members(writer);
        writer.WriteEndObject();
        writer.Flush();
        return body;
    }

    /// <summary>Writes one message, framed, under a lock so messages never interleave.</summary>
    private async Task SendAsync(ArrayBufferWriter<byte> body)
    {
        if (outputGone) return;
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.WrittenCount}\r\n\r\n");
        await writing.WaitAsync().ConfigureAwait(false);
        try
        {
            await output.WriteAsync(header).ConfigureAwait(false);
            await output.WriteAsync(body.WrittenMemory).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            outputGone = true; // the client stopped reading: nothing more can reach it, and the loop ends
        }
        finally
        {
            writing.Release();
        }
    }
}
