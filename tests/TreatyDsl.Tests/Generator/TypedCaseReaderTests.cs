using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using TreatyDsl.Cli;
using TreatyDsl.Cli.Treaties;
using TreatyDsl.Runtime;
using TreatyDsl.Tests.Fuzzing;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The case file reader the generator emits (TreatyCaseReader) reads sound case files straight into TreatyCase, and
/// leaves every other file to the general reader, so what a file reads as, and every message about it, is unchanged.
/// </summary>
public class TypedCaseReaderTests
{
    private static IEnumerable<string> Samples() => Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, StringComparer.Ordinal);

    [Fact]
    public void Every_sample_case_is_read_by_the_generated_reader()
    {
        foreach (var sample in Samples())
        {
            Assert.True(TreatyCaseReader.TryRead(File.ReadAllBytes(sample), out var read), sample);
            Assert.Equal(JsonNode.Parse(File.ReadAllText(sample))!["id"]!.GetValue<string>(), read!.Id);
        }
    }

    [Fact]
    public void A_case_with_comments_is_read_by_the_generated_reader_as_the_same_case_without_them()
    {
        // A plain line is read by the lexer (CaseLexer); one with comments is declined by it and read by the library's
        // reader, and a '/' in a value is plain: each must be read, with the same facts.
        var plain = File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json"));
        var commented = "// a caseworker's note\n" + plain.Replace("{", "{ /* opened */", StringComparison.Ordinal);
        var slashInValue = plain.Replace("\"A-2026-0001\"", "\"A/2026/0001\"", StringComparison.Ordinal);
        Assert.NotEqual(plain, slashInValue);
        foreach (var text in new[] { plain, commented, slashInValue })
        {
            Assert.True(TreatyCaseReader.TryRead(Encoding.UTF8.GetBytes(text), out _), text);
        }
        Assert.Equal(ReportLine(plain), ReportLine(commented));
        Assert.Equal(ReportLine(plain), ReportLine(slashInValue).Replace("\"A/2026/0001\"", "\"A-2026-0001\"", StringComparison.Ordinal));
    }

    private static string ReportLine(string json) =>
        JsonReportWriter.ToJsonLine(CaseEvaluator.Evaluate(GeneratedTreaties.Catalog, CaseFileReader.Read(Encoding.UTF8.GetBytes(json), GeneratedTreaties.Schema).Facts!));

    [Fact]
    public void Every_hostile_value_at_every_fact_path_reads_as_the_general_reader_alone_reads_it()
    {
        // Each sample-like case with one fact replaced by each value at the edge of some type: wrong kinds, unassigned
        // codes, impossible dates, escapes, huge numbers, lone surrogates. The check: same errors, warnings, facts, report.
        var sample = File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json"));
        var failures = new List<string>();
        var read = 0;
        foreach (var fact in GeneratedTreaties.Schema.Facts)
        {
            foreach (var value in FuzzTargets.HostileValues.Append("\"st\\u0061te\"").Append("\"MX\"").Append("\"2026-01-31\"").Append("12.50"))
            {
                var node = JsonNode.Parse(sample)!.AsObject();
                CaseGenerator.Set(node, fact.Path, JsonValue.Create("@value@"));
                var json = node.ToJsonString().Replace("\"@value@\"", value, StringComparison.Ordinal);
                if (TreatyCaseReader.TryRead(Encoding.UTF8.GetBytes(json), out _)) read++;
                try
                {
                    FuzzTargets.TypedReader(json);
                }
                catch (InvalidOperationException ex)
                {
                    failures.Add($"{fact.Path} = {value}: {ex.Message}");
                }
            }
        }
        Assert.Empty(failures);
        Assert.True(read > 50, $"the generated reader read only {read} of the edited cases itself, so this test would prove little");
    }

    [Theory]
    [InlineData("{\"id\":\"A\",\"sentencingCountry\":\"US\",\"receivingCountry\":\"MX\",\"colour\":\"blue\"}", "", "$.colour: unknown property, ignored")]
    [InlineData("{\"id\":\"A\",\"sentencingCountry\":\"US\",\"receivingCountry\":\"XX\"}", "$.receivingCountry: \"XX\" is not an assigned ISO 3166-1 alpha-2 country code", "")]
    [InlineData("{\"id\":\"A\",\"sentencingCountry\":\"US\",\"receivingCountry\":\"MX\",\"sentence\":{\"fullTermDate\":\"2031-02-29\"}}", "$.sentence.fullTermDate: \"2031-02-29\" is not a date", "")]
    [InlineData("{\"id\":\"A\",\"sentencingCountry\":\"US\",\"receivingCountry\":\"MX\",\"offenses\":[]}", "$.offenses: must hold at least one entry", "")]
    [InlineData("{\"sentencingCountry\":\"US\",\"receivingCountry\":\"MX\"}", "$.id: required, but missing", "")]
    public void A_file_the_general_reader_refuses_or_warns_about_is_declined_and_keeps_its_message(string json, string error, string warning)
    {
        Assert.False(TreatyCaseReader.TryRead(Encoding.UTF8.GetBytes(json), out _));

        var read = CaseFileReader.Read(json, GeneratedTreaties.Schema);

        Assert.Equal(error.Length == 0 ? Array.Empty<string>() : new[] { error }, read.Errors);
        Assert.Equal(warning.Length == 0 ? Array.Empty<string>() : new[] { warning }, read.Warnings);
    }

    [Fact]
    public void A_typed_case_answers_by_path_in_the_general_readers_shapes_and_takes_supplied_facts()
    {
        var read = CaseFileReader.Read(File.ReadAllBytes(Path.Combine(Paths.Samples, "mx-eligible.json")), GeneratedTreaties.Schema);
        var facts = read.Facts!;

        Assert.Equal("federal", facts["custody"]);
        Assert.Equal(new object?[] { "MX" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(facts["prisoner.nationalities"]));
        var offense = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.IsAssignableFrom<IReadOnlyList<object?>>(facts["offenses"])[0]);
        Assert.Equal("drug", offense["category"]);

        var supplied = facts.With("receivingNationality", "NL").With("custody", null);
        var typed = TreatyCase.FromFacts(supplied);
        Assert.Equal("NL", typed.ReceivingNationality);
        Assert.Null(typed.Custody);
        Assert.Equal(Custody.Federal, TreatyCase.FromFacts(facts).Custody);
        Assert.Same(typed, TreatyCase.FromFacts(supplied)); // made once per CaseFacts
    }

    [Fact]
    public void A_typed_case_gives_each_records_field_as_the_general_readers_facts_give_it()
    {
        var fields = new[] { "description", "category", "dualCriminality", "sentenceServed", "noSuchField" };
        foreach (var sample in Samples())
        {
            var bytes = File.ReadAllBytes(sample);
            var typed = CaseFileReader.Read(bytes, GeneratedTreaties.Schema).Facts!;
            Assert.True(TreatyCaseReader.TryRead(bytes, out _), sample); // read by the generated reader, so the typed case answers
            var general = CaseFileReader.Read(bytes, new FactSchema(GeneratedTreaties.Schema.Facts)).Facts!; // no typed reader: facts by path
            foreach (var field in fields)
            {
                var expected = CaseFactLists.FieldOfEach(general["offenses"], field);
                Assert.Equal(expected, typed.FieldOfEach("offenses", field));
                Assert.Equal(expected, general.FieldOfEach("offenses", field));
            }
            // Not a list of records: the general shapes' answer, null.
            Assert.Null(typed.FieldOfEach("prisoner.nationalities", "category"));
            Assert.Null(typed.FieldOfEach("no.such.list", "category"));
        }

        // A list supplied after reading is read from the supplied facts, not from the typed case.
        var facts = CaseFileReader.Read(File.ReadAllBytes(Path.Combine(Paths.Samples, "mx-eligible.json")), GeneratedTreaties.Schema).Facts!;
        var supplied = facts.With("offenses", new object?[] { new Dictionary<string, object?> { ["sentenceServed"] = true }, new Dictionary<string, object?>() });
        Assert.Equal(new object?[] { true, null }, supplied.FieldOfEach("offenses", "sentenceServed"));
        Assert.Null(facts.With("offenses", new object?[] { "not a record" }).FieldOfEach("offenses", "sentenceServed"));
    }

    [Fact]
    public void A_fact_supplied_inside_a_group_makes_that_group_anew_keeping_its_other_facts_and_shares_the_untouched_groups()
    {
        var facts = CaseFileReader.Read(File.ReadAllBytes(Path.Combine(Paths.Samples, "mx-eligible.json")), GeneratedTreaties.Schema).Facts!;
        var original = TreatyCase.FromFacts(facts);
        Assert.Null(original.Consent.State); // so that the supplied fact is seen to change it
        Assert.Equal(SentenceType.Determinate, original.Sentence.Type);

        var typed = TreatyCase.FromFacts(facts.With("consent.state", true).With("sentence.type", "life").With("no.such.fact", "ignored"));

        Assert.True(typed.Consent.State);
        Assert.Equal(original.Consent.Prisoner, typed.Consent.Prisoner);
        Assert.Equal(original.Consent.ReceivingCountry, typed.Consent.ReceivingCountry);
        Assert.NotSame(original.Consent, typed.Consent);
        Assert.Equal(SentenceType.Life, typed.Sentence.Type);
        Assert.Equal(original.Sentence.FullTermDate, typed.Sentence.FullTermDate);
        Assert.Same(original.Prisoner, typed.Prisoner);
        Assert.Same(original.Judgment, typed.Judgment);
        Assert.Same(original.Offenses, typed.Offenses);
        Assert.Equal(original.Id, typed.Id);
    }
}

