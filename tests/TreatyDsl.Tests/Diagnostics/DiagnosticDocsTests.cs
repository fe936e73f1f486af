using System.IO;
using TreatyDsl.Diagnostics;
using Xunit;

namespace TreatyDsl.Tests.Diagnostics;

/// <summary>Every diagnostic's help link (docs/diagnostics/ID.md) leads to a page that explains it.</summary>
public class DiagnosticDocsTests
{
    [Fact]
    public void Every_catalog_diagnostic_has_a_help_page_titled_with_its_id_and_listed_in_the_index()
    {
        var index = File.ReadAllText(Path.Combine(Paths.Root, "docs", "diagnostics", "README.md"));
        Assert.All(DiagnosticCatalog.All, entry =>
        {
            var page = Path.Combine(Paths.Root, entry.HelpLink);
            Assert.True(File.Exists(page), $"{entry.Id} has no page at {entry.HelpLink}");
            Assert.StartsWith($"# {entry.Id}: {entry.Title}\n", File.ReadAllText(page).Replace("\r\n", "\n"));
            Assert.Contains($"[{entry.Id}]({entry.Id}.md)", index);
        });
    }
}
