using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace TreatyDsl.Binding;

/// <summary>
/// Facts as the tree their dotted paths make: the case at the root, a group for each dotted prefix
/// (<c>sentence</c> of <c>sentence.type</c>), a fact at each full path; each node with the C# names the generator gives
/// it. The one place paths are split and grouped by segment: the case type, its reader, the generated-name check
/// (TDSL0122) and a witness's case file all walk it, so they cannot disagree on the shape.
/// </summary>
public static class FactTree
{
    private static readonly ConditionalWeakTable<VocabularyModel, FactTree<FactModel>> ByVocabulary = new();

    /// <summary>The tree of a vocabulary's facts, made once per vocabulary (the model is immutable).</summary>
    public static FactTree<FactModel> Of(VocabularyModel vocabulary) =>
        ByVocabulary.GetValue(vocabulary, v => Build(v.Facts, f => f.Path));

    /// <summary>The tree of <paramref name="facts"/>, each at the dotted path <paramref name="pathOf"/> gives.</summary>
    public static FactTree<T> Build<T>(IEnumerable<T> facts, Func<T, string> pathOf)
    {
        var root = new FactNode<T>(null, string.Empty);
        root.BecomeGroup(default!);
        var groups = new List<FactNode<T>> { root };
        var leaves = new List<(FactNode<T>, T)>();
        foreach (var fact in facts)
        {
            var node = root;
            var path = pathOf(fact);
            var start = 0;
            for (var dot = path.IndexOf('.'); dot >= 0; dot = path.IndexOf('.', start))
            {
                node = node.Child(path.Substring(start, dot - start));
                if (node.BecomeGroup(fact)) groups.Add(node);
                start = dot + 1;
            }
            var leaf = node.Child(path.Substring(start));
            leaf.AddFact(fact);
            leaves.Add((leaf, fact));
        }
        return new FactTree<T>(root, groups, leaves);
    }
}

/// <summary>A tree of facts by path (<see cref="FactTree"/>).</summary>
public sealed class FactTree<T>
{
    internal FactTree(FactNode<T> root, IReadOnlyList<FactNode<T>> groups, IReadOnlyList<(FactNode<T> Node, T Fact)> leaves)
    {
        Root = root;
        Groups = groups;
        Leaves = leaves;
    }

    /// <summary>The case itself: its children are the paths' first segments.</summary>
    public FactNode<T> Root { get; }

    /// <summary>Every group, the root first, then each in the order its first fact comes.</summary>
    public IReadOnlyList<FactNode<T>> Groups { get; }

    /// <summary>Every fact with its node, in the order the facts were given.</summary>
    public IReadOnlyList<(FactNode<T> Node, T Fact)> Leaves { get; }
}

/// <summary>
/// A node of a <see cref="FactTree{T}"/>: a group (it has children), a fact (it has facts at its path), or, in a
/// vocabulary that TDSL0122 refuses, both.
/// </summary>
public sealed class FactNode<T>
{
    private readonly List<FactNode<T>> children = new();
    private readonly Dictionary<string, FactNode<T>> bySegment = new(StringComparer.Ordinal);
    private readonly List<T> facts = new();

    internal FactNode(FactNode<T>? parent, string segment)
    {
        Parent = parent;
        Segment = segment;
        Path = parent is null || parent.Parent is null ? segment : parent.Path + "." + segment;
        MemberName = GeneratedNames.Pascal(segment);
        ClassName = parent is null ? GeneratedNames.CaseClass : GeneratedNames.GroupClass(parent.ClassName, segment);
        MemberPath = GeneratedNames.Member(Path);
    }

    /// <summary>The group this is in; null at the root.</summary>
    public FactNode<T>? Parent { get; }

    /// <summary>The last segment of the path (<c>type</c> of <c>sentence.type</c>); empty at the root.</summary>
    public string Segment { get; }

    /// <summary>The dotted path (<c>sentence.type</c>); empty at the root.</summary>
    public string Path { get; }

    /// <summary>The C# property on the parent's class: <c>Type</c>.</summary>
    public string MemberName { get; }

    /// <summary>The C# member path from the case: <c>Sentence.Type</c>.</summary>
    public string MemberPath { get; }

    /// <summary>The C# class of the group: <c>TreatyCase</c> at the root, <c>TreatyCaseSentence</c> for <c>sentence</c>.</summary>
    public string ClassName { get; }

    /// <summary>The facts at exactly this path: one for a fact, none for a group (two only where a path is declared twice).</summary>
    public IReadOnlyList<T> Facts => facts;

    /// <summary>The nodes below, in the order their first fact comes.</summary>
    public IReadOnlyList<FactNode<T>> Children => children;

    /// <summary>For a group, the first fact under it: where the group is first declared (default at the root).</summary>
    public T First { get; private set; } = default!;

    public bool IsFact => facts.Count > 0;

    /// <summary>Whether some path goes on past this node (the root always is a group).</summary>
    public bool IsGroup { get; private set; }

    /// <summary>The children that are facts, each fact at them in order.</summary>
    public IEnumerable<(FactNode<T> Node, T Fact)> ChildFacts()
    {
        foreach (var child in children)
        {
            foreach (var fact in child.facts) yield return (child, fact);
        }
    }

    /// <summary>The children that are groups.</summary>
    public IEnumerable<FactNode<T>> ChildGroups()
    {
        foreach (var child in children)
        {
            if (child.IsGroup) yield return child;
        }
    }

    /// <summary>Every fact in this group, at any depth.</summary>
    public IEnumerable<T> FactsBelow()
    {
        foreach (var child in children)
        {
            foreach (var fact in child.facts) yield return fact;
            foreach (var fact in child.FactsBelow()) yield return fact;
        }
    }

    /// <summary>The groups this is in, outermost first, the root left out: <c>a</c> and <c>a.b</c> for <c>a.b.c</c>.</summary>
    public IEnumerable<FactNode<T>> Enclosing()
    {
        var chain = new List<FactNode<T>>();
        for (var group = Parent; group?.Parent is not null; group = group.Parent) chain.Add(group);
        chain.Reverse();
        return chain;
    }

    internal FactNode<T> Child(string segment)
    {
        if (!bySegment.TryGetValue(segment, out var child))
        {
            child = new FactNode<T>(this, segment);
            bySegment[segment] = child;
            children.Add(child);
        }
        return child;
    }

    /// <summary>Marks this node a group, reached first by <paramref name="fact"/>; false if it was one already.</summary>
    internal bool BecomeGroup(T fact)
    {
        if (IsGroup) return false;
        IsGroup = true;
        First = fact;
        return true;
    }

    internal void AddFact(T fact) => facts.Add(fact);
}
