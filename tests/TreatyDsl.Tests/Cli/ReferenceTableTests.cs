using System.Linq;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

public class ReferenceTableTests
{
    [Fact]
    public void Texts_are_found_by_the_object_they_are_past_every_growth_of_the_table()
    {
        var table = new ReferenceTable<string, byte[]>();
        var texts = Enumerable.Range(0, 3000).Select(i => "text " + i).ToArray();
        for (var i = 0; i < texts.Length; i++) table.Add(texts[i], new[] { (byte)(i % 251) });

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(table.TryGet(texts[i], out var quoted));
            Assert.Equal((byte)(i % 251), Assert.Single(quoted));
        }
        // The same words in another string object are another key: texts are kept by reference.
        Assert.False(table.TryGet(new string("text 7".ToCharArray()), out _));
    }

    [Fact]
    public void No_more_than_the_bound_is_kept_and_the_kept_ones_are_still_found()
    {
        var table = new ReferenceTable<string, byte[]>();
        var texts = Enumerable.Range(0, ReferenceTable<string, byte[]>.Bound + 10).Select(i => "text " + i).ToArray();
        foreach (var text in texts) table.Add(text, new byte[] { 1 });

        Assert.True(table.TryGet(texts[0], out _));
        Assert.True(table.TryGet(texts[ReferenceTable<string, byte[]>.Bound - 1], out _));
        Assert.False(table.TryGet(texts[ReferenceTable<string, byte[]>.Bound], out _));
    }
}
