using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.Text;

namespace TreatyDsl.Binding;

/// <summary>
/// Proves that the generated C# has no two declarations with one name. <see cref="GeneratedNames"/> maps several
/// treaty names to one C# name ("a-b" and "a_b" are both AB), so every C# scope the generator writes is rebuilt here
/// from the bound model, with the members the generator adds itself, and a second claim to a name is TDSL0122 at the
/// later of the two places. Type names are compared ignoring case: each becomes a generated file's name too, and
/// file names are not case-sensitive everywhere.
/// </summary>
internal static class GeneratedNameCheck
{
    public static void Run(Sections sections, VocabularyModel vocabulary, IReadOnlyList<InstrumentModel> instruments, EquatableArray<AdvisorySetModel> advisories, List<TreatyDiagnostic> diagnostics)
    {
        var found = new List<TreatyDiagnostic>();
        NamespaceTypes(vocabulary, instruments, advisories, found);
        CaseClasses(vocabulary, found);
        foreach (var e in sections.Enums)
        {
            var members = new CSharpScope(StringComparer.Ordinal);
            for (var i = 0; i < e.Members.Count && i < e.MemberSpans.Count; i++) members.Claim(GeneratedNames.Pascal(e.Members[i]), "Enum member", e.Members[i], e.MemberSpans[i]);
            members.Report(found);
        }
        foreach (var r in sections.Records)
        {
            var members = new CSharpScope(StringComparer.Ordinal);
            var className = GeneratedNames.RecordClass(r.Name);
            members.Reserve(className, $"the record class '{className}' itself");
            members.Reserve(GeneratedNames.FromFacts, $"the method that reads a '{r.Name}' from a case file");
            foreach (var f in r.Fields) members.Claim(GeneratedNames.Pascal(f.Name), "Field", f.Name, f.Span);
            members.Report(found);
        }
        foreach (var instrument in instruments) InstrumentClass(instrument, vocabulary, found);
        foreach (var set in advisories) AdvisoryClass(set, vocabulary, found);

        // A baseline's collision shows in every instrument that includes it: report each place once.
        var reported = new HashSet<TreatyDiagnostic>(diagnostics);
        diagnostics.AddRange(found.Where(reported.Add));
    }

    private static void NamespaceTypes(VocabularyModel vocabulary, IReadOnlyList<InstrumentModel> instruments, EquatableArray<AdvisorySetModel> advisories, List<TreatyDiagnostic> found)
    {
        var types = new CSharpScope(StringComparer.OrdinalIgnoreCase);
        types.Reserve(GeneratedNames.CaseClass, "the case type");
        types.Reserve(GeneratedNames.CatalogClass, "the catalog of generated treaties");
        types.Reserve(GeneratedNames.CaseReaderClass, "the reader of case files");
        foreach (var e in vocabulary.Enums)
        {
            types.Claim(GeneratedNames.EnumType(e.Name), "Enum", e.Name, e.Span);
            types.Claim(GeneratedNames.EnumNamesClass(e.Name), "Enum", e.Name, e.Span);
        }
        foreach (var r in vocabulary.Records) types.Claim(GeneratedNames.RecordClass(r.Name), "Record", r.Name, r.Span);
        foreach (var group in FactTree.Of(vocabulary).Groups.Skip(1)) types.Claim(group.ClassName, "The facts under", group.Path, group.First.Span);
        foreach (var i in instruments) types.Claim(GeneratedNames.ValidatorClass(i.Id), "Instrument", i.Id, i.Span);
        foreach (var a in advisories) types.Claim(GeneratedNames.AdvisoriesClass(a.Id), "Advisory set", a.Id, a.Span);
        types.Report(found);
    }

    /// <summary>The case type and its nested fact groups: one C# class per group, each with a property per node below it.</summary>
    private static void CaseClasses(VocabularyModel vocabulary, List<TreatyDiagnostic> found)
    {
        foreach (var group in FactTree.Of(vocabulary).Groups)
        {
            var members = new CSharpScope(StringComparer.Ordinal);
            members.Reserve(group.ClassName, $"the class '{group.ClassName}' itself");
            if (group.Parent is null) members.Reserve(GeneratedNames.FromFacts, "the method that reads a case");
            foreach (var (node, fact) in group.ChildFacts()) members.Claim(node.MemberName, "Fact", fact.Path, fact.Span);
            // A group's property is claimed from each fact under it, as one declaration (its facts may be in several files).
            foreach (var child in group.ChildGroups())
            {
                foreach (var fact in child.FactsBelow()) members.Claim(child.MemberName, "The facts under", child.Path, fact.Span, sameOwnerIsNoConflict: true);
            }
            members.Report(found);
        }
    }

