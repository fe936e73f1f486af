using System;

namespace TreatyDsl.Diagnostics;

/// <summary>
/// Where a diagnostic's help page is. Every id has a page, <c>docs/diagnostics/ID.md</c> in the repository; the TreatyDsl
/// package and the treaty tool ship copies of those pages, and links point at a copy through an absolute base (a URL or
/// a folder), so a link resolves for a package consumer, not only inside a clone of the repository.
/// </summary>
public static class HelpLinks
{
    /// <summary>The pages' folder, relative to the repository root.</summary>
    public const string RepositoryFolder = "docs/diagnostics/";

    /// <summary>The page of <paramref name="id"/>, relative to the repository root.</summary>
    public static string RepositoryPath(string id) => RepositoryFolder + id + ".md";

    /// <summary>The link to <paramref name="id"/>'s page under a base from <see cref="NormalizeBase"/>.</summary>
    public static string Link(string normalizedBase, string id) => normalizedBase + id + ".md";

    /// <summary>
    /// An absolute base ending in '/', from an http(s) or file URL or a full folder path (which becomes a file URL);
    /// null when <paramref name="value"/> is empty or neither, so that a relative path never passes for a link.
    /// </summary>
    public static string? NormalizeBase(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (IsFullPath(text!)) text = FileUrl(text!);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeFile)) return null;
        var link = uri.AbsoluteUri;
        return link.EndsWith("/", StringComparison.Ordinal) ? link : link + "/";
    }

    /// <summary>
    /// The file URL of a full path, built by hand rather than by <c>new Uri(path)</c>, which reads a path by the rules of
    /// the system it runs on (a compiler on Windows would refuse <c>/home/...</c>).
    /// </summary>
    private static string FileUrl(string path)
    {
        var slashed = path.Replace('\\', '/');
        return slashed.StartsWith("//", StringComparison.Ordinal) ? "file:" + slashed
            : slashed.StartsWith("/", StringComparison.Ordinal) ? "file://" + slashed
            : "file:///" + slashed;
    }

    /// <summary>A rooted path on either kind of system: <c>/home/...</c>, <c>C:\...</c> or <c>C:/...</c>, <c>\\server\share</c>.</summary>
    private static bool IsFullPath(string text) =>
        text.StartsWith("/", StringComparison.Ordinal)
        || text.StartsWith(@"\\", StringComparison.Ordinal)
        || (text.Length >= 3 && char.IsLetter(text[0]) && text[1] == ':' && (text[2] == '\\' || text[2] == '/'));
}
