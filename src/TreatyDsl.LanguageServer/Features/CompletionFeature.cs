using System.Collections.Generic;
using System.Linq;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Parsing;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Completion: the workspace's fact names, derived facts, thresholds, enum values, rule and instrument ids, country
/// codes and the language's keywords. The editor filters them by what has been typed.
/// </summary>
internal static class CompletionFeature
{
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
