using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Cli;
using TreatyDsl.Generator;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;

namespace TreatyDsl.Tests.Diagnostics;

/// <summary>
/// One truth for severities: a folder with an .editorconfig (by id and by category, per file) and a .globalconfig,
/// checked by the build (the analyzer, with the options the compiler computes for each file from the same two files),
/// by <c>treaty check</c> and by <c>treaty lsp</c>: every diagnostic has the same severity in all three.
/// </summary>
public class SeverityAgreementTests
{
    private const string EditorConfig = """
        root = true

        [*.treaty]
        treatydsl_diagnostic.category-TreatyDsl.Analysis.severity = warning

        [treaties/countries.treaty]
        treatydsl_diagnostic.TDSL0320.severity = none

        [treaties/us-mx.treaty]
        treatydsl_diagnostic.TDSL0505.severity = suggestion
        """;

    private const string GlobalConfig = """
        is_global = true
        treatydsl_diagnostic.TDSL0318.severity = error
        """;

    /// <summary>The options the compiler computes for each additional file from the two files (Roslyn's own reader and matching).</summary>
    private sealed class CompilerOptions(AnalyzerConfigSet set) : AnalyzerConfigOptionsProvider
    {
        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }

        public override AnalyzerConfigOptions GlobalOptions => new Options(set.GlobalConfigOptions.AnalyzerOptions);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);
    }

    [Fact]
    public async Task The_build_treaty_check_and_treaty_lsp_give_every_diagnostic_the_same_severity()
    {
        var root = Directory.CreateTempSubdirectory("severity-").FullName;
        var folder = Path.Combine(root, "treaties");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Paths.Treaties, "*.treaty")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(root, ".editorconfig"), EditorConfig);
        File.WriteAllText(Path.Combine(root, ".globalconfig"), GlobalConfig);

        // The build.
        var texts = Directory.GetFiles(folder, "*.treaty").Select(f => (AdditionalText)new GeneratorHarness.TreatyText(f, File.ReadAllText(f))).ToImmutableArray();
        var set = AnalyzerConfigSet.Create(new[]
        {
            AnalyzerConfig.Parse(EditorConfig, Path.Combine(root, ".editorconfig")),
            AnalyzerConfig.Parse(GlobalConfig, Path.Combine(root, ".globalconfig")),
        });
        var built = await GeneratorHarness.EmptyCompilation()
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), new AnalyzerOptions(texts, new CompilerOptions(set)))
            .GetAnalyzerDiagnosticsAsync();
        var build = built.Select(d => Key(d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        })).OrderBy(k => k, StringComparer.Ordinal).ToList();

        // treaty check.
        var output = new StringWriter();
        Program.Invoke(new[] { "check", folder, "--format", "json" }, output, new StringWriter());
        using var json = JsonDocument.Parse(output.ToString());
        var check = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => Key(d.GetProperty("id").GetString()!, d.GetProperty("file").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("severity").GetString()!))
            .OrderBy(k => k, StringComparer.Ordinal).ToList();

        // treaty lsp.
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(folder);
        var lsp = workspace.Snapshot().AnalysedDiagnostics(default).SelectMany(p => p.Value)
            .Select(d => Key(d.Id, d.Span.Path, d.Span.Line, d.Severity.ToString().ToLowerInvariant()))
            .OrderBy(k => k, StringComparer.Ordinal).ToList();

        // The configuration did something of each kind: a category raised, an id switched off, one switched on, a global id.
        Assert.Contains(build, k => k.StartsWith("TDSL0318 countries.treaty:", StringComparison.Ordinal) && k.EndsWith(" error", StringComparison.Ordinal));
        Assert.Contains(build, k => k.StartsWith("TDSL0319 countries.treaty:", StringComparison.Ordinal) && k.EndsWith(" warning", StringComparison.Ordinal));
        Assert.DoesNotContain(build, k => k.StartsWith("TDSL0320 ", StringComparison.Ordinal));
        Assert.Contains(build, k => k.StartsWith("TDSL0505 us-mx.treaty:", StringComparison.Ordinal) && k.EndsWith(" info", StringComparison.Ordinal));
        Assert.DoesNotContain(build, k => k.StartsWith("TDSL0505 ", StringComparison.Ordinal) && !k.StartsWith("TDSL0505 us-mx.treaty:", StringComparison.Ordinal));
        Assert.Equal(build, check);
        Assert.Equal(build, lsp);
    }

    private static string Key(string id, string path, int line, string severity) => $"{id} {Path.GetFileName(path)}:{line} {severity}";
}
