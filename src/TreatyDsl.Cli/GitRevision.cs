using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using TreatyDsl.Text;

namespace TreatyDsl.Cli;

/// <summary>
/// The .treaty files of a folder as a git revision has them (<c>treaty diff --git REV</c>), read with <c>git ls-tree</c>
/// and <c>git show</c>. Each file is read up to the same limit as a file on disk; a revision git does not know, or a
/// folder outside a repository, is a message, not an exception.
/// </summary>
internal static class GitRevision
{
    /// <summary>The files (paths as the working tree has them, relative to the current folder) or why they could not be read.</summary>
    public static IReadOnlyList<(string Path, string Text)>? Files(string folder, string revision, out string? problem)
    {
        problem = null;
        if (revision.StartsWith('-'))
        {
            problem = $"'{revision}' is not a revision";
            return null;
        }
        var top = Run(folder, out problem, "rev-parse", "--show-toplevel")?.Trim();
        if (top is null) return null;
        var full = Path.GetFullPath(folder);
        var relative = Path.GetRelativePath(top, full).Replace('\\', '/');
        var listing = Run(top, out problem, "ls-tree", "-r", "--name-only", revision, "--", relative == "." ? "." : relative);
        if (listing is null) return null;
        var files = new List<(string, string)>();
        foreach (var name in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(n => n.EndsWith(".treaty", StringComparison.Ordinal)))
        {
            var text = Run(top, out problem, "show", revision + ":" + name);
            if (text is null) return null;
            var local = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(top, name)).Replace('\\', '/');
            files.Add((local, text));
        }
        if (files.Count == 0)
        {
            problem = $"revision {revision} has no .treaty files under '{relative}'";
            return null;
        }
        return files;
    }

    /// <summary>Runs git and returns what it printed, or null with git's message; output past the file limit is refused.</summary>
    private static string? Run(string directory, out string? problem, params string[] arguments)
    {
        problem = null;
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                problem = "git could not be started";
                return null;
            }
            var errors = process.StandardError.ReadToEndAsync();
            var buffer = new char[SourceFiles.DefaultMaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = process.StandardOutput.Read(buffer, length, buffer.Length - length)) > 0) length += read;
            if (length > SourceFiles.DefaultMaxBytes)
            {
                process.Kill();
                problem = $"git {arguments[0]} printed more than {SourceFiles.DefaultMaxBytes} characters, the most a treaty file may hold";
                return null;
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                problem = "git " + arguments[0] + ": " + errors.Result.Trim();
                return null;
            }
            return new string(buffer, 0, length);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            problem = "git could not be run: " + ex.Message;
            return null;
        }
    }
}
