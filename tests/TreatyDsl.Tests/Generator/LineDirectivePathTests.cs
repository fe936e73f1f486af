using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TreatyDsl.Generator;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The .treaty paths in generated <c>#line</c> directives go through the compiler's <c>/pathmap</c>, so a deterministic
/// build is the same in every folder; without a path map they stay absolute, for the debugger.
/// </summary>
public class LineDirectivePathTests
{
    private static readonly string[] Files = Directory.GetFiles(Paths.Treaties, "*.treaty").Select(Path.GetFileName).ToArray()!;

    /// <summary>The shipped treaties as if checked out under <paramref name="root"/>, generated with <paramref name="pathMap"/>.</summary>
    private static Dictionary<string, string> Generate(string root, params (string From, string To)[] pathMap)
    {
        var treaties = Files.Select(f => (AdditionalText)new GeneratorHarness.TreatyText(root + "treaties/" + f, File.ReadAllText(Path.Combine(Paths.Treaties, f)))).ToArray();
        var resolver = new SourceFileResolver(ImmutableArray<string>.Empty, null, pathMap.Select(p => new KeyValuePair<string, string>(p.From, p.To)).ToImmutableArray());
        var compilation = GeneratorHarness.EmptyCompilation().WithOptions(GeneratorHarness.EmptyCompilation().Options.WithSourceReferenceResolver(resolver));
        var driver = CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, treaties).RunGenerators(compilation);
        return driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    private static IEnumerable<string> LinePaths(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTrivia()
            .Select(t => t.GetStructure()).OfType<LineDirectiveTriviaSyntax>().Where(l => l.File.Text.Length > 0).Select(l => l.File.ValueText);

    [Fact]
    public void Two_checkouts_with_a_path_map_generate_identical_sources()
    {
        var first = Generate("/home/alice/work/treatydsl/", ("/home/alice/work/treatydsl/", "/_/"));
        var second = Generate("/srv/ci/build-17/", ("/srv/ci/build-17/", "/_/"));

        Assert.Equal(first.Keys.OrderBy(k => k), second.Keys.OrderBy(k => k));
        Assert.All(first, file => Assert.Equal(file.Value, second[file.Key]));
        var paths = first.Values.SelectMany(LinePaths).Distinct().ToList();
        Assert.Contains("/_/treaties/us-mx.treaty", paths);
        Assert.All(paths, p => Assert.StartsWith("/_/treaties/", p));
    }

    [Fact]
    public void Without_a_path_map_line_directives_name_the_treaty_file_on_disk()
    {
        var sources = Generate("/home/alice/work/treatydsl/");

        Assert.Contains("/home/alice/work/treatydsl/treaties/us-mx.treaty", sources.Values.SelectMany(LinePaths));
    }

    [Theory]
    [InlineData("/repo/back\\slash.treaty", true)]
    [InlineData("C:\\src\\repo\\treaties\\us-mx.treaty", true)]
    [InlineData("/repo/tab\tand é.treaty", true)]
    [InlineData("/repo/odd \"name\".treaty", false)]
    [InlineData("/repo/line\u2028break.treaty", false)]
    [InlineData("/repo/carriage\rreturn.treaty", false)]
    public void A_file_path_is_written_verbatim_into_line_directives_or_not_at_all(string path, bool representable)
    {
        var text = "vocabulary v cite \"c\"\nfact flag: bool\nbaseline b title \"t\" cite \"c\"\nrequire r: \"t\" cite \"c\" when flag\ninstrument i title \"I\" kind multilateral cite \"c\" includes b\n";
        var driver = CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, new AdditionalText[] { new GeneratorHarness.TreatyText(path, text) })
            .RunGenerators(GeneratorHarness.EmptyCompilation());
        var source = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "IValidator.g.cs").SourceText.ToString();

        var tree = CSharpSyntaxTree.ParseText(source);

        // A directive's file name has no escapes and cannot hold a quote or a line break.
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(representable ? new[] { path } : new string[0], LinePaths(source).Distinct());
    }

    [Theory]
    [InlineData("/repo/treaties/us-mx.treaty", "/repo/", "/_/")]
    [InlineData("/repo/treaties/us-mx.treaty", "/other/", "/_/")]
    [InlineData("/repository/t.treaty", "/repo", "/_/")]
    [InlineData("/repo/treaties/us-mx.treaty", "/repo/", "X:\\mapped\\")]
    [InlineData("/repo/treaties/us-mx.treaty", "/repo/treaties/", "/_/t/")]
    public void The_path_map_is_applied_exactly_as_the_compiler_applies_it(string path, string from, string to)
    {
        var entries = ImmutableArray.Create(new KeyValuePair<string, string>(from, to));
        var resolver = new SourceFileResolver(ImmutableArray<string>.Empty, null, entries);

        var ours = PathMap.From(GeneratorHarness.EmptyCompilation().WithOptions(GeneratorHarness.EmptyCompilation().Options.WithSourceReferenceResolver(resolver)));

        Assert.Equal(resolver.NormalizePath(path, baseFilePath: null), ours.Apply(path));
    }
}
