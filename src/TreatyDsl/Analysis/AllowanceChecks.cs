using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;

namespace TreatyDsl.Analysis;

/// <summary>
/// The parts of a rule that let a case through: each exception, and each alternative way of meeting the rule: in a
/// requirement an operand of an 'or' reached through 'and' and 'or' only; in a bar, which is met where its condition
/// is false, an operand of an 'and' reached the same way ('bar when A and B' is met by 'not A' or by 'not B'). One that
/// never changes the rule's outcome is dead (an exception) or redundant (an alternative the others cover); one that
/// changes the rule but never the instrument's verdict is masked: whenever it applies, some other requirement fails or
/// stays unknown.
/// </summary>
internal static class AllowanceChecks
{
    public static void Run(InstrumentContext context)
    {
        foreach (var rule in context.Rules)
        {
            var version = context.InEffect(rule)!;
            var main = context.MainOnly(rule);
            foreach (var exception in version.Exceptions)
            {
                if (context.Budget.Exhausted) return; // the rest is reported as not analysed
                var holds = context.Holds(rule, exception.Condition, rule.Id + "/" + exception.Id);
                // Where the exception changes its rule (the rule's own condition fails, the exception holds, and without
                // it the rule would fail) is asked first: it is so for most exceptions, and then one search settles it.
                var without = context.Without(rule, exception);
                var changes = Goal.All(Goal.NotMet(main), Goal.Met(holds), Goal.NotMet(without));
                var changed = context.Search.Find(changes);
                if (!changed.Found)
                {
                    // Never where it changes the rule: dead if it never even applies, else redundant, since it applies
                    // only where another exception already lets the case through (not masked by requirements that can
                    // in fact be met).
                    var applies = Goal.All(Goal.NotMet(main), Goal.Met(holds));
                    var applied = context.Search.Find(applies);
                    if (!applied.Found && context.Proves(applied, applies))
                    {
                        context.Report(DiagnosticCatalog.DeadException, exception.Span, rule.Id + "/" + exception.Id,
                            instruments => new object[] { exception.Id, rule.Id, instruments }, rule: rule);
                    }
                    else if (applied.Found && context.Proves(changed, changes))
                    {
                        context.Report(DiagnosticCatalog.RedundantAlternative, exception.Span, rule.Id + "/" + exception.Id,
                            instruments => new object[] { "exception '" + exception.Id + "'", rule.Id, instruments, "the other exceptions cover every case it allows" }, rule: rule);
                    }
                    continue;
                }
                Masked(context, rule, without, changes, changed.Witness!, exception.Span, $"exception '{exception.Id}' of '{rule.Id}'", main, holds);
            }
            var bar = rule.Kind == RuleKind.Bar;
            foreach (var alternative in Alternatives(version.Condition, bar))
            {
                if (context.Budget.Exhausted) return;
                var without = context.Without(rule, alternative);
                // A bar's alternative is its operand's negation: the way a case escapes the bar.
                var text = ConditionPrinter.Print(!bar ? alternative : alternative is NotExpression not ? not.Operand : new NotExpression(alternative, alternative.Span));
                // Where the alternative changes its rule, it lets the case through: in a requirement it holds, in a bar it
                // is false. Said first, which the rest implies, it settles at once every case where it does not, so the
                // search tries only the cases it allows (one value, for 'x = 7' among hundreds of alternatives).
                var part = context.Holds(rule, alternative, rule.Id + "/" + text);
                var matters = Goal.All(bar ? Goal.NotMet(part) : Goal.Met(part), Goal.Met(rule), Goal.NotMet(without));
                var mattered = context.Search.Find(matters);
                if (!mattered.Found)
                {
                    if (context.Proves(mattered, matters))
                    {
                        context.Report(DiagnosticCatalog.RedundantAlternative, alternative.Span, rule.Id + "/" + text,
                            instruments => new object[] { "alternative '" + text + "'", rule.Id, instruments, "the other alternatives cover every case it allows" }, rule: rule);
                    }
                    continue;
                }
                Masked(context, rule, without, matters, mattered.Witness!, alternative.Span, $"the alternative '{text}' of '{rule.Id}'", rule);
            }
        }
    }

    /// <summary>
    /// Reports the allowance as masked when no case is eligible with it and ineligible without it; names the requirements
    /// that block it (each never met wherever the allowance applies), and shows a case where it applies.
    /// </summary>
    private static void Masked(InstrumentContext context, RuleModel rule, RuleModel without, Goal applies, PartialCase applied,
        Text.SourceSpan span, string what, params RuleModel[] focus)
    {
        // Rules outside the allowance's group are independent of it and satisfiable: only the group can block it.
        var group = context.ComponentOf(rule);
        // Where it applies first (which being eligible with it and not without it implies): where it does not, the
        // search stops after an evaluation or two instead of one per rule of the group.
        var changes = Goal.All(applies, context.Eligible(group));
        var changed = context.Search.Find(changes);
        if (changed.Found || !context.Proves(changed, changes)) return;
        // A requirement that is never met wherever the allowance applies: one is what the editor needs to act, and
        // looking for every one costs a search per rule. Those whose failures settled the search are asked first (in
        // the order the instrument has them, baseline first), then the others in that order.
        var blocker = InstrumentContext.SettlersFirst(group, changed)
            .Where(other => other != rule)
            .FirstOrDefault(other =>
            {
                var both = Goal.All(applies, Goal.Met(other));
                return context.Proves(context.Search.Find(both), both);
            });
        // No single requirement blocks it everywhere: what is proved is that every case it lets through fails or
        // leaves unsettled at least one other requirement, a different one in different cases.
        var blockedBy = blocker is null ? "some other requirement is not met (not always the same one)" : "'" + blocker.Id + "' is never met";
        var witness = context.Witness(applied, blocker is null ? focus : focus.Append(blocker).ToArray());
        context.Report(DiagnosticCatalog.MaskedAllowance, span, rule.Id + "|" + what,
            instruments => new object[] { Capitalize(what), instruments, blockedBy, witness.Fragment }, witness, rule);
    }

    /// <summary>
    /// The parts of a condition that each let cases through on their own, reached from its top through 'and' and 'or'
    /// only: for a requirement the operands of 'or'; for a bar (<paramref name="bar"/>), met where the condition is
    /// false, the operands of 'and'.
    /// </summary>
    public static IEnumerable<BoundExpression> Alternatives(BoundExpression condition, bool bar = false)
    {
        var pending = new Stack<(BoundExpression Node, bool UnderSplit)>();
        pending.Push((condition, false));
        var result = new List<BoundExpression>();
        while (pending.Count > 0)
        {
            var (node, underSplit) = pending.Pop();
            var (splits, left, right) = node switch
            {
                OrExpression or => (!bar, or.Left, or.Right),
                AndExpression and => (bar, and.Left, and.Right),
                _ => (false, null, null),
            };
            if (left is null || right is null)
            {
                if (underSplit) result.Add(node);
                continue;
            }
            if (!splits && underSplit) result.Add(node);
            pending.Push((right, splits));
            pending.Push((left, splits));
        }
        return result;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
