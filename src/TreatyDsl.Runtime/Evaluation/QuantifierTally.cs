using System.Collections.Generic;
using System.Globalization;

namespace TreatyDsl.Runtime;

/// <summary>
/// Folds the per-element truths of 'any' or 'all' into one truth, Kleene-style (<see cref="QuantifierFold"/>), and
/// remembers which elements decided it (only when explaining, so the fast path allocates nothing).
/// </summary>
public struct QuantifierTally
{
    private QuantifierFold fold;
    private readonly string source;
    private List<int>? deciding;
    private List<int>? unknown;
    private int count;
    private readonly bool explain;

    /// <param name="all">True for 'all' (one false decides), false for 'any' (one true decides).</param>
    /// <param name="source">The list's fact path, for naming elements (<c>offenses[1]</c>).</param>
    /// <param name="explain">Whether to remember element indices for the explanation.</param>
    public QuantifierTally(bool all, string source, bool explain)
    {
        fold = new QuantifierFold(all);
        this.source = source;
        this.explain = explain;
        deciding = null;
        unknown = null;
        count = 0;
    }

    /// <summary>Counts the body's truth for the item at <paramref name="index"/>.</summary>
    public void Add(int index, Truth truth)
    {
        count++;
        fold.Add(truth);
        if (!explain) return;
        if (fold.Decides(truth)) (deciding ??= new List<int>()).Add(index);
        else if (truth == Truth.Unknown) (unknown ??= new List<int>()).Add(index);
    }

    /// <summary>
    /// Whether an item has decided the result (for 'all' one that is false, for 'any' one that holds): no later item can
    /// change it, so a caller that explains nothing may stop walking the list.
    /// </summary>
    public bool IsSettled => fold.IsSettled;

    /// <summary>Any: true if one item holds, else unknown if one is unknown, else false. All: the dual.</summary>
    public Truth Result => fold.Result;

    /// <summary>"offenses[1]" for the elements that decided, "none of 2" or "all 2" otherwise.</summary>
    public string Detail
    {
        get
        {
            if (fold.IsSettled) return Names(deciding);
            if (fold.Result == Truth.Unknown) return Names(unknown);
            var n = count.ToString(CultureInfo.InvariantCulture);
            return fold.IsAll ? (count == 1 ? "the only one" : "all " + n) : (count == 0 ? "the list is empty" : "none of " + n);
        }
    }

    private string Names(List<int>? indices)
    {
        if (indices is null) return string.Empty;
        var names = new string[indices.Count];
        for (var i = 0; i < indices.Count; i++) names[i] = source + "[" + indices[i].ToString(CultureInfo.InvariantCulture) + "]";
        return string.Join(", ", names);
    }
}

/// <summary>
/// The truth of 'any' or 'all' folded from its elements' truths, Kleene-style, and nothing else: what
/// <see cref="QuantifierTally"/> folds, without its record of which elements decided. Three fields, so the JIT keeps a
/// fold in registers; the fast path's shared walk of a list (several rules' quantifiers at once) uses one per quantifier.
/// </summary>
public struct QuantifierFold
{
    private readonly Truth deciding;
    private bool sawDeciding;
    private bool sawUnknown;

    /// <param name="all">True for 'all' (one false decides), false for 'any' (one true decides).</param>
    public QuantifierFold(bool all)
    {
        deciding = all ? Truth.False : Truth.True;
        sawDeciding = false;
        sawUnknown = false;
    }

    /// <summary>Counts one element's truth.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(Truth truth)
    {
        if (truth == deciding) sawDeciding = true;
        else if (truth == Truth.Unknown) sawUnknown = true;
    }

    /// <summary>True for 'all', false for 'any'.</summary>
    public bool IsAll => deciding == Truth.False;

    /// <summary>Whether <paramref name="truth"/> decides the result on its own ('all': false, 'any': true).</summary>
    public bool Decides(Truth truth) => truth == deciding;

    /// <summary>Whether an element has decided the result: no later one can change it, so the walk may stop.</summary>
    public bool IsSettled => sawDeciding;

    /// <summary>Any: true if one element holds, else unknown if one is unknown, else false. All: the dual.</summary>
    public Truth Result =>
        sawDeciding ? deciding
        : sawUnknown ? Truth.Unknown
        : IsAll ? Truth.True : Truth.False;
}
