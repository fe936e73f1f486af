using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>
/// Emits the case type from the fact vocabulary: <c>TreatyCase</c> with one nullable property per fact (nested
/// classes for dotted paths), an enum per vocabulary enum, a class per record, and <c>FromFacts</c> to take a
/// case from what the case file reader read (built fact by fact in <see cref="CaseReaderEmitter"/>'s <c>ByPath</c>).
/// </summary>
internal static class VocabularyEmitter
{
    public static string Emit(VocabularySpec spec)
    {
        var ns = spec.Namespace;
        var w = CodeWriter.File(ns);
        var access = spec.Target.TypeAccessibility;
        foreach (var e in spec.Vocabulary.Enums) EmitEnum(w, e, ns, access);
        foreach (var r in spec.Vocabulary.Records) EmitRecord(w, r, ns, access);
        EmitGroup(w, FactTree.Of(spec.Vocabulary).Root, "A transfer case: the facts of the case file, each null when unknown.", ns, access);
        w.Close();
        if (spec.Target.NeedsIsExternalInit) EmitIsExternalInit(w);
        return w.ToString();
    }

    private static void EmitEnum(CodeWriter w, EnumModel e, string ns, string access)
    {
        var name = GeneratedNames.EnumType(e.Name);
        w.Line($"/// <summary>{Escape.XmlDoc(e.Name)}: {Escape.XmlDoc(string.Join(", ", e.Members))}.</summary>");
        w.Line(Naming.GeneratedCode);
        w.Open($"{access} enum {name}");
        foreach (var m in e.Members) w.Line($"/// <summary>{Escape.XmlDoc(m)}</summary>").Line($"{GeneratedNames.Pascal(m)},");
        w.Close();
        w.Line();
        w.Line($"/// <summary>The case file's spelling of <see cref=\"{name}\"/> values.</summary>");
        w.Line(Naming.GeneratedCode);
        w.Open($"{access} static class {GeneratedNames.EnumNamesClass(e.Name)}");
        w.Line("/// <summary>The case file's name for <paramref name=\"value\"/>: the spelling the .treaty vocabulary declares.</summary>");
        w.Line("/// <param name=\"value\">The value to name.</param>");
        w.Line("/// <returns>The declared name; for a value outside the enum, its number as text.</returns>");
        w.Open($"public static string ToName(global::{ns}.{name} value) => value switch");
        foreach (var m in e.Members) w.Line($"global::{ns}.{name}.{GeneratedNames.Pascal(m)} => {Escape.StringLiteral(m)},");
        w.Line("_ => value.ToString(),");
        w.Close(";");
        w.Line("/// <summary>The value a case file's name stands for (exact spelling, as declared in the vocabulary).</summary>");
        w.Line("/// <param name=\"name\">The name as written in a case file.</param>");
        w.Line("/// <returns>The value, or null when <paramref name=\"name\"/> is null or not a declared name.</returns>");
        w.Open($"public static global::{ns}.{name}? Parse(string? name) => name switch");
        foreach (var m in e.Members) w.Line($"{Escape.StringLiteral(m)} => global::{ns}.{name}.{GeneratedNames.Pascal(m)},");
        w.Line("_ => null,");
        w.Close(";");
        w.Close();
        w.Line();
    }

    /// <summary>
    /// The marker type <c>init</c> accessors need, for a project whose framework lacks it (netstandard2.0, .NET Framework):
    /// internal to the project, as the compiler accepts it from any assembly in which it is accessible.
    /// </summary>
    private static void EmitIsExternalInit(CodeWriter w)
    {
        w.Line();
        w.Open("namespace System.Runtime.CompilerServices");
        w.Line("/// <summary>Lets the generated <c>init</c> accessors compile on a framework without this type.</summary>");
        w.Line(Naming.GeneratedCode);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Line("internal static class IsExternalInit { }");
        w.Close();
    }

