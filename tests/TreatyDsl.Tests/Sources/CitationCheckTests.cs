using System.IO;
using System.Linq;
using TreatyDsl.Sources;
using Xunit;

namespace TreatyDsl.Tests.Sources;

/// <summary>
/// Every citation in treaties/ names a passage that exists in the document it cites (issue 28, item 5), checked
/// against the project's reference data, docs/sources/passages.txt (made from the seeds by
/// docs/sources/extract_passages.py); a passage that does not exist is TDSL0401 at the citation, with the nearest one.
/// </summary>
public class CitationCheckTests
{
    private static readonly PassageCatalog Catalog = PassageCatalog.Parse(File.ReadAllText(Path.Combine(Paths.Root, "docs", "sources", "passages.txt")));

    [Fact]
    public void Every_citation_in_the_shipped_treaties_names_a_passage_that_exists()
    {
        var files = Directory.GetFiles(Paths.Treaties, "*.treaty").OrderBy(f => f, System.StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f)));

        var diagnostics = CitationCheck.Run(files, Catalog);

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void A_passage_that_does_not_exist_is_TDSL0401_at_the_citation_with_the_nearest_that_does()
    {
        const string text = "baseline b\n  title \"B\"\n  cite \"7 FAM 481.3-1 d(7) (\\\"a quotation\\\"); DOJ Guidelines II(2)\"\n";

        var diagnostic = Assert.Single(CitationCheck.Run(new[] { ("b.treaty", text) }, Catalog));

        Assert.Equal("TDSL0401", diagnostic.Id);
        Assert.Equal((3, 8), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Equal("'7 FAM 481.3-1 d(7)' is not a passage of 7 FAM; the nearest that exists is '7 FAM 481.3-1 d(1)'", diagnostic.Message);
    }

    [Theory]
    [InlineData("7 FAM 481.3-2 b(5) and Note (CETS 112 art. 3(2))")]
    [InlineData("DOJ Guidelines II, additional requirement 1, and n.2 (Mexico, Turkey and Panama domiciliary clauses)")]
    [InlineData("DOJ Guidelines II, additional requirement 2 and 3; case file contract (sentence.fullTermDate)")]
    [InlineData("DOJ Guidelines I and IV; 7 FAM 487 (\"consent of the state is also required\")")]
    [InlineData("DOJ Guidelines III (BOP screen (3)); 7 FAM Exhibit 481 (Mexico); 7 FAM Exhibit 481, Table A (territories)")]
    [InlineData("Mexico treaty Art. II(3); 18 U.S.C. 4100-4115")]
    public void Remarks_joined_passages_and_documents_outside_the_seeds_are_read_as_docs_sources_says(string citation)
    {
        Assert.Empty(CitationReference.Check(citation, Catalog));
    }

    [Theory]
    [InlineData("7 FAM 481.3 (9)", "7 FAM", "481.3 (9)")]                                  // an item number is part of the name, never a remark
    [InlineData("DOJ Guidelines III (BOP screen (4))", "DOJ Guidelines", "III (BOP screen (4))")]
    [InlineData("DOJ Guidelines II, additional requirement 2 and 7", "DOJ Guidelines", "7")]
    [InlineData("DOJ Guidelines II(7)", "DOJ Guidelines", "II(7)")]
    [InlineData("FAM 481.3", null, null)]
    public void A_passage_or_document_that_does_not_exist_is_a_problem(string citation, string? document, string? passage)
    {
        var problem = Assert.Single(CitationReference.Check(citation, Catalog));

        Assert.Equal(document, problem.Document);
        Assert.Equal(passage, problem.Passage);
    }

    [Fact]
    public void Treaty_check_with_a_passage_list_reports_TDSL0401_at_the_citation_and_still_exits_0()
    {
        var folder = Directory.CreateTempSubdirectory("treaty-cite-").FullName;
        foreach (var file in Directory.GetFiles(Paths.Treaties, "*.treaty")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var coe = Path.Combine(folder, "coe.treaty");
        File.WriteAllText(coe, File.ReadAllText(coe).Replace("; 7 FAM 484\"", "; 7 FAM 494\"", System.StringComparison.Ordinal));
        var output = new StringWriter();

        var exit = TreatyDsl.Cli.Program.Invoke(new[] { "check", folder, "--passages", Path.Combine(Paths.Root, "docs", "sources", "passages.txt") }, output, new StringWriter());

        Assert.Equal(0, exit); // a warning
        var line = Assert.Single(output.ToString().Split('\n'), l => l.Contains("TDSL0401", System.StringComparison.Ordinal) && l.Contains("coe.treaty(", System.StringComparison.Ordinal));
        Assert.EndsWith("warning TDSL0401: '7 FAM 494' is not a passage of 7 FAM; the nearest that exists is '7 FAM 484'", line.TrimEnd('\r'), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_in_a_comment_or_in_other_quoted_text_is_not_read()
    {
        const string text = "// cite \"7 FAM 999\"\nrequire r: \"cite \\\"7 FAM 998\\\"\" cite \"7 FAM 484\" when judgment.final\noverride cite r \"7 FAM 997\"\n";

        var citations = TreatyDsl.Parsing.Tokens.Citations(text).Select(c => c.Text).ToList();

        Assert.Equal(new[] { "7 FAM 484", "7 FAM 997" }, citations);
    }
}
