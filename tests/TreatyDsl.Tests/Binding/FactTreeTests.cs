using System.IO;
using System.Linq;
using TreatyDsl.Binding;
using Xunit;

namespace TreatyDsl.Tests.Binding;

/// <summary>The one tree of fact paths: groups by dotted prefix, facts at full paths, the generated C# names on each node.</summary>
public class FactTreeTests
{
    private static readonly string[] Paths3 = { "applicationDate", "sentence.type", "prisoner.name.family", "sentence.fullTermDate", "prisoner.name.given", "prisoner.age" };

    [Fact]
    public void Paths_make_groups_in_the_order_their_first_fact_comes_each_with_its_generated_class()
    {
        var tree = FactTree.Build(Paths3, p => p);

        Assert.Equal(new[] { "", "sentence", "prisoner", "prisoner.name" }, tree.Groups.Select(g => g.Path));
        Assert.Equal(new[] { "TreatyCase", "TreatyCaseSentence", "TreatyCasePrisoner", "TreatyCasePrisonerName" }, tree.Groups.Select(g => g.ClassName));
        Assert.Equal(new[] { "sentence.type", "prisoner.name.family", "prisoner.name.family" }, tree.Groups.Skip(1).Select(g => g.First));
    }

    [Fact]
    public void A_group_lists_its_facts_and_its_groups_each_with_the_property_name_on_its_class()
    {
        var tree = FactTree.Build(Paths3, p => p);
        var prisoner = tree.Root.ChildGroups().Single(g => g.Segment == "prisoner");

        Assert.Equal(new[] { ("applicationDate", "ApplicationDate") }, tree.Root.ChildFacts().Select(f => (f.Fact, f.Node.MemberName)));
        Assert.Equal(new[] { "Sentence", "Prisoner" }, tree.Root.ChildGroups().Select(g => g.MemberName));
        Assert.Equal(new[] { "prisoner.age" }, prisoner.ChildFacts().Select(f => f.Fact));
        Assert.Equal(new[] { "prisoner.name.family", "prisoner.name.given", "prisoner.age" }, prisoner.FactsBelow());
    }

    [Fact]
    public void A_fact_knows_its_member_path_from_the_case_and_the_groups_it_is_in()
    {
        var tree = FactTree.Build(Paths3, p => p);
        var given = tree.Leaves.Single(l => l.Fact == "prisoner.name.given").Node;

        Assert.Equal("Prisoner.Name.Given", given.MemberPath);
        Assert.Equal(new[] { "prisoner", "prisoner.name" }, given.Enclosing().Select(g => g.Path));
        Assert.Equal(Paths3, tree.Leaves.Select(l => l.Fact));
    }

    [Fact]
    public void A_path_that_is_both_a_fact_and_a_group_is_one_node_that_is_both()
    {
        var tree = FactTree.Build(new[] { "a", "a.b" }, p => p);
        var a = Assert.Single(tree.Root.Children);

        Assert.True(a.IsFact);
        Assert.True(a.IsGroup);
        Assert.Equal(new[] { "", "a" }, tree.Groups.Select(g => g.Path));
    }

    [Fact]
    public void The_shipped_vocabulary_has_one_tree_made_once_with_every_fact_at_its_path()
    {
        var files = Directory.GetFiles(Paths.Treaties, "*.treaty").Select(f => (f, File.ReadAllText(f)));
        var vocabulary = TreatyLoader.Load(files).Vocabulary;

        var tree = FactTree.Of(vocabulary);

        Assert.Same(tree, FactTree.Of(vocabulary));
        Assert.Equal(vocabulary.Facts.Select(f => f.Path), tree.Leaves.Select(l => l.Node.Path));
        Assert.Contains(tree.Groups, g => g.Path == "sentence" && g.ClassName == "TreatyCaseSentence");
    }
}
