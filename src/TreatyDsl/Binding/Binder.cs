using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Binding;

/// <summary>
/// Binds the parsed treaty files into one checked <see cref="TreatyModel"/>: resolves names, checks types,
/// folds each included baseline into its instruments and applies overrides and exceptions.
/// Never throws; every problem becomes a located diagnostic.
/// </summary>
public static partial class Binder
{
    private static readonly Regex CountryCode = new("^[A-Z]{2}$");

    public static TreatyModel Bind(IEnumerable<TreatyFileSyntax> files, IEnumerable<TreatyDiagnostic>? parseDiagnostics = null)
    {
        var fileList = files.ToList();
        var parsed = (parseDiagnostics ?? Array.Empty<TreatyDiagnostic>()).ToList();
        try
        {
            return BindFiles(fileList, parsed);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A bug of ours must not take the compiler down with it: say so, as an error, and bind nothing.
            var where = SourceSpan.None(fileList.Count > 0 ? fileList[0].Path : "treaties");
            var failure = DiagnosticCatalog.InternalError.Create(where, "check the treaty files", ex.GetType().Name, ex.Message);
            return Empty(parsed.Concat(new[] { failure }));
        }
    }

    /// <summary>A model with nothing in it but <paramref name="diagnostics"/>.</summary>
    private static TreatyModel Empty(IEnumerable<TreatyDiagnostic> diagnostics) => new(
        new VocabularyModel("case-file", EquatableArray<EnumModel>.Empty, EquatableArray<RecordModel>.Empty, EquatableArray<FactModel>.Empty, EquatableArray<DerivedModel>.Empty),
        EquatableArray<InstrumentModel>.Empty,
        new CountryTableModel("Country table", string.Empty, EquatableArray<CountryModel>.Empty),
        EquatableArray<AdvisorySetModel>.Empty,
        diagnostics.ToEquatableArray());

