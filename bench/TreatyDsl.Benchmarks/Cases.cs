using System;
using System.IO;
using System.Linq;

namespace TreatyDsl.Benchmarks;

/// <summary>The shipped treaties and sample cases, found from the benchmark's output folder.</summary>
internal static class Cases
{
    private static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "cases");

    public static string Read(string sample) => File.ReadAllText(Path.Combine(SamplesFolder, sample));

    /// <summary>Every sample case file, in ordinal order of their names.</summary>
    public static string[] SampleFiles() => Directory.GetFiles(SamplesFolder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The files of a synthetic instrument <c>us-zz</c> (US and Mexico, including the statute) with <paramref name="rules"/>,
    /// beside the shipped baseline and <paramref name="vocabulary"/> (the shipped one when null).
    /// </summary>
    public static TreatyDsl.Parsing.ParseResult[] SyntheticInstrument(string rules, string? vocabulary = null) => new[]
    {
        TreatyDsl.Parsing.TreatyParser.Parse("case-file.treaty", vocabulary ?? File.ReadAllText(Path.Combine(TreatiesFolder, "case-file.treaty"))),
        TreatyDsl.Parsing.TreatyParser.Parse("baseline.treaty", File.ReadAllText(Path.Combine(TreatiesFolder, "baseline.treaty"))),
        TreatyDsl.Parsing.TreatyParser.Parse("us-zz.treaty",
            "instrument us-zz\n  title \"Synthetic\"\n  kind bilateral\n  parties US, MX\n  in force from 2000-01-01\n  cite \"c\"\n  includes statute\n\n" + rules),
    };

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
