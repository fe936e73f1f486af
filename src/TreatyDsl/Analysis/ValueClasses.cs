using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Binding;

namespace TreatyDsl.Analysis;

/// <summary>
/// The classes one rule's own constants make of a number or date fact. The search tries a value for each class the
/// whole instrument distinguishes (three hundred requirements on one fact: about nine hundred values), but one rule
/// compares the fact with its own few constants only, so its outcome is the same for every value between two of them:
/// where the rule settles a branch at one value (fails a conjunction, is met where it must not be), it settles the
/// branch at every value of that run, and the search need not try them (see <see cref="CaseSearch"/>). This is what
/// keeps a check of one rule in a group of hundreds from walking every value the group distinguishes.
/// </summary>
/// <remarks>
/// Sound only because an ordered fact is compared with constants alone in the exact fragment (two ordered facts compared
/// with each other are outside it, see <see cref="Atoms"/>); a rule outside the fragment, a fact that starts a period (its
/// value moves every end compared with a duration) and any other type are never reduced.
/// </remarks>
internal sealed class ValueClasses
{
    private readonly VocabularyModel vocabulary;
    private readonly InstrumentModel instrument;
    private readonly System.Func<string, TypeRef?> typeOf;
    private readonly System.Func<RuleModel, RuleModel> original;
    private readonly System.Func<RuleModel, bool> exact;
    private readonly Dictionary<RuleModel, Atoms> ruleAtoms = new(ReferenceEqualityComparer<RuleModel>.Instance);
    private readonly HashSet<string> periodStarts = new();

    /// <param name="vocabulary">The facts and derived facts.</param>
    /// <param name="instrument">The instrument, for its derived facts and thresholds.</param>
    /// <param name="instrumentAtoms">The instrument's atoms: which facts start periods.</param>
    /// <param name="typeOf">The type of a slot (<see cref="CaseSpace.TypeOf"/>).</param>
    /// <param name="original">The rule a variant (without an exception, an alternative) was made from, which says whether the variant is exact.</param>
    /// <param name="exact">Whether a rule is in the exact fragment.</param>
    public ValueClasses(VocabularyModel vocabulary, InstrumentModel instrument, Atoms instrumentAtoms, System.Func<string, TypeRef?> typeOf, System.Func<RuleModel, RuleModel> original, System.Func<RuleModel, bool> exact)
    {
        this.vocabulary = vocabulary;
        this.instrument = instrument;
        this.typeOf = typeOf;
        this.original = original;
        this.exact = exact;
        foreach (var period in instrumentAtoms.Periods.Values) periodStarts.Add(period.From);
    }

    /// <summary>
    /// The indices of <paramref name="values"/> (the fact's values in ascending order, as <see cref="CaseSpace.ValuesOf"/>
    /// gives them) whose values <paramref name="rule"/> cannot tell from the one at <paramref name="index"/>: a run around
    /// it, or just <paramref name="index"/> when the rule's outcome may depend on the value otherwise than by its classes.
    /// </summary>
    public (int First, int Last) RunAround(RuleModel rule, string path, PartialCase partial, IReadOnlyList<object?> values, int index)
    {
        if (Boundaries(rule, path, partial) is not { } boundaries || values[index] is not System.IComparable value) return (index, index);
        if (boundaries.Count > 0 && boundaries[0].GetType() != value.GetType()) return (index, index);
        if (!InOrder(values)) return (index, index);
        // The boundaries at or around the value: a value that is a boundary is a class of its own.
        var at = boundaries.BinarySearch(value, Comparer);
        if (at >= 0) return (index, index);
        var above = ~at;
        var lower = above > 0 ? boundaries[above - 1] : null;
        var upper = above < boundaries.Count ? boundaries[above] : null;
        // The values are in ascending order (CaseSpace.ValuesOf): the run is found by halving, not by walking it.
        var first = lower is null ? 0 : FirstAbove(values, lower, 0, index);
        var last = upper is null ? values.Count - 1 : FirstAtOrAbove(values, upper, index, values.Count) - 1;
        return (System.Math.Min(first, index), System.Math.Max(last, index));
    }

    /// <summary>Whether the values are strictly ascending and of one type, which halving needs (checked once per list).</summary>
    private bool InOrder(IReadOnlyList<object?> values)
    {
        if (inOrder.TryGetValue(values, out var known)) return known;
        var ok = true;
        for (var i = 1; i < values.Count && ok; i++) ok = values[i - 1] is not null && Below(values[i - 1], values[i]);
        inOrder[values] = ok;
        return ok;
    }