    private static TreatyModel BindFiles(List<TreatyFileSyntax> fileList, List<TreatyDiagnostic> parseDiagnostics)
    {
        var diagnostics = new List<TreatyDiagnostic>(parseDiagnostics);
        var sections = Sections.Collect(fileList, diagnostics);
        var expressions = new ExpressionBinder(diagnostics);

        var vocabulary = BindVocabulary(sections, fileList, diagnostics, expressions, out var vocabularyScope);
        var baselines = new Dictionary<string, BoundRuleSet>();
        foreach (var section in sections.RuleSets.Where(s => s.IsBaseline))
        {
            if (baselines.ContainsKey(section.Id))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(section.Header.Span, section.Id, baselines[section.Id].Span, "baseline"));
                continue;
            }
            baselines[section.Id] = BindRuleSet(section, Array.Empty<BoundRuleSet>(), vocabularyScope, expressions, diagnostics);
        }

        var instruments = new List<InstrumentModel>();
        foreach (var section in sections.RuleSets.Where(s => !s.IsBaseline))
        {
            var header = (InstrumentSyntax)section.Header;
            if (instruments.Any(i => i.Id == header.Id))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(header.Span, header.Id, instruments.First(i => i.Id == header.Id).Span, "instrument"));
                continue;
            }
            var included = new List<BoundRuleSet>();
            var includedAt = new Dictionary<string, SourceSpan>();
            for (var k = 0; k < header.Includes.Count; k++)
            {
                var (id, span) = (header.Includes[k], header.IncludeSpans[k]);
                if (includedAt.TryGetValue(id, out var first))
                {
                    diagnostics.Add(DiagnosticCatalog.BaselineIncludedTwice.Create(span, id, first));
                    continue;
                }
                includedAt[id] = span;
                if (baselines.TryGetValue(id, out var baseline)) included.Add(baseline);
                else diagnostics.Add(DiagnosticCatalog.UnknownBaseline.Create(span, id));
            }
            var ruleSet = BindRuleSet(section, included, vocabularyScope, expressions, diagnostics);
            instruments.Add(BindInstrumentHeader(header, ruleSet, diagnostics));
        }

        var countries = BindCountries(sections, instruments, diagnostics);
        var advisories = BindAdvisories(sections, vocabularyScope, expressions, diagnostics);
        GeneratedNameCheck.Run(sections, vocabulary, instruments, advisories, diagnostics);
        var ordered = diagnostics
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Offset)
            .ToEquatableArray();
        // Examples are checked after binding, against the bound model (Examples.ExampleChecks).
        return new TreatyModel(vocabulary, instruments.ToEquatableArray(), countries, advisories, ordered) { Examples = sections.Examples.ToEquatableArray() };
    }

    // ---------- vocabulary ----------

    private static VocabularyModel BindVocabulary(Sections sections, List<TreatyFileSyntax> files, List<TreatyDiagnostic> diagnostics, ExpressionBinder expressions, out Scope scope)
    {
        if (sections.VocabularyHeaders.Count == 0)
        {
            var path = files.Count > 0 ? files[0].Path : "treaties";
            diagnostics.Add(DiagnosticCatalog.MissingVocabulary.Create(SourceSpan.None(path)));
        }
        foreach (var extra in sections.VocabularyHeaders.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(extra.Span, "vocabulary", sections.VocabularyHeaders[0].Span, "vocabulary"));
        }

        var enums = new Dictionary<string, EnumModel>();
        foreach (var e in sections.Enums)
        {
            if (enums.TryGetValue(e.Name, out var existing))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(e.Span, e.Name, existing.Span, "enum"));
                continue;
            }
            enums[e.Name] = new EnumModel(e.Name, e.Members, e.Span);
        }

        var recordNames = new HashSet<string>(sections.Records.Select(r => r.Name));
        var records = new Dictionary<string, RecordModel>();
        foreach (var r in sections.Records)
        {
            if (records.TryGetValue(r.Name, out var existing) || enums.ContainsKey(r.Name))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(r.Span, r.Name, existing?.Span ?? enums[r.Name].Span, "record"));
                continue;
            }
            var fields = r.Fields.Select(f => new FieldModel(f.Name, ResolveType(f.Type, enums, recordNames, diagnostics))).ToEquatableArray();
            records[r.Name] = new RecordModel(r.Name, fields, r.Span);
        }

        var facts = new Dictionary<string, FactModel>();
        foreach (var f in sections.Facts)
        {
            if (facts.TryGetValue(f.Path, out var existing))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(f.Span, f.Path, existing.Span, "fact"));
                continue;
            }
            var type = ResolveType(f.Type, enums, recordNames, diagnostics);
            if (type.Kind == TypeKind.Duration)
            {
                diagnostics.Add(DiagnosticCatalog.UnknownType.Create(f.Type.Span, "duration (a case file has no durations; derive one with 'period from ... to ...')"));
                type = TypeRef.Error;
            }
            facts[f.Path] = new FactModel(f.Path, type, f.Required, f.NonEmpty, f.Description, f.Span);
        }

        var derivedTypes = new Dictionary<string, TypeRef>();
        scope = new Scope(facts, enums, records, derivedTypes, new Dictionary<string, TypeRef>());
        // Expectations read facts only (no derived facts are in scope yet), so they cannot depend on one another through rules.
        foreach (var f in sections.Facts)
        {
            if (f.ExpectedWhen is null || !facts.TryGetValue(f.Path, out var fact) || fact.Span != f.Span) continue;
            facts[f.Path] = fact with { ExpectedWhen = expressions.BindCondition(f.ExpectedWhen, scope) };
        }
        var derived = BindDerived(sections.VocabularyDerived, scope, derivedTypes, expressions, diagnostics, enums, recordNames);

        var header = sections.VocabularyHeaders.FirstOrDefault();
        return new VocabularyModel(header?.Name ?? "case-file", enums.Values.ToEquatableArray(), records.Values.ToEquatableArray(), facts.Values.ToEquatableArray(), derived.ToEquatableArray(),
            header?.Span ?? default);
    }

    /// <summary>Binds derived facts in order; each sees only the ones declared before it, so definitions cannot loop.</summary>
    private static List<DerivedModel> BindDerived(
        IEnumerable<DeriveSyntax> declarations, Scope scope, Dictionary<string, TypeRef> visible, ExpressionBinder expressions,
        List<TreatyDiagnostic> diagnostics, IReadOnlyDictionary<string, EnumModel> enums, HashSet<string> recordNames)
    {
        var result = new List<DerivedModel>();
        foreach (var d in declarations)
        {
            var type = ResolveType(d.Type, enums, recordNames, diagnostics);
            if (visible.ContainsKey(d.Name) || scope.Facts.ContainsKey(d.Name))
            {
                var other = result.FirstOrDefault(r => r.Name == d.Name)?.Span ?? (scope.Facts.TryGetValue(d.Name, out var f) ? f.Span : d.Span);
                diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(d.Span, d.Name, other, "derived fact"));
                continue;
            }
            if (d.PeriodFrom is not null && d.PeriodTo is not null)
            {
                var ok = CheckDateFact(d.PeriodFrom, scope, diagnostics) & CheckDateFact(d.PeriodTo, scope, diagnostics);
                if (type.Kind != TypeKind.Duration)
                {
                    diagnostics.Add(DiagnosticCatalog.TypeMismatch.Create(d.Type.Span, d.Name, $"declared {type}", "period from ... to ...", "a duration"));
                    ok = false;
                }
                if (ok) scope.Periods[d.Name] = (d.PeriodFrom.Name, d.PeriodTo.Name);
                var unbounded = d.UnboundedWhen is null ? null : expressions.BindCondition(d.UnboundedWhen, scope);
                result.Add(new DerivedModel(d.Name, type, null, d.PeriodFrom.Name, d.PeriodTo.Name, d.Label, d.Citation, d.Span, unbounded));
            }
            else if (d.Condition is not null)
            {
                if (type.Kind != TypeKind.Bool)
                {
                    diagnostics.Add(DiagnosticCatalog.TypeMismatch.Create(d.Type.Span, d.Name, $"declared {type}", "a condition", "a bool"));
                }
                if (d.UnboundedWhen is not null) diagnostics.Add(DiagnosticCatalog.UnboundedNotAPeriod.Create(d.UnboundedWhen.Span, d.Name));
                var condition = expressions.BindCondition(d.Condition, scope);
                result.Add(new DerivedModel(d.Name, TypeRef.Bool, condition, null, null, d.Label, d.Citation, d.Span));
            }
            visible[d.Name] = type;
        }
        return result;
    }

    private static bool CheckDateFact(NameSyntax name, Scope scope, List<TreatyDiagnostic> diagnostics)
    {
        if (!scope.Facts.TryGetValue(name.Name, out var fact))
        {
            diagnostics.Add(DiagnosticCatalog.UnknownName.Create(name.Span, name.Name, string.Empty));
            return false;
        }
        if (fact.Type.Kind != TypeKind.Date)
        {
            diagnostics.Add(DiagnosticCatalog.TypeMismatch.Create(name.Span, name.Name, fact.Type.ToString(), "a period's end", "a date"));
            return false;
        }
        return true;
    }

    private static TypeRef ResolveType(TypeSyntax syntax, IReadOnlyDictionary<string, EnumModel> enums, HashSet<string> records, List<TreatyDiagnostic> diagnostics)
    {
        if (syntax.ElementType is not null)
        {
            var element = ResolveType(syntax.ElementType, enums, records, diagnostics);
            return element.Kind == TypeKind.Error ? TypeRef.Error : TypeRef.ListOf(element);
        }
        switch (syntax.Name)
        {
            case "bool": return TypeRef.Bool;
            case "number": return TypeRef.Number;
            case "date": return TypeRef.Date;
            case "duration": return TypeRef.Duration;
            case "text": return TypeRef.Text;
            case "country": return TypeRef.Country;
        }
        if (enums.ContainsKey(syntax.Name)) return new TypeRef(TypeKind.Enum, syntax.Name);
        if (records.Contains(syntax.Name)) return new TypeRef(TypeKind.Record, syntax.Name);
        diagnostics.Add(DiagnosticCatalog.UnknownType.Create(syntax.Span, syntax.Name));
        return TypeRef.Error;
    }

    private static InstrumentModel BindInstrumentHeader(InstrumentSyntax header, BoundRuleSet set, List<TreatyDiagnostic> diagnostics)
    {
        if (header.Title is null)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidInstrument.Create(header.Span, $"Instrument '{header.Id}' has no title; add 'title \"...\"'"));
        }
        if (header.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(header.Span, "Instrument", header.Id));
        var kind = InstrumentKind.Multilateral;
        switch (header.Kind)
        {
            case "statute": kind = InstrumentKind.Statute; break;
            case "bilateral": kind = InstrumentKind.Bilateral; break;
            case "multilateral": kind = InstrumentKind.Multilateral; break;
            default:
                diagnostics.Add(DiagnosticCatalog.InvalidInstrument.Create(header.Span,
                    header.Kind is null
                        ? $"Instrument '{header.Id}' has no kind; add 'kind bilateral' or 'kind multilateral'"
                        : $"'{header.Kind}' is not an instrument kind; use statute, bilateral or multilateral"));
                break;
        }
        if (kind == InstrumentKind.Bilateral && header.Parties.Count != 2)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidInstrument.Create(header.Span, $"Bilateral instrument '{header.Id}' must name its two parties ('parties US, MX')"));
        }
        if (kind == InstrumentKind.Bilateral && header.InForce is null)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidInstrument.Create(header.Span, $"Bilateral instrument '{header.Id}' needs the date it entered into force ('in force from YYYY-MM-DD')"));
        }
        return new InstrumentModel(
            header.Id,
            header.Title ?? header.Id,
            kind,
            header.Parties,
            header.InForce,
            header.Citation ?? string.Empty,
            set.Rules.Where(r => r.Kind != RuleKind.Review).ToEquatableArray(),
            set.Thresholds.ToEquatableArray(),
            set.Derived.ToEquatableArray(),
            header.Span,
            set.Rules.Where(r => r.Kind == RuleKind.Review).ToEquatableArray());
    }

    // ---------- effective periods ----------

    private static EffectivePeriod Effective(EffectiveSyntax? syntax) =>
        syntax is null ? EffectivePeriod.Always : new EffectivePeriod(syntax.From, syntax.Before);

    /// <summary>A rule's or a country row's accepted findings; each must name an analysis finding (TDSL03xx) and say why.</summary>
    private static EquatableArray<AcceptanceModel> BindAccepts(EquatableArray<AcceptSyntax> accepts, List<TreatyDiagnostic> diagnostics)
    {
        var result = new List<AcceptanceModel>();
        foreach (var accept in accepts)
        {
            if (DiagnosticCatalog.Find(accept.DiagnosticId) is not { Category: DiagnosticCatalog.Analysis })
            {
                diagnostics.Add(DiagnosticCatalog.NotAnAnalysisFinding.Create(accept.Span, accept.DiagnosticId));
                continue;
            }
            result.Add(new AcceptanceModel(accept.DiagnosticId, accept.Justification ?? string.Empty, accept.Citation ?? string.Empty, accept.Span));
        }
        return result.ToEquatableArray();
    }

    private static void CheckOverlaps(string name, IEnumerable<(EffectivePeriod Effective, SourceSpan Span)> versions, List<TreatyDiagnostic> diagnostics)
    {
        var list = versions.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                if (Overlap(list[i].Effective, list[j].Effective) is string when)
                {
                    diagnostics.Add(DiagnosticCatalog.OverlappingVersions.Create(list[j].Span, name, when));
                }
            }
        }
    }

    /// <summary>When both periods are in effect, in words ("on 2020-01-01", "before 2021-01-01"), or null if never.</summary>
    private static string? Overlap(EffectivePeriod a, EffectivePeriod b)
    {
        var start = Max(a.From, b.From);
        var end = Min(a.Before, b.Before);
        if (start is null && end is null) return "at all times (neither says 'effective from ... before ...')";
        if (start is null) return $"before {end}";
        if (end is null || start.Value.CompareTo(end.Value) < 0) return $"on {start}";
        return null;
    }

    private static DateValue? Max(DateValue? a, DateValue? b) => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;

    private static DateValue? Min(DateValue? a, DateValue? b) => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) <= 0 ? a : b;
}
