// ../shared/baselines/floor/Program.cs, unchanged: the I/O floor that bench/floor-ab.sh times beside `treaty eval --jsonl`.
// The I/O floor: read a JSON-lines file, tokenize every line with Utf8JsonReader (touching every token), and write
// an output line of the same length as treaty's average output line (OUTLEN bytes) per input line, to stdout.
using System;
using System.IO;
using System.Text.Json;

int outLen = args.Length > 1 ? int.Parse(args[1]) : 3640;
var outLine = new byte[outLen];
Array.Fill(outLine, (byte)'x'); outLine[^1] = (byte)'\n';
using var input = new FileStream(args[0], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
using var stdout = Console.OpenStandardOutput();
var outBuf = new byte[1 << 16]; int outPos = 0;
var buf = new byte[1 << 20]; int len = 0; long tokens = 0, lines = 0;
while (true)
{
    int n = input.Read(buf, len, buf.Length - len);
    if (n == 0 && len == 0) break;
    len += n;
    int start = 0;
    while (true)
    {
        int nl = Array.IndexOf(buf, (byte)'\n', start, len - start);
        if (nl < 0) { if (n == 0 && start < len) nl = len; else break; }
        var line = new ReadOnlySpan<byte>(buf, start, nl - start);
        var r = new Utf8JsonReader(line);
        while (r.Read()) { tokens++; if (r.TokenType == JsonTokenType.String) tokens += r.ValueSpan.Length & 1; }
        lines++;
        // write the output line
        int o = 0;
        while (o < outLen) { int c = Math.Min(outLen - o, outBuf.Length - outPos); Buffer.BlockCopy(outLine, o, outBuf, outPos, c); outPos += c; o += c; if (outPos == outBuf.Length) { stdout.Write(outBuf, 0, outPos); outPos = 0; } }
        start = nl + 1;
        if (start >= len) break;
    }
    Buffer.BlockCopy(buf, start, buf, 0, len - start); len -= start;
    if (n == 0 && len == 0) break;
    if (len == buf.Length) Array.Resize(ref buf, buf.Length * 2);
}
stdout.Write(outBuf, 0, outPos);
Console.Error.WriteLine($"{lines} lines, {tokens} tokens");
