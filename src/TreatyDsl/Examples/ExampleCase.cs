using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Examples;

/// <summary>
/// The case an example gives: its facts (those of the example it is <c>like</c>, then its own, a later one replacing an
/// earlier), each checked against the vocabulary (it exists, something reads it, its value fits), as a case file's facts.
/// </summary>
internal static class ExampleCase
{
    /// <summary>The example's facts by path, or null when one of them is in error (each error is added to <paramref name="diagnostics"/>).</summary>
    public static Dictionary<string, object?>? Build(ExampleSyntax example, IReadOnlyDictionary<string, ExampleSyntax> byId, TreatyModel model,
        HashSet<string> read, List<TreatyDiagnostic> diagnostics)
    {
        // The chain of examples this one is like, the furthest first; a circle is an error at the first 'like' that closes it.
        var chain = new List<ExampleSyntax> { example };
        for (var current = example; current.Like is { } like;)
        {
            if (!byId.TryGetValue(like, out var other))
            {
                var closest = Suggestions.Closest(like, byId.Keys);
                diagnostics.Add(DiagnosticCatalog.ExampleUnknownName.Create(current.LikeSpan, example.Id,
                    $"'like {like}' names no example{(closest is null ? string.Empty : $"; did you mean '{closest}'?")}"));
                return null;
            }
            if (chain.Contains(other))
            {
                diagnostics.Add(DiagnosticCatalog.ExampleUnknownName.Create(current.LikeSpan, example.Id, $"'like {like}' goes round in a circle back to '{other.Id}'"));
                return null;
            }
            chain.Add(other);
            current = other;
        }
        chain.Reverse();
        var facts = new Dictionary<string, object?>(System.StringComparer.Ordinal) { [ContractFacts.Id] = example.Id };
        var records = new Dictionary<string, SortedDictionary<int, Dictionary<string, object?>>>(System.StringComparer.Ordinal);
        // A case file starts the chain: only an example that is like no other may name one.
        if (example.CaseFile is not null && example.Like is not null)
        {
            diagnostics.Add(DiagnosticCatalog.ExampleBadValue.Create(example.CaseFileSpan, example.Id,
                $"an example starts from a case file or from another example ('like {example.Like}'), not both"));
            return null;
        }
        if (chain[0].CaseFile is not null && !FromCaseFile(example, chain[0], model, facts, records, ReferenceEquals(chain[0], example) ? diagnostics : new List<TreatyDiagnostic>()))
        {
            return null;
        }
        var ok = true;
        foreach (var step in chain)
        {
            // Another example's mistakes are reported at that example; here they only stop this one.
            var sink = ReferenceEquals(step, example) ? diagnostics : new List<TreatyDiagnostic>();
            foreach (var given in step.Givens) ok &= Give(example.Id, given, model, read, facts, records, sink);
        }
        if (!ok) return null;
        foreach (var list in records)
        {
            var count = list.Value.Keys.Max() + 1;
            facts[list.Key] = Enumerable.Range(0, count)
                .Select(i => (object?)(IReadOnlyDictionary<string, object?>)(list.Value.TryGetValue(i, out var fields) ? fields : new Dictionary<string, object?>()))
                .ToList();
        }
        return facts;
    }

