using System;
using System.IO;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Workspace;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// The memory the language server's workspace keeps over many edits of us-mx.treaty (issue 12: flat over 1,000 edits):
/// after each edit the snapshot, the edited file's diagnostics and a hover are computed, as an editor would ask for
/// them; the heap after a full collection is printed every tenth of the way. Flat means the last figures do not
/// climb above the first ones by more than the noise of a collection.
/// </summary>
internal static class LanguageServerMemory
{
    public static void Run(int edits)
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Cases.TreatiesFolder);
        var path = Path.GetFullPath(Path.Combine(Cases.TreatiesFolder, "us-mx.treaty"));
        var uri = new Uri(path).AbsoluteUri;
        var text = File.ReadAllText(path);
        Console.WriteLine("edit\tretained heap (MB)");
        for (var edit = 1; edit <= edits; edit++)
        {
            workspace.Change(path, uri, text + "\n// edit " + edit, edit);
            var snapshot = workspace.Snapshot();
            DiagnosticsFeature.For(snapshot.Find(path)!, snapshot.DiagnosticsByPath[path], null);
            HoverFeature.At(snapshot, snapshot.Find(path)!, new TreatyDsl.LanguageServer.Protocol.Position(36, 12));
            if (edit == 1 || edit % Math.Max(1, edits / 10) == 0)
            {
                var bytes = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"{edit}\t{bytes / 1048576.0:F1}");
            }
        }
    }
}
