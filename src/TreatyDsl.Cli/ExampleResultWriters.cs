using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using TreatyDsl.Examples;

namespace TreatyDsl.Cli;

/// <summary>
/// The results of <c>treaty test</c> for tools: <c>--format json</c> (one indented object) and <c>--format junit</c>
/// (JUnit XML, which CI systems and test report viewers read: one test case per example, its class the file it is in).
/// </summary>
internal static class ExampleResultWriters
{
    public static void WriteJson(TextWriter output, IReadOnlyList<ExampleResult> results)
    {
        output.WriteLine(IndentedJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("examples", results.Count);
            json.WriteNumber("passed", results.Count(r => r.Passed));
            json.WriteNumber("failed", results.Count(r => !r.Passed && !r.Broken));
            json.WriteNumber("errors", results.Count(r => r.Broken));
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("id", result.Id);
                json.WriteString("title", result.Title);
                json.WriteString("citation", result.Citation);
                json.WriteString("file", result.Span.Path);
                json.WriteNumber("line", result.Span.Line);
                json.WriteNumber("column", result.Span.Column);
                json.WriteString("outcome", Outcome(result));
                json.WriteStartArray("failures");
                foreach (var failure in result.Failures) json.WriteStringValue(failure);
                json.WriteEndArray();
                json.WriteStartArray("errors");
                foreach (var problem in result.Problems) json.WriteStringValue(problem);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    public static void WriteJUnit(TextWriter output, IReadOnlyList<ExampleResult> results)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("testsuites");
            Counts(xml, results);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "treaty examples");
            Counts(xml, results);
            foreach (var result in results)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", result.Span.Path);
                xml.WriteAttributeString("name", $"{result.Id}: {result.Title}");
                xml.WriteAttributeString("file", result.Span.Path);
                xml.WriteAttributeString("line", result.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (result.Broken)
                {
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", result.Problems.FirstOrDefault() ?? "the example could not run");
                    xml.WriteString(string.Join("\n", result.Problems));
                    xml.WriteEndElement();
                }
                else if (result.Failures.Count > 0)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", result.Failures[0]);
                    xml.WriteString($"{result.Span}\n{string.Join("\n", result.Failures)}\ncite: {result.Citation}");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        // XmlWriter over a StringBuilder declares UTF-16; the file is written as UTF-8.
        output.WriteLine(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""));
    }

    private static void Counts(XmlWriter xml, IReadOnlyList<ExampleResult> results)
    {
        xml.WriteAttributeString("tests", results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", results.Count(r => !r.Passed && !r.Broken).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", results.Count(r => r.Broken).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Outcome(ExampleResult result) => result.Passed ? "passed" : result.Broken ? "error" : "failed";
}
