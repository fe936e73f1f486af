using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using TreatyDsl.Text;

namespace TreatyDsl.LanguageServer.Workspace;

/// <summary>
/// The .treaty files of a folder as a git revision has them (<c>treaty diff --git REV</c>), read with <c>git ls-tree</c>
/// and <c>git show</c>. Each file is read up to the same limit as a file on disk; a revision git does not know, or a
/// folder outside a repository, is a message, not an exception. Used by <c>treaty diff --git</c> and by the language
/// server's comparison with the last commit.
/// </summary>
public static class GitRevision
{
    /// <summary>The files or why they could not be read.</summary>
    /// <param name="folder">The folder of .treaty files, in a git working tree.</param>
    /// <param name="revision">What git names a revision by (HEAD, main, a commit).</param>
    /// <param name="problem">Why the files could not be read, when they could not.</param>
    /// <param name="absolute">Name the files by full path (as an editor does) rather than relative to the current folder.</param>
    public static IReadOnlyList<(string Path, string Text)>? Files(string folder, string revision, out string? problem, bool absolute = false)
    {
        problem = null;
        if (revision.StartsWith('-'))
        {
            problem = $"'{revision}' is not a revision";
            return null;
        }
        var top = Run(folder, out problem, "rev-parse", "--show-toplevel")?.Trim();
        if (top is null) return null;
        var relative = Path.GetRelativePath(top, Path.GetFullPath(folder)).Replace('\\', '/');
        var listing = Run(top, out problem, "ls-tree", "-r", "--name-only", revision, "--", relative == "." ? "." : relative);
        if (listing is null) return null;
        var files = new List<(string, string)>();
        foreach (var name in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(n => n.EndsWith(".treaty", StringComparison.Ordinal)))
        {
            var text = Run(top, out problem, "show", revision + ":" + name);
            if (text is null) return null;
            var full = Path.GetFullPath(Path.Combine(top, name));
            var local = absolute ? full : Path.GetRelativePath(Directory.GetCurrentDirectory(), full).Replace('\\', '/');
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
            // Read a block at a time, up to one character past the limit: a file of a few kilobytes costs a few kilobytes.
            var text = new StringBuilder();
            var buffer = new char[64 * 1024];
            int read;
            while (text.Length <= SourceFiles.DefaultMaxBytes && (read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0) text.Append(buffer, 0, read);
            if (text.Length > SourceFiles.DefaultMaxBytes)
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
            return text.ToString();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            problem = "git could not be run: " + ex.Message;
            return null;
        }
    }
}
