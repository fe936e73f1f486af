using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Interpretation;

/// <summary>
/// An advisory set evaluated by the interpreter: a factor is reported when its condition holds. A condition that is
/// unknown is not reported: an advisory says what the facts touch, and a missing fact touches nothing.
/// </summary>
public sealed class InterpretedAdvisories : IAdvisoryEvaluator
{
    private readonly AdvisorySetModel set;
    private readonly ConditionInterpreter conditions;

    public InterpretedAdvisories(VocabularyModel vocabulary, AdvisorySetModel set)
    {
        this.set = set;
        conditions = new ConditionInterpreter(vocabulary.Derived, Enumerable.Empty<ThresholdModel>());
    }

    public string Id => set.Id;

    public IReadOnlyList<AdvisoryItem> Evaluate(CaseFacts facts)
    {
        var items = new List<AdvisoryItem>();
        if (set.AppliesWhen is not null && conditions.Evaluate(set.AppliesWhen, facts, new ExplanationSink(), wantTrue: true) != Truth.True)
        {
            return items;
        }
        foreach (var advisory in set.Advisories)
        {
            var sink = new ExplanationSink();
            if (conditions.Evaluate(advisory.Condition, facts, sink, wantTrue: true, statesRequirement: false) == Truth.True)
            {
                items.Add(new AdvisoryItem(advisory.Id, advisory.WeighsName, advisory.Citation, sink.Explanation, advisory.Text));
            }
        }
        return items;
    }
}
