using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace TreatyDsl.Tests.Fuzzing;

/// <summary>
/// Runs one fuzz target: <c>generate</c> makes an input from a seeded <see cref="Random"/>, <c>check</c> throws if the
/// input breaks a promise. In an ordinary test run the seeds are 0, 1, 2, ... up to the target's bounded count, so CI is
/// deterministic and quick. With <c>TREATY_FUZZ_SECONDS=N</c> each target instead runs random seeds for N seconds, and
/// every failing input is saved under <c>tests/TreatyDsl.Tests/Fuzzing/Regressions/TARGET/</c> in the source tree, where
/// <see cref="RegressionTests"/> replays it on every later run: commit it with the fix.
/// </summary>
internal static class Fuzzer
{
    /// <summary>The long-run budget per target, or null for the ordinary bounded run.</summary>
    public static TimeSpan? Budget =>
        int.TryParse(Environment.GetEnvironmentVariable("TREATY_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public static string RegressionFolder(string target) => Path.Combine(Paths.Root, "tests", "TreatyDsl.Tests", "Fuzzing", "Regressions", target);

    public static void Run(string target, int boundedRuns, Func<Random, string> generate, Action<string> check)
    {
        if (Budget is not { } budget)
        {
            for (var seed = 0; seed < boundedRuns; seed++) RunOne(target, seed, generate, check, save: false);
            return;
        }
        var clock = Stopwatch.StartNew();
        var seeds = new Random();
        var failures = 0;
        var runs = 0;
        while (clock.Elapsed < budget)
        {
            runs++;
            try
            {
                RunOne(target, seeds.Next(), generate, check, save: true);
            }
            catch (FuzzFailure)
            {
                failures++;
            }
        }
        Console.WriteLine($"fuzz {target}: {runs} inputs in {clock.Elapsed.TotalSeconds:F0} s, {failures} failing (saved in {RegressionFolder(target)})");
        if (failures > 0) throw new FuzzFailure($"{failures} of {runs} inputs failed; they are saved in {RegressionFolder(target)}", null);
    }

    private static void RunOne(string target, int seed, Func<Random, string> generate, Action<string> check, bool save)
    {
        var input = generate(new Random(seed));
        try
        {
            check(input);
        }
        catch (Exception ex)
        {
            var where = save ? Save(target, input) : "(not saved in a bounded run; set TREATY_FUZZ_SECONDS to save failing inputs)";
            throw new FuzzFailure($"{target}, seed {seed}: {ex.Message}\nInput: {where}\n{Shorten(input)}", ex);
        }
    }

    /// <summary>Writes the input as a regression file named after its content, so the same failure is saved once.</summary>
    private static string Save(string target, string input)
    {
        var folder = RegressionFolder(target);
        Directory.CreateDirectory(folder);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..16].ToLowerInvariant();
        var path = Path.Combine(folder, hash + ".txt");
        File.WriteAllText(path, input, new UTF8Encoding(false));
        return path;
    }

    private static string Shorten(string input) => input.Length <= 2000 ? input : input[..2000] + "...";

    public sealed class FuzzFailure(string message, Exception? inner) : Exception(message, inner);
}
