using BenchmarkDotNet.Running;

// '--lsp-memory N' measures the language server's retained memory over N edits (not a timing, so not BenchmarkDotNet);
// anything else goes to BenchmarkDotNet.
if (args.Length >= 1 && args[0] == "--lsp-memory")
{
    TreatyDsl.Benchmarks.LanguageServerMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
