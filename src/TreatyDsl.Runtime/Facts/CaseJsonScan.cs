using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TreatyDsl.Runtime;

/// <summary>
/// One streaming pass over a case's UTF-8 JSON before it is parsed into a document, so that what no fact reads costs
/// (nearly) nothing to hold. It finds what a case file may not hold anywhere (a string or property name with an unpaired
/// UTF-16 surrogate, which is not text; a property an object gives twice, which is ambiguous) as errors at their JSON
/// paths, in document order; and it finds the values of properties no fact reads (unknown properties, and unknown fields
/// of records), which the document is then parsed without: each such value is read as <c>null</c>, so the property is
/// still there to be warned about, but a megabyte of unknown text or a million-entry unknown list is never held as a
/// parsed document (whose index alone costs 12 bytes per JSON token). What facts do read is bounded too: a list of more
/// than <see cref="CaseFileReader.MaxListEntries"/> entries and a string of more than <see cref="CaseFileReader.MaxTextBytes"/>
/// are refused, so a case costs a small multiple of its size to read and evaluate. JSON the reader cannot read is left
/// alone: the document parse then says where it breaks, as it always has.
/// </summary>
internal static class CaseJsonScan
{
    /// <summary>
    /// The bytes to parse: <paramref name="utf8"/> itself, or a copy with the values no fact reads replaced by
    /// <c>null</c>. Errors are added to <paramref name="errors"/>; when there are any the case is refused and the bytes are not parsed.
    /// </summary>
    public static ReadOnlyMemory<byte> Scan(ReadOnlyMemory<byte> utf8, FactSchema schema, List<string> errors)
    {
        var unread = new List<(int Start, int End)>();
        // The JSON every case reader reads (comments, trailing commas), as the document parse reads it.
        var reader = new Utf8JsonReader(utf8.Span, CaseJson.Options);
        try
        {
            if (!reader.Read()) return utf8;
            Walk(ref reader, new JsonPath("$", null, -1), Expect.Group(SchemaTree.Of(schema)), errors, unread);
        }
        catch (JsonException)
        {
            errors.Clear(); // not JSON: the document parse says where, with the message it always gave
            return utf8;
        }
        return unread.Count == 0 ? utf8 : WithoutValues(utf8.Span, unread);
    }

    /// <summary>What a value is expected to be: a group of fact paths, a fact's value of a type, or nothing read.</summary>
    private readonly struct Expect
    {
        private Expect(SchemaTree? group, FactType? type)
        {
            GroupNode = group;
            Type = type;
        }

        public SchemaTree? GroupNode { get; }

        public FactType? Type { get; }

        public static Expect Group(SchemaTree node) => new(node, null);

        public static Expect Value(FactType type) => new(null, type);

        public static Expect Nothing => default;
    }

    /// <summary>
    /// Where a value is, made into its text (<c>$.prisoner.nationalities[3]</c>) only for a message: a list of a million
    /// entries is walked without a million strings.
    /// </summary>
    private readonly struct JsonPath
    {
        private readonly string parent;
        private readonly string? name;
        private readonly int index;

        public JsonPath(string parent, string? name, int index)
        {
            this.parent = parent;
            this.name = name;
            this.index = index;
        }

        public JsonPath Property(string property) => new(ToString(), property, -1);

        public JsonPath Entry(int entry) => new(ToString(), null, entry);

        public override string ToString() =>
            name is not null ? parent + "." + name : index >= 0 ? parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : parent;
    }

