using System;
using System.IO;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>The shipped treaties as the language server's workspace, with one of them open in the editor.</summary>
internal static class ShippedWorkspace
{
    public static readonly string UsMx = Path.GetFullPath(Path.Combine(Paths.Treaties, "us-mx.treaty"));

    /// <summary>The folder, with <paramref name="path"/> open as <paramref name="text"/> (its text on disk when null).</summary>
    public static (TreatyWorkspace Workspace, WorkspaceSnapshot Snapshot, TreatyDocument Document) Open(string path, string? text = null)
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        workspace.Open(path, new Uri(path).AbsoluteUri, text ?? File.ReadAllText(path), 1);
        var snapshot = workspace.Snapshot();
        return (workspace, snapshot, snapshot.Find(path)!);
    }

    /// <summary>The document's text with the code action's one edit applied.</summary>
    public static string Applied(TreatyDocument document, CodeAction action)
    {
        var edit = Assert.Single(action.Edit.Changes[document.Uri]);
        var at = document.Lines.OffsetOf(edit.Range.Start);
        return document.Text.Substring(0, at) + edit.NewText + document.Text.Substring(document.Lines.OffsetOf(edit.Range.End));
    }
}
