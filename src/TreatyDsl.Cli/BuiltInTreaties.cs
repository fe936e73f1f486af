using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>The catalog compiled from treaties/ by the source generator when this program was built.</summary>
internal static class BuiltInTreaties
{
    public static TreatyCatalog Catalog => global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;
}
