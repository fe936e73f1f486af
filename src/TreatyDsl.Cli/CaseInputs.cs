using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TreatyDsl.Cli;

/// <summary>What <c>treaty eval</c>'s arguments name: case files, folders of them, or <c>-</c> for standard input.</summary>
public static class CaseInputs
{
    /// <summary>The argument that reads one case from standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>How messages name an input: standard input by that name, a file by its path.</summary>
    public static string DisplayName(string argument) => argument == StandardInput ? "(standard input)" : argument;

    /// <summary>The failures of reading an input that are the input's problem (missing, unreadable, a bad path), not ours.</summary>
    public static bool IsUnreadable(Exception ex) => ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>Why an input could not be read, in plain words: the system's message only when it says something more.</summary>
    public static string WhyUnreadable(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "there is no such file",
        UnauthorizedAccessException => "permission to read it is denied",
        PathTooLongException => "the path is too long",
        _ => ex.Message,
    };

    /// <summary>Each argument as given, except that a folder becomes the <c>*.json</c> files in it, in name order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var result = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument != StandardInput && Directory.Exists(argument))
            {
                result.AddRange(Directory.GetFiles(argument, "*.json").OrderBy(f => f, StringComparer.Ordinal));
            }
            else
            {
                result.Add(argument);
            }
        }
        return result;
    }

    /// <summary>The known option closest to a mistyped one (at most two edits away), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> known) =>
        known.Select(k => (Option: k, Distance: Distance(typed, k))).Where(x => x.Distance <= 2).OrderBy(x => x.Distance).Select(x => x.Option).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }
        return d[a.Length, b.Length];
    }
}
