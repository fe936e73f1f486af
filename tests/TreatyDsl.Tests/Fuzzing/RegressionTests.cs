using System;
using System.IO;
using System.Linq;
using Xunit;

namespace TreatyDsl.Tests.Fuzzing;

/// <summary>
/// Every input under Fuzzing/Regressions/TARGET/ is replayed through its target's check on every run: the hostile inputs
/// of issue 8, and whatever a long fuzz run (<c>TREATY_FUZZ_SECONDS</c>) found and saved there.
/// </summary>
public class RegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(Paths.Root, "tests", "TreatyDsl.Tests", "Fuzzing", "Regressions");
        foreach (var file in Directory.GetFiles(root, "*.txt", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_saved_failing_input_keeps_its_promise(string target, string file)
    {
        Assert.True(FuzzTargets.Checks.TryGetValue(target, out var check), $"No fuzz target is called '{target}'");
        check!(File.ReadAllText(Path.Combine(Fuzzer.RegressionFolder(target), file)));
    }
}
