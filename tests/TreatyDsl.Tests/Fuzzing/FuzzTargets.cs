using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using TreatyDsl.Cli;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;

namespace TreatyDsl.Tests.Fuzzing;

/// <summary>
/// The fuzz targets: each a way to make inputs and the promise every input must keep (the check throws when one does
/// not). <see cref="FuzzTests"/> runs them; <see cref="RegressionTests"/> replays saved failing inputs by target name.
/// </summary>
internal static partial class FuzzTargets
{
    private static readonly TreatyCatalog Generated = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;
    private static readonly TreatyCatalog Interpreted = InterpretedCatalog.Create(TreatyLoader.LoadDirectory(Paths.Treaties));

    public static readonly IReadOnlyDictionary<string, Action<string>> Checks = new Dictionary<string, Action<string>>
    {
        ["differential"] = Differential,
        ["monotone"] = Monotone,
        ["reader"] = Reader,
        ["typed-reader"] = TypedReader,
        ["treaty-mutation"] = TreatyMutation,
        ["hostile-text"] = HostileText,
        ["treaty-grammar"] = TreatyGrammar,
        ["json-rpc"] = JsonRpc,
        ["format"] = Format,
    };

    // ---------- differential: generated validators and the interpreter give the same report ----------

    public static void Differential(string json)
    {
        var generated = CaseFileReader.Read(json, Generated.Schema);
        var interpreted = CaseFileReader.Read(json, Interpreted.Schema);
        Expect(generated.Refused == interpreted.Refused, "one schema refused the case and the other did not");
        if (generated.Facts is null) return;
        var a = JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Generated, generated.Facts));
        var b = JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Interpreted, interpreted.Facts!));
        Expect(a == b, $"generated and interpreted reports differ:\n{a}\n{b}");

        // The fast path, which checks the cheapest requirements first and stops at the first not met, gives the
        // interpreter's verdict under every instrument, in force between the case's countries or not.
        var typed = global::TreatyDsl.Cli.Treaties.TreatyCase.FromFacts(generated.Facts);
        foreach (var instrument in Interpreted.Instruments)
        {
            var fast = FastVerdicts[instrument.Info.Id](typed);
            var slow = instrument.Evaluate(interpreted.Facts!).Verdict;
            Expect(fast == slow, $"{instrument.Info.Id}: the generated GetVerdict says {fast}, the interpreter {slow}");
        }
    }

    /// <summary>Each generated validator's <c>GetVerdict</c>, by instrument id.</summary>
    private static readonly IReadOnlyDictionary<string, Func<global::TreatyDsl.Cli.Treaties.TreatyCase, Verdict>> FastVerdicts =
        typeof(global::TreatyDsl.Cli.Treaties.TreatyCase).Assembly.GetTypes()
            .Where(t => typeof(IInstrumentValidator).IsAssignableFrom(t) && t.GetMethod("GetVerdict", new[] { typeof(global::TreatyDsl.Cli.Treaties.TreatyCase) }) is not null)
            .ToDictionary(
                t => (string)t.GetField("Id")!.GetRawConstantValue()!,
                t => t.GetMethod("GetVerdict", new[] { typeof(global::TreatyDsl.Cli.Treaties.TreatyCase) })!.CreateDelegate<Func<global::TreatyDsl.Cli.Treaties.TreatyCase, Verdict>>());

    // ---------- monotone: knowing less never gives another definite answer ----------

    public static void Monotone(string json)
    {
        var full = Evaluate(json);
        if (full is null) return;
        var leaves = Leaves(JsonNode.Parse(json)!, "").ToList();
        var removals = leaves.Select(l => new[] { l })
            .Append(leaves.Where((_, i) => i % 2 == 0).ToArray())
            .Append(leaves.Where((_, i) => i % 2 == 1).ToArray());
        foreach (var removed in removals)
        {
            var node = JsonNode.Parse(json)!;
            foreach (var path in removed) Remove(node, path);
            var less = Evaluate(node.ToJsonString());
            if (less is null) continue; // a required fact: refusing the file is not an answer
            CompareKnowingLess(full, less, string.Join(", ", removed));
        }
    }

    private static CaseReport? Evaluate(string json)
    {
        var read = CaseFileReader.Read(json, Generated.Schema);
        return read.Facts is null ? null : CaseEvaluator.Evaluate(Generated, read.Facts);
    }

    private static void CompareKnowingLess(CaseReport full, CaseReport less, string removed)
    {
        var context = $"without {removed}";
        Expect(less.Verdict == full.Verdict || less.Verdict == Verdict.Undetermined, $"{context}: case verdict {full.Verdict} became {less.Verdict}");
        Expect(less.Recommended == full.Recommended || less.Recommended is null, $"{context}: recommended {full.Recommended} became {less.Recommended}");
        foreach (var instrument in full.Instruments)
        {
            var other = less.Instruments.FirstOrDefault(i => i.Id == instrument.Id);
            Expect(other is not null, $"{context}: instrument {instrument.Id} was dropped");
            Expect(other!.Verdict == instrument.Verdict || other.Verdict == Verdict.Undetermined, $"{context}: {instrument.Id} verdict {instrument.Verdict} became {other.Verdict}");
            foreach (var requirement in instrument.Requirements)
            {
                var outcome = other.Requirements.First(r => r.Id == requirement.Id).Outcome;
                Expect(outcome == requirement.Outcome || outcome == Outcome.Unknown, $"{context}: {instrument.Id}/{requirement.Id} {requirement.Outcome} became {outcome}");
            }
        }
        foreach (var extra in less.Instruments.Where(i => full.Instruments.All(f => f.Id != i.Id)))
        {
            // Only an instrument whose entry into force was decided by a fact now missing may appear.
            Expect(extra.Requirements.First(r => r.Id == CaseEvaluator.InForceRequirement).Outcome == Outcome.Unknown, $"{context}: {extra.Id} appeared although in force");
        }
        foreach (var item in less.Advisory) Expect(full.Advisory.Any(a => a.Factor == item.Factor), $"{context}: advisory {item.Factor} appeared");
    }

    /// <summary>Paths of the known values: scalars, lists of scalars (a list is one fact), and each field of each record in a list.</summary>
    private static IEnumerable<string> Leaves(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is null) continue;
                    foreach (var leaf in Leaves(value, path.Length == 0 ? name : path + "." + name)) yield return leaf;
                }
                break;
            case JsonArray array when array.Any(item => item is JsonObject):
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var leaf in Leaves(array[i]!, $"{path}[{i}]")) yield return leaf;
                }
                break;
            default:
                if (path is not ("id" or "sentencingCountry" or "receivingCountry")) yield return path;
                break;
        }
    }

    private static void Remove(JsonNode root, string path)
    {
        var node = root;
        var parts = path.Replace("[", ".[").Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i][1..^1])]! : node[parts[i]]!;
        }
        node.AsObject().Remove(parts[^1]);
    }

    // ---------- reader: whatever the bytes, the reader answers and never throws ----------

    public static void Reader(string json)
    {
        foreach (var read in new[]
        {
            CaseFileReader.Read(json, Generated.Schema),
            CaseFileReader.Read(Encoding.UTF8.GetBytes(json), Generated.Schema),
            CaseFileReader.Read(Corrupted(Encoding.UTF8.GetBytes(json)), Generated.Schema),
        })
        {
            Expect(read.Refused == (read.Errors.Count > 0), "refused without a reason, or a reason without refusing");
            if (read.Facts is null) continue;
            JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Generated, read.Facts));
            Differential(json);
        }
    }

    // ---------- typed reader: the generated reader changes speed, never what is read ----------

    /// <summary>The generated schema without its generated reader: the general reader alone.</summary>
    private static readonly FactSchema GeneralOnly = new(Generated.Schema.Facts);

    /// <summary>
    /// Whatever the input (text, bytes, damaged bytes), reading with the generated reader first gives exactly what the
    /// general reader alone gives: the same errors and warnings, the same fact at every path, the same report.
    /// </summary>
    public static void TypedReader(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        foreach (var (typed, general) in new[]
        {
            (CaseFileReader.Read(json, Generated.Schema), CaseFileReader.Read(json, GeneralOnly)),
            (CaseFileReader.Read(bytes, Generated.Schema), CaseFileReader.Read(bytes, GeneralOnly)),
            (CaseFileReader.Read(Corrupted(bytes), Generated.Schema), CaseFileReader.Read(Corrupted(bytes), GeneralOnly)),
        })
        {
            Expect(typed.Errors.SequenceEqual(general.Errors), $"errors differ:\n{string.Join("\n", typed.Errors)}\n---\n{string.Join("\n", general.Errors)}");
            Expect(typed.Warnings.SequenceEqual(general.Warnings), $"warnings differ:\n{string.Join("\n", typed.Warnings)}\n---\n{string.Join("\n", general.Warnings)}");
            Expect(typed.Refused == general.Refused, "one refused and the other did not");
            if (typed.Facts is null) continue;
            foreach (var fact in Generated.Schema.Facts)
            {
                var a = FactText(typed.Facts[fact.Path]);
                var b = FactText(general.Facts![fact.Path]);
                Expect(a == b, $"{fact.Path}: the generated reader read {a}, the general reader {b}");
            }
            var reportA = JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Generated, typed.Facts));
            var reportB = JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(Generated, general.Facts!));
            Expect(reportA == reportB, $"reports differ:\n{reportA}\n{reportB}");
        }
    }

    /// <summary>A fact as the reader holds it, written out with its CLR types, so two readers' facts compare as text.</summary>
    internal static string FactText(object? value) => value switch
    {
        null => "null",
        string text => "string:" + text,
        IReadOnlyDictionary<string, object?> fields => "{" + string.Join(",", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + FactText(f.Value))) + "}",
        IReadOnlyList<object?> items => "[" + string.Join(",", items.Select(FactText)) + "]",
        _ => value.GetType().Name + ":" + System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The same bytes with one made invalid as UTF-8, at a place that depends only on the input.</summary>
    private static byte[] Corrupted(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 0) copy[(copy.Length * 7 + 3) % copy.Length] = 0xFF;
        return copy;
    }

    public static string HostileJson(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
            case 1:
                return CaseGenerator.Generate(random, extreme: true);
            case 2:
                return ArbitraryJson(random, 0);
        }
        var node = JsonNode.Parse(CaseGenerator.Generate(random))!.AsObject();
        // JsonNode will not write a lone surrogate, so each hostile value goes in as a placeholder, replaced in the text.
        var values = new List<string>();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var path = Generated.Schema.Facts[random.Next(Generated.Schema.Facts.Count)].Path;
            CaseGenerator.Set(node, path, JsonValue.Create($"@hostile{values.Count}@"));
            values.Add(HostileValues[random.Next(HostileValues.Length)]);
        }
        var text = node.ToJsonString();
        for (var i = 0; i < values.Count; i++) text = text.Replace($"\"@hostile{i}@\"", values[i]);
        // Damage the text too: property names and raw characters JsonNode cannot express.
        return random.Next(4) switch
        {
            0 => text.Insert(1, "\"\\ud800\": 1, "),
            1 => text.Insert(random.Next(text.Length), HostileFragments[random.Next(HostileFragments.Length)]),
            2 => text[..random.Next(text.Length)],
            _ => text,
        };
    }

    /// <summary>Any JSON at all, shaped like no case: random objects, arrays, numbers and strings, names included.</summary>
    private static string ArbitraryJson(Random random, int depth)
    {
        string Text() => "\"" + string.Concat(Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(5) == 0 ? $"\\u{random.Next(0x10000):x4}" : ((char)random.Next(0x20, 0x7f)).ToString().Replace("\"", "").Replace("\\", ""))) + "\"";
        return (depth > 6 ? random.Next(4) : random.Next(6)) switch
        {
            0 => Text(),
            1 => new[] { "0", "-1", "1e308", "1e-400", "123456789012345678901234567890", "true", "false", "null" }[random.Next(8)],
            2 => random.Next(3) == 0 ? "\"" + HostileValues[random.Next(HostileValues.Length)].Trim('"') + "\"" : Text(),
            3 => Text(),
            4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => ArbitraryJson(random, depth + 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ =>
                (random.Next(3) == 0 ? "\"" + Generated.Schema.Facts[random.Next(Generated.Schema.Facts.Count)].Path.Split('.')[0] + "\"" : Text()) + ":" + ArbitraryJson(random, depth + 1))) + "}",
        };
    }

    internal static readonly string[] HostileValues =
    {
        "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"9999-12-31\"", "\"0000-01-01\"", "\"2026-02-30\"", "\"XX\"", "\"us\"", "\"\"", "1e400", "-0",
        "79228162514264337593543950336", "-1", "0.0000000000000000000000000001", "[]", "{}", "[null]", "[[[[[[[[[[1]]]]]]]]]]", "true", "null",
        "\"\\u0000\\u2028\\u2029\\u0085\"", "\"" + new string('x', 5000) + "\"", "[\"US\",\"US\",\"ZZ\"]",
    };

    private static readonly string[] HostileFragments =
    {
        "\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\u0000", "\ufeff", "/* */", "//\n", new string('[', 100),
    };

    // ---------- treaty mutation: damaged treaty files never crash a stage or the compiler ----------

    public static string MutatedTreaty(Random random)
    {
        var files = Directory.GetFiles(Paths.Treaties, "*.treaty").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var file = files[random.Next(files.Length)];
        var text = File.ReadAllText(file);
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            var cut = Math.Min(random.Next(3) == 0 ? random.Next(1, 40) : 0, text.Length - at);
            text = text[..at] + TreatyTokens[random.Next(TreatyTokens.Length)] + text[(at + cut)..];
        }
        return Path.GetFileName(file) + "\n" + text;
    }

    private static readonly string[] TreatyTokens =
    {
        "require", "bar", "when", "unless", "and", "or", "not", "any x in offenses:", "in", ":", "=", ">=", "(", ")", ",", "\"", "\n",
        "\n  ", "6 months", "2026-02-30", "99999999999 days", "cite", "override threshold", "exception", "to", "country", "\t", "//",
        "includes statute", "a-b", "a_b", "from-facts", "\u2028", "\r", new string('(', 70), string.Concat(Enumerable.Repeat("not ", 70)),
    };

    public static void TreatyMutation(string input)
    {
        var name = input[..input.IndexOf('\n')];
        var text = input[(input.IndexOf('\n') + 1)..];
        var files = Directory.GetFiles(Paths.Treaties, "*.treaty")
            .Select(f => (Path: f, Text: Path.GetFileName(f) == name ? text : File.ReadAllText(f)))
            .ToArray();

        var model = TreatyLoader.Load(files);
        foreach (var d in model.Diagnostics)
        {
            var own = files.Single(f => f.Path == d.Span.Path).Text;
            Expect(d.Span.Offset >= 0 && d.Span.Offset + d.Span.Length <= own.Length && d.Span.Line >= 1 && d.Span.Column >= 1, $"diagnostic outside its file: {d}");
            Expect(d.Id != "TDSL0900", $"internal error: {d}");
        }
        if (!model.HasErrors)
        {
            var catalog = InterpretedCatalog.Create(model);
            foreach (var sample in Directory.GetFiles(Paths.Samples, "*.json"))
            {
                var read = CaseFileReader.Read(File.ReadAllBytes(sample), catalog.Schema);
                if (read.Facts is not null) CaseEvaluator.Evaluate(catalog, read.Facts);
            }
        }

        var output = GeneratorHarness.Generate(files.Select(f => (AdditionalText)new GeneratorHarness.TreatyText(f.Path, f.Text)).ToArray(), out var generatorDiagnostics);
        // The generator's only word is why something was left out (TDSL0202): never an exception (CS8785) or its own failure (TDSL0900).
        Expect(generatorDiagnostics.All(d => d.Id == "TDSL0202"), "the generator reported: " + string.Join("; ", generatorDiagnostics));
        if (!model.Diagnostics.Any(d => d.IsError && d.Id == "TDSL0112"))
        {
            foreach (var instrument in model.Instruments)
            {
                var generated = output.SyntaxTrees.Any(t => t.FilePath.EndsWith("/" + TreatyDsl.Binding.GeneratedNames.ValidatorClass(instrument.Id) + ".g.cs", StringComparison.Ordinal));
                var explained = generatorDiagnostics.Any(d => d.GetMessage().Contains($"'{instrument.Id}'", StringComparison.Ordinal) || d.GetMessage().StartsWith("Nothing was generated", StringComparison.Ordinal));
                Expect(generated || explained, $"instrument {instrument.Id} was left out without a TDSL0202");
            }
        }
        var broken = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Expect(broken.Count == 0, "the generated code does not compile: " + string.Join("; ", broken.Take(3)));
    }

    // ---------- hostile text: quoted text stays data in the generated C# ----------

    /// <summary>Hostile text, written with <c>\uXXXX</c> escapes so the input (and a saved regression) is plain ASCII.</summary>
    public static string HostileTextInput(Random random)
    {
        var builder = new StringBuilder();
        for (var parts = random.Next(1, 6); parts > 0; parts--)
        {
            var piece = random.Next(3) switch
            {
                0 => new[] { "\r", "\u0085", "\u2028", "\u2029", "\u202e", "\ud800", "\"", "\\", "#error x", "*/", "} class Evil {", "&", "<" }[random.Next(13)],
                1 => ((char)random.Next(0, 0x10000)).ToString(),
                _ => "text",
            };
            foreach (var c in piece.Replace("\n", string.Empty)) builder.Append(c is >= ' ' and <= '~' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }
        return builder.Length == 0 ? "x" : builder.ToString();
    }

    public static void HostileText(string escaped)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(escaped, @"\\u([0-9A-F]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        Generator.GeneratedTextEscapingTests.AssertSameShapeWithTextIntact(Generator.GeneratedTextEscapingTests.Baseline, text);
        Generator.GeneratedTextEscapingTests.AssertCompilesWithoutWarnings(text);
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }
}
