using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TreatyDsl.Interpretation;
using TreatyDsl.Reporting;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Reporting;

/// <summary>
/// The case file's JSON Schema (<c>treaty schema</c>, committed as docs/case-file.schema.json), checked with a real JSON
/// Schema validator (JsonSchema.Net): every sample case validates, and the schema refuses what the reader refuses for a
/// fact's own value (wrong types, values not of an enum, country codes, malformed dates, empty or null-holding lists,
/// missing required facts) and accepts what it accepts.
/// </summary>
public class CaseFileSchemaTests
{
    private static readonly TreatyDsl.Binding.TreatyModel Model = TreatyLoader.LoadDirectory(Paths.Treaties, analyse: false);
    private static readonly FactSchema Reader = InterpretedCatalog.SchemaOf(Model.Vocabulary);
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Paths.Root, "docs", "case-file.schema.json")));

    private static bool Valid(string json) =>
        Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;

    private static bool Read(string json) => !CaseFileReader.Read(json, Reader).Refused;

    [Fact]
    public void The_committed_schema_is_the_one_the_shipped_vocabulary_gives()
    {
        var committed = File.ReadAllText(Path.Combine(Paths.Root, "docs", "case-file.schema.json")).Replace("\r\n", "\n");
        Assert.True(committed == CaseFileSchema.Write(Model.Vocabulary), "docs/case-file.schema.json is stale: run 'treaty schema treaties > docs/case-file.schema.json'");
    }

    [Fact]
    public void Treaty_schema_prints_the_committed_schema_for_the_shipped_treaties()
    {
        var output = new StringWriter();
        Assert.Equal(0, TreatyDsl.Cli.Program.Invoke(new[] { "schema", Paths.Treaties }, output, new StringWriter()));
        Assert.Equal(File.ReadAllText(Path.Combine(Paths.Root, "docs", "case-file.schema.json")).Replace("\r\n", "\n"), output.ToString());
    }

    [Fact]
    public void Every_sample_case_validates_and_the_reader_reads_it()
    {
        var samples = Directory.GetFiles(Paths.Samples, "*.json");
        Assert.NotEmpty(samples);
        Assert.All(samples, file =>
        {
            var json = File.ReadAllText(file);
            Assert.True(Read(json), file);
            Assert.True(Valid(json), file);
        });
    }

    private static readonly string Base = File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json"));

    private static string With(string path, JsonNode? value, bool remove = false)
    {
        var root = JsonNode.Parse(Base)!.AsObject();
        var segments = path.Split('.');
        var parent = root;
        foreach (var segment in segments.Take(segments.Length - 1)) parent = parent[segment]!.AsObject();
        if (remove) parent.Remove(segments[^1]);
        else parent[segments[^1]] = value;
        return root.ToJsonString();
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "a value not of its enum", With("sentence.type", "lifelong") },
        { "an unassigned country code", With("receivingCountry", "XX") },
        { "a country code in lower case", With("receivingCountry", "mx") },
        { "text for a boolean", With("judgment.final", "yes") },
        { "text for a number", With("prisoner.yearsResidentInSentencingCountry", "seven") },
        { "a month that does not exist", With("applicationDate", "2026-13-01") },
        { "a date not in YYYY-MM-DD", With("applicationDate", "15/01/2026") },
        { "an empty list that must hold one", With("offenses", new JsonArray()) },
        { "null inside a list", With("prisoner.nationalities", new JsonArray("MX", null)) },
        { "a number inside a list of countries", With("prisoner.nationalities", new JsonArray("MX", 5)) },
        { "a value for an object of facts", With("sentence", "determinate") },
        { "a required fact missing", With("sentencingCountry", null, remove: true) },
        { "a required fact null", With("receivingCountry", null) },
        { "a record's field of the wrong type", With("offenses", new JsonArray(new JsonObject { ["category"] = "drug", ["dualCriminality"] = "yes" })) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_schema_refuses_what_the_reader_refuses(string what, string json)
    {
        Assert.False(Read(json), $"the reader should refuse {what}");
        Assert.False(Valid(json), $"the schema should refuse {what}");
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { "a property no fact reads", With("notes", "called the consulate") },
        { "an object of facts null", With("sentence", null) },
        { "a fact null", With("consent.state", null) },
        { "a fact absent", With("exceptionalCircumstances", null, remove: true) },
        { "a record's field absent", With("offenses", new JsonArray(new JsonObject { ["category"] = "drug" })) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_schema_accepts_what_the_reader_accepts(string what, string json)
    {
        Assert.True(Read(json), $"the reader should accept {what}");
        Assert.True(Valid(json), $"the schema should accept {what}");
    }
}
