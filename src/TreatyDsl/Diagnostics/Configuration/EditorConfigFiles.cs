using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TreatyDsl.Text;

namespace TreatyDsl.Diagnostics.Configuration;

/// <summary>
/// A .treaty file's settings as the build sees them, for <c>treaty check</c> and <c>treaty lsp</c>: every
/// <c>.editorconfig</c> from the file's folder up to one that says <c>root = true</c>, the sections whose globs match the
/// file (a closer file over a farther one, a later section over an earlier one), over the properties of every
/// <c>.globalconfig</c> (<c>is_global = true</c>) in those folders, as the SDK discovers both. Each file is read once, up
/// to 16 MiB, as every file is; one that cannot be read counts as absent.
/// </summary>
public sealed class EditorConfigFiles
{
    private readonly Dictionary<string, ConfigFile?> byPath = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>The settings of the file at <paramref name="path"/>: a lookup by key (keys are case-insensitive), null for a key not set.</summary>
    public Func<string, string?> For(string path)
    {
        var full = Path.GetFullPath(path);
        var folders = new List<string>();
        for (var folder = Path.GetDirectoryName(full); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder)) folders.Add(folder!);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Global settings first, the lowest precedence: the farthest folder's first.
        foreach (var folder in Enumerable.Reverse(folders))
        {
            if (Read(Path.Combine(folder, ".globalconfig")) is { IsGlobal: true } global) foreach (var p in global.Preamble) properties[p.Key] = p.Value;
        }
        // Then the .editorconfig files from the root one (or the farthest) down to the file's own folder.
        var chain = new List<(string Folder, ConfigFile File)>();
        foreach (var folder in folders)
        {
            if (Read(Path.Combine(folder, ".editorconfig")) is not { IsGlobal: false } config) continue;
            chain.Add((folder, config));
            if (config.IsRoot) break;
        }
        chain.Reverse();
        foreach (var (folder, config) in chain)
        {
            var relative = full.Substring(folder.Length).Replace('\\', '/').TrimStart('/');
            foreach (var section in config.Sections)
            {
                if (!section.Matches(relative)) continue;
                foreach (var p in section.Properties) properties[p.Key] = p.Value;
            }
        }
        return key => properties.TryGetValue(key, out var value) ? value : null;
    }

    private ConfigFile? Read(string path)
    {
        lock (gate)
        {
            if (byPath.TryGetValue(path, out var known)) return known;
            ConfigFile? parsed = null;
            if (File.Exists(path) && SourceFiles.TryRead(path, out _) is { } text) parsed = ConfigFile.Parse(text);
            return byPath[path] = parsed;
        }
    }

    /// <summary>One .editorconfig or .globalconfig: its preamble (what comes before the first section) and its sections.</summary>
    internal sealed class ConfigFile
    {
        public Dictionary<string, string> Preamble { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<Section> Sections { get; } = new();

        public bool IsRoot => Preamble.TryGetValue("root", out var root) && root.Equals("true", StringComparison.OrdinalIgnoreCase);

        public bool IsGlobal => Preamble.TryGetValue("is_global", out var global) && global.Equals("true", StringComparison.OrdinalIgnoreCase);

        public static ConfigFile Parse(string text)
        {
            var file = new ConfigFile();
            Dictionary<string, string> current = file.Preamble;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';') continue;
                if (line[0] == '[' && line[line.Length - 1] == ']')
                {
                    var section = new Section(line.Substring(1, line.Length - 2));
                    file.Sections.Add(section);
                    current = section.Properties;
                    continue;
                }
                // 'key = value' or 'key: value', as Roslyn's reader takes both.
                var equals = line.IndexOfAny(new[] { '=', ':' });
                if (equals <= 0) continue;
                var value = line.Substring(equals + 1).Trim();
                // A comment after the value, as editors and Roslyn read it.
                var comment = value.IndexOfAny(new[] { '#', ';' });
                if (comment >= 0) value = value.Substring(0, comment).Trim();
                current[line.Substring(0, equals).Trim()] = value;
            }
            return file;
        }
    }

    /// <summary>A section: its glob, and the properties it sets for the files the glob matches.</summary>
    internal sealed class Section
    {
        private readonly Regex? pattern;

        public Section(string glob)
        {
            // A glob without '/' matches the file's name in any folder; with one, the path from the config's folder.
            var anchored = glob.Contains("/");
            var body = anchored ? glob.TrimStart('/') : glob;
            try
            {
                pattern = new Regex("^" + (anchored ? string.Empty : "(?:.*/)?") + Translate(body) + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                pattern = null; // a glob that cannot be read matches nothing
            }
        }

        public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool Matches(string relativePath)
        {
            try
            {
                return pattern?.IsMatch(relativePath) ?? false;
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>EditorConfig's globs as a regular expression: <c>*</c>, <c>**</c>, <c>?</c>, <c>[...]</c>, <c>[!...]</c>, <c>{a,b}</c> and <c>{1..3}</c>.</summary>
        private static string Translate(string glob)
        {
            var regex = new StringBuilder();
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                switch (c)
                {
                    case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                        regex.Append(".*");
                        i++;
                        break;
                    case '*':
                        regex.Append("[^/]*");
                        break;
                    case '?':
                        regex.Append("[^/]");
                        break;
                    case '[':
                        var close = glob.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            regex.Append("\\[");
                            break;
                        }
                        var set = glob.Substring(i + 1, close - i - 1);
                        var negated = set.StartsWith("!", StringComparison.Ordinal);
                        if (negated) set = set.Substring(1);
                        regex.Append(negated ? "[^" : "[").Append(Regex.Escape(set).Replace("\\-", "-")).Append(']');
                        i = close;
                        break;
                    case '{':
                        var end = Matching(glob, i);
                        if (end < 0)
                        {
                            regex.Append("\\{");
                            break;
                        }
                        var inner = glob.Substring(i + 1, end - i - 1);
                        var range = Regex.Match(inner, "^(-?\\d+)\\.\\.(-?\\d+)$");
                        if (range.Success)
                        {
                            var from = int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                            var to = int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                            if (from > to) (from, to) = (to, from);
                            regex.Append(to - from <= 1000 ? "(?:" + string.Join("|", Enumerable.Range(from, to - from + 1)) + ")" : "-?\\d+");
                        }
                        else
                        {
                            regex.Append("(?:").Append(string.Join("|", SplitTopLevel(inner).Select(Translate))).Append(')');
                        }
                        i = end;
                        break;
                    case '\\' when i + 1 < glob.Length:
                        regex.Append(Regex.Escape(glob[++i].ToString()));
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            return regex.ToString();
        }

        private static int Matching(string glob, int open)
        {
            var depth = 0;
            for (var i = open; i < glob.Length; i++)
            {
                if (glob[i] == '{') depth++;
                else if (glob[i] == '}' && --depth == 0) return i;
            }
            return -1;
        }

        private static IEnumerable<string> SplitTopLevel(string inner)
        {
            var depth = 0;
            var start = 0;
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '{') depth++;
                else if (inner[i] == '}') depth--;
                else if (inner[i] == ',' && depth == 0)
                {
                    yield return inner.Substring(start, i - start);
                    start = i + 1;
                }
            }
            yield return inner.Substring(start);
        }
    }
}
