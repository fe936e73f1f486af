using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Runtime;

namespace TreatyDsl.Binding;

/// <summary>
/// The facts something reads: a rule, derived fact or advisory of the model, or the evaluator itself (the case's id,
/// its countries and date). A fact outside this set changes no answer (TDSL0303), so an example that gives one shows nothing (TDSL0503).
/// </summary>
public static class FactsRead
{
    public static HashSet<string> Of(TreatyModel model)
    {
        var read = new HashSet<string>(System.StringComparer.Ordinal) { ContractFacts.Id, ContractFacts.SentencingCountry, ContractFacts.ReceivingCountry, ContractFacts.ApplicationDate };
        var derived = model.Vocabulary.Derived.Concat(model.Instruments.SelectMany(i => i.Derived)).ToList();
        foreach (var d in derived)
        {
            if (d.PeriodFrom is not null) read.Add(d.PeriodFrom);
            if (d.PeriodTo is not null) read.Add(d.PeriodTo);
        }
        var conditions = derived.SelectMany(d => new[] { d.Condition, d.UnboundedWhen })
            .Concat(model.Instruments.SelectMany(Conditions))
            .Concat(model.Advisories.SelectMany(a => a.Advisories.Select(f => f.Condition).Append(a.AppliesWhen)));
        foreach (var node in conditions.SelectMany(ExpressionWalk.Nodes))
        {
            if (node is FactReference fact) read.Add(fact.Path);
        }
        return read;
    }

    /// <summary>Every condition of an instrument: its rules' and reviews' conditions and exceptions, and its own derived facts'.</summary>
    public static IEnumerable<BoundExpression?> Conditions(InstrumentModel instrument) =>
        instrument.Rules.Concat(instrument.Reviews).SelectMany(r => r.Versions).SelectMany(v => v.Exceptions.Select(x => x.Condition).Prepend(v.Condition))
            .Concat(instrument.Derived.SelectMany(d => new[] { d.Condition, d.UnboundedWhen }));
}
