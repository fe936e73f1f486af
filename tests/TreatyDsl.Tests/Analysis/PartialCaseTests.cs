using TreatyDsl.Analysis;
using Xunit;

namespace TreatyDsl.Tests.Analysis;

/// <summary>The paths of list elements' fields, as the search names them (<c>offenses[2].category</c>).</summary>
public class PartialCaseTests
{
    [Theory]
    [InlineData("offenses[2].category", "offenses", "offenses[].category")]
    [InlineData("a.b[10].c", "a.b", "a.b[].c")]
    [InlineData("offenses", null, "offenses")]
    [InlineData("sentence.type", null, "sentence.type")]
    [InlineData("offenses[].category", null, "offenses[].category")]
    [InlineData("offenses[x].category", null, "offenses[x].category")]
    [InlineData("[1].a", null, "[1].a")]
    [InlineData("a[1].", null, "a[1].")]
    [InlineData("a[1].b[2]", null, "a[1].b[2]")]
    public void A_field_of_a_list_element_is_told_apart_from_every_other_path(string path, string? list, string slot)
    {
        Assert.Equal(list, PartialCase.ListOf(path));
        Assert.Equal(slot, PartialCase.SlotOf(path));
    }
}
