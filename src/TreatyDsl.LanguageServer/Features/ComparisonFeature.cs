using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TreatyDsl.Binding;
using TreatyDsl.Comparison;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Rpc;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Reporting;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// What the open files change, on request: the command <c>treaty.compare</c> (against the files as saved, or as the last
/// commit has them) answers as <c>treaty diff</c> does, and every .treaty document has two code lenses that run it.
/// </summary>
internal static class ComparisonFeature
{
    public const string CommandName = "treaty.compare";

    /// <summary>The first argument: compare with the files as saved on disk.</summary>
    public const string Saved = "saved";

    /// <summary>The first argument: compare with the files as a git revision has them (the second argument; HEAD when none).</summary>
    public const string Committed = "committed";

    /// <summary>"Compare with saved files" and "Compare with last commit", at the top of the document.</summary>
    public static CodeLens[] Lenses()
    {
        var top = new Protocol.Range(new Position(0, 0), new Position(0, 0));
        return new[]
        {
            new CodeLens(top, new Command("treaty: what do my edits change? (against the saved files)", CommandName, new[] { Argument(Saved) })),
            new CodeLens(top, new Command("treaty: what changed since the last commit?", CommandName, new[] { Argument(Committed) })),
        };
    }

    private static JsonElement Argument(string value) => JsonSerializer.SerializeToElement(value, LspJsonContext.Default.String);

    /// <summary>Runs <c>treaty.compare</c>: the open files (the new side) against the saved or committed ones (the old side).</summary>
    public static ComparisonAnswer Run(TreatyWorkspace workspace, JsonElement[]? arguments)
    {
        var against = Text(arguments, 0) ?? Saved;
        var revision = Text(arguments, 1) ?? "HEAD";
        if (against is not (Saved or Committed))
        {
            throw RpcException.InvalidParams($"{CommandName}: the first argument is \"{Saved}\" or \"{Committed}\", not \"{Shorten(against)}\"");
        }
        TreatyModel before;
        string oldName;
        if (against == Saved)
        {
            before = workspace.SavedModel();
            oldName = "the saved files";
        }
        else
        {
            var files = new List<(string Path, string Text)>();
            foreach (var folder in workspace.Folders)
            {
                if (GitRevision.Files(folder, revision, out var problem, absolute: true) is not { } read) return NotCompared($"the files at {revision} could not be read: {problem}");
                files.AddRange(read);
            }
            if (files.Count == 0) return NotCompared("the workspace has no folder to read a revision of");
            before = TreatyLoader.Load(files, analyse: false);
            oldName = "the files at " + revision;
        }
        var after = workspace.Snapshot().Model;
        if (before.HasErrors) return NotCompared(oldName + " have errors, so nothing was compared");
        if (after.HasErrors) return NotCompared("the open files have errors (see the problems listed), so nothing was compared");
        var comparison = TreatyComparer.Compare(before, after);
        var text = new StringWriter();
        ComparisonText.Write(text, comparison, oldName, "the open files", null);
        return new ComparisonAnswer(comparison.Summary, text.ToString(), comparison.MayChange, Items(comparison).ToArray());
    }

    private static ComparisonAnswer NotCompared(string why) => new("not compared: " + why, "not compared: " + why + "\n", false, Array.Empty<ComparisonItem>());

    private static IEnumerable<ComparisonItem> Items(TreatyComparison comparison)
    {
        foreach (var instrument in comparison.Instruments)
        {
            foreach (var change in instrument.Changes)
            {
                yield return Item(instrument.PlaceOf(change), $"{instrument.Id}: {change.Sentence(explained: false)}", "change");
            }
            foreach (var note in instrument.NotAnalysed) yield return Item(instrument.Place, $"{instrument.Id}: not analysed: {note}", "not-analysed");
            if (instrument.Status == ComparisonStatus.ProvedSame)
            {
                foreach (var edit in instrument.Edits) yield return Item(edit.Place, $"{instrument.Id}: {edit} changes no case's verdict, review or rule outcome (proved)", "proved-same");
            }
        }
    }

    private static ComparisonItem Item(SourcePlace place, string message, string kind)
    {
        var at = new Position(Math.Max(0, place.Line - 1), Math.Max(0, place.Column - 1));
        var uri = place.Path.Length == 0 ? string.Empty : DocumentPaths.ToUri(Path.GetFullPath(place.Path));
        return new ComparisonItem(uri, new Protocol.Range(at, at), message, kind);
    }

    private static string? Text(JsonElement[]? arguments, int index)
    {
        if (arguments is null || arguments.Length <= index) return null;
        var argument = arguments[index];
        if (argument.ValueKind == JsonValueKind.Null) return null;
        if (argument.ValueKind != JsonValueKind.String) throw RpcException.InvalidParams($"{CommandName}: argument {index + 1} is a string");
        return argument.GetString();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