    private static void InstrumentClass(InstrumentModel instrument, VocabularyModel vocabulary, List<TreatyDiagnostic> found)
    {
        var members = new CSharpScope(StringComparer.Ordinal);
        var className = GeneratedNames.ValidatorClass(instrument.Id);
        members.Reserve(className, $"the validator class '{className}' itself");
        foreach (var builtIn in new[] { "Id", "Title", "InstrumentInfo", "Evaluate", "IsEligible", "GetVerdict" }) members.Reserve(builtIn, "a member every validator has");
        foreach (var rule in instrument.Rules)
        {
            var span = rule.Versions[0].Span;
            members.Claim(GeneratedNames.RuleMethod(rule.Id), "Rule", rule.Id, span);
            members.Claim(GeneratedNames.RuleReportMethod(rule.Id), "Rule", rule.Id, span);
        }
        foreach (var threshold in instrument.Thresholds) members.Claim(GeneratedNames.ThresholdStarts(threshold.Name), "Threshold", threshold.Name, threshold.Versions[0].Span);
        DerivedMethods(vocabulary.Derived.Concat(instrument.Derived), members);
        members.Report(found);
    }

    private static void AdvisoryClass(AdvisorySetModel set, VocabularyModel vocabulary, List<TreatyDiagnostic> found)
    {
        var members = new CSharpScope(StringComparer.Ordinal);
        var className = GeneratedNames.AdvisoriesClass(set.Id);
        members.Reserve(className, $"the advisory class '{className}' itself");
        foreach (var builtIn in new[] { "Id", "Evaluate", "AppliesTo" }) members.Reserve(builtIn, "a member every advisory set has");
        foreach (var factor in set.Advisories) members.Claim(GeneratedNames.FactorMethod(factor.Id), "Advisory factor", factor.Id, factor.Span);
        DerivedMethods(vocabulary.Derived, members);
        members.Report(found);
    }

    private static void DerivedMethods(IEnumerable<DerivedModel> derived, CSharpScope members)
    {
        foreach (var d in derived.Where(d => d.Condition is not null)) members.Claim(GeneratedNames.DerivedMethod(d.Name), "Derived fact", d.Name, d.Span, sameOwnerIsNoConflict: true);
    }

    /// <summary>One C# scope: who claims each name, with the later claim (by file and offset) reported.</summary>
    private sealed class CSharpScope
    {
        private readonly StringComparer comparer;
        private readonly Dictionary<string, string> reserved;
        private readonly List<(string CSharp, string What, string Name, SourceSpan Span, bool SameOwnerIsNoConflict)> claims = new();

        public CSharpScope(StringComparer comparer)
        {
            this.comparer = comparer;
            reserved = new Dictionary<string, string>(comparer);
        }

        /// <summary>A name the generator writes itself, described for the message.</summary>
        public void Reserve(string csharp, string description) => reserved[csharp] = description;

        /// <summary>
        /// A treaty name that becomes <paramref name="csharp"/>. With <paramref name="sameOwnerIsNoConflict"/>, the same treaty
        /// name claiming the same C# name again (a group seen from its second fact, a derived fact seen from a second instrument) is one declaration.
        /// </summary>
        public void Claim(string csharp, string what, string name, SourceSpan span, bool sameOwnerIsNoConflict = false) =>
            claims.Add((csharp, what, name, span, sameOwnerIsNoConflict));

        public void Report(List<TreatyDiagnostic> found)
        {
            var owners = new Dictionary<string, (string What, string Name, SourceSpan Span)>(comparer);
            var pairs = new HashSet<(SourceSpan Claim, SourceSpan Owner)>(); // a declaration with two C# names collides once
            foreach (var claim in claims.OrderBy(c => c.Span.Path, StringComparer.Ordinal).ThenBy(c => c.Span.Offset))
            {
                if (reserved.TryGetValue(claim.CSharp, out var description))
                {
                    if (pairs.Add((claim.Span, default))) found.Add(DiagnosticCatalog.GeneratedNameCollision.Create(claim.Span, claim.What, claim.Name, claim.CSharp, description));
                }
                else if (owners.TryGetValue(claim.CSharp, out var owner))
                {
                    if (claim.SameOwnerIsNoConflict && owner.What == claim.What && owner.Name == claim.Name) continue;
                    if (owner.Span == claim.Span || !pairs.Add((claim.Span, owner.Span))) continue;
                    found.Add(DiagnosticCatalog.GeneratedNameCollision.Create(claim.Span, claim.What, claim.Name, claim.CSharp, $"{owner.What.ToLowerInvariant()} '{owner.Name}' at {owner.Span}"));
                }
                else
                {
                    owners[claim.CSharp] = (claim.What, claim.Name, claim.Span);
                }
            }
        }
    }
}
