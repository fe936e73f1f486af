using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// A case that shows a finding: the facts the search gave, nothing else. It reads two ways: a short fragment for the
/// message ("sentence.type = life, no sentence.fullTermDate"), naming the facts the finding is about, and a whole case
/// file in the contract's shape that <c>treaty eval</c> reads and reproduces the finding with.
/// </summary>
public sealed class Witness
{
    internal Witness(IReadOnlyDictionary<string, object?> facts, IReadOnlyList<string> focus, IReadOnlyList<string> absent)
    {
        Facts = facts;
        Focus = focus;
        Absent = absent;
    }

    /// <summary>The facts by path, lists of records as lists of field maps; the case's id is not among them.</summary>
    public IReadOnlyDictionary<string, object?> Facts { get; }

    /// <summary>The paths the finding is about, in the order the fragment names them.</summary>
    public IReadOnlyList<string> Focus { get; }

    /// <summary>Facts the finding needs absent because no case file of this kind carries them.</summary>
    public IReadOnlyList<string> Absent { get; }

    internal static Witness From(PartialCase partial, IEnumerable<string> readPaths, IEnumerable<string> absent)
    {
        var facts = new SortedDictionary<string, object?>(System.StringComparer.Ordinal);
        var shapes = new Dictionary<string, List<SortedDictionary<string, object?>>>();
        foreach (var pair in partial.Values)
        {
            if (pair.Value is ListLength length)
            {
                var list = Enumerable.Range(0, length.Count).Select(_ => new SortedDictionary<string, object?>(System.StringComparer.Ordinal)).ToList();
                shapes[pair.Key] = list;
                facts[pair.Key] = list;
            }
        }
        foreach (var pair in partial.Values)
        {
            if (pair.Value is ListLength or Withheld || pair.Key == ContractFacts.ReceivingNationality) continue; // the evaluator supplies the nationality
            var list = PartialCase.ListOf(pair.Key);
            if (list is not null && shapes.TryGetValue(list, out var elements))
            {
                var open = pair.Key.IndexOf('[');
                var close = pair.Key.IndexOf(']', open);
                var index = int.Parse(pair.Key.Substring(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture);
                elements[index][pair.Key.Substring(close + 2)] = pair.Value;
            }
            else if (list is null)
            {
                facts[pair.Key] = pair.Value;
            }
        }
        var read = new HashSet<string>(readPaths);
        // The countries are named where the finding's rules read them (an exception for Mexican sentences); otherwise
        // they are only the frame every case file needs.
        var focus = facts.Keys.Where(k => read.Contains(k) && k is not ContractFacts.ApplicationDate and not ContractFacts.Id).ToList();
        if (focus.Count == 0) focus = facts.Keys.Where(k => !IsFrame(k)).ToList();
        return new Witness(facts, focus, absent.Distinct().OrderBy(a => a, System.StringComparer.Ordinal).ToList());
    }

    private static bool IsFrame(string path) =>
        path is ContractFacts.ApplicationDate or ContractFacts.SentencingCountry or ContractFacts.ReceivingCountry or ContractFacts.Id;

    /// <summary>The facts the finding is about, as a short fragment: "sentence.type = life, no sentence.fullTermDate".</summary>
    public string Fragment
    {
        get
        {
            var parts = Focus.Select(p => p + " = " + Format(Facts[p])).Concat(Absent.Select(a => "no " + a)).ToList();
            return parts.Count == 0 ? "any case" : string.Join(", ", parts);
        }
    }

    /// <summary>
    /// The witness as a case file (contract shape, indented), with <paramref name="id"/> as its id, unless the finding
    /// needs an id of its own (a rule that reads <c>id</c>): then that one, written once.
    /// </summary>
    public string ToCaseFile(string id)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString(ContractFacts.Id, Facts.TryGetValue(ContractFacts.Id, out var own) && own is string needed ? needed : id);
            WriteObject(writer, FactTree.Build(Facts.Where(p => p.Key != ContractFacts.Id), p => p.Key).Root);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Writes a group's facts and groups: <c>sentence.type</c> and <c>sentence.fullTermDate</c> share one object.</summary>
    private static void WriteObject(Utf8JsonWriter writer, FactNode<KeyValuePair<string, object?>> group)
    {
        foreach (var child in group.Children)
        {
            if (child.IsFact)
            {
                writer.WritePropertyName(child.Segment);
                WriteValue(writer, child.Facts[0].Value);
                continue;
            }
            writer.WriteStartObject(child.Segment);
            WriteObject(writer, child);
            writer.WriteEndObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case LocalDate date: writer.WriteStringValue(FactFormat.Value(date)); break;
            case string s: writer.WriteStringValue(s); break;
            case IDictionary<string, object?> record:
                writer.WriteStartObject();
                foreach (var field in record)
                {
                    writer.WritePropertyName(field.Key);
                    WriteValue(writer, field.Value);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LocalDate date => FactFormat.Value(date),
        string s => s,
        IDictionary<string, object?> record => "{" + string.Join(", ", record.Select(f => f.Key + ": " + Format(f.Value))) + "}",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
