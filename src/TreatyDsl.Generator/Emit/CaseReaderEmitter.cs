using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>
/// Emits <c>TreatyCaseReader</c>, the vocabulary's own case file reader: JSON straight into <c>TreatyCase</c>, one method
/// per fact group, record and enum, comparing property and enum names as UTF-8 bytes. Each method is emitted twice, as
/// overloads: over <c>CaseLexer</c> (the plainest JSON, tried first, much cheaper per token) and over
/// <c>Utf8JsonReader</c> (everything else: escapes, comments, fractions, trailing commas).
/// It reads only what the general reader (<c>CaseFileReader</c>) reads without an error or a warning, and declines
/// (returns false) at the first thing that is not that: an unknown or repeated property, a value of the wrong kind, an
/// escaped name, a missing required fact. The general reader then reads the file and explains, so the messages stay
/// in one place. It also turns a <c>TreatyCase</c> into facts by path (<c>GetFact</c>) and takes supplied facts
/// (<c>WithFacts</c>), which is how <c>CaseFacts</c> stands on a typed case.
/// </summary>
internal static class CaseReaderEmitter
{
    private const string R = Naming.Runtime;
    private const string Json = "global::System.Text.Json";

    /// <summary>The two token sources the object, list and enum readers are emitted for, as overloads: the plain-JSON lexer tried first, then the library's reader.</summary>
    private static readonly string[] Readers = { $"{R}.CaseLexer", $"{Json}.Utf8JsonReader" };

