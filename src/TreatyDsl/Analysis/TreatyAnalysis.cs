using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;

namespace TreatyDsl.Analysis;

/// <summary>
/// The analysis stage, after binding: findings about what the treaty files say (TDSL03xx), added to the model's
/// diagnostics in file order. It runs only on a model that binds without errors: on a partly bound model a rule that
/// failed to bind would look like a fact nobody reads.
/// </summary>
public static class TreatyAnalysis
{
    /// <summary>Analyses with the default budget (<see cref="AnalysisBudget.DefaultEvaluations"/>), uncancelled.</summary>
    public static TreatyModel Run(TreatyModel model) => Run(model, new AnalysisBudget());

    /// <summary>
    /// Analyses within <paramref name="budget"/>: once it is spent, what is left is reported as not analysed (TDSL0309),
    /// and a cancelled budget throws <see cref="System.OperationCanceledException"/>.
    /// </summary>
    public static TreatyModel Run(TreatyModel model, AnalysisBudget budget)
    {
        if (model.HasErrors) return model;
        var findings = CompletenessChecks.Run(model).Concat(CaseChecks.Run(model, budget)).ToList();
        if (findings.Count == 0) return model;
        return model with { Diagnostics = InFileOrder(model.Diagnostics.Concat(findings)) };
    }

    /// <summary>Diagnostics by file, then by place in the file (stable, so findings at one place keep their order).</summary>
    internal static EquatableArray<Diagnostics.TreatyDiagnostic> InFileOrder(IEnumerable<Diagnostics.TreatyDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToEquatableArray();
}