    /// <summary>
    /// The facts of the case file <paramref name="root"/> names, read as <c>treaty eval</c> reads a case file, as the
    /// facts the chain starts from (its id aside: the case is the example's). False, with an error at the file's name,
    /// when it cannot be read or the reader refuses it.
    /// </summary>
    private static bool FromCaseFile(ExampleSyntax example, ExampleSyntax root, TreatyModel model, Dictionary<string, object?> facts,
        Dictionary<string, SortedDictionary<int, Dictionary<string, object?>>> records, List<TreatyDiagnostic> diagnostics)
    {
        var path = CaseFileReferences.Resolve(root.Span.Path, root.CaseFile!);
        var file = model.CaseFiles.FirstOrDefault(f => f.Path == path);
        if (file?.Text is not { } text)
        {
            diagnostics.Add(DiagnosticCatalog.ExampleBadValue.Create(root.CaseFileSpan, example.Id, $"the case file '{root.CaseFile}' ({path}) cannot be read: {file?.Problem ?? "it was not read"}"));
            return false;
        }
        var read = CaseFileReader.Read(text, InterpretedCatalog.SchemaOf(model.Vocabulary));
        if (read.Facts is not { } caseFacts)
        {
            diagnostics.Add(DiagnosticCatalog.ExampleBadValue.Create(root.CaseFileSpan, example.Id, $"the case file '{root.CaseFile}' is refused: {string.Join("; ", read.Errors)}"));
            return false;
        }
        foreach (var fact in model.Vocabulary.Facts)
        {
            if (fact.Path == ContractFacts.Id || caseFacts[fact.Path] is not { } value) continue;
            if (value is IReadOnlyList<object?> list && fact.Type is { Kind: TypeKind.List, Element.Kind: TypeKind.Record })
            {
                var elements = new SortedDictionary<int, Dictionary<string, object?>>();
                for (var i = 0; i < list.Count; i++)
                {
                    var fields = new Dictionary<string, object?>(System.StringComparer.Ordinal);
                    if (list[i] is IReadOnlyDictionary<string, object?> record) foreach (var field in record) fields[field.Key] = field.Value;
                    elements[i] = fields;
                }
                if (elements.Count > 0) records[fact.Path] = elements;
                else facts[fact.Path] = new List<object?>();
                continue;
            }
            facts[fact.Path] = value;
        }
        return true;
    }

    private static bool Give(string exampleId, GivenSyntax given, TreatyModel model, HashSet<string> read, Dictionary<string, object?> facts,
        Dictionary<string, SortedDictionary<int, Dictionary<string, object?>>> records, List<TreatyDiagnostic> diagnostics)
    {
        var (path, index, field) = Split(given.Path);
        var fact = model.Vocabulary.Facts.FirstOrDefault(f => f.Path == path);
        if (fact is null)
        {
            var closest = Suggestions.Closest(path, model.Vocabulary.Facts.Select(f => f.Path));
            diagnostics.Add(DiagnosticCatalog.ExampleUnknownName.Create(given.Span, exampleId,
                $"'{path}' is not a fact of the vocabulary{(closest is null ? string.Empty : $"; did you mean '{closest}'?")}"));
            return false;
        }
        if (!read.Contains(path))
        {
            diagnostics.Add(DiagnosticCatalog.ExampleUnreadFact.Create(given.Span, exampleId, path));
            return false;
        }
        var type = fact.Type;
        if (index is { } i)
        {
            if (type.Kind != TypeKind.List || type.Element is not { Kind: TypeKind.Record } element)
            {
                diagnostics.Add(DiagnosticCatalog.ExampleBadValue.Create(given.Span, exampleId, $"'{path}' is not a list of records, so it has no '[{i}].{field}'"));
                return false;
            }
            var record = model.Vocabulary.Records.First(r => r.Name == element.Name);
            var fieldModel = record.Fields.FirstOrDefault(f => f.Name == field);
            if (fieldModel is null)
            {
                var closest = Suggestions.Closest(field!, record.Fields.Select(f => f.Name));
                diagnostics.Add(DiagnosticCatalog.ExampleUnknownName.Create(given.Span, exampleId,
                    $"'{field}' is not a field of {record.Name}{(closest is null ? string.Empty : $"; did you mean '{closest}'?")}"));
                return false;
            }
            if (Value(exampleId, given.Value, fieldModel.Type, $"{path}[{i}].{field}", model, diagnostics, out var fieldValue) is false) return false;
            if (!records.TryGetValue(path, out var elements)) records[path] = elements = new SortedDictionary<int, Dictionary<string, object?>>();
            if (!elements.TryGetValue(i, out var fields)) elements[i] = fields = new Dictionary<string, object?>(System.StringComparer.Ordinal);
            fields[field!] = fieldValue;
            facts.Remove(path); // the elements given field by field replace a whole list given before
            return true;
        }
        if (type.Kind == TypeKind.List && type.Element is { Kind: TypeKind.Record })
        {
            diagnostics.Add(DiagnosticCatalog.ExampleBadValue.Create(given.Span, exampleId, $"'{path}' is a list of records: give each field of each element, as in 'given {path}[0].{model.Vocabulary.Records.First(r => r.Name == type.Element.Name).Fields[0].Name} = ...'"));
            return false;
        }
        if (Value(exampleId, given.Value, type, path, model, diagnostics, out var value) is false) return false;
        facts[path] = value;
        records.Remove(path);
        return true;
    }

