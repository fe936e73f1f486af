using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TreatyDsl.Cli;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary>
/// A case file that is not text, names a country that does not exist, or has a date at the calendar's end is refused
/// with its file and JSON path (or byte offset), or evaluated sensibly; either way the other cases of the batch still run.
/// </summary>
public class HostileCaseFileTests
{
    private static readonly FactSchema Schema = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Schema;

    private static string Sample => File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json"));

    private static (int Exit, string Output, string Errors) Eval(params string[] files)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Invoke(new[] { "eval" }.Concat(files).Append("--json").ToArray(), output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static string TempFile(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cases-").FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string TempFile(string name, string text) => TempFile(name, Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("\"id\": \"A-2026-0001\"", "\"id\": \"\\ud800\"", "$.id: \"\\ud800\" contains an unpaired UTF-16 surrogate, which is not text")]
    [InlineData("\"custody\": \"federal\"", "\"custody\": \"fed\\udfffral\"", "$.custody: \"fed\\udfffral\" contains an unpaired UTF-16 surrogate, which is not text")]
    [InlineData("\"id\": \"A-2026-0001\"", "\"id\": \"A-2026-0001\", \"\\ud800\": 1", "$: a property name contains an unpaired UTF-16 surrogate, which is not text")]
    [InlineData("\"sentencingCountry\": \"US\"", "\"sentencingCountry\": \"XX\"", "$.sentencingCountry: \"XX\" is not an assigned ISO 3166-1 alpha-2 country code")]
    [InlineData("\"receivingCountry\": \"MX\"", "\"receivingCountry\": \"ZZ\"", "$.receivingCountry: \"ZZ\" is not an assigned ISO 3166-1 alpha-2 country code")]
    [InlineData("\"nationalities\": [\"MX\"]", "\"nationalities\": [\"MX\", \"XK\"]", "$.prisoner.nationalities[1]: \"XK\" is not an assigned ISO 3166-1 alpha-2 country code")]
    public void A_file_that_is_not_text_or_names_no_country_is_refused_with_its_JSON_path(string original, string replacement, string error)
    {
        Assert.Contains(original, Sample);

        var read = CaseFileReader.Read(Sample.Replace(original, replacement), Schema);

        Assert.True(read.Refused);
        Assert.Contains(error, read.Errors);
    }

