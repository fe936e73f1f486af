using System.Linq;
using System.Text;
using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>C# names for .treaty names: "us-mx" → UsMx, "prisoner.nationalities" → Prisoner.Nationalities.</summary>
internal static class Naming
{
    public static string Pascal(string name)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.' or ' ') { upper = true; continue; }
            if (!char.IsLetterOrDigit(c)) continue;
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (builder.Length == 0 || char.IsDigit(builder[0])) builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary>The C# member path of a fact: "sentence.fullTermDate" → "Sentence.FullTermDate".</summary>
    public static string Member(string path) => string.Join(".", path.Split('.').Select(Pascal));

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The C# type of a fact of this type, always nullable: null is an unknown fact.</summary>
    public static string ClrType(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Bool => "bool?",
        TypeKind.Number => "decimal?",
        TypeKind.Date => "global::NodaTime.LocalDate?",
        TypeKind.Enum => $"global::{ns}.{Pascal(type.Name!)}?",
        TypeKind.Record => $"global::{ns}.{Pascal(type.Name!)}?",
        TypeKind.List => $"global::System.Collections.Generic.IReadOnlyList<{ElementType(type.Element!, ns)}>?",
        _ => "string?",
    };

    private static string ElementType(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Bool => "bool",
        TypeKind.Number => "decimal",
        TypeKind.Date => "global::NodaTime.LocalDate",
        TypeKind.Enum or TypeKind.Record => $"global::{ns}.{Pascal(type.Name!)}",
        _ => "string",
    };

    public const string Runtime = "global::TreatyDsl.Runtime";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"TreatyDsl.Generator\", \"0.1.0\")]";
}