    private readonly Dictionary<IReadOnlyList<object?>, bool> inOrder = new(ReferenceEqualityComparer<IReadOnlyList<object?>>.Instance);

    /// <summary>The first index in [<paramref name="from"/>, <paramref name="to"/>] whose value is above <paramref name="bound"/>.</summary>
    private static int FirstAbove(IReadOnlyList<object?> values, System.IComparable bound, int from, int to)
    {
        while (from < to)
        {
            var middle = from + (to - from) / 2;
            if (Below(bound, values[middle])) to = middle;
            else from = middle + 1;
        }
        return from;
    }

    /// <summary>The first index in [<paramref name="from"/>, <paramref name="to"/>) whose value is at or above <paramref name="bound"/> (<paramref name="to"/> if none).</summary>
    private static int FirstAtOrAbove(IReadOnlyList<object?> values, System.IComparable bound, int from, int to)
    {
        while (from < to)
        {
            var middle = from + (to - from) / 2;
            if (Below(values[middle], bound)) from = middle + 1;
            else to = middle;
        }
        return from;
    }

    private static readonly Comparer<System.IComparable> Comparer = Comparer<System.IComparable>.Create((a, b) => a.CompareTo(b));

    /// <summary>Whether <paramref name="a"/> is below <paramref name="b"/>, a missing bound being below or above everything.</summary>
    private static bool Below(object? a, object? b) =>
        a is null || b is null || (a is System.IComparable x && x.GetType() == b.GetType() && x.CompareTo(b) < 0);

    /// <summary>Whether the values of <paramref name="path"/> may be grouped in runs at all (a number or date that starts no period).</summary>
    public bool MayReduce(string path)
    {
        var slot = PartialCase.SlotOf(path);
        if (periodStarts.Contains(slot)) return false;
        return typeOf(slot) is { Kind: TypeKind.Number or TypeKind.Date };
    }

    /// <summary>The values the rule compares the fact with, sorted; null when its classes cannot be told from them.</summary>
    private List<System.IComparable>? Boundaries(RuleModel rule, string path, PartialCase partial)
    {
        // A variant (the rule without an exception, an alternative as a rule of its own) compares with its own
        // constants, fewer than its rule's; whether it is in the fragment is its rule's.
        if (!exact(original(rule)) || !MayReduce(path)) return null;
        var slot = PartialCase.SlotOf(path);
        var atoms = AtomsOf(rule);
        LocalDate? start = null;
        if (atoms.Periods.TryGetValue(slot, out var period))
        {
            // A period's end is compared with the start plus each duration: the start is given before the end.
            if (!partial.Values.TryGetValue(period.From, out var given) || given is not LocalDate from) return null;
            start = from;
        }
        if (boundaries.TryGetValue((rule, slot, start), out var known)) return known;
        var result = new List<System.IComparable>();
        if (atoms.Constants.TryGetValue(slot, out var constants))
        {
            foreach (var c in constants) if (c is System.IComparable comparable) result.Add(comparable);
        }
        if (start is { } begin) foreach (var duration in period.Durations) result.Add(begin.Plus(duration));
        // Constants of another type than each other (never, in a rule that binds) would make the order meaningless.
        var sorted = result.Count == 0 || result.All(b => b.GetType() == result[0].GetType()) ? result.Distinct().OrderBy(b => b, Comparer).ToList() : null;
        boundaries[(rule, slot, start)] = sorted;
        return sorted;
    }

    private readonly Dictionary<(RuleModel Rule, string Slot, LocalDate? Start), List<System.IComparable>?> boundaries = new(BoundaryKeyComparer.Instance);

    private sealed class BoundaryKeyComparer : IEqualityComparer<(RuleModel Rule, string Slot, LocalDate? Start)>
    {
        public static readonly BoundaryKeyComparer Instance = new();

        public bool Equals((RuleModel Rule, string Slot, LocalDate? Start) x, (RuleModel Rule, string Slot, LocalDate? Start) y) =>
            ReferenceEquals(x.Rule, y.Rule) && x.Slot == y.Slot && x.Start == y.Start;

        public int GetHashCode((RuleModel Rule, string Slot, LocalDate? Start) key) =>
            unchecked((System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Rule) * 31 + key.Slot.GetHashCode()) * 31 + key.Start.GetHashCode());
    }

    private Atoms AtomsOf(RuleModel rule)
    {
        if (!ruleAtoms.TryGetValue(rule, out var atoms)) ruleAtoms[rule] = atoms = Atoms.OfRule(vocabulary, instrument, rule);
        return atoms;
    }
}
