using System.IO;

namespace TreatyDsl.Tests;

/// <summary>Finds the repository's folders from the test's output directory.</summary>
internal static class Paths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Treaty.sln"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    public static string Treaties => Path.Combine(Root, "treaties");

    public static string Samples => Path.Combine(Root, "samples", "cases");

    /// <summary>A fresh folder holding one treaty file whose rule uses an unknown name 'y' at line 5, column 30.</summary>
    public static string BrokenTreatyFolder()
    {
        var folder = Directory.CreateTempSubdirectory("treaties-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.treaty"), "vocabulary v\nfact x: bool\nbaseline b\n  title \"t\" cite \"c\"\nrequire r: \"t\" cite \"c\" when y\n");
        return folder;
    }
}
