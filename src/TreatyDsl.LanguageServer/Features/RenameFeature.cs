using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Rpc;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Parsing;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// Rename a fact, derived fact, threshold, rule (with its exceptions' <c>to</c>) or instrument in every file of the
/// folder, at every place the symbol index finds it written. The new name must be one the language takes for that
/// kind, and the files must bind after it as before: a name that collides (two declarations of it, or two generated C#
/// names alike, TDSL0101 and TDSL0122) is refused with the binder's own message, and nothing changes.
/// </summary>
internal static class RenameFeature
{
    private static readonly NameKind[] Renamable = { NameKind.Fact, NameKind.Derived, NameKind.Threshold, NameKind.Rule, NameKind.Instrument };

    // A name: letters, digits and '_', with '-' between parts; a fact's path has parts separated by '.'.
    private static readonly Regex Name = new(@"^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex FactPath = new(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);

    /// <summary>The range of the renamable name at the position, or null when there is none there.</summary>
    public static Protocol.Range? Prepare(WorkspaceSnapshot snapshot, TreatyDocument document, Position position) =>
        Target(snapshot, document, position) is { } target ? document.Lines.RangeOf(target.Word.Offset, target.Word.Text.Length) : null;

    /// <summary>The edits that rename the symbol at the position to <paramref name="newName"/>, in every file that writes it.</summary>
    public static WorkspaceEdit Rename(WorkspaceSnapshot snapshot, TreatyDocument document, Position position, string newName)
    {
        if (Target(snapshot, document, position) is not { } target)
        {
            throw new RpcException(RpcErrorCode.InvalidRequest, "there is no fact, derived fact, threshold, rule or instrument here to rename");
        }
        var kind = target.Definitions[0].Kind;
        var valid = kind == NameKind.Fact ? FactPath.IsMatch(newName) : Name.IsMatch(newName);
        // As the grammar reads names: a reserved word alone is not one; a contextual keyword, or any word in a dotted path, is.
        if (!valid || TreatyKeywords.IsReserved(newName))
        {
            throw RpcException.InvalidParams($"'{newName}' is not a name a {Describe(kind)} can have" + (TreatyKeywords.IsReserved(newName) ? " (it is a reserved keyword)" : string.Empty));
        }
        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var texts = snapshot.Documents.ToDictionary(d => d.Path, d => d.Text, StringComparer.Ordinal);
        var byPath = new Dictionary<string, List<(int Offset, int Length)>>(StringComparer.Ordinal);
        foreach (var occurrence in target.Definitions.SelectMany(d => snapshot.Index.OccurrencesOf(d)).Distinct())
        {
            if (snapshot.Find(occurrence.Path) is not { } file) continue;
            if (!edits.TryGetValue(file.Uri, out var list)) edits[file.Uri] = list = new List<TextEdit>();
            list.Add(new TextEdit(file.Lines.RangeOf(occurrence.Offset, occurrence.Length), newName));
            if (!byPath.TryGetValue(file.Path, out var spans)) byPath[file.Path] = spans = new List<(int, int)>();
            spans.Add((occurrence.Offset, occurrence.Length));
        }
        // The files as they would be: they must bind with no error they did not have.
        foreach (var pair in byPath)
        {
            var text = texts[pair.Key];
            foreach (var (offset, length) in pair.Value.Distinct().OrderByDescending(s => s.Offset)) text = text.Substring(0, offset) + newName + text.Substring(offset + length);
            texts[pair.Key] = text;
        }
        // Counted by id, not by message: an error the files already had may name the old name, and still be the same error.
        var before = snapshot.Model.Diagnostics.Where(d => d.IsError).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var after = TreatyLoader.Load(texts.Select(t => (t.Key, t.Value)), analyse: false);
        var added = after.Diagnostics.Where(d => d.IsError).GroupBy(d => d.Id)
            .FirstOrDefault(g => g.Count() > (before.TryGetValue(g.Key, out var n) ? n : 0));
        if (added?.Last() is { } collision)
        {
            throw new RpcException(RpcErrorCode.InvalidRequest, $"renaming '{target.Word.Text}' to '{newName}' would make an error: {collision}");
        }
        return new WorkspaceEdit(edits.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static (Word Word, IReadOnlyList<Definition> Definitions)? Target(WorkspaceSnapshot snapshot, TreatyDocument document, Position position)
    {
        if (snapshot.Index.WordAt(document.Path, document.Lines.OffsetOf(position)) is not { } word) return null;
        var definitions = snapshot.Index.ResolveAt(document.Path, word);
        if (definitions.Count == 0 || !Renamable.Contains(definitions[0].Kind) || definitions.Any(d => d.Name != word.Text)) return null;
        return (word, definitions);
    }

    private static string Describe(NameKind kind) => kind switch
    {
        NameKind.Fact => "fact",
        NameKind.Derived => "derived fact",
        NameKind.Threshold => "threshold",
        NameKind.Rule => "rule",
        _ => "instrument",
    };
}
