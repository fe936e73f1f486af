using System.Collections.Generic;
using System.Linq;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Parsing;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Completion by context: after <c>when</c>, <c>unless</c>, <c>and</c>, <c>or</c>, <c>not</c> or an opening
/// parenthesis, the facts, derived facts and thresholds; after <c>in</c>, the facts that are lists; after a fact and
/// <c>=</c> or <c>!=</c>, that fact's values (an enum's members, country codes, true and false); after <c>to</c>, the
/// rules. Anywhere else, everything: the workspace's fact names, derived facts, thresholds, enum values, rule and
/// instrument ids, country codes and the language's keywords. The editor filters them by what has been typed.
/// </summary>
internal static class CompletionFeature
{
    /// <summary>What fits at <paramref name="position"/> in <paramref name="document"/> (everything when the document is not the workspace's).</summary>
    public static CompletionItem[] At(WorkspaceSnapshot snapshot, TreatyDocument? document, Position position)
    {
        var all = At(snapshot);
        if (document is null) return all;
        var offset = document.Lines.OffsetOf(position);
        // The word being typed runs back from the cursor; the words before it, on its line and the lines above (a
        // condition may go on), are the context.
        var typedFrom = offset;
        while (typedFrom > 0 && Words.IsWordChar(document.Text[typedFrom - 1])) typedFrom--;
        var words = Words.All(document.Text.Substring(0, typedFrom)).ToList();
        if (words.Count == 0) return all;
        var previous = words[words.Count - 1];
        var gap = document.Text.Substring(previous.End, typedFrom - previous.End).Trim();
        var model = snapshot.Model;
        if (gap is "=" or "!=")
        {
            if (model.Vocabulary.Facts.FirstOrDefault(f => f.Path == previous.Text) is not { } fact) return all;
            return fact.Type.Kind switch
            {
                Binding.TypeKind.Enum => all.Where(i => i.Kind == CompletionItemKind.EnumMember && i.Detail == "value of " + fact.Type.Name).ToArray(),
                Binding.TypeKind.Country => all.Where(i => i.Detail == "country").ToArray(),
                Binding.TypeKind.Bool => all.Where(i => i.Label is "true" or "false").ToArray(),
                _ => all,
            };
        }
        if (gap.Length > 0 && gap != "(") return all;
        switch (gap == "(" ? "(" : previous.Text)
        {
            case "when" or "unless" or "and" or "or" or "not" or "(":
                // And the words a condition may start with.
                return all.Where(i => (i.Kind is CompletionItemKind.Field or CompletionItemKind.Variable or CompletionItemKind.Constant && i.Detail != "country")
                    || (i.Kind == CompletionItemKind.Keyword && i.Label is "not" or "any" or "all")).ToArray();
            case "in":
                var lists = new HashSet<string>(model.Vocabulary.Facts.Where(f => f.Type.Kind == Binding.TypeKind.List).Select(f => f.Path), System.StringComparer.Ordinal);
                return all.Where(i => lists.Contains(i.Label)).ToArray();
            case "to":
                return all.Where(i => i.Kind == CompletionItemKind.Function).ToArray();
            default:
                return all;
        }
    }

    public static CompletionItem[] At(WorkspaceSnapshot snapshot)
    {
        var items = new Dictionary<string, CompletionItem>(System.StringComparer.Ordinal);
        var model = snapshot.Model;
        foreach (var fact in model.Vocabulary.Facts)
            Add(items, new CompletionItem(fact.Path, CompletionItemKind.Field, fact.Type.ToString(), fact.Description is { } d ? MarkupContent.Markdown(d) : null));
        foreach (var definition in snapshot.Index.Definitions.OrderBy(d => d.Name, System.StringComparer.Ordinal))
        {
            var item = definition.Kind switch
            {
                NameKind.Fact => null, // from the model, with their types
                NameKind.Derived => new CompletionItem(definition.Name, CompletionItemKind.Variable, "derived fact", null),
                NameKind.Threshold => new CompletionItem(definition.Name, CompletionItemKind.Constant, "threshold", null),
                NameKind.EnumMember => new CompletionItem(definition.Name, CompletionItemKind.EnumMember, "value of " + ((Syntax.EnumSyntax)definition.Declaration).Name, null),
                NameKind.Rule => new CompletionItem(definition.Name, CompletionItemKind.Function, "rule", null),
                NameKind.Instrument or NameKind.Baseline => new CompletionItem(definition.Name, CompletionItemKind.Module, definition.Kind == NameKind.Baseline ? "baseline" : "instrument", null),
                NameKind.Country => new CompletionItem(definition.Name, CompletionItemKind.Constant, "country", null),
                _ => null,
            };
            if (item is not null) Add(items, item);
        }
        foreach (var keyword in TreatyKeywords.All) Add(items, new CompletionItem(keyword, CompletionItemKind.Keyword, "keyword", null));
        return items.Values.ToArray();
    }

    private static void Add(Dictionary<string, CompletionItem> items, CompletionItem item)
    {
        if (!items.ContainsKey(item.Label)) items[item.Label] = item;
    }
}
