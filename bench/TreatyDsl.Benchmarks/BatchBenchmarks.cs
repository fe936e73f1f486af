using System.Buffers;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TreatyDsl.Benchmarks.Treaties;
using TreatyDsl.Cli;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// One case of <c>treaty eval --jsonl</c>, per case over the first fourteen sample cases by name (each a line): the path as it was
/// before issue 13's batch work (a line of text, the general reader into dictionaries, a string per report) is the
/// baseline; against it, the path as it was before the fragment writer (<see cref="Utf8JsonWriterReportWriter"/>), the
/// path as it is (the line's UTF-8 bytes, the generated reader, explanations kept as the rules are settled, a reused
/// UTF-8 buffer), and each of its stages alone.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int Cases = 14; // the first this many samples by name: a sample added later does not change the set
    private static readonly TreatyCatalog Catalog = GeneratedTreaties.Catalog;
    private static readonly FactSchema GeneralOnly = new(GeneratedTreaties.Schema.Facts);
    private readonly ArrayBufferWriter<byte> buffer = new(1 << 16);
    private string[] lines = null!;
    private byte[][] utf8Lines = null!; // what `eval --jsonl` hands the reader now: each line's bytes as read
    private CaseFacts[] facts = null!;
    private CaseReport[] reports = null!;
    private Utf8JsonWriter json = null!;
    private readonly JsonLineWriter line = new(1 << 16);
    private JsonReportWriter reportWriter = null!;
    private readonly ExplanationBuffer explanations = new(); // as treaty eval evaluates: each explanation kept as its rule is settled

    [GlobalSetup]
    public void Setup()
    {
        lines = TreatyDsl.Benchmarks.Cases.SampleFiles() // the class, not this benchmark's count of the same name
            .Take(Cases).Select(f => File.ReadAllText(f).ReplaceLineEndings(" ")).ToArray();
        utf8Lines = lines.Select(l => System.Text.Encoding.UTF8.GetBytes(l)).ToArray();
        facts = lines.Select(l => CaseFileReader.Read(l, Catalog.Schema).Facts!).ToArray();
        reports = facts.Select(f => CaseEvaluator.Evaluate(Catalog, f)).ToArray();
        json = new Utf8JsonWriter(buffer);
        reportWriter = new JsonReportWriter(line);
        if (lines.Length != Cases || facts.Any(f => f is null)) throw new System.InvalidOperationException($"expected at least {Cases} sample cases, each readable");
        // The two paths must write the same line for every case before either is timed.
        for (var i = 0; i < Cases; i++)
        {
            var now = System.Text.Encoding.UTF8.GetString(Now(i));
            if (Before(i) != now || System.Text.Encoding.UTF8.GetString(Previous(i)) != now) throw new System.InvalidOperationException($"case {i}: the paths disagree");
        }
    }

    private string Before(int i) => Utf8JsonWriterReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Catalog, CaseFileReader.Read(lines[i], GeneralOnly).Facts!));

    private System.ReadOnlySpan<byte> Previous(int i)
    {
        buffer.ResetWrittenCount();
        Utf8JsonWriterReportWriter.Write(json, CaseEvaluator.Evaluate(Catalog, CaseFileReader.Read(new System.ReadOnlySpan<byte>(utf8Lines[i]), Catalog.Schema).Facts!));
        json.Flush();
        json.Reset();
        return buffer.WrittenSpan;
    }

    private System.ReadOnlySpan<byte> Now(int i)
    {
        line.Clear();
        explanations.Clear();
        var report = CaseEvaluator.Evaluate(Catalog, CaseFileReader.Read(new System.ReadOnlySpan<byte>(utf8Lines[i]), Catalog.Schema).Facts!, explanations);
        line.TranscodeKept(explanations); // as treaty eval writes: the kept explanations narrowed together (JsonLinesOutput)
        reportWriter.Write(report);
        return line.Written;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Cases, Description = "before: general reader, evaluate, string per report")]
    public int BeforeBatchWork()
    {
        var length = 0;
        for (var i = 0; i < Cases; i++) length += Before(i).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "previous: UTF-8 line, generated reader, evaluate, Utf8JsonWriter")]
    public int Previous()
    {
        var length = 0;
        for (var i = 0; i < Cases; i++) length += Previous(i).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "now: UTF-8 line, generated reader, evaluate, fragment writer")]
    public int Now()
    {
        var length = 0;
        for (var i = 0; i < Cases; i++) length += Now(i).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "stage: read (UTF-8 line, generated reader)")]
    public int Read()
    {
        var count = 0;
        for (var i = 0; i < Cases; i++) count += CaseFileReader.Read(new System.ReadOnlySpan<byte>(utf8Lines[i]), Catalog.Schema).Facts is null ? 0 : 1;
        return count;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "stage: evaluate (full report)")]
    public int Evaluate()
    {
        var count = 0;
        for (var i = 0; i < Cases; i++) count += CaseEvaluator.Evaluate(Catalog, facts[i]).Instruments.Count;
        return count;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "stage: evaluate, each explanation written and kept as its rule is settled (as treaty eval does)")]
    public int EvaluateKeepingExplanations()
    {
        var count = 0;
        for (var i = 0; i < Cases; i++)
        {
            explanations.Clear();
            count += CaseEvaluator.Evaluate(Catalog, facts[i], explanations).Instruments.Count;
        }
        return count;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "stage: evaluate and read every explanation")]
    public int EvaluateAndExplain()
    {
        var length = 0;
        for (var i = 0; i < Cases; i++)
        {
            var report = CaseEvaluator.Evaluate(Catalog, facts[i]);
            foreach (var instrument in report.Instruments)
            {
                foreach (var requirement in instrument.Requirements) length += requirement.Explanation.Length;
                foreach (var review in instrument.Reviews) length += review.Explanation.Length;
            }
        }
        return length;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "stage: write (JSON line, each explanation written into it)")]
    public long Write()
    {
        long length = 0;
        for (var i = 0; i < Cases; i++)
        {
            line.Clear();
            reportWriter.Write(reports[i]);
            length += line.Length;
        }
        return length;
    }

    [Benchmark(OperationsPerInvoke = Cases, Description = "stage: write with Utf8JsonWriter (previous; explanations already read)")]
    public long WritePrevious()
    {
        long length = 0;
        for (var i = 0; i < Cases; i++)
        {
            buffer.ResetWrittenCount();
            Utf8JsonWriterReportWriter.Write(json, reports[i]);
            json.Flush();
            json.Reset();
            length += buffer.WrittenCount;
        }
        return length;
    }
}
