using System;
using System.IO;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Cli;

/// <summary>
/// Links to the diagnostics' help pages for what the tool prints. The tool carries its own copy of the pages
/// (docs/diagnostics beside treaty.dll, in the build output and in the installed tool), so a link opens wherever the
/// tool runs; the TREATY_HELP_LINK_BASE environment variable points them elsewhere (a URL or a folder), as the
/// TreatyHelpLinkBase build property does for builds.
/// </summary>
internal static class HelpPages
{
    public const string EnvironmentVariable = "TREATY_HELP_LINK_BASE";

    /// <summary>The absolute base of the links (for the language server's diagnostics too), or null for repository paths.</summary>
    public static readonly string? Base =
        HelpLinks.NormalizeBase(Environment.GetEnvironmentVariable(EnvironmentVariable))
        ?? (Directory.Exists(ShippedFolder) ? HelpLinks.NormalizeBase(ShippedFolder) : null);

    private static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "docs", "diagnostics");

    /// <summary>The absolute link to <paramref name="id"/>'s page; its repository path if the tool's copy is missing.</summary>
    public static string For(string id) => Base is null ? HelpLinks.RepositoryPath(id) : HelpLinks.Link(Base, id);
}