    /// <summary><c>offenses[0].category</c> as (offenses, 0, category); a plain path with no index.</summary>
    private static (string Path, int? Index, string? Field) Split(string written)
    {
        var open = written.IndexOf('[');
        if (open < 0) return (written, null, null);
        var close = written.IndexOf(']', open);
        return (written.Substring(0, open), int.Parse(written.Substring(open + 1, close - open - 1), CultureInfo.InvariantCulture), written.Substring(close + 2));
    }

    /// <summary>The value written, as a case file's fact of <paramref name="type"/>; false (with an error) when it does not fit.</summary>
    private static bool Value(string exampleId, ExpressionSyntax written, TypeRef type, string path, TreatyModel model, List<TreatyDiagnostic> diagnostics, out object? value)
    {
        value = null;
        // 'unknown' makes the fact unknown, as a case file's null does (a 'like' example's value taken away); an enum
        // with a value of that name keeps it.
        if (written is NameSyntax { Name: "unknown" } && !(type.Kind == TypeKind.Enum && model.Vocabulary.Enums.First(x => x.Name == type.Name).Members.Contains("unknown")))
        {
            return true;
        }
        string? problem = null;
        switch (type.Kind, written)
        {
            case (TypeKind.Bool, BoolLiteralSyntax b):
                value = b.Value;
                break;
            case (TypeKind.Number, NumberLiteralSyntax n):
                value = n.Value;
                break;
            case (TypeKind.Date, DateLiteralSyntax d):
                value = new NodaTime.LocalDate(d.Value.Year, d.Value.Month, d.Value.Day);
                break;
            case (TypeKind.Text, TextLiteralSyntax t):
                value = t.Value;
                break;
            case (TypeKind.Country, NameSyntax c):
                if (CountryCodes.IsAssigned(c.Name)) value = c.Name;
                else problem = $"'{c.Name}' is not an ISO 3166-1 country code, which '{path}' needs";
                break;
            case (TypeKind.Enum, NameSyntax e):
                var members = model.Vocabulary.Enums.First(x => x.Name == type.Name).Members;
                if (members.Contains(e.Name)) value = e.Name;
                else
                {
                    var closest = Suggestions.Closest(e.Name, members);
                    problem = $"'{e.Name}' is not a value of {type.Name} ({string.Join(", ", members)}){(closest is null ? string.Empty : $"; did you mean '{closest}'?")}";
                }
                break;
            case (TypeKind.List, ListLiteralSyntax list) when type.Element is { } element:
                var items = new List<object?>();
                foreach (var item in list.Items)
                {
                    if (!Value(exampleId, item, element, path + "[]", model, diagnostics, out var one)) return false;
                    items.Add(one);
                }
                value = items;
                break;
            default:
                problem = $"'{path}' is {Describe(type)}, and this value is not one";
                break;
        }
        if (problem is null) return true;
        diagnostics.Add(DiagnosticCatalog.ExampleBadValue.Create(written.Span, exampleId, problem));
        return false;
    }

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Bool => "true or false",
        TypeKind.Number => "a number",
        TypeKind.Date => "a date (YYYY-MM-DD)",
        TypeKind.Text => "quoted text",
        TypeKind.Country => "a country code",
        TypeKind.Enum => $"a value of {type.Name}",
        TypeKind.List => $"a list ([a, b]) of {Describe(type.Element!)}",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };
}
