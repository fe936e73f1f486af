using System.Collections.Generic;
using System.Linq;

namespace TreatyDsl.Parsing;

/// <summary>
/// Every keyword of the language: the words that start a declaration and the words inside one. Editors complete them
/// and the TextMate grammar colours them (a test checks that it knows each).
/// </summary>
public static class TreatyKeywords
{
    /// <summary>The words a declaration starts with.</summary>
    public static IReadOnlyCollection<string> Declarations => DeclarationSplitter.DeclarationKeywords;

    /// <summary>The words inside declarations and conditions.</summary>
    public static readonly IReadOnlyList<string> Clauses = new[]
    {
        "accept", "against", "all", "and", "any", "before", "case", "cite", "columns", "effective", "either", "expect", "expected", "false",
        "for", "force", "from", "given", "in", "includes", "kind", "label", "like", "list", "nonempty", "not", "note", "of", "only", "or",
        "override", "parties", "period", "practice", "prefers", "required", "title", "to", "true", "unbounded", "unless",
        "weighs", "when",
    };

    /// <summary>All of them, each once, in ordinal order.</summary>
    public static readonly IReadOnlyList<string> All = Declarations.Concat(Clauses).Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToArray();
}
