using System;
using System.IO;
using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>
/// References and definitions go by the binder's symbols, not by spelling: a quantifier variable's field is the field of
/// the record the variable ranges over, even when another record has a field of the same name.
/// </summary>
public class ReferenceResolutionTests
{
    /// <summary>A second record with a 'category' field, and a derived fact that reads it through a quantifier.</summary>
    private const string Appeals =
        "\nrecord Appeal\n  category: text\n  pending: bool\n\nfact appeals: list of Appeal \"Appeals lodged\"\n\n" +
        "derive appealedOnLaw: bool = any appeal in appeals: appeal.category = \"law\"\n";

    private static (WorkspaceSnapshot Snapshot, TreatyDocument Vocabulary, TreatyDocument Mexico) Open()
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var vocabulary = Path.GetFullPath(Path.Combine(Paths.Treaties, "case-file.treaty"));
        workspace.Open(vocabulary, new Uri(vocabulary).AbsoluteUri, File.ReadAllText(vocabulary) + Appeals, 1);
        var snapshot = workspace.Snapshot();
        Assert.DoesNotContain(snapshot.Model.Diagnostics, d => d.IsError);
        return (snapshot, snapshot.Find(vocabulary)!, snapshot.Find(Path.GetFullPath(Path.Combine(Paths.Treaties, "us-mx.treaty")))!);
    }

    private static Position At(TreatyDocument document, string lineContains, string word, int occurrence = 0)
    {
        var lines = document.Text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(lineContains, StringComparison.Ordinal));
        Assert.True(line >= 0, $"no line holds '{lineContains}'");
        var column = -1;
        for (var i = 0; i <= occurrence; i++) column = lines[line].IndexOf(word, column + 1, StringComparison.Ordinal);
        return new Position(line, column + 1);
    }

    private static string Line(TreatyDocument document, Location location) => document.Text.Split('\n')[location.Range.Start.Line];

    [Fact]
    public void A_quantifier_variables_field_is_defined_by_the_record_the_variable_ranges_over_only()
    {
        var (snapshot, vocabulary, mexico) = Open();

        var offense = NavigationFeature.Definition(snapshot, mexico, At(mexico, "when any offense in offenses: offense.category = immigration", "offense.category"));
        var appeal = NavigationFeature.Definition(snapshot, vocabulary, At(vocabulary, "derive appealedOnLaw", "appeal.category"));

        Assert.Equal("  category: OffenseCategory", Line(vocabulary, Assert.Single(offense)));
        Assert.Equal("  category: text", Line(vocabulary, Assert.Single(appeal)));
    }

    [Fact]
    public void References_of_a_field_are_its_declaration_and_the_reads_through_variables_of_its_record_and_no_others()
    {
        var (snapshot, vocabulary, mexico) = Open();

        var appealReferences = NavigationFeature.References(snapshot, vocabulary, At(vocabulary, "  category: text", "category"), includeDeclaration: true);
        Assert.Equal(new[] { "  category: text", "derive appealedOnLaw: bool = any appeal in appeals: appeal.category = \"law\"" },
            appealReferences.Select(r => Line(vocabulary, r)));

        var offenseReferences = NavigationFeature.References(snapshot, mexico, At(mexico, "when any offense in offenses: offense.category = immigration", "offense.category"), includeDeclaration: false);
        Assert.NotEmpty(offenseReferences);
        Assert.All(offenseReferences, r => Assert.Contains("offense.category", Line(snapshot.Documents.Single(d => d.Uri == r.Uri), r), StringComparison.Ordinal));
        Assert.DoesNotContain(offenseReferences, r => r.Uri == vocabulary.Uri && Line(vocabulary, r).Contains("appeal", StringComparison.Ordinal));
    }

    [Fact]
    public void Hover_on_a_quantifier_variables_field_describes_that_records_field()
    {
        var (snapshot, vocabulary, _) = Open();

        var hover = HoverFeature.At(snapshot, vocabulary, At(vocabulary, "derive appealedOnLaw", "appeal.category"))!;

        Assert.Contains("Appeal", hover.Contents.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Offense", hover.Contents.Value, StringComparison.Ordinal);
    }
}
