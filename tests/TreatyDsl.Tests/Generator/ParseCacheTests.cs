using TreatyDsl.Generator;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>The analyzer parses a .treaty file again only when its text changed since the last compilation.</summary>
public class ParseCacheTests
{
    private const string Text = "vocabulary v cite \"c\"\nfact flag: bool\n";

    [Fact]
    public void The_same_text_at_the_same_path_is_parsed_once()
    {
        var path = "/cache/" + System.Guid.NewGuid() + ".treaty";

        Assert.Same(ParseCache.Parse(path, Text), ParseCache.Parse(path, Text));
    }

    [Fact]
    public void An_edited_text_is_parsed_again_and_gives_the_edit()
    {
        var path = "/cache/" + System.Guid.NewGuid() + ".treaty";
        var before = ParseCache.Parse(path, Text);

        var after = ParseCache.Parse(path, Text + "fact other: bool\n");

        Assert.NotSame(before, after);
        Assert.Equal(3, after.File.Declarations.Count);
    }

    [Fact]
    public void The_same_text_at_another_path_is_parsed_for_that_path()
    {
        var first = ParseCache.Parse("/cache/" + System.Guid.NewGuid() + ".treaty", Text);
        var path = "/cache/" + System.Guid.NewGuid() + ".treaty";

        var second = ParseCache.Parse(path, Text);

        Assert.Equal(path, second.File.Path);
        Assert.NotSame(first, second);
    }
}