/// <summary>The generated reader of a vocabulary that uses every kind of fact: it reads, in the general reader's shapes.</summary>
public class TypedCaseReaderVocabularyTests
{
    private const string Vocabulary = """
        vocabulary every-kind cite "c"
        enum colour: red, dark-blue
        record part
          name: text
          shade: colour
          size: number
        record whole
          part: part
          parts: list of part
          tags: list of text
        fact id: text required
        fact flag: bool
        fact amount: number
        fact day: date
        fact home: country
        fact shade: colour
        fact wholes: list of whole nonempty
        fact days: list of date
        fact amounts: list of number
        fact flags: list of bool
        fact shades: list of colour
        fact homes: list of country
        fact deep.er.still: text
        fact deep.er.flag: bool
        fact deep.top: number
        """;

    private const string Case = """
        { "id": "K-1", "flag": true, "amount": 12.50, "day": "2024-02-29", "home": "NL", "shade": "dark-blue",
          "wholes": [ { "part": { "name": "a", "shade": "red", "size": -1 }, "parts": [ { "name": "b" }, { "size": 1e3 } ], "tags": [ "x", "y" ] }, { "tags": [] }, { "part": null } ],
          "days": [ "2026-01-31" ], "amounts": [ 0, -0.5 ], "flags": [ false, true ], "shades": [ "red" ], "homes": [ "MX", "US" ],
          "deep": { "er": { "still": "s\u00e9", "flag": null }, "top": 3 } }
        """;

