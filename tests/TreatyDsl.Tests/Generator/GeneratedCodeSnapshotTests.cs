using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// Pins the exact C# the generator writes for a small treaty set (Snapshots/small-set: a vocabulary with groups, an enum,
/// a record list and a derived period; a baseline; one instrument with each kind of rule; a country table; an advisory
/// set), so any change to the generated code is a reviewable diff of Snapshots/small-set.generated/*.cs.
/// After an intended change, regenerate with:
/// TREATY_UPDATE_SNAPSHOTS=1 dotnet test Treaty.sln --filter FullyQualifiedName~GeneratedCodeSnapshotTests
/// </summary>
public class GeneratedCodeSnapshotTests
{
    private static readonly string Snapshots = Path.Combine(Paths.Root, "tests", "TreatyDsl.Tests", "Generator", "Snapshots");
    private static readonly string Inputs = Path.Combine(Snapshots, "small-set");
    private static readonly string Expected = Path.Combine(Snapshots, "small-set.generated");

    [Fact]
    public void The_generated_csharp_for_the_small_treaty_set_is_byte_for_byte_the_committed_snapshot()
    {
        // Paths the same on every machine: they reach the generated #line directives.
        var treaties = Directory.GetFiles(Inputs, "*.treaty").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new GeneratorHarness.TreatyText("/small-set/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();

        var compilation = GeneratorHarness.Generate(treaties, out var diagnostics);
        var generated = compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            .ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString(), StringComparer.Ordinal);

        if (Environment.GetEnvironmentVariable("TREATY_UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(Expected)) Directory.Delete(Expected, recursive: true);
            Directory.CreateDirectory(Expected);
            foreach (var (name, text) in generated) File.WriteAllText(Path.Combine(Expected, name), text);
        }

        Assert.Empty(diagnostics);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.True(Directory.Exists(Expected), $"No snapshot at {Expected}; run with TREATY_UPDATE_SNAPSHOTS=1 to make it.");
        var committed = Directory.GetFiles(Expected).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(committed.Keys.OrderBy(k => k, StringComparer.Ordinal), generated.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, text) in committed) Assert.True(text == generated[name], $"{name} differs from its snapshot; if the change is intended, regenerate (see this test's summary) and review the diff.");
    }
}
