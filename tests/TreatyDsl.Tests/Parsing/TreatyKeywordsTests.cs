using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.Parsing;
using Xunit;

namespace TreatyDsl.Tests.Parsing;

/// <summary>The one keyword table: it and the grammar name the same words, and each word's role is what the parser does with it.</summary>
public class TreatyKeywordsTests
{
    // The grammar and its partial files (one per kind of declaration).
    private static readonly string Grammar = string.Concat(
        Directory.GetFiles(Path.Combine(Paths.Root, "src", "TreatyDsl", "Parsing"), "TreatyGrammar*.cs").Select(File.ReadAllText));

    [Fact]
    public void The_table_holds_exactly_the_words_the_grammar_reads_as_keywords_each_once_with_a_reason()
    {
        // Keyword("...") for most; the three rule declarations go through Rule("...", kind).
        var read = Regex.Matches(Grammar, "(?:Keyword|Rule)\\(\"([a-z]+)\"").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(read.OrderBy(w => w, System.StringComparer.Ordinal), TreatyKeywords.All);
        Assert.Equal(TreatyKeywords.Table.Count, TreatyKeywords.All.Count);
        Assert.All(TreatyKeywords.Table, k => Assert.False(string.IsNullOrWhiteSpace(k.Why)));
    }

    [Theory]
    [InlineData("for")]
    [InlineData("against")]
    [InlineData("either")]
    [InlineData("force")]
    [InlineData("weighs")]
    [InlineData("case")]
    public void A_contextual_keyword_may_be_a_name(string word)
    {
        var parsed = TreatyParser.Parse("t.treaty", $"require {word}: \"t\" cite \"c\" when judgment.final\n");

        Assert.Equal(KeywordRole.Contextual, TreatyKeywords.Table.Single(k => k.Word == word).Role);
        Assert.Empty(parsed.Diagnostics);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("note")]
    [InlineData("when")]
    [InlineData("record")]
    public void A_reserved_keyword_alone_is_not_a_name_but_may_be_part_of_a_dotted_one(string word)
    {
        var alone = TreatyParser.Parse("t.treaty", $"require {word}: \"t\" cite \"c\" when judgment.final\n");
        var dotted = TreatyParser.Parse("t.treaty", $"require r: \"t\" cite \"c\" when sentence.{word} and {word}.x\n");

        Assert.True(TreatyKeywords.IsReserved(word));
        Assert.Equal("TDSL0001", Assert.Single(alone.Diagnostics).Id);
        Assert.Empty(dotted.Diagnostics);
    }
}