    [Fact]
    public void The_generated_reader_of_every_kind_of_fact_reads_what_the_general_reader_reads()
    {
        var compilation = GeneratorHarness.Generate(new Microsoft.CodeAnalysis.AdditionalText[] { new GeneratorHarness.TreatyText("v.treaty", Vocabulary) }, out var diagnostics);
        Assert.Empty(diagnostics);
        var schema = GeneratorHarness.LoadCatalog(compilation).Schema;

        Assert.True(schema.TypedReader!.TryRead(Encoding.UTF8.GetBytes(Case), out _));
        var typed = CaseFileReader.Read(Case, schema);
        var general = CaseFileReader.Read(Case, new FactSchema(schema.Facts));
        Assert.Empty(general.Errors);
        Assert.Empty(general.Warnings);
        foreach (var fact in schema.Facts)
        {
            Assert.Equal(FuzzTargets.FactText(general.Facts![fact.Path]), FuzzTargets.FactText(typed.Facts![fact.Path]));
        }
        var whole = (IReadOnlyDictionary<string, object?>)((IReadOnlyList<object?>)typed.Facts!["wholes"]!)[0]!;
        Assert.Equal("{name=string:b}", FuzzTargets.FactText(((IReadOnlyList<object?>)whole["parts"]!)[0]));
    }
}
