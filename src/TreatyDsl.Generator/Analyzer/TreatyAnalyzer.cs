using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Diagnostics;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace TreatyDsl.Generator;

/// <summary>
/// Reports the language's diagnostics (parse and bind errors, warnings) at their place in the .treaty files,
/// so they show in the IDE and fail the build, with the ids of <see cref="DiagnosticCatalog"/>.
/// <para>
/// Each .treaty file's diagnostics are reported by an additional-file action, so an editor that analyses only the open
/// file gets them without a build. Binding needs every file at once (instruments include baselines, rules read the
/// vocabulary), so the model is built once per compilation, by the first file that asks, and shared by the others;
/// a compilation whose .treaty files are those of an earlier one takes that one's diagnostics (<see cref="AnalysisCache"/>).
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TreatyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<RoslynDescriptor> SupportedDiagnostics => TreatyDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var files = start.Options.AdditionalFiles.Where(f => TreatyFiles.IsTreatyFile(f.Path)).ToImmutableArray();
            if (files.IsEmpty) return;
            var helpLinkBase = GeneratorSettings.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions).HelpLinkBase;
            // Examples may start from case files: the JSON additional files are theirs (the analyzer reads no file itself).
            var caseFiles = start.Options.AdditionalFiles.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToImmutableArray();
            var model = new Lazy<TreatyFileDiagnostics>(() => AnalysisCache.GetOrAnalyse(TreatyFileSet.Read(files, caseFiles, helpLinkBase, start.CancellationToken), start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(file =>
            {
                if (!TreatyFiles.IsTreatyFile(file.AdditionalFile.Path)) return;
                var options = file.Options.AnalyzerConfigOptionsProvider.GetOptions(file.AdditionalFile);
                foreach (var diagnostic in model.Value.For(file.AdditionalFile.Path))
                {
                    if (ConfiguredSeverity.Apply(diagnostic, options) is { } configured) file.ReportDiagnostic(configured);
                }
                // Off by default: the examples' coverage is worked out only for a file whose configuration asks for it.
                if (!ConfiguredSeverity.SwitchedOn(TreatyDescriptors.ExampleOutcomeNotCovered.Id, options)) return;
                foreach (var diagnostic in model.Value.CoverageFor(file.AdditionalFile.Path))
                {
                    if (ConfiguredSeverity.Apply(diagnostic, options) is { } configured) file.ReportDiagnostic(configured);
                }
            });
        });
    }
}
