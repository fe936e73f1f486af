using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Binding;

public static partial class Binder
{
    // ---------- baselines and instruments ----------

    /// <summary>A bound baseline or instrument body, before an instrument's header is applied.</summary>
    private sealed class BoundRuleSet
    {
        public string Id = "";
        public SourceSpan Span;
        public List<RuleModel> Rules = new();
        public List<ThresholdModel> Thresholds = new();
        public List<DerivedModel> Derived = new();
    }

    /// <summary>
    /// A baseline's or instrument's body, in four parts: its thresholds, its derived facts (and the scope its rules are
    /// bound in), its rules, and the named exceptions and citation overrides that change those rules.
    /// </summary>
    private static BoundRuleSet BindRuleSet(RuleSetSection section, IReadOnlyList<BoundRuleSet> included, Scope vocabulary, ExpressionBinder expressions, List<TreatyDiagnostic> diagnostics)
    {
        var set = new BoundRuleSet { Id = section.Id, Span = section.Header.Span };
        var thresholds = BindThresholds(section, included, expressions, diagnostics);
        set.Thresholds = thresholds.Values.ToList();
        var scope = BindRuleSetDerived(section, included, vocabulary, thresholds, set, expressions, diagnostics);
        var rules = BindRules(section, included, scope, expressions, diagnostics);
        AttachExceptions(section, rules, scope, expressions, diagnostics);
        ApplyCitationOverrides(section, rules, diagnostics);
        set.Rules = rules;
        return set;
    }

    /// <summary>Thresholds: the included baselines' first, then this set's own, where an override replaces a baseline's value.</summary>
    private static Dictionary<string, ThresholdModel> BindThresholds(RuleSetSection section, IReadOnlyList<BoundRuleSet> included, ExpressionBinder expressions, List<TreatyDiagnostic> diagnostics)
    {
        var thresholds = new Dictionary<string, ThresholdModel>();
        var thresholdOrigin = new Dictionary<string, string>();
        foreach (var baseline in included)
        {
            foreach (var t in baseline.Thresholds)
            {
                thresholds[t.Name] = t;
                thresholdOrigin[t.Name] = baseline.Id;
            }
        }
        foreach (var group in section.Thresholds.GroupBy(t => t.Name))
        {
            var first = group.First();
            var isOverride = group.Any(t => t.IsOverride);
            var inherited = thresholdOrigin.TryGetValue(first.Name, out var origin);
            if (isOverride && !inherited)
            {
                diagnostics.Add(DiagnosticCatalog.NothingToOverride.Create(group.First(t => t.IsOverride).Span, first.Name));
                continue;
            }
            if (!isOverride && inherited)
            {
                diagnostics.Add(DiagnosticCatalog.ThresholdRedefined.Create(first.Span, first.Name, origin!));
                continue;
            }
            var versions = new List<ThresholdVersion>();
            TypeRef? type = null;
            foreach (var t in group)
            {
                var constant = expressions.BindConstant(t.Value);
                if (constant is null) continue;
                if (type is not null && type != constant.Type)
                {
                    diagnostics.Add(DiagnosticCatalog.TypeMismatch.Create(t.Value.Span, t.Name, type.ToString(), "this version", constant.Type.ToString()));
                    continue;
                }
                type = constant.Type;
                if (t.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(t.Span, "Threshold", t.Name));
                versions.Add(new ThresholdVersion(Effective(t.Effective), constant.Value, t.Citation ?? string.Empty, section.Id, t.Span));
            }
            CheckOverlaps(first.Name, versions.Select(v => (v.Effective, v.Span)), diagnostics);
            if (isOverride && type is not null && type != thresholds[first.Name].Type)
            {
                diagnostics.Add(DiagnosticCatalog.TypeMismatch.Create(first.Span, first.Name, type.ToString(), $"the baseline's {first.Name}", thresholds[first.Name].Type.ToString()));
                continue;
            }
            if (type is not null) thresholds[first.Name] = new ThresholdModel(first.Name, type, versions.ToEquatableArray());
        }
        return thresholds;
    }

    /// <summary>Derived facts: the vocabulary's and the included baselines' are visible; this set's own are bound in order. Gives the scope the set's rules are bound in.</summary>
    private static Scope BindRuleSetDerived(RuleSetSection section, IReadOnlyList<BoundRuleSet> included, Scope vocabulary, Dictionary<string, ThresholdModel> thresholds, BoundRuleSet set, ExpressionBinder expressions, List<TreatyDiagnostic> diagnostics)
    {
        var derivedTypes = vocabulary.Derived.ToDictionary(d => d.Key, d => d.Value);
        foreach (var baseline in included)
        {
            foreach (var d in baseline.Derived) derivedTypes[d.Name] = d.Type;
            set.Derived.AddRange(baseline.Derived);
        }
        var scope = new Scope(vocabulary.Facts, vocabulary.Enums, vocabulary.Records, derivedTypes, thresholds.ToDictionary(t => t.Key, t => t.Value.Type));
        foreach (var period in vocabulary.Periods) scope.Periods[period.Key] = period.Value;
        set.Derived.AddRange(BindDerived(section.Derived, scope, derivedTypes, expressions, diagnostics, vocabulary.Enums, new HashSet<string>(vocabulary.Records.Keys)));
        return scope;
    }

