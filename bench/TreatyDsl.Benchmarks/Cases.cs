using System;
using System.IO;

namespace TreatyDsl.Benchmarks;

/// <summary>The shipped treaties and sample cases, found from the benchmark's output folder.</summary>
internal static class Cases
{
    public static string Read(string sample) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cases", sample));

    public static string TreatiesFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Treaty.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository."), "treaties");
        }
    }
}
