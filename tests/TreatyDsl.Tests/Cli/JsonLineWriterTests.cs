using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TreatyDsl.Cli;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary>
/// The report lines are written as fragments, not through <see cref="Utf8JsonWriter"/>; these tests hold them to the
/// bytes <see cref="Utf8JsonWriter"/> writes (compact, default escaping), which is what `eval --json` wrote before.
/// </summary>
public class JsonLineWriterTests
{
    /// <summary>The JSON read and written back by <see cref="Utf8JsonWriter"/>: the same bytes only if they were already its.</summary>
    private static string RewrittenByUtf8JsonWriter(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) document.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Utf8JsonWriterString(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) writer.WriteStringValue(text);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Every_sample_report_line_is_valid_json_in_the_bytes_Utf8JsonWriter_writes()
    {
        var catalog = TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;
        var files = Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var line = JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(catalog, CaseFileReader.Read(File.ReadAllBytes(file), catalog.Schema).Facts!));
            Assert.Equal(RewrittenByUtf8JsonWriter(line), line);
        }
    }

    [Theory]
    [InlineData("receivingCountry is MX", "judgment.final is true")] // ASCII JSON writes as it is: copied from the narrowed buffer
    [InlineData("description is O'Brien's", "é and \"quoted\" and +")] // escapes and non-ASCII: each written on its own
    public void Kept_explanations_are_written_as_the_string_writer_writes_them_whether_narrowed_together_or_alone(string first, string second)
    {
        var kept = new ExplanationBuffer();
        var at = kept.Keep(first.AsSpan());
        var next = kept.Keep(second.AsSpan());
        var writer = new JsonLineWriter();
        writer.TranscodeKept(kept);
        IExplanationWriter explanations = writer;
        explanations.Write(kept.Kept.Slice(at, first.Length));
        writer.Raw((byte)',');
        explanations.Write(kept.Kept.Slice(next, second.Length));
        writer.Raw((byte)',');
        explanations.Write("not kept: it's written alone".AsSpan()); // not a slice of the buffer
        writer.Raw((byte)',');
        explanations.Write(kept.Kept.Slice(next, 3)); // the start of one
        writer.Raw((byte)',');
        explanations.Write(ReadOnlySpan<char>.Empty);

        var expected = string.Join(",", new[] { first, second, "not kept: it's written alone", second.Substring(0, 3), "" }.Select(Utf8JsonWriterString));
        Assert.Equal(expected, Encoding.UTF8.GetString(writer.Written));
    }

    [Fact]
    public void An_explanation_kept_after_the_buffer_was_narrowed_is_written_alone()
    {
        var kept = new ExplanationBuffer();
        kept.Keep("before".AsSpan());
        var writer = new JsonLineWriter();
        writer.TranscodeKept(kept);
        var later = kept.Keep("kept later".AsSpan()); // past what was narrowed (or moved by the buffer growing)
        ((IExplanationWriter)writer).Write(kept.Kept.Slice(later, "kept later".Length));
        Assert.Equal("\"kept later\"", Encoding.UTF8.GetString(writer.Written));
    }

    [Fact]
    public void A_report_with_every_kind_of_value_is_written_as_Utf8JsonWriter_writes_it()
    {
        // Texts that need escaping in every field the writer fills: quotes, HTML characters, controls, non-ASCII, a surrogate pair.
        const string awkward = "\"<a href='x'>&</a>\" +`\\ \u0001\t\n é — 😀 \u007f";
        var result = new RequirementResult("id-" + awkward, "text " + awkward, "cite " + awkward, Outcome.Unknown, "explained " + awkward, new[] { "fact." + awkward, "other" });
        var raised = new RequirementResult("review", "t", "c", Outcome.NotMet, "e", Array.Empty<string>());
        var ruledOut = new RequirementResult("ruled-out", "t", "c", Outcome.Met, "e", Array.Empty<string>());
        var instrument = new InstrumentReport("in" + awkward, "title " + awkward, Verdict.Undetermined, false, new[] { result, result }, new[] { "m" + awkward })
        {
            Reviews = new[] { ruledOut, raised },
        };
        var report = new CaseReport("case " + awkward, Verdict.Undetermined, null, new[] { instrument, instrument },
            new[] { new AdvisoryItem("f" + awkward, AdvisoryWeighs.Either, "c" + awkward, "e" + awkward, "t" + awkward) }, new[] { "note " + awkward, "" });

        var line = JsonReportWriter.ToJsonLine(report);

        Assert.Equal(RewrittenByUtf8JsonWriter(line), line);
        using var document = JsonDocument.Parse(line);
        Assert.Equal("case " + awkward, document.RootElement.GetProperty("case").GetString());
        var review = Assert.Single(document.RootElement.GetProperty("instruments")[0].GetProperty("review").EnumerateArray());
        Assert.Equal(JsonReportWriter.NeedsReview, review.GetProperty("outcome").GetString());
    }

    [Fact]
    public void A_rule_text_seen_with_another_citation_or_id_is_written_with_its_own_and_one_writer_serves_many_reports()
    {
        const string text = "The prisoner is a citizen or national of the country to which transfer is sought.";
        var plain = new RequirementResult("nationality", text, "7 FAM 481.2 b(2)", Outcome.Met, "e1", Array.Empty<string>());
        var exception = new RequirementResult("nationality", text, "7 FAM 481.2 b(2); 7 FAM Exhibit 481, Table A", Outcome.Met, "e2", Array.Empty<string>());
        var renamed = new RequirementResult("citizenship", text, "7 FAM 481.2 b(2)", Outcome.NotMet, "e3", new[] { "prisoner.nationalities" });
        CaseReport Report(RequirementResult result) => new("c", Verdict.Eligible, "x",
            new[] { new InstrumentReport("x", "X", Verdict.Eligible, true, new[] { result }, Array.Empty<string>()) }, Array.Empty<AdvisoryItem>(), Array.Empty<string>());

        var shared = new JsonReportWriter(new JsonLineWriter());
        foreach (var result in new[] { plain, exception, renamed, plain })
        {
            shared.Line.Clear();
            shared.Write(Report(result));
            var line = Encoding.UTF8.GetString(shared.Line.Written);

            Assert.Equal(JsonReportWriter.ToJsonLine(Report(result)), line);
            Assert.Equal(RewrittenByUtf8JsonWriter(line), line);
            using var document = JsonDocument.Parse(line);
            var written = document.RootElement.GetProperty("instruments")[0].GetProperty("requirements")[0];
            Assert.Equal((result.Id, result.Citation, result.Explanation), (written.GetProperty("id").GetString(), written.GetProperty("citation").GetString(), written.GetProperty("explanation").GetString()));
        }
    }

    [Fact]
    public void More_citations_of_one_rule_text_than_are_kept_are_each_still_written_with_their_own()
    {
        var shared = new JsonReportWriter(new JsonLineWriter());
        for (var round = 0; round < 2; round++)
        {
            for (var n = 0; n < 100; n++) // past the 64 variants kept per text
            {
                var result = new RequirementResult("rule", "one text", "citation " + n, Outcome.Met, "e", Array.Empty<string>());
                var report = new CaseReport("c", Verdict.Eligible, "x",
                    new[] { new InstrumentReport("x", "X", Verdict.Eligible, true, new[] { result }, Array.Empty<string>()) }, Array.Empty<AdvisoryItem>(), Array.Empty<string>());
                shared.Line.Clear();
                shared.Write(report);

                Assert.Equal(JsonReportWriter.ToJsonLine(report), Encoding.UTF8.GetString(shared.Line.Written));
            }
        }
    }

    [Fact]
    public void Strings_are_escaped_exactly_as_Utf8JsonWriter_escapes_them_whether_known_or_not()
    {
        var random = new Random(20261124);
        // Every character up to U+024F, a few further ones, and a surrogate pair as one piece (its halves alone are not valid UTF-16).
        var alphabet = Enumerable.Range(0, 0x250).Select(c => ((char)c).ToString()).Concat(new[] { "—", "€", "😀", "\u2028", "\u2029", "\ufeff" }).ToArray();
        var line = new JsonLineWriter(256);
        for (var round = 0; round < 2000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var expected = Utf8JsonWriterString(text);

            line.Clear();
            line.String(text);
            Assert.Equal(expected, Encoding.UTF8.GetString(line.Written));
            line.Clear();
            line.Known(text);
            line.Known(text); // the second time from what was kept
            Assert.Equal(expected + expected, Encoding.UTF8.GetString(line.Written));
        }
    }

    [Fact]
    public void Ascii_strings_are_escaped_exactly_as_Utf8JsonWriter_escapes_them()
    {
        // ASCII text that needs escaping is escaped by the line writer itself, a character at a time (the random strings
        // above are nearly all non-ASCII, which takes another path): every ASCII character, in random strings.
        var random = new Random(20261123);
        var line = new JsonLineWriter(256);
        var escaped = 0;
        for (var round = 0; round < 2000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => (char)random.Next(random.Next(2) == 0 ? 128 : 0x20)).ToArray());
            var expected = Utf8JsonWriterString(text);
            if (expected.Length != text.Length + 2) escaped++;

            line.Clear();
            line.String(text);
            Assert.Equal(expected, Encoding.UTF8.GetString(line.Written));
        }
        Assert.True(escaped > 1000, $"only {escaped} strings needed escaping, so the test would prove little");
    }

    [Fact]
    public void Half_a_surrogate_pair_is_written_as_Utf8JsonWriter_writes_it()
    {
        foreach (var text in new[] { "lone \ud800 half", "\udc00", "pair reversed \ude00\ud83d" })
        {
            var line = new JsonLineWriter();
            line.String(text);
            line.Known(text);
            Assert.Equal(Utf8JsonWriterString(text) + Utf8JsonWriterString(text), Encoding.UTF8.GetString(line.Written));
        }
    }

    [Fact]
    public void The_buffer_grows_past_its_first_size_and_keeps_what_was_written()
    {
        var line = new JsonLineWriter(256);
        var long1 = new string('x', 1000);
        var long2 = new string('é', 1000);
        line.String(long1);
        line.Raw((byte)',');
        line.Known(long2);

        Assert.Equal(Utf8JsonWriterString(long1) + "," + Utf8JsonWriterString(long2), Encoding.UTF8.GetString(line.Written));
        Assert.Equal(line.Written.Length, line.Length);
    }

    [Fact]
    public void Null_strings_and_booleans_are_json_literals()
    {
        var line = new JsonLineWriter();
        line.String(null);
        line.Raw((byte)',');
        line.Boolean(true);
        line.Raw((byte)',');
        line.Boolean(false);
        line.Raw((byte)',');
        line.Known(null);

        Assert.Equal("null,true,false,null", Encoding.UTF8.GetString(line.Written));
    }
}
