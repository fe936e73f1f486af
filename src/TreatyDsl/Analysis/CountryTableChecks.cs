using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;

namespace TreatyDsl.Analysis;

/// <summary>
/// Where the country table disagrees with itself or with another cited source: a row whose marked columns and entries
/// name different instruments (TDSL0318), an entry whose date is not the one its note gives (TDSL0319), a note date whose
/// day/month order the table does not settle (TDSL0320), a note that speaks of another instrument than its entry
/// (TDSL0321), a usage note another source contradicts (TDSL0322).
/// <para>
/// These are disagreements in the sources, not mistakes to fix: they stay visible as warnings unless the row accepts them
/// with a written justification, and either way every case that touches the row gets a note saying so (added to the row,
/// and to its territories, so the interpreter and the generated code print the same note). That is why this stage runs
/// whenever the model binds, for the generator as well, while the case analysis runs only for the analyzer and the CLI.
/// </para>
/// </summary>
public static class CountryTableChecks
{
    private sealed record RowFinding(CountryModel Row, TreatyDiagnostic Diagnostic, string? OtherCitation);

    public static TreatyModel Run(TreatyModel model)
    {
        var table = model.Countries;
        if (model.HasErrors || table.Countries.Count == 0) return model;
        var kinds = model.Instruments.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First().Kind);
        var dates = NoteDateStatistics.Of(table);
        var findings = new List<RowFinding>();
        foreach (var row in table.Countries.Where(r => r.TerritoryOf is null))
        {
            if (Columns(row, kinds) is { } columns) findings.Add(new RowFinding(row, columns, null));
            foreach (var membership in row.Memberships)
            {
                var noteDates = NoteDate.Find(membership.Note);
                if (DateDiffers(row, membership, noteDates) is { } differs) findings.Add(new RowFinding(row, differs, null));
                foreach (var date in noteDates)
                {
                    if (Ambiguous(row, membership, date, dates) is { } ambiguous) findings.Add(new RowFinding(row, ambiguous, null));
                }
                if (OtherInstrument(row, membership, kinds) is { } other) findings.Add(new RowFinding(row, other, null));
            }
        }
        findings.AddRange(Usages(table));
        return Apply(model, findings);
    }

    // ---- the checks ----

    /// <summary>TDSL0318: a marked column no entry stands for, or an entry in no marked column.</summary>
    private static TreatyDiagnostic? Columns(CountryModel row, Dictionary<string, InstrumentKind> kinds)
    {
        if (row.Columns is not { } columns) return null;
        bool Stands(string column, string instrument) =>
            column == instrument || (Binder.KindName(column) is { } kind && kinds.TryGetValue(instrument, out var k) && k == kind);
        var entries = row.Memberships.Select(m => m.Instrument).ToList();
        var emptyColumns = columns.Names.Where(c => !entries.Any(e => Stands(c, e))).ToList();
        var unmarked = entries.Where(e => !columns.Names.Any(c => Stands(c, e))).ToList();
        if (emptyColumns.Count == 0 && unmarked.Count == 0) return null;
        var why = new List<string>();
        if (emptyColumns.Count > 0) why.Add($"no entry stands for the {List(emptyColumns)} column{(emptyColumns.Count == 1 ? "" : "s")}");
        if (unmarked.Count > 0) why.Add($"{List(unmarked)} {(unmarked.Count == 1 ? "is" : "are")} in no marked column");
        return DiagnosticCatalog.ColumnsDisagree.Create(columns.Span, List(columns.Names), Label(row),
            entries.Count == 0 ? "no instrument" : List(entries), string.Join(", and ", why));
    }

    /// <summary>TDSL0319: the note gives dates, and the entry's date is none of them (either reading of an ambiguous one counts).</summary>
    private static TreatyDiagnostic? DateDiffers(CountryModel row, MembershipModel membership, IReadOnlyList<NoteDate> noteDates)
    {
        if (membership.Since is not { } since || noteDates.Count == 0) return null;
        if (noteDates.Any(d => d.MonthFirst == since || d.DayFirst == since)) return null;
        var given = string.Join(" and ", noteDates.Select(d => d.MonthFirst?.ToString() ?? d.Text));
        return DiagnosticCatalog.DateDiffersFromNote.Create(membership.Span, membership.Instrument, Label(row), since, given, membership.Note!);
    }

    /// <summary>
    /// TDSL0320: a date that reads as two different days, where the table itself gives a reason to doubt the order it
    /// otherwise follows: it is not written like the table's other dates, or only the other reading falls on the first of
    /// a month as (nearly) all the table's other dates for that instrument do.
    /// </summary>
    private static TreatyDiagnostic? Ambiguous(CountryModel row, MembershipModel membership, NoteDate date, NoteDateStatistics statistics)
    {
        if (date.MonthFirst is not { } monthFirst || date.DayFirst is not { } dayFirst || monthFirst == dayFirst) return null;
        var reasons = new List<string>();
        if (!date.TwoDigits && statistics.TwoDigitShareExcluding(date) >= 0.9)
        {
            reasons.Add("the table writes its other dates with two-digit months and days, which this one does not");
        }
        var (firsts, others) = statistics.FirstOfMonthExcluding(membership.Instrument, date);
        if (monthFirst.Day != 1 && dayFirst.Day == 1 && others >= 10 && firsts >= 0.9 * others)
        {
            reasons.Add($"{firsts} of the table's other {others} {membership.Instrument} dates fall on the first of a month, as only the day-first reading does");
        }
        if (reasons.Count == 0) return null;
        return DiagnosticCatalog.AmbiguousDate.Create(membership.Span, membership.Instrument, Label(row), date.Text, monthFirst, dayFirst,
            string.Join(", and ", reasons) + "; check the order with the source");
    }

    /// <summary>TDSL0321: the note names instruments or kinds (by id or kind name, as a word), none of them the entry's.</summary>
    private static TreatyDiagnostic? OtherInstrument(CountryModel row, MembershipModel membership, Dictionary<string, InstrumentKind> kinds)
    {
        if (membership.Note is not { } note) return null;
        var named = kinds.Keys.Where(id => NoteWords.Contains(note, id)).ToList();
        named.AddRange(new[] { "bilateral", "multilateral" }.Where(kind => NoteWords.Contains(note, kind)));
        if (named.Count == 0) return null;
        var own = kinds.TryGetValue(membership.Instrument, out var k) ? k : (InstrumentKind?)null;
        if (named.Any(n => n == membership.Instrument || (Binder.KindName(n) is { } kind && kind == own))) return null;
        return DiagnosticCatalog.NoteNamesOtherInstrument.Create(membership.Span, Label(row), membership.Instrument, List(named), note);
    }

    /// <summary>TDSL0322: a row's usage note puts first an instrument other than the one another source says the country uses.</summary>
    private static IEnumerable<RowFinding> Usages(CountryTableModel table)
    {
        foreach (var usage in table.Usages)
        {
            foreach (var code in usage.Countries)
            {
                var row = table.Countries.FirstOrDefault(c => c.Code == code && c.TerritoryOf is null);
                if (row?.Practice is not { Instruments.Count: > 0 } practice || practice.Instruments[0] == usage.Instrument) continue;
                var says = (practice.Kind == PracticeKind.Only ? "allows only " : "prefers ") + List(practice.Instruments);
                var span = practice.Span.Path is null ? row.Span : practice.Span;
                yield return new RowFinding(row,
                    DiagnosticCatalog.PreferenceContradicted.Create(span, Label(row), practice.Note, says, usage.Citation, usage.Instrument, usage.Text),
                    usage.Citation);
            }
        }
    }

    // ---- accepting, and the notes every case with the row gets ----

    private static TreatyModel Apply(TreatyModel model, List<RowFinding> findings)
    {
        var table = model.Countries;
        var diagnostics = new List<TreatyDiagnostic>();
        var notes = new Dictionary<string, List<CountryNoteModel>>();
        var used = new HashSet<AcceptanceModel>(ReferenceEqualityComparer<AcceptanceModel>.Instance);
        foreach (var finding in findings)
        {
            var diagnostic = finding.Diagnostic;
            var accepted = finding.Row.Accepts.FirstOrDefault(a => a.DiagnosticId == diagnostic.Id);
            if (accepted is not null)
            {
                used.Add(accepted);
                diagnostics.Add(diagnostic with { Severity = DiagnosticSeverity.Info, Message = diagnostic.Message + ". Accepted: " + accepted.Display });
            }
            else
            {
                diagnostics.Add(diagnostic);
            }
            if (!notes.TryGetValue(finding.Row.Code, out var list)) notes[finding.Row.Code] = list = new List<CountryNoteModel>();
            list.Add(NoteFor(table, finding, accepted));
        }
        foreach (var row in table.Countries)
        {
            foreach (var accept in row.Accepts.Where(a => !used.Contains(a)))
            {
                diagnostics.Add(DiagnosticCatalog.NothingAccepted.Create(accept.Span, accept.DiagnosticId, row.Code));
            }
        }
        if (diagnostics.Count == 0) return model;
        var rows = table.Countries.Select(row =>
            notes.TryGetValue(row.TerritoryOf ?? row.Code, out var extra) ? row with { Notes = row.Notes.Concat(extra).ToEquatableArray() } : row);
        return model with
        {
            Countries = table with { Countries = rows.ToEquatableArray() },
            Diagnostics = TreatyAnalysis.InFileOrder(model.Diagnostics.Concat(diagnostics)),
        };
    }

    /// <summary>What a caseworker reads beside the verdict: that the sources disagree on this row, how, and which reading the tool follows.</summary>
    private static CountryNoteModel NoteFor(CountryTableModel table, RowFinding finding, AcceptanceModel? accepted)
    {
        var reading = accepted is null
            ? "The tool follows the row as written; check the source before relying on it."
            : "The tool's reading: " + accepted.Justification.TrimEnd('.') + ".";
        var text = $"The sources disagree on this country's row ({finding.Diagnostic.Id}): {finding.Diagnostic.Message}. {reading}";
        var citations = new[] { table.Citation, finding.OtherCitation, accepted?.Citation }
            .Where(c => !string.IsNullOrEmpty(c)).Distinct();
        return new CountryNoteModel(text, string.Join("; ", citations));
    }

    private static string Label(CountryModel row) => $"{row.Name} ({row.Code})";

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
    }
}
