using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Reporting;

/// <summary>
/// The case file as a JSON Schema (draft 2020-12), generated from the vocabulary (<c>treaty schema</c>): each fact at its
/// path, of its type, with its description; a fact absent or <c>null</c> is unknown, so every fact but the required ones
/// may be null. It refuses what the reader refuses for a fact's own value (a wrong type, a value not of an enum, a
/// country code not assigned, a date not in YYYY-MM-DD form, a null inside a list, an empty list that must hold one,
/// a list over the reader's limit) and, like the reader, allows properties no fact reads (the reader warns). What it
/// cannot say, the reader still checks: that a date exists (2026-02-30), and rules across facts (an offence marked
/// served while the sentence runs). docs/case-file.md is the format in words.
/// </summary>
public static class CaseFileSchema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static string Write(VocabularyModel vocabulary)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Draft);
            json.WriteString("title", "TreatyDsl case file (vocabulary " + vocabulary.Name + ")");
            json.WriteString("description", "A prisoner-transfer case for treaty eval. A property that is absent or null is unknown: a requirement that needs it is unknown, never met. Properties no fact reads are allowed (the reader warns about them).");
            WriteObject(json, vocabulary, FactTree.Build(vocabulary.Facts.Where(f => f.Type.Kind != TypeKind.Error), f => f.Path).Root, topLevel: true);
            json.WriteStartObject("$defs");
            json.WriteStartObject("country");
            json.WriteString("description", "An assigned ISO 3166-1 alpha-2 code, upper case.");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var code in CountryCodes.All) json.WriteStringValue(code);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("date");
            json.WriteString("description", "A date, YYYY-MM-DD.");
            json.WriteString("type", "string");
            json.WriteString("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
            json.WriteString("format", "date");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Whether a fact at or below <paramref name="node"/> is required, so the object on the way to it must be there.</summary>
    private static bool HasRequired(FactNode<FactModel> node) => node.Facts.Any(f => f.Required) || node.Children.Any(HasRequired);

    /// <summary>A node's children by name in ordinal order, as the schema lists properties.</summary>
    private static IEnumerable<FactNode<FactModel>> Sorted(FactNode<FactModel> node) => node.Children.OrderBy(c => c.Segment, StringComparer.Ordinal);

    /// <summary>The properties of an object node (the case file itself, or an object of facts such as <c>sentence</c>).</summary>
    private static void WriteObject(Utf8JsonWriter json, VocabularyModel vocabulary, FactNode<FactModel> node, bool topLevel)
    {
        // The case file itself must be an object; an object on the way to facts may be null (every fact in it unknown).
        if (topLevel || HasRequired(node)) json.WriteString("type", "object");
        else
        {
            json.WriteStartArray("type");
            json.WriteStringValue("object");
            json.WriteStringValue("null");
            json.WriteEndArray();
        }
        json.WriteStartObject("properties");
        foreach (var child in Sorted(node))
        {
            json.WritePropertyName(child.Segment);
            json.WriteStartObject();
            // A path declared twice is an error elsewhere; the schema takes the last declaration, as a later one wins.
            if (child.IsFact && child.Facts[child.Facts.Count - 1] is var fact)
            {
                if (fact.Description is { } description) json.WriteString("description", description);
                WriteType(json, vocabulary, fact.Type, nullable: !fact.Required, nonEmpty: fact.NonEmpty);
            }
            else
            {
                WriteObject(json, vocabulary, child, topLevel: false);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        var required = Sorted(node).Where(HasRequired).Select(c => c.Segment).ToList();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            foreach (var name in required) json.WriteStringValue(name);
            json.WriteEndArray();
        }
    }

    /// <summary>A value of <paramref name="type"/>: null too when <paramref name="nullable"/> (a list's entries may not be null).</summary>
    private static void WriteType(Utf8JsonWriter json, VocabularyModel vocabulary, TypeRef type, bool nullable, bool nonEmpty = false)
    {
        switch (type.Kind)
        {
            case TypeKind.Country:
            case TypeKind.Date:
                var definition = type.Kind == TypeKind.Country ? "#/$defs/country" : "#/$defs/date";
                if (!nullable)
                {
                    json.WriteString("$ref", definition);
                    return;
                }
                json.WriteStartArray("anyOf");
                json.WriteStartObject();
                json.WriteString("$ref", definition);
                json.WriteEndObject();
                json.WriteStartObject();
                json.WriteString("type", "null");
                json.WriteEndObject();
                json.WriteEndArray();
                return;
            case TypeKind.Enum:
                Types(json, nullable, "string");
                json.WriteStartArray("enum");
                foreach (var member in vocabulary.Enums.FirstOrDefault(e => e.Name == type.Name)?.Members ?? EquatableArray<string>.Empty) json.WriteStringValue(member);
                if (nullable) json.WriteNullValue();
                json.WriteEndArray();
                return;
            case TypeKind.List:
                Types(json, nullable, "array");
                if (nonEmpty) json.WriteNumber("minItems", 1);
                json.WriteNumber("maxItems", CaseFileReader.MaxListEntries);
                json.WriteStartObject("items");
                WriteType(json, vocabulary, type.Element!, nullable: false);
                json.WriteEndObject();
                return;
            case TypeKind.Record:
                Types(json, nullable, "object");
                json.WriteStartObject("properties");
                foreach (var field in vocabulary.Records.FirstOrDefault(r => r.Name == type.Name)?.Fields ?? EquatableArray<FieldModel>.Empty)
                {
                    json.WritePropertyName(field.Name);
                    json.WriteStartObject();
                    WriteType(json, vocabulary, field.Type, nullable: true);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                return;
            default:
                Types(json, nullable, type.Kind switch
                {
                    TypeKind.Bool => "boolean",
                    TypeKind.Number => "number",
                    _ => "string",
                });
                return;
        }
    }

    private static void Types(Utf8JsonWriter json, bool nullable, string type)
    {
        if (!nullable)
        {
            json.WriteString("type", type);
            return;
        }
        json.WriteStartArray("type");
        json.WriteStringValue(type);
        json.WriteStringValue("null");
        json.WriteEndArray();
    }
}