    /// <summary>Rules: the included baselines' first (in the order included), then this set's own.</summary>
    private static List<RuleModel> BindRules(RuleSetSection section, IReadOnlyList<BoundRuleSet> included, Scope scope, ExpressionBinder expressions, List<TreatyDiagnostic> diagnostics)
    {
        var rules = new List<RuleModel>();
        foreach (var baseline in included) rules.AddRange(baseline.Rules);
        foreach (var group in section.Rules.GroupBy(r => r.Id))
        {
            var first = group.First();
            var existing = rules.FirstOrDefault(r => r.Id == first.Id);
            if (existing is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(first.Span, first.Id, existing.Latest.Span, existing.Origin == section.Id ? "rule" : $"rule (it comes from '{existing.Origin}'; add an 'exception ... to {first.Id}' instead)"));
                continue;
            }
            var versions = new List<RuleVersion>();
            foreach (var r in group)
            {
                if (r.Kind != first.Kind)
                {
                    diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(r.Span, r.Id, first.Span, "rule"));
                    continue;
                }
                if (r.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(r.Span, r.Kind switch { RuleKind.Bar => "Bar", RuleKind.Review => "Review", _ => "Requirement" }, r.Id));
                var condition = expressions.BindCondition(r.Condition, scope);
                var exceptions = r.Exceptions
                    .Select((u, i) => new ExceptionModel(
                        r.Exceptions.Count == 1 ? "unless" : $"unless-{i + 1}", null, u.Citation ?? r.Citation ?? string.Empty,
                        expressions.BindCondition(u.Condition, scope), u.Span))
                    .ToEquatableArray();
                versions.Add(new RuleVersion(Effective(r.Effective), r.Text ?? string.Empty, r.Citation ?? string.Empty, condition, exceptions, r.Span, BindAccepts(r.Accepts, diagnostics)));
            }
            CheckOverlaps(first.Id, versions.Select(v => (v.Effective, v.Span)), diagnostics);
            versions.Sort((a, b) => Nullable.Compare(a.Effective.From, b.Effective.From));
            if (versions.Count > 0) rules.Add(new RuleModel(first.Kind, first.Id, section.Id, versions.ToEquatableArray()));
        }
        return rules;
    }

    /// <summary>Named exceptions attach to a rule this set has, whether its own or included.</summary>
    private static void AttachExceptions(RuleSetSection section, List<RuleModel> rules, Scope scope, ExpressionBinder expressions, List<TreatyDiagnostic> diagnostics)
    {
        foreach (var x in section.Exceptions)
        {
            var index = rules.FindIndex(r => r.Id == x.Target);
            if (index < 0)
            {
                diagnostics.Add(DiagnosticCatalog.UnknownRule.Create(x.Span, x.Id, x.Target, section.Id));
                continue;
            }
            if (x.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(x.Span, "Exception", x.Id));
            var exception = new ExceptionModel(x.Id, x.Text, x.Citation ?? string.Empty, expressions.BindCondition(x.Condition, scope), x.Span);
            var rule = rules[index];
            rules[index] = rule with
            {
                Versions = rule.Versions.Select(v => v with { Exceptions = v.Exceptions.Concat(new[] { exception }).ToEquatableArray() }).ToEquatableArray(),
            };
        }
    }

    /// <summary>A citation override gives an included rule the passage that states it for this instrument.</summary>
    private static void ApplyCitationOverrides(RuleSetSection section, List<RuleModel> rules, List<TreatyDiagnostic> diagnostics)
    {
        var overridden = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var o in section.CitationOverrides)
        {
            var index = rules.FindIndex(r => r.Id == o.Target);
            if (index < 0)
            {
                diagnostics.Add(DiagnosticCatalog.UnknownRule.Create(o.Span, o.Target, o.Target, section.Id) with
                {
                    Message = $"'override cite {o.Target}' changes nothing: no rule with that id applies to instrument '{section.Id}'",
                });
                continue;
            }
            if (overridden.TryGetValue(o.Target, out var first))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(o.Span, o.Target, first, "citation override"));
                continue;
            }
            overridden[o.Target] = o.Span;
            var rule = rules[index];
            rules[index] = rule with
            {
                Versions = rule.Versions.Select(v => v with
                {
                    Citation = o.Citation,
                    // An unless clause without a citation of its own cites its rule, so it follows the rule's new passage.
                    Exceptions = v.Exceptions.Select(x => x.Citation == v.Citation && x.Id.StartsWith("unless", StringComparison.Ordinal) ? x with { Citation = o.Citation } : x).ToEquatableArray(),
                }).ToEquatableArray(),
            };
        }
    }
}