    [Theory]
    [InlineData("\"custody\": \"federal\"", "\"custody\": \"federal\", \"custody\": \"state\"", "$.custody")]
    [InlineData("\"custody\": \"federal\"", "\"custody\": \"federal\", \"cust\\u006fdy\": \"federal\"", "$.custody")]
    [InlineData("\"consent\": {", "\"consent\": { \"prisoner\": false,", "$.consent.prisoner")]
    [InlineData("\"custody\": \"federal\"", "\"custody\": \"federal\", \"note\": 1, \"note\": 2", "$.note")]
    public void A_property_given_twice_is_refused_with_its_JSON_path_and_the_generated_reader_declines_it_too(string original, string replacement, string path)
    {
        Assert.Contains(original, Sample);
        var text = Sample.Replace(original, replacement);

        var read = CaseFileReader.Read(text, Schema);

        Assert.True(read.Refused);
        Assert.Equal($"{path}: given more than once; a case file gives each property once, so which value is meant is not known", Assert.Single(read.Errors));
        Assert.False(global::TreatyDsl.Cli.Treaties.TreatyCaseReader.TryRead(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void A_list_longer_than_a_case_may_hold_is_refused_by_both_readers_with_its_path()
    {
        var text = Sample.Replace("\"nationalities\": [\"MX\"]", "\"nationalities\": [" + string.Join(",", Enumerable.Repeat("\"MX\"", CaseFileReader.MaxListEntries + 1)) + "]", StringComparison.Ordinal);
        Assert.NotEqual(Sample, text);

        var read = CaseFileReader.Read(text, Schema);

        Assert.Equal("$.prisoner.nationalities: holds 10,001 entries, more than the 10,000 a list in a case may hold", Assert.Single(read.Errors));
        Assert.False(global::TreatyDsl.Cli.Treaties.TreatyCaseReader.TryRead(Encoding.UTF8.GetBytes(text), out _));
        Assert.False(CaseFileReader.Read(Sample.Replace("\"nationalities\": [\"MX\"]", "\"nationalities\": [" + string.Join(",", Enumerable.Repeat("\"MX\"", CaseFileReader.MaxListEntries)) + "]", StringComparison.Ordinal), Schema).Refused);
    }

    [Fact]
    public void Text_a_fact_reads_longer_than_a_megabyte_is_refused_by_both_readers_and_unknown_text_as_long_is_only_warned_about()
    {
        var longText = new string('x', CaseFileReader.MaxTextBytes + 1);
        var known = Sample.Replace("\"A-2026-0001\"", "\"" + longText + "\"", StringComparison.Ordinal);
        var unknown = Sample.Replace("\"custody\": \"federal\"", "\"custody\": \"federal\", \"notes\": \"" + longText + "\"", StringComparison.Ordinal);

        Assert.Equal("$.id: text of 1,048,577 bytes, longer than the 1,048,576 a case's text may be", Assert.Single(CaseFileReader.Read(known, Schema).Errors));
        Assert.False(global::TreatyDsl.Cli.Treaties.TreatyCaseReader.TryRead(Encoding.UTF8.GetBytes(known), out _));
        var read = CaseFileReader.Read(unknown, Schema);
        Assert.False(read.Refused);
        Assert.Equal("$.notes: unknown property, ignored", Assert.Single(read.Warnings));
    }

    [Fact]
    public void Values_no_fact_reads_are_warned_about_in_place_inside_records_too_and_the_facts_are_read_as_without_them()
    {
        var padded = Sample.Replace("\"dualCriminality\": true", "\"dualCriminality\": true, \"extra\": [[1, 2], {\"deep\": [3]}]", StringComparison.Ordinal)
            .Replace("\"custody\": \"federal\"", "\"custody\": \"federal\", \"padding\": {\"a\": [1, 2, 3]}", StringComparison.Ordinal);
        Assert.NotEqual(Sample, padded);

        var read = CaseFileReader.Read(padded, Schema);
        var plain = CaseFileReader.Read(Sample, Schema);

        Assert.Equal(new[] { "$.offenses[0].extra: unknown property, ignored", "$.padding: unknown property, ignored" }, read.Warnings);
        foreach (var fact in Schema.Facts) Assert.Equal(Show(plain.Facts![fact.Path]), Show(read.Facts![fact.Path]));
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => text,
        System.Collections.Generic.IReadOnlyDictionary<string, object?> record => "{" + string.Join(",", record.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Show(p.Value))) + "}",
        System.Collections.IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString()!,
    };

    [Fact]
    public void A_case_file_with_a_property_given_twice_is_refused_by_name_and_path_and_the_next_file_still_runs()
    {
        var twice = TempFile("twice.json", Sample.Replace("\"custody\": \"federal\"", "\"custody\": \"federal\", \"custody\": \"state\"", StringComparison.Ordinal));
        var good = TempFile("good.json", Sample);

        var (exit, output, errors) = Eval(twice, good);

        Assert.Equal(2, exit);
        Assert.Contains($"{twice}: $.custody: given more than once", errors, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_refused_with_their_byte_offset_not_replaced()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample.Replace("A-2026-0001", "A-2026-000?"));
        var offset = Array.IndexOf(bytes, (byte)'?');
        bytes[offset] = 0xFF;

        var read = CaseFileReader.Read(bytes, Schema);

        Assert.True(read.Refused);
        Assert.Equal($"$: not UTF-8: 0xFF at byte offset {offset} is not valid UTF-8; save the file as UTF-8", Assert.Single(read.Errors));
    }

    [Fact]
    public void A_UTF_16_file_is_refused_and_a_UTF_8_byte_order_mark_is_not()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray();
        var utf8WithMark = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();

        Assert.Equal("$: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", Assert.Single(CaseFileReader.Read(utf16, Schema).Errors));
        Assert.False(CaseFileReader.Read(utf8WithMark, Schema).Refused);
    }

    [Fact]
    public void An_application_date_in_9999_is_evaluated_as_too_little_time_remaining()
    {
        var read = CaseFileReader.Read(Sample.Replace("\"applicationDate\": \"2026-01-15\"", "\"applicationDate\": \"9999-12-01\""), Schema);
        Assert.False(read.Refused, string.Join("\n", read.Errors));

        var report = CaseEvaluator.Evaluate(global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog, read.Facts!);

        var usMx = report.Instruments.Single(i => i.Id == "us-mx");
        Assert.Equal(Outcome.NotMet, usMx.Requirements.Single(r => r.Id == "min-remaining").Outcome);
        Assert.Equal(Verdict.Ineligible, report.Verdict);
    }

    [Fact]
    public void A_batch_with_every_kind_of_bad_file_refuses_each_by_name_and_evaluates_the_rest()
    {
        var surrogate = TempFile("surrogate.json", Sample.Replace("\"A-2026-0001\"", "\"\\ud800\""));
        var farFuture = TempFile("far-future.json", Sample.Replace("2026-01-15", "9999-12-01"));
        var latin1 = TempFile("latin1.json", Encoding.Latin1.GetBytes(Sample.Replace("A-2026-0001", "A-2026-é")));
        var noCountry = TempFile("no-country.json", Sample.Replace("\"receivingCountry\": \"MX\"", "\"receivingCountry\": \"XX\""));
        var good = Path.Combine(Paths.Samples, "mx-eligible.json");

        var (exit, output, errors) = Eval(surrogate, farFuture, latin1, noCountry, good);

        Assert.Equal(2, exit);
        Assert.Contains($"{surrogate}: $.id: \"\\ud800\" contains an unpaired UTF-16 surrogate, which is not text", errors);
        Assert.Contains($"{latin1}: $: not UTF-8: 0xE9 at byte offset", errors);
        Assert.Contains($"{noCountry}: $.receivingCountry: \"XX\" is not an assigned ISO 3166-1 alpha-2 country code", errors);
        var verdicts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("verdict").GetString()).ToList();
        Assert.Equal(new[] { "ineligible", "eligible" }, verdicts);
    }

