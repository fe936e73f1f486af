using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Interpretation;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// The corpus of deliberately broken treaty files (<c>Analysis/BrokenTreaties/*.marked</c>, see its README): each reports
/// exactly its marked findings, and every finding that carries a witness is reproduced by the evaluator.
/// </summary>
public class BrokenTreatyCorpusTests
{
    private static readonly string Folder = Path.Combine(Paths.Root, "tests", "TreatyDsl.Tests", "Analysis", "BrokenTreaties");

    public static IEnumerable<object[]> Files() =>
        Directory.GetFiles(Folder, "*.marked").OrderBy(f => f, System.StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Files))]
    public void A_broken_file_reports_exactly_its_marked_findings_and_each_witness_reproduces(string file)
    {
        var marked = File.ReadAllText(Path.Combine(Folder, file)).Replace("\r\n", "\n");

        var findings = Verify(marked);

        Assert.NotEmpty(findings);
        var model = TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", Unmarked(marked)) });
        var catalog = InterpretedCatalog.Create(model);
        foreach (var finding in findings.Where(f => f.Witness is not null))
        {
            SoundnessProperties.AssertReproduced(finding, catalog, InterpretedCatalog.SchemaOf(model.Vocabulary));
        }
    }

    private static string Unmarked(string marked) => System.Text.RegularExpressions.Regex.Replace(marked, @"\{\|TDSL\d{4}:(.*?)\|\}", "$1");
}
