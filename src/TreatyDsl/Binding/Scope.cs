using System.Collections.Generic;

namespace TreatyDsl.Binding;

/// <summary>What names mean where a condition is bound: the vocabulary's facts, the derived facts and thresholds
/// visible in this rule set, and the quantifier variables of enclosing 'any'/'all'.</summary>
internal sealed class Scope
{
    public Scope(
        IReadOnlyDictionary<string, FactModel> facts,
        IReadOnlyDictionary<string, EnumModel> enums,
        IReadOnlyDictionary<string, RecordModel> records,
        IReadOnlyDictionary<string, TypeRef> derived,
        IReadOnlyDictionary<string, TypeRef> thresholds)
    {
        Facts = facts;
        Enums = enums;
        Records = records;
        Derived = derived;
        Thresholds = thresholds;
    }

    public IReadOnlyDictionary<string, FactModel> Facts { get; }
    public IReadOnlyDictionary<string, EnumModel> Enums { get; }
    public IReadOnlyDictionary<string, RecordModel> Records { get; }
    public IReadOnlyDictionary<string, TypeRef> Derived { get; }
    public IReadOnlyDictionary<string, TypeRef> Thresholds { get; }

    /// <summary>Quantifier variables, innermost last.</summary>
    public List<(string Name, TypeRef Type)> Variables { get; } = new();

    /// <summary>Derived facts whose period reads these two dates; comparisons with durations need one.</summary>
    public Dictionary<string, (string From, string To)> Periods { get; } = new();
}