    public static string Emit(VocabularySpec spec)
    {
        var ns = spec.Namespace;
        var vocabulary = spec.Vocabulary;
        var caseType = $"global::{ns}.{GeneratedNames.CaseClass}";
        var tree = FactTree.Of(vocabulary);
        var facts = vocabulary.Facts.Where(f => f.Type.Kind != TypeKind.Error).ToList();
        var names = new Utf8Names();
        var methods = new CodeWriter();

        var w = CodeWriter.File(ns);
        w.Line($"/// <summary>Reads case files (JSON) straight into <see cref=\"{GeneratedNames.CaseClass}\"/>: the reader <see cref=\"{GeneratedNames.CatalogClass}.Schema\"/> carries, which the case file reader tries first.</summary>");
        w.Line("/// <remarks>It reads only the files the general reader reads without an error or a warning, into the same facts, and declines every other, which the general reader then reads and explains.</remarks>");
        w.Line(Naming.GeneratedCode);
        w.Open($"{spec.Target.TypeAccessibility} sealed class {GeneratedNames.CaseReaderClass} : {R}.ITypedCaseReader");
        w.Line("/// <summary>The reader.</summary>");
        w.Line($"public static global::{ns}.{GeneratedNames.CaseReaderClass} Instance {{ get; }} = new global::{ns}.{GeneratedNames.CaseReaderClass}();");
        w.Line();
        w.Line($"private {GeneratedNames.CaseReaderClass}() {{ }}");
        w.Line();
        w.Line($"/// <summary>Builds a case fact by fact from facts by path (<c>{GeneratedNames.CaseClass}.{GeneratedNames.FromFacts}</c>, when they do not hold a typed case already).</summary>");
        w.Line($"internal static readonly global::System.Func<{R}.CaseFacts, {caseType}> ByPath = facts => new {caseType}");
        w.Line("{");
        w.Indent();
        VocabularyEmitter.EmitInitializers(w, tree.Root, ns, fact => VocabularyEmitter.Read($"facts[{Escape.StringLiteral(fact.Path)}]", fact.Type, ns));
        w.Outdent().Line("};");
        w.Line();
        w.Line($"bool {R}.ITypedCaseReader.TryRead(global::System.ReadOnlySpan<byte> utf8, out {R}.ITypedCase? typedCase)");
        w.Line("{");
        w.Nested("var read = TryRead(utf8, out var value);");
        w.Nested("typedCase = value;");
        w.Nested("return read;");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Reads one case file's UTF-8 JSON.</summary>");
        w.Line("/// <param name=\"utf8\">The file's bytes, without a byte order mark.</param>");
        w.Line("/// <param name=\"value\">The case; null when declined.</param>");
        w.Line("/// <returns>False for a file the general reader would refuse or warn about, or that this reader leaves to it.</returns>");
        w.Open($"public static bool TryRead(global::System.ReadOnlySpan<byte> utf8, out {caseType}? value)");
        w.Line("value = null;");
        w.Line("// The plain JSON a case line nearly always is, read by the lexer; when it has read the whole file, the library's");
        w.Line("// reader would read the same tokens, so its answer stands. Anything it leaves (an escape, a comment, a fraction...)");
        w.Line("// is read again with the library's reader.");
        w.Line($"var lexer = new {R}.CaseLexer(utf8);");
        w.Open($"if (lexer.Read() && lexer.TokenType == {Json}.JsonTokenType.StartObject && {ReadMethod(GeneratedNames.CaseClass)}(ref lexer, out var plain) && plain is not null && !lexer.Read() && lexer.Finished)");
        w.Line("if (!IsComplete(plain)) return false;");
        w.Line("value = plain;");
        w.Line("return true;");
        w.Close();
        w.Open("try");
        w.Line($"var reader = new {Json}.Utf8JsonReader(utf8, {R}.CaseJson.Options);");
        w.Line($"if (!reader.Read() || reader.TokenType != {Json}.JsonTokenType.StartObject) return false;");
        w.Line($"if (!{ReadMethod(GeneratedNames.CaseClass)}(ref reader, out var read) || read is null || reader.Read() || !IsComplete(read)) return false;");
        w.Line("value = read;");
        w.Line("return true;");
        w.Close();
        w.Open($"catch ({Json}.JsonException)");
        w.Line("return false;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>Whether a case read holds every required fact, and an entry in every list that must have one.</summary>");
        w.Open($"private static bool IsComplete({caseType} read)");
        foreach (var fact in facts.Where(f => f.Required)) w.Line($"if (read.{GeneratedNames.Member(fact.Path)} is null) return false; // required");
        foreach (var fact in facts.Where(f => f.NonEmpty && f.Type.Kind == TypeKind.List)) w.Line($"if (read.{GeneratedNames.Member(fact.Path)} is {{ Count: 0 }}) return false; // must hold an entry");
        w.Line("return true;");
        w.Close();
        w.Line();

        foreach (var reader in Readers)
        {
            EmitGroupReader(methods, reader, tree.Root, ns, names);
            foreach (var record in vocabulary.Records) EmitRecordReader(methods, reader, record, ns, names);
            foreach (var e in vocabulary.Enums) EmitEnumReader(methods, reader, e, ns, names);
        }
        EmitGetFact(methods, facts, caseType, ns);
        EmitFieldOfEach(methods, facts, caseType, ns);
        EmitWithFacts(methods, tree, caseType, ns);
        foreach (var record in vocabulary.Records) EmitRecordFacts(methods, record, ns);
        foreach (var record in vocabulary.Records) EmitRecordField(methods, record, ns);
        foreach (var e in vocabulary.Enums) EmitEnumFact(methods, e, ns);
        w.Append(methods);
        w.Line();
        names.Emit(w);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string ReadMethod(string typeName) => "Read" + typeName;

    private static string FactMethod(string typeName) => "FactOf" + typeName;

    private static string FieldMethod(string typeName) => "FieldOf" + typeName;

    /// <summary>One group of the fact tree: its facts and the groups below it, each property once.</summary>
    private static void EmitGroupReader(CodeWriter w, string reader, FactNode<FactModel> group, string ns, Utf8Names names)
    {
        var properties = new List<Property>();
        foreach (var (node, fact) in group.ChildFacts().Where(f => f.Fact.Type.Kind != TypeKind.Error)) properties.Add(new Property(node.Segment, node.MemberName, fact.Type, null));
        foreach (var child in group.ChildGroups()) properties.Add(new Property(child.Segment, child.MemberName, null, child.ClassName));
        EmitObjectReader(w, reader, group.ClassName, properties, ns, names);
        foreach (var child in group.ChildGroups()) EmitGroupReader(w, reader, child, ns, names);
    }

    private static void EmitRecordReader(CodeWriter w, string reader, RecordModel record, string ns, Utf8Names names) =>
        EmitObjectReader(w, reader, GeneratedNames.RecordClass(record.Name), record.Fields.Select(f => new Property(f.Name, GeneratedNames.Pascal(f.Name), f.Type, null)).ToList(), ns, names);

    /// <summary>A JSON property of an object the reader reads: a fact or field of <see cref="Type"/>, or a group of facts (<see cref="GroupClass"/>).</summary>
    private sealed record Property(string JsonName, string Member, TypeRef? Type, string? GroupClass);

    /// <summary>
    /// Reads the object the reader is on (at its start) into <paramref name="className"/>: each known property at most
    /// once, anything else declines. A group that is absent or null is an empty group, as in the general reader.
    /// </summary>
    private static void EmitObjectReader(CodeWriter w, string reader, string className, List<Property> properties, string ns, Utf8Names names)
    {
        var type = $"global::{ns}.{className}";
        w.Open($"private static bool {ReadMethod(className)}(ref {reader} reader, out {type}? value)");
        w.Line("value = null;");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            w.Line($"{(p.GroupClass is null ? Naming.ClrType(p.Type!, ns) : $"global::{ns}.{p.GroupClass}?")} v{i} = null;");
            w.Line($"var seen{i} = false;");
        }
        w.Open("while (true)");
        w.Line("if (!reader.Read()) return false;");
        w.Line($"if (reader.TokenType == {Json}.JsonTokenType.EndObject) break;");
        w.Line($"if (!{R}.CaseJson.PropertyName(ref reader, out var name) || !reader.Read()) return false;");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            w.Open($"{(i == 0 ? "if" : "else if")} (global::System.MemoryExtensions.SequenceEqual(name, {names.For(p.JsonName)}))");
            w.Line($"if (seen{i}) return false; // repeated");
            w.Line($"seen{i} = true;");
            if (p.GroupClass is null) EmitValue(w, p.Type!, $"v{i}", ns, depth: 0);
            else EmitNested(w, ReadMethod(p.GroupClass), $"v{i}");
            w.Close();
        }
        w.Line(properties.Count == 0 ? "return false; // no property is known here" : "else return false; // not a property the vocabulary knows: the general reader warns");
        w.Close();
        w.Line($"value = new {type}");
        w.Line("{");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            w.Nested(p.GroupClass is null ? $"{p.Member} = v{i}," : $"{p.Member} = v{i} ?? new global::{ns}.{p.GroupClass}(),");
        }
        w.Line("};");
        w.Line("return true;");
        w.Close();
        w.Line();
    }

    /// <summary>An object value read by its own method, or null.</summary>
    private static void EmitNested(CodeWriter w, string method, string target)
    {
        w.Line($"if (reader.TokenType != {Json}.JsonTokenType.Null && (reader.TokenType != {Json}.JsonTokenType.StartObject || !{method}(ref reader, out {target}))) return false;");
    }

    /// <summary>Reads the value the reader is on into <paramref name="target"/> (declared with the fact's C# type), or declines.</summary>
    private static void EmitValue(CodeWriter w, TypeRef type, string target, string ns, int depth)
    {
        switch (type.Kind)
        {
            case TypeKind.Bool: w.Line($"if (!{R}.CaseJson.Bool(ref reader, out {target})) return false;"); break;
            case TypeKind.Number: w.Line($"if (!{R}.CaseJson.Number(ref reader, out {target})) return false;"); break;
            case TypeKind.Date: w.Line($"if (!{R}.CaseJson.Date(ref reader, out {target})) return false;"); break;
            case TypeKind.Country: w.Line($"if (!{R}.CaseJson.Country(ref reader, out {target})) return false;"); break;
            case TypeKind.Enum: w.Line($"if (!{ReadMethod(GeneratedNames.EnumType(type.Name!))}(ref reader, out {target})) return false;"); break;
            case TypeKind.Record: EmitNested(w, ReadMethod(GeneratedNames.RecordClass(type.Name!)), target); break;
            case TypeKind.List when type.Element!.Kind is not (TypeKind.List or TypeKind.Error): EmitList(w, type.Element!, target, ns, depth); break;
            case TypeKind.List: w.Line("return false; // a list of lists is left to the general reader"); break;
            default: w.Line($"if (!{R}.CaseJson.Text(ref reader, out {target})) return false;"); break;
        }
    }

    /// <summary>A list: every entry read as its element type; a null entry, or more than the reader takes, is the general reader's error, so it declines.</summary>
    private static void EmitList(CodeWriter w, TypeRef element, string target, string ns, int depth)
    {
        var itemType = Naming.ClrType(element, ns);
        var elementType = itemType.TrimEnd('?');
        var list = $"list{depth}";
        var item = $"item{depth}";
        w.Open($"if (reader.TokenType != {Json}.JsonTokenType.Null)");
        w.Line($"if (reader.TokenType != {Json}.JsonTokenType.StartArray) return false;");
        w.Line($"var {list} = new global::System.Collections.Generic.List<{elementType}>();");
        w.Open("while (true)");
        w.Line("if (!reader.Read()) return false;");
        w.Line($"if (reader.TokenType == {Json}.JsonTokenType.EndArray) break;");
        w.Line($"if (reader.TokenType == {Json}.JsonTokenType.Null) return false; // null is not allowed in a list");
        w.Line($"if ({list}.Count == {R}.CaseFileReader.MaxListEntries) return false; // longer than a case's list may be");
        w.Line($"{itemType} {item} = null;");
        EmitValue(w, element, item, ns, depth + 1);
        var isValueType = element.Kind is TypeKind.Bool or TypeKind.Number or TypeKind.Date or TypeKind.Enum;
        w.Line($"if ({item} is null) return false;");
        w.Line($"{list}.Add({item}{(isValueType ? ".Value" : string.Empty)});");
        w.Close();
        w.Line($"{target} = {list};");
        w.Close();
    }

    private static void EmitEnumReader(CodeWriter w, string reader, EnumModel e, string ns, Utf8Names names)
    {
        var type = $"global::{ns}.{GeneratedNames.EnumType(e.Name)}";
        w.Open($"private static bool {ReadMethod(GeneratedNames.EnumType(e.Name))}(ref {reader} reader, out {type}? value)");
        w.Line("value = null;");
        w.Line($"if (reader.TokenType == {Json}.JsonTokenType.Null) return true;");
        w.Line($"if (!{R}.CaseJson.PlainString(ref reader, out var name)) return false;");
        foreach (var member in e.Members)
        {
            w.Line($"if (global::System.MemoryExtensions.SequenceEqual(name, {names.For(member)})) {{ value = {type}.{GeneratedNames.Pascal(member)}; return true; }}");
        }
        w.Line("return false;");
        w.Close();
        w.Line();
    }

    /// <summary>The fact at a path, in the general reader's shapes: what <c>CaseFacts</c> answers for a typed case.</summary>
    private static void EmitGetFact(CodeWriter w, List<FactModel> facts, string caseType, string ns)
    {
        w.Line("/// <summary>The fact at a dotted path of a case, in the case file reader's shapes; null when unknown or not a fact.</summary>");
        w.Open($"internal static object? GetFact({caseType} c, string path)");
        w.Open("switch (path)");
        foreach (var fact in facts)
        {
            w.Line($"case {Escape.StringLiteral(fact.Path)}: return {FactShape(fact.Type, $"c.{GeneratedNames.Member(fact.Path)}", ns)};");
        }
        w.Line("default: return null;");
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>
    /// One field of each record of a list of records, in the general reader's shapes: what <c>CaseFacts.FieldOfEach</c>
    /// answers for a typed case (every case evaluated reads each offence's service mark), read from the records
    /// themselves rather than from <c>GetFact</c>'s dictionaries of every field.
    /// </summary>
    private static void EmitFieldOfEach(CodeWriter w, List<FactModel> facts, string caseType, string ns)
    {
        w.Line("/// <summary>One field of each record of the list of records at <paramref name=\"listPath\"/>; null when the list is unknown or an entry is not a record.</summary>");
        w.Open($"internal static object?[]? FieldOfEach({caseType} c, string listPath, string field)");
        w.Open("switch (listPath)");
        foreach (var fact in facts.Where(f => f.Type.Kind == TypeKind.List && f.Type.Element!.Kind == TypeKind.Record))
        {
            w.Open($"case {Escape.StringLiteral(fact.Path)}:");
            w.Line($"var list = c.{GeneratedNames.Member(fact.Path)};");
            w.Line("if (list is null) return null;");
            w.Line("var values = new object?[list.Count];");
            w.Open("for (var i = 0; i < values.Length; i++)");
            w.Line("if (list[i] is not { } record) return null;");
            w.Line($"values[i] = {FieldMethod(GeneratedNames.RecordClass(fact.Type.Element!.Name!))}(record, field);");
            w.Close();
            w.Line("return values;");
            w.Close();
        }
        w.Line($"default: return {R}.CaseFactLists.FieldOfEach(GetFact(c, listPath), field);");
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>A C# value of a fact's type as the general reader would hold it (object?).</summary>
    private static string FactShape(TypeRef type, string value, string ns) => type.Kind switch
    {
        TypeKind.Bool or TypeKind.Number or TypeKind.Date => $"(object?){value}",
        TypeKind.Enum => $"{FactMethod(GeneratedNames.EnumType(type.Name!))}({value})",
        TypeKind.Record => $"{FactMethod(GeneratedNames.RecordClass(type.Name!))}({value})",
        TypeKind.List when type.Element!.Kind is not (TypeKind.List or TypeKind.Error) =>
            $"{R}.CaseFactLists.ToFacts({value}, item => {FactShape(type.Element!, "item", ns)})",
        TypeKind.List => "null",
        _ => value,
    };

    /// <summary>
    /// A case with supplied facts in place of its own, the conversions those of <c>FromFacts</c>. The evaluator supplies
    /// one or two facts to every case, so this looks at each supplied fact once (a switch on its path) rather than
    /// asking the dictionary for every fact of the vocabulary, and makes anew only the groups a supplied fact is in:
    /// the others are immutable and shared with the original case.
    /// </summary>
    private static void EmitWithFacts(CodeWriter w, FactTree<FactModel> tree, string caseType, string ns)
    {
        var leaves = tree.Leaves.Where(l => l.Fact.Type.Kind != TypeKind.Error).ToList();
        var local = leaves.Select((l, i) => (l.Fact.Path, Name: "f" + i)).ToDictionary(p => p.Path, p => p.Name);
        var groups = tree.Groups.Skip(1).Select((g, i) => (Group: g, Name: "g" + i)).ToDictionary(p => p.Group, p => p.Name);

        w.Line("/// <summary>The case with the supplied facts (by path) in place of its own; a supplied path the vocabulary does not have is ignored.</summary>");
        w.Open($"internal static {caseType} WithFacts({caseType} c, global::System.Collections.Generic.IReadOnlyDictionary<string, object?> supplied)");
        foreach (var (node, fact) in leaves) w.Line($"var {local[fact.Path]} = c.{node.MemberPath};");
        foreach (var group in groups) w.Line($"var {group.Value} = false; // whether a supplied fact is in this group");
        w.Open("foreach (var pair in supplied)");
        w.Open("switch (pair.Key)");
        foreach (var (node, fact) in leaves)
        {
            var touched = string.Concat(node.Enclosing().Select(g => $" {groups[g]} = true;"));
            w.Line($"case {Escape.StringLiteral(fact.Path)}: {local[fact.Path]} = {VocabularyEmitter.Read("pair.Value", fact.Type, ns)};{touched} break;");
        }
        w.Close();
        w.Close();
        w.Line($"return new {caseType}");
        w.Line("{").Indent();
        VocabularyEmitter.EmitInitializers(w, tree.Root, ns, fact => local[fact.Path], group => $"!{groups[group]} ? c.{group.MemberPath} : ");
        w.Outdent().Line("};");
        w.Close();
        w.Line();
    }

    private static void EmitRecordFacts(CodeWriter w, RecordModel record, string ns)
    {
        var className = GeneratedNames.RecordClass(record.Name);
        w.Open($"private static object? {FactMethod(className)}(global::{ns}.{className}? value)");
        w.Line("if (value is null) return null;");
        w.Line("var fields = new global::System.Collections.Generic.Dictionary<string, object?>(global::System.StringComparer.Ordinal);");
        w.Line("object? field;");
        foreach (var (name, shape) in FieldShapes(record, ns)) w.Line($"if ((field = {shape}) is not null) fields[{name}] = field;");
        w.Line("return fields;");
        w.Close();
        w.Line();
    }

    /// <summary>One field of a record by its case-file name, in the general reader's shapes; null when not given or not a field.</summary>
    private static void EmitRecordField(CodeWriter w, RecordModel record, string ns)
    {
        var className = GeneratedNames.RecordClass(record.Name);
        w.Open($"private static object? {FieldMethod(className)}(global::{ns}.{className} value, string field)");
        w.Open("switch (field)");
        foreach (var (name, shape) in FieldShapes(record, ns)) w.Line($"case {name}: return {shape};");
        w.Line("default: return null;");
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>Each field of a record: its case-file name as a C# literal, and its value (of <c>value</c>) in the general reader's shapes.</summary>
    private static IEnumerable<(string Name, string Shape)> FieldShapes(RecordModel record, string ns) =>
        record.Fields.Select(f => (Escape.StringLiteral(f.Name), FactShape(f.Type, "value." + GeneratedNames.Pascal(f.Name), ns)));

    private static void EmitEnumFact(CodeWriter w, EnumModel e, string ns)
    {
        var type = GeneratedNames.EnumType(e.Name);
        w.Line($"private static object? {FactMethod(type)}(global::{ns}.{type}? value) => value is {{ }} v ? global::{ns}.{GeneratedNames.EnumNamesClass(e.Name)}.ToName(v) : null;");
        w.Line();
    }

    /// <summary>The UTF-8 bytes of each property and enum name, as static fields (made once, compared without a string).</summary>
    private sealed class Utf8Names
    {
        private readonly Dictionary<string, string> fields = new(System.StringComparer.Ordinal);

        public string For(string text)
        {
            if (!fields.TryGetValue(text, out var field)) fields[text] = field = "Utf8_" + fields.Count;
            return field;
        }

        public void Emit(CodeWriter w)
        {
            foreach (var pair in fields) w.Line($"private static readonly byte[] {pair.Value} = global::System.Text.Encoding.UTF8.GetBytes({Escape.StringLiteral(pair.Key)});");
        }
    }
}
