using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using TreatyDsl.Reporting;

namespace TreatyDsl.Cli;

/// <summary>
/// Writes the requirements-by-instrument matrix as Markdown (citations as numbered footnotes) or as a standalone
/// HTML page (citations as tooltips and footnotes). Both list the instruments first and the advisory factors last.
/// </summary>
public static class MatrixWriter
{
    public static void WriteMarkdown(RequirementMatrix matrix, TextWriter w)
    {
        var notes = new Footnotes();
        w.WriteLine("# Requirements by instrument");
        w.WriteLine();
        w.WriteLine("Generated from `treaties/` by `treaty matrix`; do not edit by hand (a test fails when it is stale).");
        w.WriteLine("Each cell is what the instrument asks (\"required\", \"barred\", a minimum), the named exceptions it allows");
        w.WriteLine("(\"except ...\"), and a footnote with the citation; \"—\" means the instrument has no such requirement.");
        w.WriteLine("Every instrument also requires that it be in force between the two countries (7 FAM Exhibit 481).");
        w.WriteLine("A \"review\" is not a requirement: a check left to the treaty's own text, raised for the caseworker and never part of a verdict.");
        w.WriteLine();
        w.WriteLine("## Instruments");
        w.WriteLine();
        w.WriteLine("| id | title | kind | parties | in force | citation |");
        w.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var i in matrix.Instruments)
        {
            var parties = i.Parties.Count == 0 ? "per the country table" : string.Join(", ", i.Parties);
            var inForce = i.InForce?.ToString() ?? "per the country table";
            w.WriteLine($"| `{i.Id}` | {Escape(i.Title)} | {i.Kind.ToString().ToLowerInvariant()} | {parties} | {inForce} | {Escape(i.Citation)} |");
        }
        w.WriteLine();
        w.WriteLine("## Requirements");
        w.WriteLine();
        w.WriteLine("| requirement | " + string.Join(" | ", matrix.Instruments.Select(i => $"`{i.Id}`")) + " |");
        w.WriteLine("| --- |" + string.Concat(matrix.Instruments.Select(_ => " --- |")));
        foreach (var row in matrix.Rows)
        {
            var cells = row.Cells.Select(c => c is null ? "—" : $"{Summary(c)} [{notes.Number(c.Citation)}]");
            w.WriteLine($"| `{row.RequirementId}` | " + string.Join(" | ", cells) + " |");
        }
        if (matrix.Advisories.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("## Advisory factors");
            w.WriteLine();
            w.WriteLine("Weighed beside the requirements for the human decision and reported in `advisory` when a case's facts touch them;");
            w.WriteLine("never part of a verdict.");
            foreach (var set in matrix.Advisories.GroupBy(a => (a.Set, a.SetAppliesWhen)))
            {
                w.WriteLine();
                w.WriteLine(set.Key.SetAppliesWhen is null ? $"{Escape(set.Key.Set)}:" : $"{Escape(set.Key.Set)}, for cases where `{set.Key.SetAppliesWhen}`:");
                w.WriteLine();
                w.WriteLine("| factor | weighs | raised when | |");
                w.WriteLine("| --- | --- | --- | --- |");
                foreach (var a in set) w.WriteLine($"| `{a.Factor}` | {a.Weighs} | `{Escape(a.When)}` | [{notes.Number(a.Citation)}] |");
            }
        }
        w.WriteLine();
        w.WriteLine("## Citations");
        w.WriteLine();
        foreach (var (number, citation) in notes.All) w.WriteLine($"{number}. {Escape(citation)}");
    }

    public static void WriteHtml(RequirementMatrix matrix, TextWriter w)
    {
        var notes = new Footnotes();
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Requirements by instrument</title>");
        w.WriteLine("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 6px;vertical-align:top}td[title]{cursor:help}td.none{color:#999;text-align:center}</style>");
        w.WriteLine("</head><body>");
        w.WriteLine("<h1>Requirements by instrument</h1>");
        w.WriteLine("<p>Generated from <code>treaties/</code> by <code>treaty matrix --html</code>. Hover a cell for its rule and citation.</p>");
        w.WriteLine("<table><thead><tr><th>requirement</th>");
        foreach (var i in matrix.Instruments) w.WriteLine($"<th title=\"{Html(i.Title)}\">{Html(i.Id)}</th>");
        w.WriteLine("</tr></thead><tbody>");
        foreach (var row in matrix.Rows)
        {
            w.Write($"<tr><th>{Html(row.RequirementId)}</th>");
            foreach (var c in row.Cells)
            {
                if (c is null) { w.Write("<td class=\"none\">—</td>"); continue; }
                var n = notes.Number(c.Citation);
                w.Write($"<td title=\"{Html(c.Text + " (" + c.Citation + ")")}\">{Html(Summary(c))} <sup><a href=\"#cite-{n}\">{n}</a></sup></td>");
            }
            w.WriteLine("</tr>");
        }
        w.WriteLine("</tbody></table>");
        if (matrix.Advisories.Count > 0)
        {
            w.WriteLine("<h2>Advisory factors</h2>");
            w.WriteLine("<p>Weighed beside the requirements for the human decision; never part of a verdict.</p>");
            w.WriteLine("<table><thead><tr><th>factor</th><th>weighs</th><th>raised when</th></tr></thead><tbody>");
            foreach (var a in matrix.Advisories)
            {
                var when = a.SetAppliesWhen is null ? a.When : $"{a.When} (for cases where {a.SetAppliesWhen})";
                var n = notes.Number(a.Citation);
                w.WriteLine($"<tr><th title=\"{Html(a.Text + " (" + a.Citation + ")")}\">{Html(a.Factor)}</th><td>{Html(a.Weighs)}</td><td><code>{Html(when)}</code> <sup><a href=\"#cite-{n}\">{n}</a></sup></td></tr>");
            }
            w.WriteLine("</tbody></table>");
        }
        w.WriteLine("<ol>");
        foreach (var (number, citation) in notes.All) w.WriteLine($"<li id=\"cite-{number}\">{Html(citation)}</li>");
        w.WriteLine("</ol></body></html>");
    }

    private static string Summary(MatrixCell cell) =>
        cell.Exceptions.Count == 0 ? cell.Summary : $"{cell.Summary}, except {string.Join(", ", cell.Exceptions)}";

    private static string Escape(string text) => text.Replace("|", "\\|");

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Numbers each distinct citation once, in order of first use.</summary>
    private sealed class Footnotes
    {
        private readonly Dictionary<string, int> numbers = new();

        public int Number(string citation)
        {
            if (!numbers.TryGetValue(citation, out var n)) numbers[citation] = n = numbers.Count + 1;
            return n;
        }

        public IEnumerable<(int Number, string Citation)> All => numbers.OrderBy(p => p.Value).Select(p => (p.Value, p.Key));
    }
}
