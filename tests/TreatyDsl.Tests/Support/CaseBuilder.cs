using System.IO;
using System.Text.Json.Nodes;
using TreatyDsl.Cli;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests;

/// <summary>
/// A complete, eligible case file (samples/cases/mx-eligible.json) to change one fact at a time, evaluated by the
/// generated validators after checking that the interpreter gives the identical report.
/// </summary>
internal sealed class CaseBuilder
{
    private static readonly TreatyCatalog Interpreted = InterpretedCatalog.Create(TreatyLoader.LoadDirectory(Paths.Treaties));

    private readonly JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Samples, "mx-eligible.json")))!.AsObject();

    /// <summary>A prisoner of <paramref name="country"/> held by the US, asking to go home.</summary>
    public static CaseBuilder Outgoing(string country) =>
        new CaseBuilder().Set("receivingCountry", country).Set("prisoner.nationalities", new JsonArray(country));

    /// <summary>A US national held in <paramref name="country"/>, asking to come home.</summary>
    public static CaseBuilder Incoming(string country) =>
        new CaseBuilder().Set("sentencingCountry", country).Set("receivingCountry", "US").Set("custody", "foreign")
            .Set("prisoner.nationalities", new JsonArray("US"));

    /// <summary>Sets (or with null, removes) the fact at a dotted path.</summary>
    public CaseBuilder Set(string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var target = json;
        for (var i = 0; i < parts.Length - 1; i++) target = target[parts[i]]!.AsObject();
        if (value is null) target.Remove(parts[^1]);
        else target[parts[^1]] = value;
        return this;
    }

    /// <summary>Makes the fact at a dotted path unknown by removing it.</summary>
    public CaseBuilder Remove(string path) => Set(path, (JsonNode?)null);

    public CaseBuilder Set(string path, string value) => Set(path, JsonValue.Create(value));

    public CaseBuilder Set(string path, bool value) => Set(path, JsonValue.Create(value));

    public CaseBuilder Set(string path, int value) => Set(path, JsonValue.Create(value));

    /// <summary>Sets every offence's category.</summary>
    public CaseBuilder Offenses(params string[] categories)
    {
        var offenses = new JsonArray();
        foreach (var category in categories)
        {
            offenses.Add(new JsonObject
            {
                ["description"] = category + " offence",
                ["category"] = category,
                ["dualCriminality"] = true,
                ["sentenceServed"] = false,
            });
        }
        return Set("offenses", offenses);
    }

    /// <summary>The case file as it stands.</summary>
    public string Json => json.ToJsonString();

    /// <summary>The case file read by the generated reader, after checking that the interpreter's schema reads it alike.</summary>
    public CaseFileResult Read()
    {
        var text = json.ToJsonString();
        var generated = CaseFileReader.Read(text, global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog.Schema);
        var interpreted = CaseFileReader.Read(text, Interpreted.Schema);
        Assert.Equal(interpreted.Errors, generated.Errors);
        return generated;
    }

    public CaseReport Evaluate()
    {
        var text = json.ToJsonString();
        var generated = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;
        var report = CaseEvaluator.Evaluate(generated, CaseFileReader.Read(text, generated.Schema).Facts!);
        var reference = CaseEvaluator.Evaluate(Interpreted, CaseFileReader.Read(text, Interpreted.Schema).Facts!);
        Assert.Equal(JsonReportWriter.ToJsonLine(reference), JsonReportWriter.ToJsonLine(report));
        return report;
    }
}
