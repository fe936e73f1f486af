using System.Collections.Generic;
using System.Linq;
using TreatyDsl.LanguageServer.Protocol;
using Range = TreatyDsl.LanguageServer.Protocol.Range;
using TreatyDsl.LanguageServer.Workspace;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// The outline of a file: instruments, baselines and advisory sets with their rules, thresholds, exceptions and
/// factors beneath them; the vocabulary's facts, enums, records and derived facts; the country table's rows.
/// </summary>
internal static class SymbolsFeature
{
    public static DocumentSymbol[] For(WorkspaceSnapshot snapshot, TreatyDocument document)
    {
        var top = new List<(Definition Definition, List<DocumentSymbol> Children)>();
        var sections = new Dictionary<string, List<DocumentSymbol>>(System.StringComparer.Ordinal);
        var loose = new List<DocumentSymbol>();
        foreach (var definition in snapshot.Index.DeclaredIn(document.Path))
        {
            if (definition.Kind is NameKind.EnumMember or NameKind.Field) continue;
            if (definition.Kind is NameKind.Instrument or NameKind.Baseline or NameKind.AdvisorySet)
            {
                var children = new List<DocumentSymbol>();
                top.Add((definition, children));
                sections[definition.Name] = children;
                continue;
            }
            var symbol = Symbol(document, definition, null);
            if (definition.Section is { } section && sections.TryGetValue(section, out var list)) list.Add(symbol);
            else loose.Add(symbol);
        }
        return top.Select(t => Symbol(document, t.Definition, t.Children.ToArray())).Concat(loose)
            .OrderBy(s => s.Range.Start.Line).ToArray();
    }

    private static DocumentSymbol Symbol(TreatyDocument document, Definition definition, DocumentSymbol[]? children)
    {
        var declaration = document.Lines.RangeOf(definition.Declaration.Span.Offset, definition.Declaration.Span.Length);
        var name = document.Lines.RangeOf(definition.NameOffset, definition.NameLength);
        if (children is { Length: > 0 }) declaration = new Range(declaration.Start, children[^1].Range.End);
        return new DocumentSymbol(definition.Name, definition.Kind.ToString().ToLowerInvariant(), KindOf(definition.Kind), declaration, name, children);
    }

    private static int KindOf(NameKind kind) => kind switch
    {
        NameKind.Instrument or NameKind.Baseline or NameKind.AdvisorySet => SymbolKind.Module,
        NameKind.Fact => SymbolKind.Field,
        NameKind.Enum => SymbolKind.Enum,
        NameKind.Record => SymbolKind.Struct,
        NameKind.Derived => SymbolKind.Variable,
        NameKind.Threshold => SymbolKind.Constant,
        NameKind.Rule or NameKind.Exception => SymbolKind.Function,
        NameKind.Country => SymbolKind.Namespace,
        _ => SymbolKind.Event,
    };
}
