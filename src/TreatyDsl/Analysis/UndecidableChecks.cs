using System.Linq;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Analysis;

/// <summary>
/// A rule that stays unknown for a whole class of cases even when the case file says everything it can: it reads a fact
/// the vocabulary does not expect for that class (<c>expected when</c>), and no other rule settles the verdict first.
/// </summary>
internal static class UndecidableChecks
{
    public static void Run(InstrumentContext context)
    {
        foreach (var rule in context.Rules)
        {
            if (context.Budget.Exhausted) return; // the rest is reported as not analysed
            var result = context.Search.FindUnsettled(rule, context.ComponentOf(rule));
            if (!result.Found) continue;
            var witness = context.Witness(result.Witness!, rule);
            // One finding per class of cases: the key carries the witness's fragment.
            context.Report(DiagnosticCatalog.UndecidableRule, context.InEffect(rule)!.Span, rule.Id + "|" + witness.Fragment,
                instruments => new object[] { rule.Id, instruments, witness.Fragment, string.Join(", ", witness.Absent) }, witness, rule);
        }
    }
}
