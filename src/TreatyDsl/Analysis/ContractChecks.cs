using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// The vocabulary against the case-file contract (<see cref="CaseFileContract"/>): a contract property no fact covers,
/// or covers with another type or fewer enum values (TDSL0323), and a fact the contract does not define, which case
/// files written to the contract never carry (TDSL0324). Only for the vocabulary declared as <c>vocabulary case-file</c>.
/// </summary>
internal static class ContractChecks
{
    /// <summary>The vocabulary the contract describes: the one whose header names it <c>case-file</c>.</summary>
    public const string ContractVocabulary = "case-file";

    public static IEnumerable<TreatyDiagnostic> Run(VocabularyModel vocabulary)
    {
        // A vocabulary with another name describes some other case file (a test's, a future program's): the contract is not its measure.
        if (vocabulary.Name != ContractVocabulary || vocabulary.Span.Path is null) yield break;
        var facts = vocabulary.Facts.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First());
        var records = vocabulary.Records.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        var enums = vocabulary.Enums.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var property in CaseFileContract.Properties)
        {
            var (declared, span) = Declared(property.Path, facts, records, vocabulary.Span);
            string problem, consequence;
            if (declared is null)
            {
                (problem, consequence) = ("no fact of the vocabulary covers it", "a case file's value is only warned about as an unknown property and decides nothing");
            }
            else if (!SameShape(property.Type, declared))
            {
                (problem, consequence) = ($"the vocabulary declares it as {declared}", "a case file that follows the contract is refused");
            }
            else if (property.Values is { } values && declared.Name is { } name && enums.TryGetValue(name, out var e)
                && values.Where(v => !e.Members.Contains(v)).ToList() is { Count: > 0 } missing)
            {
                (problem, consequence) = ($"enum {name} has no value {string.Join(", ", missing.Select(v => "'" + v + "'"))}", "a case file with such a value is refused");
            }
            else
            {
                continue;
            }
            yield return DiagnosticCatalog.ContractPropertyNotCovered.Create(span, property.Path, property.Description, problem, consequence);
        }
        var contract = new HashSet<string>(CaseFileContract.Properties.Select(p => p.Path)) { ContractFacts.ReceivingNationality };
        foreach (var fact in vocabulary.Facts.Where(f => !contract.Contains(f.Path)))
        {
            yield return DiagnosticCatalog.FactOutsideContract.Create(fact.Span, fact.Path);
        }
    }

    /// <summary>The type the vocabulary gives a contract path, and where it says so; null where nothing covers it (located at the vocabulary header).</summary>
    private static (TypeRef? Type, Text.SourceSpan Span) Declared(string path, Dictionary<string, FactModel> facts, Dictionary<string, RecordModel> records, Text.SourceSpan header)
    {
        var element = path.IndexOf("[].", System.StringComparison.Ordinal);
        if (element < 0) return facts.TryGetValue(path, out var fact) ? (fact.Type, fact.Span) : (null, header);
        if (!facts.TryGetValue(path.Substring(0, element), out var list) || list.Type.Element is not { Kind: TypeKind.Record, Name: { } recordName }
            || !records.TryGetValue(recordName, out var record))
        {
            return (null, header);
        }
        var field = record.Fields.FirstOrDefault(f => f.Name == path.Substring(element + 3));
        return field is null ? (null, record.Span) : (field.Type, record.Span);
    }

    /// <summary>Same kind, and for a list the same element kind; enum and record names are the vocabulary's to choose.</summary>
    private static bool SameShape(TypeRef contract, TypeRef declared) =>
        contract.Kind == declared.Kind && (contract.Element is null || (declared.Element is { } e && e.Kind == contract.Element.Kind));
}
