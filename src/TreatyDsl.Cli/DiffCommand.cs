using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Comparison;
using TreatyDsl.LanguageServer.Workspace;

namespace TreatyDsl.Cli;

/// <summary>
/// <c>treaty diff OLD NEW</c> and <c>treaty diff --git REV [FOLDER]</c>: what an edit to the treaty files changes for
/// cases. Exit 0 when no case's answer changes (every instrument the same or proved so), 1 when some case changes or
/// something was not analysed, 2 when either side's files have errors or cannot be read.
/// </summary>
public static class DiffCommand
{
    /// <summary>The exit status when some case is answered differently, or might be.</summary>
    public const int Differs = 1;

    /// <summary>The exit status when the files cannot be compared.</summary>
    public const int Trouble = 2;

    public static readonly string[] Formats = { "text", "json", "sarif" };

    /// <param name="oldFolder">The old files' folder (null with <paramref name="revision"/>).</param>
    /// <param name="newFolder">The new files' folder.</param>
    /// <param name="revision">With a revision: the old files are <paramref name="newFolder"/>'s as git has them at it.</param>
    /// <param name="format">text, json or sarif.</param>
    /// <param name="witnesses">A folder to write each change's case file to, for <c>treaty eval</c>.</param>
    public static int Run(string? oldFolder, string newFolder, string? revision, string format, string? witnesses, TextWriter output, TextWriter errors)
    {
        TreatyModel before;
        string oldName;
        if (revision is not null)
        {
            var atRevision = GitRevision.Files(newFolder, revision, out var problem);
            if (atRevision is null)
            {
                errors.WriteLine($"treaty diff: cannot read '{newFolder}' at {revision}: {problem}");
                return Trouble;
            }
            before = TreatyLoader.Load(atRevision, analyse: false);
            oldName = newFolder + " at " + revision;
        }
        else
        {
            before = TreatyLoader.LoadDirectory(oldFolder!, analyse: false);
            oldName = oldFolder!;
        }
        var after = TreatyLoader.LoadDirectory(newFolder, analyse: false);
        var broken = false;
        foreach (var (name, model) in new[] { (oldName, before), (newFolder, after) })
        {
            if (!model.HasErrors) continue;
            foreach (var diagnostic in model.Diagnostics.Where(d => d.IsError)) errors.WriteLine(diagnostic.ToString());
            errors.WriteLine($"treaty diff: the files of {name} have errors, so nothing was compared");
            broken = true;
        }
        if (broken) return Trouble;
        var comparison = TreatyComparer.Compare(before, after);
        var written = witnesses is null ? null : WriteWitnesses(comparison, witnesses);
        switch (format)
        {
            case "json": output.WriteLine(DiffWriters.Json(comparison, oldName, newFolder)); break;
            case "sarif": output.WriteLine(DiffWriters.Sarif(comparison, typeof(DiffCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0")); break;
            default: Reporting.ComparisonText.Write(output, comparison, oldName, newFolder, written); break;
        }
        return comparison.MayChange ? Differs : 0;
    }

    /// <summary>The case file with the id its file is named by, so that eval's report and the file name agree.</summary>
    private static string Named(string caseFile, string id) => IndentedJson.Write(json =>
    {
        using var document = System.Text.Json.JsonDocument.Parse(caseFile);
        json.WriteStartObject();
        json.WriteString("id", id);
        foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "id")) property.WriteTo(json);
        json.WriteEndObject();
    }) + "\n";

    /// <summary>Writes every change's case file as INSTRUMENT-N.json; the name each change's file was written under.</summary>
    private static Dictionary<ObservedChange, string> WriteWitnesses(TreatyComparison comparison, string folder)
    {
        Directory.CreateDirectory(folder);
        var names = new Dictionary<ObservedChange, string>(ReferenceEqualityComparer.Instance);
        var counts = new Dictionary<string, int>();
        foreach (var change in comparison.Instruments.SelectMany(i => i.Changes).Concat(comparison.Table.SelectMany(t => t.Changes)))
        {
            var n = counts[change.Instrument] = (counts.TryGetValue(change.Instrument, out var c) ? c : 0) + 1;
            var name = change.Instrument + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var path = Path.Combine(folder, name + ".json");
            File.WriteAllText(path, Named(change.CaseFile, name));
            names[change] = path.Replace('\\', '/');
        }
        return names;
    }
}
