using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Binding;

public static partial class Binder
{
    private static CountryTableModel BindCountries(Sections sections, List<InstrumentModel> instruments, List<TreatyDiagnostic> diagnostics)
    {
        var header = sections.CountriesHeaders.FirstOrDefault();
        foreach (var extra in sections.CountriesHeaders.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(extra.Span, "countries", header!.Span, "country table"));
        }
        var defined = new HashSet<string>(instruments.Select(i => i.Id));
        var countries = new List<CountryModel>();
        foreach (var c in sections.Countries)
        {
            if (!IsNewRow(c.Code, c.Span, "country row", countries, diagnostics)) continue;
            foreach (var m in c.Memberships.Where(m => !defined.Contains(m.Instrument)))
            {
                diagnostics.Add(DiagnosticCatalog.UndefinedInstrument.Create(m.Span, m.Instrument));
            }
            PracticeModel? practice = null;
            if (c.Practice is { } p)
            {
                foreach (var id in p.Instruments.Where(id => c.Memberships.All(m => m.Instrument != id)))
                {
                    diagnostics.Add(DiagnosticCatalog.UnknownInstrument.Create(p.Span, id));
                }
                practice = new PracticeModel(p.Note, p.Kind, p.Instruments, p.Span);
            }
            var memberships = c.Memberships.Select(m => new MembershipModel(m.Instrument, m.Date, m.Note, m.Span)).ToEquatableArray();
            var notes = new List<CountryNoteModel>();
            foreach (var note in c.Notes)
            {
                if (note.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(note.Span, "The note of country", c.Code));
                notes.Add(new CountryNoteModel(note.Text, note.Citation ?? string.Empty));
            }
            countries.Add(new CountryModel(c.Code, c.Name, memberships, practice, c.Span, null, notes.ToEquatableArray(),
                BindColumns(c.Columns, instruments, diagnostics), BindAccepts(c.Accepts, diagnostics)));
        }
        BindTerritories(sections, countries, diagnostics);
        var usages = BindUsages(sections, defined, countries, diagnostics);
        return new CountryTableModel(header?.Title ?? "Country table", header?.Citation ?? string.Empty, countries.ToEquatableArray(), usages);
    }

    /// <summary>A row's marked columns; each must name an instrument or an instrument kind, so the analysis can match entries to columns.</summary>
    private static ColumnsModel? BindColumns(ColumnsSyntax? columns, List<InstrumentModel> instruments, List<TreatyDiagnostic> diagnostics)
    {
        if (columns is null) return null;
        foreach (var name in columns.Names)
        {
            if (instruments.Any(i => i.Id == name) || KindName(name) is not null) continue;
            diagnostics.Add(DiagnosticCatalog.UnknownColumn.Create(columns.Span, name));
        }
        return new ColumnsModel(columns.Names, columns.Span);
    }

    /// <summary>The instrument kind a column name stands for (<c>bilateral</c>, <c>multilateral</c>), or null.</summary>
    internal static InstrumentKind? KindName(string name) => name switch
    {
        "bilateral" => InstrumentKind.Bilateral,
        "multilateral" => InstrumentKind.Multilateral,
        _ => null,
    };

    /// <summary>Other sources' statements on which instrument some countries use: the instrument must exist, the countries have rows, the statement a citation.</summary>
    private static EquatableArray<UsageModel> BindUsages(Sections sections, HashSet<string> defined, List<CountryModel> countries, List<TreatyDiagnostic> diagnostics)
    {
        var result = new List<UsageModel>();
        foreach (var u in sections.Usages)
        {
            if (!defined.Contains(u.Instrument)) diagnostics.Add(DiagnosticCatalog.UndefinedInstrument.Create(u.Span, u.Instrument));
            foreach (var code in u.Countries.Where(code => countries.All(c => c.Code != code)))
            {
                diagnostics.Add(DiagnosticCatalog.UsageOfUnknownCountry.Create(u.Span, code));
            }
            if (u.Citation is null) diagnostics.Add(DiagnosticCatalog.MissingCitation.Create(u.Span, "The usage statement on", u.Instrument));
            result.Add(new UsageModel(u.Instrument, u.Countries, u.Text ?? string.Empty, u.Citation ?? string.Empty, u.Span));
        }
        return result.ToEquatableArray();
    }

    /// <summary>
    /// Adds each territory (Table A) as a row with its parent country's memberships, practice and notes. The parent must be a
    /// country row, not another territory, so what a territory inherits is always written in one place.
    /// </summary>
    private static void BindTerritories(Sections sections, List<CountryModel> countries, List<TreatyDiagnostic> diagnostics)
    {
        var parents = countries.ToDictionary(c => c.Code);
        foreach (var t in sections.Territories)
        {
            if (!IsNewRow(t.Code, t.Span, "territory row", countries, diagnostics)) continue;
            if (!parents.TryGetValue(t.Parent, out var parent))
            {
                diagnostics.Add(DiagnosticCatalog.UnknownParentCountry.Create(t.ParentSpan, t.Code, t.Parent));
                continue;
            }
            countries.Add(new CountryModel(t.Code, t.Name, parent.Memberships, parent.Practice, t.Span, parent.Code, parent.Notes));
        }
    }

    /// <summary>Checks a row's code (reported when malformed) and that no earlier row has it (reported, and the row skipped).</summary>
    private static bool IsNewRow(string code, SourceSpan span, string what, List<CountryModel> countries, List<TreatyDiagnostic> diagnostics)
    {
        if (!CountryCode.IsMatch(code)) diagnostics.Add(DiagnosticCatalog.InvalidCountryCode.Create(span, code, DiagnosticCatalog.CountrySuggestion(code)));
        var existing = countries.FirstOrDefault(x => x.Code == code);
        if (existing is null) return true;
        diagnostics.Add(DiagnosticCatalog.DuplicateDeclaration.Create(span, code, existing.Span, what));
        return false;
    }
}
