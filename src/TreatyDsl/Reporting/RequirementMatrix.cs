using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Syntax;

namespace TreatyDsl.Reporting;

/// <summary>One instrument's version of a requirement, as the matrix shows it.</summary>
/// <param name="Summary">What the instrument asks, in a few words: "required", "barred", "at least 12 months".</param>
/// <param name="Exceptions">The named exceptions the instrument allows to it.</param>
/// <param name="Citation">Where the instrument's version is stated.</param>
/// <param name="Text">The sentence a caseworker reads.</param>
public sealed record MatrixCell(string Summary, IReadOnlyList<string> Exceptions, string Citation, string Text);

/// <summary>A requirement id and its cell under each instrument (null where the instrument does not have it).</summary>
public sealed record MatrixRow(string RequirementId, IReadOnlyList<MatrixCell?> Cells);

/// <summary>An advisory factor as the matrix lists it: which way it weighs, when it is raised, and where it is stated.</summary>
/// <param name="Set">The title of the advisory set it belongs to.</param>
/// <param name="SetAppliesWhen">The set's own condition, printed, or null when it applies to every case.</param>
/// <param name="Factor">The factor's id.</param>
/// <param name="Weighs">for, against or either.</param>
/// <param name="When">The factor's condition, printed.</param>
/// <param name="Citation">Where the factor is stated.</param>
/// <param name="Text">The factor in words.</param>
public sealed record AdvisoryRow(string Set, string? SetAppliesWhen, string Factor, string Weighs, string When, string Citation, string Text);

/// <summary>
/// Requirements by instrument: every instrument's rules side by side, so staff see the whole landscape at a glance,
/// then the advisory factors that are weighed beside them. Built from the bound model, so it is exactly what the
/// evaluators apply (the latest version of each rule).
/// </summary>
public sealed record RequirementMatrix(IReadOnlyList<InstrumentModel> Instruments, IReadOnlyList<MatrixRow> Rows, IReadOnlyList<AdvisoryRow> Advisories)
{
    public static RequirementMatrix Build(TreatyModel model)
    {
        var instruments = model.Instruments.ToList();
        // Rows in the order rules first appear: the statute's common requirements, then each instrument's own; the
        // reviews (outside every verdict) after them.
        var ids = instruments.SelectMany(i => i.Rules).Concat(instruments.SelectMany(i => i.Reviews)).Select(r => r.Id).Distinct().ToList();
        var rows = ids.Select(id => new MatrixRow(id, instruments.Select(i => CellFor(i, id)).ToList())).ToList();
        var advisories = model.Advisories
            .SelectMany(set => set.Advisories.Select(a => new AdvisoryRow(
                set.Title,
                set.AppliesWhen is null ? null : ConditionPrinter.Print(set.AppliesWhen),
                a.Id,
                a.WeighsName,
                ConditionPrinter.Print(a.Condition),
                a.Citation,
                a.Text)))
            .ToList();
        return new RequirementMatrix(instruments, rows, advisories);
    }

    private static MatrixCell? CellFor(InstrumentModel instrument, string ruleId)
    {
        var rule = instrument.Rules.Concat(instrument.Reviews).FirstOrDefault(r => r.Id == ruleId);
        if (rule is null) return null;
        var version = rule.Latest;
        var threshold = Thresholds(version.Condition).Select(name => instrument.Thresholds.FirstOrDefault(t => t.Name == name)).FirstOrDefault(t => t is not null);
        var latest = threshold?.Versions[threshold.Versions.Count - 1];
        var summary = threshold is not null && latest is not null
            ? ConditionPrinter.Print(latest.Value, threshold.Type)
            : rule.Kind switch { RuleKind.Bar => "barred", RuleKind.Review => "review", _ => "required" };
        // Inline 'unless' clauses (which have no text of their own) are part of the rule; named exceptions are listed.
        var exceptions = version.Exceptions.Where(e => e.Text is not null).Select(e => e.Id).ToList();
        // An instrument's own figure is cited where it is set, next to the rule that uses it.
        var citation = latest is not null && latest.Origin == instrument.Id ? version.Citation + "; " + latest.Citation : version.Citation;
        return new MatrixCell(summary, exceptions, citation, version.Text);
    }

    private static IEnumerable<string> Thresholds(BoundExpression expression) => expression switch
    {
        ThresholdReference t => new[] { t.Name },
        ComparisonExpression c => Thresholds(c.Left).Concat(Thresholds(c.Right)),
        NotExpression n => Thresholds(n.Operand),
        AndExpression a => Thresholds(a.Left).Concat(Thresholds(a.Right)),
        OrExpression o => Thresholds(o.Left).Concat(Thresholds(o.Right)),
        QuantifierExpression q => Thresholds(q.Body),
        _ => Enumerable.Empty<string>(),
    };
}
