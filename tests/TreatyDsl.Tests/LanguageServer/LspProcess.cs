using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>
/// The real <c>treaty lsp</c> process, driven over its standard streams as an editor drives it: the tool built beside
/// the tests (<c>dotnet treaty.dll lsp</c>), or the command in <c>TREATY_LSP</c> (CI sets it to the natively compiled
/// tool). Everything the server sends is read on a thread of its own, so a test can wait for one answer with a time limit.
/// </summary>
internal sealed class LspProcess : IDisposable
{
    private readonly Process process;
    private readonly BlockingCollection<JsonElement> received = new();
    private readonly StringBuilder errors = new();
    private readonly Thread reader;

    public LspProcess()
    {
        var command = Environment.GetEnvironmentVariable("TREATY_LSP") is { Length: > 0 } custom
            ? custom.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "treaty.dll"), "lsp" };
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        process = Process.Start(start) ?? throw new InvalidOperationException("treaty lsp did not start");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (errors) errors.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
        reader = new Thread(ReadAll) { IsBackground = true, Name = "treaty lsp output" };
        reader.Start();
    }

    /// <summary>What the server wrote on standard error so far.</summary>
    public string Errors
    {
        get { lock (errors) return errors.ToString(); }
    }

    /// <summary>Set when the server's output was not a well-formed message: the reason.</summary>
    public string? MalformedOutput { get; private set; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The server's resident memory in bytes, as the system counts it.</summary>
    public long ResidentBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    public void Send(string body) => Send(Encoding.UTF8.GetBytes(body));

    public void Send(byte[] body)
    {
        var stream = process.StandardInput.BaseStream;
        stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        stream.Write(body);
        stream.Flush();
    }

    /// <summary>Every message until (and with) the first that <paramref name="until"/> accepts; null when none came in time or the server ended.</summary>
    public List<JsonElement>? ReadUntil(Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var messages = new List<JsonElement>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !received.TryTake(out var message, left)) return null;
            messages.Add(message);
            if (until(message)) return messages;
        }
    }

    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    private void ReadAll()
    {
        try
        {
            var output = process.StandardOutput.BaseStream;
            while (true)
            {
                var header = new StringBuilder();
                while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    var b = output.ReadByte();
                    if (b < 0) return;
                    header.Append((char)b);
                }
                var lengthLine = header.ToString().Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.Ordinal));
                if (lengthLine is null || !int.TryParse(lengthLine["Content-Length:".Length..].Trim(), out var length))
                {
                    MalformedOutput = $"a message without a Content-Length: '{header}'";
                    return;
                }
                var body = new byte[length];
                var filled = 0;
                while (filled < length)
                {
                    var n = output.Read(body, filled, length - filled);
                    if (n == 0) return;
                    filled += n;
                }
                using var document = JsonDocument.Parse(body);
                var message = document.RootElement.Clone();
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("jsonrpc", out var version) || version.GetString() != "2.0")
                {
                    MalformedOutput = $"a message that is not JSON-RPC 2.0: {Encoding.UTF8.GetString(body)}";
                    return;
                }
                received.Add(message);
            }
        }
        catch (Exception ex) when (ex is IOException or JsonException or ObjectDisposedException)
        {
            MalformedOutput ??= $"the server's output could not be read: {ex.Message}";
        }
        finally
        {
            received.CompleteAdding();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.WaitForExit(5000);
        process.Dispose();
    }
}
