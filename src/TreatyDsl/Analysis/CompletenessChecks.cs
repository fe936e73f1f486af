using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Runtime;

namespace TreatyDsl.Analysis;

/// <summary>
/// What a set of treaty files leaves out: an instrument without the statutory baseline, an instrument no case can reach,
/// a case-file property the vocabulary does not cover (<see cref="ContractChecks"/>), a fact nothing reads, an enum
/// value some instruments decide and others never mention. Each is a place to look, not a
/// proof of a mistake: the first two are warnings, the others information.
/// </summary>
internal static class CompletenessChecks
{
    public static IEnumerable<TreatyDiagnostic> Run(TreatyModel model)
    {
        foreach (var instrument in model.Instruments)
        {
            if (instrument.Rules.All(r => r.Origin == instrument.Id))
            {
                yield return DiagnosticCatalog.NoBaseline.Create(instrument.Span, instrument.Id);
            }
            if (model.Countries.Countries.Count > 0 && instrument.Parties.Count == 0
                && model.Countries.Countries.All(c => c.Memberships.All(m => m.Instrument != instrument.Id)))
            {
                yield return DiagnosticCatalog.UnreachableInstrument.Create(instrument.Span, instrument.Id);
            }
        }
        foreach (var finding in ContractChecks.Run(model.Vocabulary)) yield return finding;
        foreach (var finding in UnreadFacts(model)) yield return finding;
        foreach (var finding in UnevenEnumValues(model)) yield return finding;
    }

    /// <summary>Facts no rule, derived fact or advisory reads, and that the evaluator does not read itself.</summary>
    private static IEnumerable<TreatyDiagnostic> UnreadFacts(TreatyModel model)
    {
        var read = FactsRead.Of(model);
        return model.Vocabulary.Facts.Where(f => !read.Contains(f.Path)).Select(f => DiagnosticCatalog.UnreadFact.Create(f.Span, f.Path));
    }

    /// <summary>Enum values that some instruments test for and others never mention, derived facts they read included.</summary>
    private static IEnumerable<TreatyDiagnostic> UnevenEnumValues(TreatyModel model)
    {
        if (model.Instruments.Count < 2) yield break;
        var derived = model.Vocabulary.Derived.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last());
        var mentions = model.Instruments.ToDictionary(i => i.Id, i => EnumMentions(i, derived));
        foreach (var e in model.Vocabulary.Enums)
        {
            foreach (var member in e.Members)
            {
                var deciding = model.Instruments.Where(i => mentions[i.Id].Contains((e.Name, member))).Select(i => i.Id).ToList();
                if (deciding.Count == 0 || deciding.Count == model.Instruments.Count) continue;
                var silent = model.Instruments.Select(i => i.Id).Except(deciding).ToList();
                yield return DiagnosticCatalog.UnevenEnumValue.Create(e.Span, member, e.Name, string.Join(", ", deciding), string.Join(", ", silent));
            }
        }
    }

    private static HashSet<(string Enum, string Member)> EnumMentions(InstrumentModel instrument, Dictionary<string, DerivedModel> vocabularyDerived)
    {
        var own = instrument.Derived.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last());
        var result = new HashSet<(string, string)>();
        var pending = new Stack<BoundExpression?>(FactsRead.Conditions(instrument));
        var expanded = new HashSet<string>();
        while (pending.Count > 0)
        {
            foreach (var node in ExpressionWalk.Nodes(pending.Pop()))
            {
                if (node is ConstantExpression { Type.Kind: TypeKind.Enum } constant && constant.Value.Text is { } member) result.Add((constant.Type.Name!, member));
                if (node is DerivedReference reference && expanded.Add(reference.Name)
                    && (own.TryGetValue(reference.Name, out var definition) || vocabularyDerived.TryGetValue(reference.Name, out definition)))
                {
                    pending.Push(definition.Condition);
                    pending.Push(definition.UnboundedWhen);
                }
            }
        }
        return result;
    }

}
