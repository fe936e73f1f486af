using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary>
/// Pins the exact `treaty eval --json` line for every shipped sample, so any change to a verdict, a reason or a
/// citation shows up as a reviewable diff of tests/TreatyDsl.Tests/Cli/Golden/*.jsonl.
/// After an intended change, regenerate with: TREATY_UPDATE_GOLDEN=1 dotnet test Treaty.sln
/// </summary>
public class GoldenOutputTests
{
    public static IEnumerable<object[]> Samples() =>
        Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Samples))]
    public void Json_output_for_each_sample_matches_its_golden_file(string sample)
    {
        var output = new StringWriter();
        var exit = Program.Invoke(new[] { "eval", Path.Combine(Paths.Samples, sample), "--json" }, output, new StringWriter());
        var actual = output.ToString().Replace("\r\n", "\n");
        var golden = Path.Combine(Paths.Root, "tests", "TreatyDsl.Tests", "Cli", "Golden", Path.ChangeExtension(sample, ".jsonl"));

        if (Environment.GetEnvironmentVariable("TREATY_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, actual);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(golden), $"No golden file {golden}; run with TREATY_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden).Replace("\r\n", "\n"), actual);
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_sample()
    {
        var samples = Directory.GetFiles(Paths.Samples, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var goldens = Directory.GetFiles(Path.Combine(Paths.Root, "tests", "TreatyDsl.Tests", "Cli", "Golden"), "*.jsonl").Select(Path.GetFileNameWithoutExtension);

        Assert.All(goldens, g => Assert.Contains(g, samples));
    }
}
