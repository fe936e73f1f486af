using System.Collections.Generic;
using System.Globalization;

namespace TreatyDsl.Runtime;

/// <summary>
/// Folds the per-element truths of 'any' or 'all' into one truth, Kleene-style, and remembers which
/// elements decided it (only when explaining, so the fast path allocates nothing).
/// </summary>
public struct QuantifierTally
{
    private readonly bool all;
    private readonly string source;
    private List<int>? deciding;
    private List<int>? unknown;
    private int count;
    private bool sawDeciding;
    private bool sawUnknown;
    private readonly bool explain;

    /// <param name="all">True for 'all' (one false decides), false for 'any' (one true decides).</param>
    /// <param name="source">The list's fact path, for naming elements (<c>offenses[1]</c>).</param>
    /// <param name="explain">Whether to remember element indices for the explanation.</param>
    public QuantifierTally(bool all, string source, bool explain)
    {
        this.all = all;
        this.source = source;
        this.explain = explain;
        deciding = null;
        unknown = null;
        count = 0;
        sawDeciding = false;
        sawUnknown = false;
    }

    /// <summary>Counts the body's truth for the item at <paramref name="index"/>.</summary>
    public void Add(int index, Truth truth)
    {
        count++;
        var decides = all ? truth == Truth.False : truth == Truth.True;
        if (decides)
        {
            sawDeciding = true;
            if (explain) (deciding ??= new List<int>()).Add(index);
        }
        else if (truth == Truth.Unknown)
        {
            sawUnknown = true;
            if (explain) (unknown ??= new List<int>()).Add(index);
        }
    }

    /// <summary>
    /// Whether an item has decided the result (for 'all' one that is false, for 'any' one that holds): no later item can
    /// change it, so a caller that explains nothing may stop walking the list.
    /// </summary>
    public bool IsSettled => sawDeciding;

    /// <summary>Any: true if one item holds, else unknown if one is unknown, else false. All: the dual.</summary>
    public Truth Result =>
        sawDeciding ? (all ? Truth.False : Truth.True)
        : sawUnknown ? Truth.Unknown
        : (all ? Truth.True : Truth.False);

    /// <summary>"offenses[1]" for the elements that decided, "none of 2" or "all 2" otherwise.</summary>
    public string Detail
    {
        get
        {
            if (sawDeciding) return Names(deciding);
            if (sawUnknown) return Names(unknown);
            var n = count.ToString(CultureInfo.InvariantCulture);
            return all ? (count == 1 ? "the only one" : "all " + n) : (count == 0 ? "the list is empty" : "none of " + n);
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
