using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Text;

namespace TreatyDsl.Examples;

/// <summary>
/// Where the case files examples start from (<c>case "cases/mx-eligible.json"</c>) are read: from disk for
/// <c>treaty check</c>, <c>treaty test</c> and the language server; from the build's additional files for the analyzer,
/// which reads no file itself.
/// </summary>
public interface ICaseFileSource
{
    /// <summary>The file's text, or null with why it cannot be read.</summary>
    string? Read(string path, out string? problem);
}

/// <summary>Case files read from disk as every file is: a pipe or device is never opened, a file over 16 MiB is refused.</summary>
public sealed class DiskCaseFiles : ICaseFileSource
{
    public static readonly DiskCaseFiles Instance = new();

    public string? Read(string path, out string? problem) => SourceFiles.TryRead(path, out problem);
}

/// <summary>Case files given as texts by path (the build's additional files); any other path is not among them.</summary>
public sealed class GivenCaseFiles : ICaseFileSource
{
    private readonly Dictionary<string, string> texts;
    private readonly string missing;

    /// <param name="texts">The files by path.</param>
    /// <param name="missing">What to say of a path that is not among them (how to add it).</param>
    public GivenCaseFiles(IEnumerable<(string Path, string Text)> texts, string missing)
    {
        this.texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in texts) this.texts[CaseFileReferences.Normalize(path)] = text;
        this.missing = missing;
    }

    public string? Read(string path, out string? problem)
    {
        if (texts.TryGetValue(CaseFileReferences.Normalize(path), out var text))
        {
            problem = null;
            return text;
        }
        problem = missing;
        return null;
    }
}

/// <summary>The case files a model's examples name, resolved against the .treaty file that names each, and read.</summary>
public static class CaseFileReferences
{
    /// <summary>The model with the text (or the problem) of every case file its examples name; none read without a source.</summary>
    public static TreatyModel Read(TreatyModel model, ICaseFileSource? source)
    {
        var files = new List<CaseFileText>();
        foreach (var path in model.Examples.Where(e => e.CaseFile is not null).Select(e => Resolve(e.Span.Path, e.CaseFile!)).Distinct(StringComparer.Ordinal))
        {
            string? problem = "case files are not read here (the treaty files were given as texts)";
            var text = source?.Read(path, out problem);
            files.Add(new CaseFileText(path, text, text is null ? problem : null));
        }
        return files.Count == 0 ? model : model with { CaseFiles = files.ToEquatableArray() };
    }

    /// <summary>The path of <paramref name="relative"/> as written in <paramref name="treatyFile"/>: beside that file.</summary>
    public static string Resolve(string treatyFile, string relative)
    {
        if (Path.IsPathRooted(relative)) return Normalize(relative);
        var folder = Path.GetDirectoryName(treatyFile) ?? string.Empty;
        return Normalize(folder.Length == 0 ? relative : folder + "/" + relative);
    }

    /// <summary>A path with '/' separators and its '.' and '..' segments taken out, so two spellings of one file are one key.</summary>
    public static string Normalize(string path)
    {
        var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }
}

/// <summary>A case file an example names: its text, or why it could not be read.</summary>
public sealed record CaseFileText(string Path, string? Text, string? Problem);
