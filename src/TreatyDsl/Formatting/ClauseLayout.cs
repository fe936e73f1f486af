using System.Collections.Generic;
using TreatyDsl.Parsing;

namespace TreatyDsl.Formatting;

/// <summary>
/// Where each declaration's clauses begin, and how far each is indented: the canonical layout is the declaration's
/// header at column 0 (<c>require fines-paid: "..."</c>), each clause on its own line two spaces in (<c>cite</c>,
/// <c>when</c>, <c>unless</c>, <c>given</c>...), and the citation of an <c>unless</c>, <c>accept</c> or <c>note</c> on
/// its own line under that clause, four spaces in. The words are the grammar's (<see cref="TreatyGrammar"/>); a word
/// is a clause only where the grammar reads it as one, never inside a condition.
/// </summary>
internal static class ClauseLayout
{
    public const int ClauseIndent = 2;
    public const int SubClauseIndent = 4;

    private static readonly Dictionary<string, HashSet<string>> ClauseWords = new(System.StringComparer.Ordinal)
    {
        ["vocabulary"] = new() { "cite" },
        ["countries"] = new() { "cite" },
        ["usage"] = new() { "cite" },
        ["fact"] = new() { "expected" },
        ["derive"] = new() { "label", "unbounded", "cite" },
        // 'in' is a clause only as 'in force from': an instrument has no condition for it to be part of.
        ["instrument"] = new() { "title", "kind", "parties", "in", "cite", "includes" },
        ["baseline"] = new() { "title", "kind", "parties", "in", "cite", "includes" },
        ["threshold"] = new() { "cite", "effective" },
        ["override"] = new() { "cite", "effective" },
        ["require"] = new() { "cite", "effective", "when", "unless", "accept" },
        ["bar"] = new() { "cite", "effective", "when", "unless", "accept" },
        ["review"] = new() { "cite", "effective", "when", "unless", "accept" },
        ["exception"] = new() { "cite", "when" },
        ["country"] = new() { "columns", "practice", "note", "accept", "cite" },
        ["advisories"] = new() { "title", "cite", "when" },
        ["advisory"] = new() { "cite", "when" },
        ["example"] = new() { "cite", "case", "like", "given", "expect" },
    };

    /// <summary>The clauses whose own citation follows them (<c>unless ... cite "..."</c>): it goes on the line under them.</summary>
    private static readonly HashSet<string> CitingClauses = new(System.StringComparer.Ordinal) { "unless", "accept", "note" };

    /// <summary>The words after which a country row's name is a list item, not the start of a membership line.</summary>
    private static readonly HashSet<string> ListHeads = new(System.StringComparer.Ordinal) { "columns", ",", "only", "prefers", "accept" };

    private static readonly HashSet<string> Keywords = new(TreatyKeywords.All, System.StringComparer.Ordinal);

    /// <summary>Where a declaration is, for deciding its clauses: its first word and the token that word is.</summary>
    public readonly record struct Declaration(string Keyword, int First);

    /// <summary>
    /// The indent of the clause that token <paramref name="i"/> starts, or null when it continues the clause before it.
    /// <paramref name="previous"/> is the token before it (comments skipped), <paramref name="clauseWord"/> the first
    /// word of the clause it would continue.
    /// </summary>
    public static int? ClauseStartAt(string text, List<SyntaxToken> tokens, int i, int previous, Declaration declaration, string clauseWord)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Word || i == declaration.First) return null;
        var word = token.TextIn(text);
        switch (declaration.Keyword)
        {
            case "record":
                // A field is 'name: type'; the record's own name is followed by its first field, never by ':'.
                return i > declaration.First + 1 && NextIs(text, tokens, i, ":") ? ClauseIndent : null;
            case "override" when i == declaration.First + 1:
                // 'override threshold' and 'override cite' are one declaration's first two words.
                return null;
            case "country":
                if (word == "cite") return CitingClauses.Contains(clauseWord) ? SubClauseIndent : ClauseIndent;
                if (ClauseWords["country"].Contains(word)) return ClauseIndent;
                // A membership line starts with an instrument's name: after the row's code and name, any name that is
                // not a keyword and not an item of the list before it.
                return i >= declaration.First + 3 && !Keywords.Contains(word) && !ListHeads.Contains(tokens[previous].TextIn(text))
                    ? ClauseIndent : null;
        }
        if (!ClauseWords.TryGetValue(declaration.Keyword, out var words) || !words.Contains(word)) return null;
        return word == "cite" && CitingClauses.Contains(clauseWord) ? SubClauseIndent : ClauseIndent;
    }

    /// <summary>
    /// Where the condition of a clause starts (the token after <c>when</c>, <c>unless</c>, <c>expected when</c> or
    /// <c>unbounded when</c>), or -1 for a clause without one. A derived fact's condition, after its header's <c>=</c>,
    /// is found as the header is read (<see cref="IsDerivedCondition"/>).
    /// </summary>
    public static int ConditionStart(string text, List<SyntaxToken> tokens, int first, string declarationKeyword)
    {
        var word = tokens[first].TextIn(text);
        if (word is "when" or "unless") return first + 1;
        if ((word == "expected" && declarationKeyword == "fact") || (word == "unbounded" && declarationKeyword == "derive"))
        {
            return first + 1 < tokens.Count && tokens[first + 1].Is(text, "when") ? first + 2 : -1;
        }
        return -1;
    }

    /// <summary>Whether token <paramref name="i"/> is the <c>=</c> of a derived fact's header with a condition after it (not <c>period from ... to ...</c>).</summary>
    public static bool IsDerivedCondition(string text, List<SyntaxToken> tokens, int i, string declarationKeyword) =>
        declarationKeyword == "derive" && tokens[i].Kind == TokenKind.Punctuation && tokens[i].Is(text, "=")
        && i + 1 < tokens.Count && !tokens[i + 1].Is(text, "period");

    private static bool NextIs(string text, List<SyntaxToken> tokens, int i, string value)
    {
        for (var j = i + 1; j < tokens.Count; j++)
        {
            if (tokens[j].Kind == TokenKind.Comment) continue;
            return tokens[j].Is(text, value);
        }
        return false;
    }
}
