using System.Collections.Generic;
using System.Linq;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Parsing;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Semantic tokens: each name coloured by what it stands for, as the symbol index resolves it (facts, derived facts,
/// thresholds, rules, instruments, enum values, types, countries), and the language's keywords; what a TextMate grammar
/// cannot know (that <c>MX</c> is a country, <c>minTimeRemaining</c> a threshold, <c>us-mx</c> an instrument).
/// </summary>
internal static class SemanticTokensFeature
{
    /// <summary>LSP's standard token types, in the legend's order: a token's type is its index here.</summary>
    public static readonly string[] Types = { "property", "variable", "function", "namespace", "enumMember", "type", "keyword" };

    /// <summary>readonly: a threshold (a named constant); defaultLibrary: a country code (ISO's, not the files').</summary>
    public static readonly string[] Modifiers = { "readonly", "defaultLibrary" };

    public static SemanticTokensLegend Legend => new(Types, Modifiers);

    /// <summary>The document's tokens, in LSP's relative encoding (line delta, start delta, length, type, modifiers).</summary>
    public static SemanticTokens For(WorkspaceSnapshot snapshot, TreatyDocument document)
    {
        var data = new List<int>();
        var keywords = new HashSet<string>(TreatyKeywords.All, System.StringComparer.Ordinal);
        int previousLine = 0, previousStart = 0;
        // The words the symbol index already read from the snapshot's text: scanned once per snapshot, not per request.
        foreach (var word in snapshot.Index.WordsIn(document.Path))
        {
            int type, modifiers = 0;
            var resolved = snapshot.Index.ResolveAt(document.Path, word);
            if (resolved.Count > 0)
            {
                (type, modifiers) = resolved[0].Kind switch
                {
                    NameKind.Fact or NameKind.Field => (0, 0),
                    NameKind.Derived => (1, 0),
                    NameKind.Threshold => (1, 1),
                    NameKind.Rule or NameKind.Exception or NameKind.Advisory => (2, 0),
                    NameKind.Instrument or NameKind.Baseline or NameKind.AdvisorySet => (3, 0),
                    NameKind.EnumMember => (4, 0),
                    NameKind.Country => (4, 2),
                    _ => (5, 0),
                };
            }
            else if (keywords.Contains(word.Text)) type = 6;
            else continue;
            var start = document.Lines.PositionOf(word.Offset);
            var line = start.Line;
            data.Add(line - previousLine);
            data.Add(line == previousLine ? start.Character - previousStart : start.Character);
            data.Add(word.Text.Length);
            data.Add(type);
            data.Add(modifiers);
            previousLine = line;
            previousStart = start.Character;
        }
        return new SemanticTokens(data.ToArray());
    }
}