    /// <summary>The value at the reader (its first token read), checked; the reader is left on its last token.</summary>
    private static void Walk(ref Utf8JsonReader reader, JsonPath path, Expect expect, List<string> errors, List<(int, int)> unread)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.ValueIsEscaped && !IsText(reader.ValueSpan)) errors.Add($"{path}: {Raw(reader)} contains an unpaired UTF-16 surrogate, which is not text");
                else if (expect.Type is not null && reader.ValueSpan.Length > CaseFileReader.MaxTextBytes)
                {
                    errors.Add(FormattableString.Invariant($"{path}: text of {reader.ValueSpan.Length:N0} bytes, longer than the {CaseFileReader.MaxTextBytes:N0} a case's text may be"));
                }
                break;
            case JsonTokenType.StartArray:
                var element = expect.Type is { Kind: FactKind.List, Element: { } type } ? Expect.Value(type) : Expect.Nothing;
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) Walk(ref reader, path.Entry(index++), element, errors, unread);
                if (expect.Type is { Kind: FactKind.List } && index > CaseFileReader.MaxListEntries)
                {
                    errors.Add(FormattableString.Invariant($"{path}: holds {index:N0} entries, more than the {CaseFileReader.MaxListEntries:N0} a list in a case may hold"));
                }
                break;
            case JsonTokenType.StartObject:
                WalkObject(ref reader, path, expect, errors, unread);
                break;
        }
    }

    private static void WalkObject(ref Utf8JsonReader reader, JsonPath path, Expect expect, List<string> errors, List<(int, int)> unread)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped && !IsText(reader.ValueSpan))
            {
                errors.Add($"{path}: a property name contains an unpaired UTF-16 surrogate, which is not text");
                reader.Read();
                reader.Skip();
                continue;
            }
            var name = reader.GetString()!;
            // A property given twice is ambiguous (which custody did the caseworker mean?): refused, never the last one taken.
            if (!seen.Add(name) && repeated.Add(name)) errors.Add($"{path}.{name}: given more than once; a case file gives each property once, so which value is meant is not known");
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var (inner, read) = Member(expect, name);
            Walk(ref reader, path.Property(name), inner, errors, unread);
            if (!read) unread.Add((start, (int)reader.BytesConsumed));
        }
    }

    /// <summary>What a member is expected to be, and whether any fact reads it.</summary>
    private static (Expect Inner, bool Read) Member(Expect expect, string name)
    {
        if (expect.GroupNode is { } group)
        {
            if (!group.Children.TryGetValue(name, out var child)) return (Expect.Nothing, false);
            return child.Fact is { } fact ? (Expect.Value(fact), true) : (Expect.Group(child), true);
        }
        if (expect.Type is { Kind: FactKind.Record, Fields: { } fields })
        {
            foreach (var field in fields)
            {
                if (field.Name == name) return (Expect.Value(field.Type), true);
            }
            return (Expect.Nothing, false);
        }
        return (Expect.Nothing, true); // inside a value of the wrong kind: read by no one, but kept for the message that names it
    }

    /// <summary>
    /// Whether a string's escaped JSON (the reader has checked its syntax) is text: every <c>\uD800</c>-<c>\uDBFF</c> escape
    /// followed at once by a <c>\uDC00</c>-<c>\uDFFF</c> one, and no low surrogate alone.
    /// </summary>
    private static bool IsText(ReadOnlySpan<byte> escaped)
    {
        var highPending = false;
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != (byte)'\\')
            {
                if (highPending) return false;
                continue;
            }
            if (escaped[i + 1] != (byte)'u')
            {
                if (highPending) return false;
                i++;
                continue;
            }
            var unit = CaseLexer.Unit(escaped, i + 2);
            i += 5;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (highPending) return false;
                highPending = true;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                if (!highPending) return false;
                highPending = false;
            }
            else if (highPending)
            {
                return false;
            }
        }
        return !highPending;
    }


    /// <summary>The string as it is written in the file (escapes and all, at most 60 characters), for a message.</summary>
    private static string Raw(Utf8JsonReader reader)
    {
        var span = reader.ValueSpan;
        var text = "\"" + System.Text.Encoding.UTF8.GetString(span.Slice(0, Math.Min(span.Length, 240)).ToArray()) + "\"";
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>A copy of the bytes with each range (a value, in document order, none inside another) written as <c>null</c>.</summary>
    private static ReadOnlyMemory<byte> WithoutValues(ReadOnlySpan<byte> utf8, List<(int Start, int End)> values)
    {
        var removed = 0;
        foreach (var (start, end) in values) removed += end - start - 4;
        var copy = new byte[utf8.Length - removed];
        var from = 0;
        var to = 0;
        foreach (var (start, end) in values)
        {
            utf8.Slice(from, start - from).CopyTo(copy.AsSpan(to));
            to += start - from;
            "null"u8.CopyTo(copy.AsSpan(to));
            to += 4;
            from = end;
        }
        utf8.Slice(from).CopyTo(copy.AsSpan(to));
        return copy;
    }

    /// <summary>The fact paths as a tree of names: a group's children, or a fact's type at a leaf.</summary>
    private sealed class SchemaTree
    {
        private static readonly ConditionalWeakTable<FactSchema, SchemaTree> Trees = new();

        public Dictionary<string, SchemaTree> Children { get; } = new(StringComparer.Ordinal);

        public FactType? Fact { get; private set; }

        public static SchemaTree Of(FactSchema schema) => Trees.GetValue(schema, Build);

        private static SchemaTree Build(FactSchema schema)
        {
            var root = new SchemaTree();
            foreach (var fact in schema.Facts)
            {
                var node = root;
                foreach (var segment in fact.Path.Split('.'))
                {
                    if (!node.Children.TryGetValue(segment, out var child)) node.Children[segment] = child = new SchemaTree();
                    node = child;
                }
                node.Fact = fact.Type;
            }
            return root;
        }
    }
}
