using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Binding;

public static partial class Binder
{
    /// <summary>
    /// Binds the advisory sets. Their conditions see the vocabulary only (facts and the vocabulary's derived facts):
    /// a discretionary factor belongs to the decision, not to any one instrument, so no instrument's thresholds apply.
    /// Factor ids are unique across all sets, because the report names a factor by its id alone.
    /// </summary>
    private static EquatableArray<AdvisorySetModel> BindAdvisories(Sections sections, Scope vocabulary, ExpressionBinder expressions, List<TreatyDiagnostic> diagnostics)
    {
        var sets = new List<AdvisorySetModel>();
        var factors = new Dictionary<string, AdvisoryModel>();
        foreach (var section in sections.AdvisorySets)
        {
            var header = section.Header;
            var existingSet = sets.FirstOrDefault(s => s.Id == header.Id);
            if (existingSet is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(header.Span, header.Id, existingSet.Span, "advisory set"));
                continue;
            }
            if (header.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(header.Span, "Advisory set", header.Id));
            var appliesWhen = header.AppliesWhen is null ? null : expressions.BindCondition(header.AppliesWhen, vocabulary);

            var advisories = new List<AdvisoryModel>();
            foreach (var a in section.Advisories)
            {
                if (factors.TryGetValue(a.Id, out var existing))
                {
                    diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(a.Span, a.Id, existing.Span, "advisory factor"));
                    continue;
                }
                if (a.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(a.Span, "Advisory", a.Id));
                var condition = expressions.BindCondition(a.Condition, vocabulary);
                var model = new AdvisoryModel(a.Id, a.Weighs, a.Text ?? string.Empty, a.Citation ?? string.Empty, condition, a.Span);
                factors[a.Id] = model;
                advisories.Add(model);
            }
            sets.Add(new AdvisorySetModel(header.Id, header.Title ?? header.Id, header.Citation ?? string.Empty, appliesWhen, advisories.ToEquatableArray(), header.Span));
        }
        return sets.ToEquatableArray();
    }
}
