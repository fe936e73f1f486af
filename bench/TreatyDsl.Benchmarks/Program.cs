using BenchmarkDotNet.Running;

// '--lsp-memory N' measures the language server's retained memory over N edits (not a timing, so not BenchmarkDotNet);
// anything else goes to BenchmarkDotNet.
if (args.Length >= 1 && args[0] == "--lsp-memory")
{
    TreatyDsl.Benchmarks.LanguageServerMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return;
}
// '--agreement' checks, without timing anything, that the generated and hand-written fast paths agree (CI runs it).
if (args.Length >= 1 && args[0] == "--agreement")
{
    var (eligible, ineligible, undetermined) = TreatyDsl.Benchmarks.FastPathAgreement.Check(TreatyDsl.Benchmarks.VariedCases.Make(10_000));
    System.Console.WriteLine($"agreement: generated and both hand-written us-mx and coe (careful and rule by rule) agree on 10,000 varied cases ({eligible} eligible, {ineligible} ineligible, {undetermined} undetermined verdicts)");
    return;
}
// '--varied-cases N FILE' writes N varied cases as JSON lines (a quarter with JSON escapes) for bench/floor-ab.sh.
if (args.Length >= 3 && args[0] == "--varied-cases")
{
    TreatyDsl.Benchmarks.VariedCases.WriteJsonLines(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
    return;
}
// '--build-share N' compiles the sample application with and without the generator and analyzer in N interleaved rounds.
if (args.Length >= 1 && args[0] == "--build-share")
{
    TreatyDsl.Benchmarks.BuildSharePaired.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
    return;
}
// '--allocations CASES.jsonl [N]' counts the bytes a batch case allocates by stage, over the first N lines (not a timing).
if (args.Length >= 2 && args[0] == "--allocations")
{
    TreatyDsl.Benchmarks.BatchAllocations.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}
// '--ratios [ROUNDS]' measures issue 32's in-process ratios (fast path, every instrument's report) in paired rounds.
if (args.Length >= 1 && args[0] == "--ratios")
{
    TreatyDsl.Benchmarks.RatioPaired.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return;
}
// '--analysis-growth [EVALUATIONS]' prints the analysis's time, evaluations and budget by family and size, and each family's growth exponent.
if (args.Length >= 1 && args[0] == "--analysis-growth")
{
    TreatyDsl.Benchmarks.AnalysisGrowth.Run(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : TreatyDsl.Analysis.AnalysisBudget.DefaultEvaluations);
    return;
}
// '--report-loop INSTRUMENT SECONDS' runs one instrument's generated report over the samples for that long, for a
// profiler to sample (perf record with DOTNET_PerfMapEnabled=1): not a timing; BenchmarkDotNet times it.
if (args.Length >= 3 && args[0] == "--report-loop")
{
    var report = new TreatyDsl.Benchmarks.EveryInstrumentReportBenchmarks { Instrument = args[1] };
    report.Setup();
    var until = System.Diagnostics.Stopwatch.StartNew();
    var reports = 0L;
    while (until.Elapsed.TotalSeconds < double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)) { report.Generated(); reports++; }
    System.Console.WriteLine($"{args[1]}: {reports} rounds of the samples' reports");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
