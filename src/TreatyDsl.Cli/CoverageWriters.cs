using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using TreatyDsl.Examples;
using TreatyDsl.Runtime;

namespace TreatyDsl.Cli;

/// <summary>
/// What <c>treaty test --coverage</c> writes: a table of every rule and alternative with the outcomes the examples give,
/// and Cobertura XML (what ReportGenerator and CI dashboards render), one class per .treaty file, one line per place,
/// its three outcomes as the line's branches.
/// </summary>
internal static class CoverageWriters
{
    private static readonly Outcome[] All = { Outcome.Met, Outcome.NotMet, Outcome.Unknown };

    public static void WriteTable(TextWriter output, IReadOnlyList<CoveredPlace> places)
    {
        output.WriteLine("Coverage: each rule, alternative, threshold version and country row, and how many example cases give each outcome ('-': none does):");
        foreach (var file in places.GroupBy(p => p.Span.Path))
        {
            output.WriteLine(file.Key);
            foreach (var place in file)
            {
                var counts = string.Join("  ", All.Select(o => $"{ContractNames.Of(o)} {(place.Outcomes[o] == 0 ? "-" : place.Outcomes[o].ToString(CultureInfo.InvariantCulture))}"));
                output.WriteLine($"  {place.Span.Line,5}  {place.Kind,-11}  {place.Name,-48}  {counts}");
            }
        }
        var rules = places.Where(p => p.Kind is "requirement" or "bar").ToList();
        var bothWays = rules.Count(r => r.Outcomes[Outcome.Met] > 0 && r.Outcomes[Outcome.NotMet] > 0);
        var covered = places.Sum(p => All.Count(o => p.Outcomes[o] > 0));
        output.WriteLine($"{covered} of {places.Count * 3} outcomes given by some example; {bothWays} of {rules.Count} requirements and bars both met and not met.");
    }

    public static void WriteCobertura(TextWriter output, IReadOnlyList<CoveredPlace> places)
    {
        var text = new StringBuilder();
        var covered = places.Sum(p => All.Count(o => p.Outcomes[o] > 0));
        var hitLines = places.Count(p => All.Any(o => p.Outcomes[o] > 0));
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("coverage");
            Rates(xml, hitLines, places.Count, covered, places.Count * 3);
            xml.WriteAttributeString("lines-covered", Number(hitLines));
            xml.WriteAttributeString("lines-valid", Number(places.Count));
            xml.WriteAttributeString("branches-covered", Number(covered));
            xml.WriteAttributeString("branches-valid", Number(places.Count * 3));
            xml.WriteAttributeString("complexity", "0");
            xml.WriteAttributeString("version", "1");
            xml.WriteAttributeString("timestamp", "0");
            xml.WriteStartElement("sources");
            xml.WriteElementString("source", ".");
            xml.WriteEndElement();
            xml.WriteStartElement("packages");
            xml.WriteStartElement("package");
            xml.WriteAttributeString("name", "treaties");
            Rates(xml, hitLines, places.Count, covered, places.Count * 3);
            xml.WriteAttributeString("complexity", "0");
            xml.WriteStartElement("classes");
            foreach (var file in places.GroupBy(p => p.Span.Path))
            {
                var list = file.ToList();
                xml.WriteStartElement("class");
                xml.WriteAttributeString("name", Path.GetFileNameWithoutExtension(file.Key));
                xml.WriteAttributeString("filename", file.Key);
                Rates(xml, list.Count(p => All.Any(o => p.Outcomes[o] > 0)), list.Count, list.Sum(p => All.Count(o => p.Outcomes[o] > 0)), list.Count * 3);
                xml.WriteAttributeString("complexity", "0");
                xml.WriteStartElement("methods");
                xml.WriteEndElement();
                xml.WriteStartElement("lines");
                // One line per place; two places on one line (a rule and its 'unless' written on it) are summed.
                foreach (var line in list.GroupBy(p => p.Span.Line))
                {
                    var hits = line.Sum(p => All.Sum(o => p.Outcomes[o]));
                    var branches = line.Count() * 3;
                    var taken = line.Sum(p => All.Count(o => p.Outcomes[o] > 0));
                    xml.WriteStartElement("line");
                    xml.WriteAttributeString("number", Number(line.Key));
                    xml.WriteAttributeString("hits", Number(hits));
                    xml.WriteAttributeString("branch", "true");
                    xml.WriteAttributeString("condition-coverage", $"{taken * 100 / branches}% ({taken}/{branches})");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        output.WriteLine(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""));
    }

    private static void Rates(XmlWriter xml, int linesHit, int lines, int branchesHit, int branches)
    {
        xml.WriteAttributeString("line-rate", Rate(linesHit, lines));
        xml.WriteAttributeString("branch-rate", Rate(branchesHit, branches));
    }

    private static string Rate(int part, int whole) => (whole == 0 ? 1.0 : (double)part / whole).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