    private static void EmitRecord(CodeWriter w, RecordModel r, string ns, string access)
    {
        var name = GeneratedNames.RecordClass(r.Name);
        w.Line($"/// <summary>{Escape.XmlDoc(r.Name)}, as listed in a case.</summary>");
        w.Line(Naming.GeneratedCode);
        w.Open($"{access} sealed partial class {name}");
        foreach (var f in r.Fields)
        {
            w.Line($"/// <summary>{Escape.XmlDoc(f.Name)} ({Escape.XmlDoc(f.Type.ToString())}); null when unknown.</summary>");
            w.Line($"public {Naming.ClrType(f.Type, ns)} {GeneratedNames.Pascal(f.Name)} {{ get; init; }}");
        }
        w.Line();
        w.Line("/// <summary>Builds one from a record the case file reader read; null when the value is not a record.</summary>");
        w.Open($"public static global::{ns}.{name}? {GeneratedNames.FromFacts}(object? value)");
        w.Line("if (value is not global::System.Collections.Generic.IReadOnlyDictionary<string, object?> fields) return null;");
        w.Line("object? Field(string field) => fields.TryGetValue(field, out var v) ? v : null;");
        w.Line($"return new global::{ns}.{name}");
        w.Line("{");
        foreach (var f in r.Fields)
        {
            w.Nested($"{GeneratedNames.Pascal(f.Name)} = {Read($"Field({Escape.StringLiteral(f.Name)})", f.Type, ns)},");
        }
        w.Line("};");
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>Emits a class for one group of the fact tree; "prisoner.x" facts become the nested Prisoner class.</summary>
    private static void EmitGroup(CodeWriter w, FactNode<FactModel> group, string summary, string ns, string access)
    {
        var isRoot = group.Parent is null;
        var className = group.ClassName;
        w.Line($"/// <summary>{Escape.XmlDoc(summary)}</summary>");
        w.Line(Naming.GeneratedCode);
        w.Open($"{access} sealed partial class {className}{(isRoot ? " : global::TreatyDsl.Runtime.ITypedCase, global::TreatyDsl.Runtime.ITypedCaseRecords" : string.Empty)}");
        foreach (var (node, fact) in group.ChildFacts())
        {
            var doc = fact.Description ?? fact.Path;
            w.Line($"/// <summary>{Escape.XmlDoc(doc)} (<c>{Escape.XmlDoc(fact.Path)}</c>, {Escape.XmlDoc(fact.Type.ToString())}); null when unknown.</summary>");
            w.Line($"public {Naming.ClrType(fact.Type, ns)} {node.MemberName} {{ get; init; }}");
        }
        foreach (var child in group.ChildGroups())
        {
            w.Line($"/// <summary>The <c>{Escape.XmlDoc(child.Segment)}</c> facts.</summary>");
            w.Line($"public global::{ns}.{child.ClassName} {child.MemberName} {{ get; init; }} = new global::{ns}.{child.ClassName}();");
        }
        if (isRoot)
        {
            w.Line();
            w.Line("/// <summary>The case the case file reader read (absent facts stay null): the generated reader's case itself, with any facts the evaluator supplied, or else one built fact by fact. Made once per <c>CaseFacts</c> and shared, as a case does not change.</summary>");
            w.Open($"public static global::{ns}.{className} {GeneratedNames.FromFacts}(global::TreatyDsl.Runtime.CaseFacts facts)");
            w.Line("if (facts is null) throw new global::System.ArgumentNullException(nameof(facts));");
            w.Line($"return facts.As(global::{ns}.{GeneratedNames.CaseReaderClass}.ByPath);");
            w.Close();
            w.Line();
            w.Line($"object? global::TreatyDsl.Runtime.ITypedCase.GetFact(string path) => global::{ns}.{GeneratedNames.CaseReaderClass}.GetFact(this, path);");
            w.Line();
            w.Line($"object?[]? global::TreatyDsl.Runtime.ITypedCaseRecords.FieldOfEach(string listPath, string field) => global::{ns}.{GeneratedNames.CaseReaderClass}.FieldOfEach(this, listPath, field);");
            w.Line();
            w.Line($"global::TreatyDsl.Runtime.ITypedCase global::TreatyDsl.Runtime.ITypedCase.WithFacts(global::System.Collections.Generic.IReadOnlyDictionary<string, object?> supplied) => global::{ns}.{GeneratedNames.CaseReaderClass}.WithFacts(this, supplied);");
        }
        w.Close();
        w.Line();
        foreach (var child in group.ChildGroups()) EmitGroup(w, child, $"The {child.Segment} facts of a case.", ns, access);
    }

    /// <summary>
    /// The object initializer's lines for one group of the case: each fact's property set to <paramref name="value"/> of
    /// the fact, and each group below it as a nested initializer of its own class, one level deeper.
    /// </summary>
    /// <param name="groupGuard">
    /// Given a group, what goes before its <c>new</c>, such as <c>!g0 ? c.Prisoner : </c> to keep a group unchanged
    /// (<c>WithFacts</c>); null to make every group anew.
    /// </param>
    internal static void EmitInitializers(CodeWriter w, FactNode<FactModel> group, string ns, System.Func<FactModel, string> value,
        System.Func<FactNode<FactModel>, string>? groupGuard = null)
    {
        foreach (var (node, fact) in group.ChildFacts()) w.Line($"{node.MemberName} = {value(fact)},");
        foreach (var child in group.ChildGroups())
        {
            w.Line($"{child.MemberName} = {groupGuard?.Invoke(child)}new global::{ns}.{child.ClassName}");
            w.Line("{").Indent();
            EmitInitializers(w, child, ns, value, groupGuard);
            w.Outdent().Line("},");
        }
    }

    /// <summary>An expression converting a reader value (object?) into the fact's C# type.</summary>
    internal static string Read(string value, TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Bool => $"({value} as bool?)",
        TypeKind.Number => $"({value} as decimal?)",
        TypeKind.Date => $"({value} as global::NodaTime.LocalDate?)",
        TypeKind.Enum => $"global::{ns}.{GeneratedNames.EnumNamesClass(type.Name!)}.Parse({value} as string)",
        TypeKind.Record => $"global::{ns}.{GeneratedNames.RecordClass(type.Name!)}.FromFacts({value})",
        TypeKind.List => ReadList(value, type.Element!, ns),
        _ => $"({value} as string)",
    };

    private static string ReadList(string value, TypeRef element, string ns)
    {
        var elementType = Naming.ClrType(element, ns).TrimEnd('?');
        var convert = element.Kind switch
        {
            TypeKind.Record => $"global::{ns}.{GeneratedNames.RecordClass(element.Name!)}.FromFacts(item) ?? new global::{ns}.{GeneratedNames.RecordClass(element.Name!)}()",
            TypeKind.Enum => $"global::{ns}.{GeneratedNames.EnumNamesClass(element.Name!)}.Parse(item as string) ?? default",
            TypeKind.Bool or TypeKind.Number or TypeKind.Date => $"item is {elementType} v ? v : default",
            _ => "item as string ?? string.Empty",
        };
        return $"global::TreatyDsl.Runtime.CaseFactLists.Convert<{elementType}>({value}, item => {convert})";
    }
}
