using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>C# spellings of the language's types and values. Names come from <see cref="GeneratedNames"/>, text from <see cref="Escape"/>.</summary>
internal static class Naming
{
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The C# type of a fact of this type, always nullable: null is an unknown fact.</summary>
    public static string ClrType(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Bool => "bool?",
        TypeKind.Number => "decimal?",
        TypeKind.Date => "global::NodaTime.LocalDate?",
        TypeKind.Enum => $"global::{ns}.{GeneratedNames.EnumType(type.Name!)}?",
        TypeKind.Record => $"global::{ns}.{GeneratedNames.RecordClass(type.Name!)}?",
        TypeKind.List => $"global::System.Collections.Generic.IReadOnlyList<{ElementType(type.Element!, ns)}>?",
        _ => "string?",
    };

    private static string ElementType(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Bool => "bool",
        TypeKind.Number => "decimal",
        TypeKind.Date => "global::NodaTime.LocalDate",
        TypeKind.Enum => $"global::{ns}.{GeneratedNames.EnumType(type.Name!)}",
        TypeKind.Record => $"global::{ns}.{GeneratedNames.RecordClass(type.Name!)}",
        _ => "string",
    };

    public const string Runtime = "global::TreatyDsl.Runtime";

    /// <summary>
    /// On rule and derived-fact methods: the fast path calls them with no sink, and inlined there, every explanation
    /// branch folds away, so a rule costs what its test costs (a call per rule was most of the gap to a hand-written
    /// validator, docs/performance.md).
    /// </summary>
    public const string AggressiveInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"TreatyDsl.Generator\", \"0.1.0\")]";
}
