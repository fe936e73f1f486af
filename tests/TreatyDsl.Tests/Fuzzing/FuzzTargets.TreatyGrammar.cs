using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TreatyDsl.Interpretation;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Tests.Analysis;

namespace TreatyDsl.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    // ---------- treaty-grammar: treaty files written from the grammar, through every stage that reads them ----------

    private static readonly string VocabularyText = File.ReadAllText(Path.Combine(Paths.Treaties, "case-file.treaty"));
    private static readonly string BaselineText = File.ReadAllText(Path.Combine(Paths.Treaties, "baseline.treaty"));

    /// <summary>
    /// A file from <see cref="TreatyGrammarGenerator"/>, beside the shipped vocabulary and baseline, must bind; then the
    /// analysis ends within its budget without an exception or an internal error, every witness it shows reproduces
    /// through the evaluator, the language server's snapshot, analysed diagnostics and hover answer, and the generator
    /// writes code that compiles, with nothing to say but why something was left out.
    /// </summary>
    public static void TreatyGrammar(string text)
    {
        var files = new[] { ("case-file.treaty", VocabularyText), ("baseline.treaty", BaselineText), ("test.treaty", text) };
        var model = TreatyLoader.Load(files);
        Expect(!model.HasErrors, "the generated file does not bind: " + string.Join("; ", model.Diagnostics.Where(d => d.IsError).Take(3)));
        Expect(model.Diagnostics.All(d => d.Id != "TDSL0900"), "internal error: " + string.Join("; ", model.Diagnostics.Where(d => d.Id == "TDSL0900")));
        var catalog = InterpretedCatalog.Create(model);
        var schema = InterpretedCatalog.SchemaOf(model.Vocabulary);
        foreach (var finding in model.Diagnostics.Where(d => d.Witness is not null)) SoundnessProperties.AssertReproduced(finding, catalog, schema);

        var workspace = new TreatyWorkspace();
        foreach (var (path, content) in files)
        {
            var fullPath = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "treaty-grammar", path));
            workspace.Open(fullPath, DocumentPaths.ToUri(fullPath), content, 1);
        }
        var snapshot = workspace.Snapshot();
        var analysed = snapshot.AnalysedDiagnostics(CancellationToken.None);
        foreach (var document in snapshot.Documents)
        {
            DiagnosticsFeature.For(document, analysed[document.Path], null);
            for (var line = 0; line <= document.Text.Count(c => c == '\n'); line += 3) HoverFeature.At(snapshot, document, new Position(line, 10));
        }
        Expect(analysed.Values.Sum(d => d.Count) == model.Diagnostics.Count, "the language server's diagnostics differ from the build's");

        var output = GeneratorHarness.Generate(files.Select(f => (AdditionalText)new GeneratorHarness.TreatyText(f.Item1, f.Item2)).ToArray(), out var generatorDiagnostics);
        Expect(generatorDiagnostics.All(d => d.Id == "TDSL0202"), "the generator reported: " + string.Join("; ", generatorDiagnostics));
        var broken = output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Expect(broken.Count == 0, "the generated code does not compile: " + string.Join("; ", broken.Take(3)));
    }
}
