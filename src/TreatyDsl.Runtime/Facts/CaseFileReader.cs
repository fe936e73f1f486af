using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace TreatyDsl.Runtime;

/// <summary>The result of reading one case file: its facts, or the reasons it was refused, and warnings either way.</summary>
public sealed record CaseFileResult(CaseFacts? Facts, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>True when the file could not be read; <see cref="Errors"/> says why.</summary>
    public bool Refused => Facts is null;
}

/// <summary>
/// Reads a case file (docs/case-file.md) against a <see cref="FactSchema"/>. Absent or null
/// properties are unknown facts. A value of the wrong kind refuses the file with a message naming its JSON path
/// (<c>$.sentence.fullTermDate: "2031-13-01" is not a date</c>); an unknown property is a warning. Never throws.
/// Text must be text: bytes that are not UTF-8 and strings with an unpaired UTF-16 surrogate (<c>"\ud800"</c>) refuse the
/// file rather than being read with replacement characters, so what is echoed back is what was sent.
/// </summary>
public static class CaseFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The most entries a list a fact reads may hold: 10,000 (a case lists a handful of offences and nationalities). A
    /// longer list is refused, so that what a case costs to read stays a small multiple of its size (docs/performance.md).
    /// </summary>
    public const int MaxListEntries = 10_000;

    /// <summary>The longest string a fact reads may be, as written in the file: 1 MiB (1,048,576 bytes); a longer one is refused.</summary>
    public const int MaxTextBytes = 1024 * 1024;

    /// <summary>Reads one case file's bytes, which must be UTF-8 (a UTF-8 byte order mark is allowed), against <paramref name="schema"/>.</summary>
    public static CaseFileResult Read(byte[] utf8, FactSchema schema)
    {
        if (utf8 is null) throw new ArgumentNullException(nameof(utf8));
        return Read(new ReadOnlyMemory<byte>(utf8), schema);
    }

    /// <summary>
    /// Reads one case's UTF-8 bytes held in a span (a line of a JSON lines file, say), as <see cref="Read(byte[], FactSchema)"/>
    /// reads a file's. The span is copied, since the parsed document needs memory of its own; a caller that can lend its
    /// memory for the length of the call uses <see cref="Read(ReadOnlyMemory{byte}, FactSchema)"/> and saves the copy.
    /// </summary>
    public static CaseFileResult Read(ReadOnlySpan<byte> utf8, FactSchema schema) => Read(new ReadOnlyMemory<byte>(utf8.ToArray()), schema);

    /// <summary>
    /// Reads one case's UTF-8 bytes, as <see cref="Read(byte[], FactSchema)"/> reads a file's, without copying them: the
    /// memory must not change during the call, and nothing read from it keeps it afterwards. What the reader holds beyond
    /// the bytes is a small multiple of what facts read (docs/performance.md), however large the values no fact reads.
    /// </summary>
    public static CaseFileResult Read(ReadOnlyMemory<byte> utf8, FactSchema schema)
    {
        var span = utf8.Span;
        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
        {
            return Refused("$: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
        var start = span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF ? 3 : 0;
        var json = utf8.Slice(start);
        if (NotUtf8(json) is { } problem) return Refused($"$: not UTF-8: {problem.Bytes} at byte offset {start + problem.Offset} is not valid UTF-8; save the file as UTF-8");
        if (ReadTyped(json.Span, schema) is { } typed) return Consistent(typed);
        try
        {
            return Consistent(ReadJson(json, schema));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every input this reader knows of has its own message; one it does not know still refuses only this file.
            return Refused($"$: could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    /// <summary>
    /// The case read, or refused when its facts contradict each other: every offence marked served while the sentence
    /// still runs (<see cref="OffenceBeingTransferred.Contradiction"/>). Each fact is well formed, so only the whole says so.
    /// </summary>
    private static CaseFileResult Consistent(CaseFileResult read) =>
        read.Facts is { } facts && OffenceBeingTransferred.Contradiction(facts) is { } contradiction
            ? new CaseFileResult(null, new[] { contradiction }, read.Warnings)
            : read;

    /// <summary>
    /// Reads one case file's JSON text against <paramref name="schema"/>, as its UTF-8 bytes are read. Text with an
    /// unpaired surrogate (which a .NET string may hold, and UTF-8 cannot) is refused with where it is.
    /// </summary>
    public static CaseFileResult Read(string json, FactSchema schema)
    {
        json ??= string.Empty;
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException ex)
        {
            return Refused($"$: the text holds an unpaired UTF-16 surrogate at character {ex.Index}, which is not text");
        }
        return Read(new ReadOnlyMemory<byte>(bytes), schema);
    }

    /// <summary>The case as the schema's generated reader reads it, or null when there is none or it declines the file.</summary>
    private static CaseFileResult? ReadTyped(ReadOnlySpan<byte> utf8, FactSchema schema)
    {
        if (schema.TypedReader is not { } reader) return null;
        try
        {
            return reader.TryRead(utf8, out var typedCase) && typedCase is not null ? new CaseFileResult(new CaseFacts(typedCase), NoMessages, NoMessages) : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null; // a generated reader that fails leaves the file to the general reader
        }
    }

    /// <summary>Where the bytes stop being UTF-8 (the offending bytes and their offset), or null when they are UTF-8 throughout.</summary>
    private static (string Bytes, int Offset)? NotUtf8(ReadOnlyMemory<byte> utf8)
    {
        var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(utf8, out var array) ? array : new ArraySegment<byte>(utf8.ToArray());
        try
        {
            StrictUtf8.GetCharCount(segment.Array!, segment.Offset, segment.Count);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            var bad = ex.BytesUnknown is { Length: > 0 } bytes ? string.Join(" ", bytes.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture))) : "a byte";
            return (bad, Math.Max(0, ex.Index));
        }
    }

    private static readonly string[] NoMessages = Array.Empty<string>();

    /// <summary>The JSON this reader accepts (comments, trailing commas): the generated readers' options, so both read the same files.</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = CaseJson.Options.CommentHandling, AllowTrailingCommas = CaseJson.Options.AllowTrailingCommas };

    private static CaseFileResult Refused(string error) => new(null, new[] { error }, Array.Empty<string>());

    private static CaseFileResult ReadJson(ReadOnlyMemory<byte> utf8, FactSchema schema)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        // What may not be anywhere in a case (text that is not text, a property given twice) is found first, in one
        // streaming pass that also leaves out of the document the values no fact reads.
        var parsed = CaseJsonScan.Scan(utf8, schema, errors);
        if (errors.Count > 0) return new CaseFileResult(null, errors, warnings);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(parsed, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            return new CaseFileResult(null, new[] { $"$: not valid JSON{where}" }, warnings);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new CaseFileResult(null, new[] { $"$: expected a JSON object, found {Describe(root)}" }, warnings);
            }
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var fact in schema.Facts)
            {
                var element = Find(root, fact.Path, errors);
                if (element is null)
                {
                    if (fact.Required) errors.Add($"$.{fact.Path}: required, but missing");
                    continue;
                }
                var value = Convert(element.Value, fact.Type, "$." + fact.Path, errors, warnings);
                if (value is IReadOnlyList<object?> { Count: 0 } && fact.NonEmpty)
                {
                    errors.Add($"$.{fact.Path}: must hold at least one entry");
                }
                if (value is not null) values[fact.Path] = value;
            }
            WarnUnknown(root, "$", schema.Facts.Select(f => f.Path).ToList(), warnings);
            return errors.Count > 0 ? new CaseFileResult(null, errors, warnings) : new CaseFileResult(new CaseFacts(values), errors, warnings);
        }
    }

    /// <summary>The element at a dotted path, or null when it (or an object on the way) is absent or null.</summary>
    private static JsonElement? Find(JsonElement root, string path, List<string> errors)
    {
        var current = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                var at = "$." + string.Join(".", segments.Take(i));
                var message = $"{at}: expected an object, found {Describe(current)}";
                if (!errors.Contains(message)) errors.Add(message);
                return null;
            }
            if (!current.TryGetProperty(segments[i], out var next) || next.ValueKind == JsonValueKind.Null) return null;
            current = next;
        }
        return current;
    }

    private static object? Convert(JsonElement element, FactType type, string path, List<string> errors, List<string> warnings)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        switch (type.Kind)
        {
            case FactKind.Bool:
                if (element.ValueKind is JsonValueKind.True or JsonValueKind.False) return element.GetBoolean();
                return Fail(errors, path, element, "is not true or false");
            case FactKind.Number:
                if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number)) return number;
                return Fail(errors, path, element, "is not a number");
            case FactKind.Date:
                if (element.ValueKind == JsonValueKind.String)
                {
                    var parsed = LocalDatePattern.Iso.Parse(element.GetString()!);
                    if (parsed.Success && element.GetString()!.Length == 10) return parsed.Value;
                }
                return Fail(errors, path, element, "is not a date");
            case FactKind.Text:
                if (element.ValueKind == JsonValueKind.String) return element.GetString();
                return Fail(errors, path, element, "is not text");
            case FactKind.Country:
                if (element.ValueKind == JsonValueKind.String)
                {
                    var code = element.GetString()!;
                    if (CountryCodes.IsAssigned(code)) return code;
                    if (code.Length == 2 && code.All(c => c is >= 'A' and <= 'Z')) return Fail(errors, path, element, "is not an assigned ISO 3166-1 alpha-2 country code");
                }
                return Fail(errors, path, element, "is not a country code (ISO 3166-1 alpha-2, upper case, such as \"MX\")");
            case FactKind.Enum:
                if (element.ValueKind == JsonValueKind.String && type.Members!.Contains(element.GetString()!)) return element.GetString();
                return Fail(errors, path, element, "is not one of " + string.Join(", ", type.Members!));
            case FactKind.List:
                if (element.ValueKind != JsonValueKind.Array) return Fail(errors, path, element, "is not a list");
                var items = new List<object?>();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        errors.Add($"{itemPath}: null is not allowed in a list");
                        continue;
                    }
                    items.Add(Convert(item, type.Element!, itemPath, errors, warnings));
                }
                return items;
            case FactKind.Record:
                if (element.ValueKind != JsonValueKind.Object) return Fail(errors, path, element, "is not an object");
                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in type.Fields!)
                {
                    if (element.TryGetProperty(field.Name, out var fieldValue))
                    {
                        var converted = Convert(fieldValue, field.Type, path + "." + field.Name, errors, warnings);
                        if (converted is not null) fields[field.Name] = converted;
                    }
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (type.Fields!.All(f => f.Name != property.Name)) warnings.Add($"{path}.{property.Name}: unknown property, ignored");
                }
                return fields;
            default:
                return Fail(errors, path, element, "has a type this reader does not know");
        }
    }

    private static object? Fail(List<string> errors, string path, JsonElement element, string problem)
    {
        errors.Add($"{path}: {Raw(element)} {problem}");
        return null;
    }

    /// <summary>Warns about properties no fact path reaches (records inside lists check their own fields).</summary>
    private static void WarnUnknown(JsonElement element, string path, List<string> factPaths, List<string> warnings)
    {
        var prefix = path == "$" ? string.Empty : path.Substring(2) + ".";
        foreach (var property in element.EnumerateObject())
        {
            var full = prefix + property.Name;
            if (factPaths.Contains(full)) continue;
            if (factPaths.Any(p => p.StartsWith(full + ".", StringComparison.Ordinal)))
            {
                if (property.Value.ValueKind == JsonValueKind.Object) WarnUnknown(property.Value, "$." + full, factPaths, warnings);
                continue;
            }
            warnings.Add($"$.{full}: unknown property, ignored");
        }
    }

    private static string Raw(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