    [Fact]
    public void A_transfer_between_two_foreign_states_is_no_treaty_with_a_note_citing_the_program()
    {
        var read = CaseFileReader.Read(Sample.Replace("\"sentencingCountry\": \"US\"", "\"sentencingCountry\": \"FR\"").Replace("\"receivingCountry\": \"MX\"", "\"receivingCountry\": \"DE\""), Schema);

        var report = CaseEvaluator.Evaluate(global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog, read.Facts!);

        Assert.Equal(Verdict.NoTreaty, report.Verdict);
        Assert.Empty(report.Instruments);
        Assert.Equal(
            "Neither the sentencing country (FR) nor the receiving country (DE) is the United States: the transfer program covers transfers between the United States and another country (7 FAM 481.2 b(1)), so no instrument was evaluated",
            Assert.Single(report.Notes));
    }

    [Fact]
    public void Without_the_application_date_a_case_with_no_treaty_in_force_is_undetermined_not_ineligible()
    {
        // Before any instrument between the US and Mexico was in force, and the prisoner does not consent.
        var before = CaseBuilder.Outgoing("MX").Set("applicationDate", "1970-01-15").Set("consent.prisoner", false);
        Assert.Equal(Verdict.NoTreaty, before.Evaluate().Verdict);

        var report = before.Remove("applicationDate").Evaluate();

        Assert.Equal(Verdict.Undetermined, report.Verdict);
        Assert.All(report.Instruments, i => Assert.Equal(Outcome.Unknown, i.Requirements.Single(r => r.Id == CaseEvaluator.InForceRequirement).Outcome));
    }
}
