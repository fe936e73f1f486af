using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Binding;

/// <summary>
/// What a rule's treaty file says the caseworker decides where the rule stays unknown for a whole class of cases, the
/// facts it needs being ones the vocabulary does not expect for them: the reason and citation of its
/// <c>accept TDSL0315</c> (the finding that says so). The evaluators report it as a review in place of asking for a
/// fact the case cannot have; the generator and the interpreter read it here, so both say the same.
/// </summary>
public static class RuleDecisions
{
    /// <summary>Each requirement or bar of the instrument with such an accept (its latest version's first), as (rule, reason, citation).</summary>
    public static IReadOnlyList<(string RuleId, string Reason, string Citation)> Of(InstrumentModel instrument)
    {
        var decisions = new List<(string, string, string)>();
        foreach (var rule in instrument.Rules)
        {
            foreach (var version in rule.Versions.Reverse())
            {
                var accept = version.Accepts.FirstOrDefault(a => a.DiagnosticId == DiagnosticCatalog.UndecidableRule.Id);
                if (accept is null) continue;
                decisions.Add((rule.Id, accept.Justification, accept.Citation.Length == 0 ? version.Citation : accept.Citation));
                break;
            }
        }
        return decisions;
    }
}
