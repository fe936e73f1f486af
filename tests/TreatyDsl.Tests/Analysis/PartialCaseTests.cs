using TreatyDsl.Analysis;
using Xunit;

namespace TreatyDsl.Tests.Analysis;

/// <summary>The paths of list elements' fields, as the search names them (<c>offenses[2].category</c>), and taking an element out of a witness.</summary>
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

    [Fact]
    public void Taking_an_element_out_moves_the_later_ones_down_and_shortens_the_list()
    {
        var partial = PartialCase.Empty
            .With("offenses", new ListLength(3))
            .With("offenses[0].category", "drug")
            .With("offenses[1].category", "fraud")
            .With("offenses[2].category", "violent")
            .With("offenses[2].dualCriminality", true)
            .With("judgment.final", true);

        var fewer = partial.WithoutElement("offenses", 1);

        Assert.Equal(
            "judgment.final = True, offenses = 2 element(s), offenses[0].category = drug, offenses[1].category = violent, offenses[1].dualCriminality = True",
            fewer.ToString());
        Assert.Same(partial, partial.WithoutElement("offenses", 3));
        Assert.Same(partial, partial.WithoutElement("judgment.final", 0));
    }
}
