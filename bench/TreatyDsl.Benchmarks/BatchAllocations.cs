using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TreatyDsl.Benchmarks.Treaties;
using TreatyDsl.Cli;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// Where a batch case's allocations go (`--allocations CASES.jsonl [N]`): the bytes the thread allocates to read each of
/// the first N lines, to evaluate it as <c>treaty eval --jsonl</c> does (explanations kept), and to write its line; then
/// each instrument's own report on every case. Bytes, not time: a count that does not move with the machine, so it is
/// measured directly rather than by BenchmarkDotNet. Each case is run once before it is counted.
/// </summary>
internal static class BatchAllocations
{
    public static void Run(string path, int count)
    {
        var catalog = GeneratedTreaties.Catalog;
        var lines = File.ReadLines(path).Take(count).Select(l => Encoding.UTF8.GetBytes(l)).ToArray();
        var explanations = new ExplanationBuffer();
        var line = new JsonLineWriter(1 << 16);
        var writer = new JsonReportWriter(line);
        long read = 0, evaluate = 0, write = 0, cases = 0;
        var reports = catalog.Instruments.ToDictionary(i => i.Info.Id, _ => 0L);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var bytes in lines)
            {
                var start = GC.GetAllocatedBytesForCurrentThread();
                var facts = CaseFileReader.Read(new ReadOnlySpan<byte>(bytes), catalog.Schema).Facts;
                var readEnd = GC.GetAllocatedBytesForCurrentThread();
                if (facts is null) continue;
                explanations.Clear();
                line.Clear();
                var report = CaseEvaluator.Evaluate(catalog, facts, explanations);
                var evaluateEnd = GC.GetAllocatedBytesForCurrentThread();
                line.TranscodeKept(explanations);
                writer.Write(report);
                var writeEnd = GC.GetAllocatedBytesForCurrentThread();
                if (pass == 0) continue;
                (read, evaluate, write, cases) = (read + readEnd - start, evaluate + evaluateEnd - readEnd, write + writeEnd - evaluateEnd, cases + 1);
                foreach (var instrument in catalog.Instruments)
                {
                    explanations.Clear();
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    instrument.Evaluate(facts, explanations);
                    reports[instrument.Info.Id] += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
        }
        Console.WriteLine($"{cases} cases, bytes allocated a case: read {read / cases}, evaluate {evaluate / cases}, write {write / cases}");
        Console.WriteLine("each instrument's own report, bytes a case: " + string.Join(", ", reports.Select(r => $"{r.Key} {r.Value / cases}")));
    }
}
