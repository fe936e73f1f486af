namespace TreatyDsl.Generator;

/// <summary>Which additional files are treaty files: the generator and the analyzer must pick the same ones.</summary>
internal static class TreatyFiles
{
    public static bool IsTreatyFile(string path) => path.EndsWith(".treaty", System.StringComparison.OrdinalIgnoreCase);
}
