using System;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using TreatyDsl.Runtime;

namespace TreatyDsl.Tests.Fuzzing;

/// <summary>
/// Random case files that the reader accepts, built from the vocabulary (the generated schema) so a new fact is fuzzed
/// without changes here. Biased to where answers change: every row of the country table in both directions, each fact
/// absent now and then, dates on and around the 6- and 12-month boundaries and at the ends of the calendar.
/// </summary>
internal static class CaseGenerator
{
    private static readonly TreatyCatalog Catalog = global::TreatyDsl.Cli.Treaties.GeneratedTreaties.Catalog;

    private static readonly Period[] Remaining =
    {
        Period.FromMonths(6), Period.FromMonths(6) - Period.FromDays(1), Period.FromMonths(12), Period.FromMonths(12) - Period.FromDays(1),
        Period.FromDays(0), Period.FromYears(10), Period.FromMonths(-1), Period.FromMonths(6) + Period.FromDays(1),
    };

    private static readonly string[] Samples = System.IO.Directory.GetFiles(Paths.Samples, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(System.IO.File.ReadAllText).ToArray();

    /// <summary>A random case the reader accepts.</summary>
    public static string Generate(Random random) => Generate(random, extreme: false);

    /// <summary>
    /// Half the time a sample case with a few facts changed (near real cases, so many are eligible or one fact short),
    /// else every fact at random. <paramref name="extreme"/> favours values at the edge of their type: the first and
    /// last days of the calendar, the largest and smallest decimals.
    /// </summary>
    public static string Generate(Random random, bool extreme)
    {
        var fromSample = random.Next(2) == 0;
        var json = fromSample ? JsonNode.Parse(Samples[random.Next(Samples.Length)])!.AsObject() : new JsonObject();
        var facts = Catalog.Schema.Facts;
        for (var i = 0; i < (fromSample ? random.Next(1, 4) : facts.Count); i++)
        {
            var fact = fromSample ? facts[random.Next(facts.Count)] : facts[i];
            // Required facts are always there (without them the file is refused, which is the reader fuzzer's business).
            if (!fact.Required && random.Next(fromSample ? 3 : 8) == 0) Set(json, fact.Path, null);
            else Set(json, fact.Path, Value(fact.Type, random, extreme));
        }
        Set(json, "id", JsonValue.Create("F-" + random.Next(100000)));
        if (fromSample && random.Next(2) == 0) return json.ToJsonString();

        var row = Catalog.Countries.Countries[random.Next(Catalog.Countries.Countries.Count)].Code;
        var (sentencing, receiving) = random.Next(10) switch
        {
            < 5 => ("US", row),
            < 9 => (row, "US"),
            _ => (row, Catalog.Countries.Countries[random.Next(Catalog.Countries.Countries.Count)].Code),
        };
        Set(json, "sentencingCountry", JsonValue.Create(sentencing));
        Set(json, "receivingCountry", JsonValue.Create(receiving));
        if (random.Next(4) > 0) Set(json, "prisoner.nationalities", new JsonArray(JsonValue.Create(random.Next(3) == 0 ? sentencing : receiving)));

        var application = extreme && random.Next(3) == 0 ? ExtremeDates[random.Next(ExtremeDates.Length)] : RandomDate(random, 1975, 2035);
        if (random.Next(10) > 0) Set(json, "applicationDate", JsonValue.Create(Text(application)));
        if (random.Next(10) > 0)
        {
            var fullTerm = Plus(application, Remaining[random.Next(Remaining.Length)]);
            Set(json, "sentence.fullTermDate", JsonValue.Create(Text(fullTerm)));
        }
        return json.ToJsonString();
    }

    private static readonly decimal[] Numbers = { 0m, 1m, 4m, 5m, 6m, 10m, 4.5m, 99999m };
    private static readonly decimal[] ExtremeNumbers = { decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -1m };
    private static readonly LocalDate[] ExtremeDates = { new(1, 1, 1), new(9999, 12, 31), new(9999, 12, 1), new(2000, 2, 29) };

    private static JsonNode? Value(FactType type, Random random, bool extreme) => type.Kind switch
    {
        FactKind.Bool => JsonValue.Create(random.Next(2) == 0),
        FactKind.Number => JsonValue.Create(extreme && random.Next(2) == 0 ? ExtremeNumbers[random.Next(ExtremeNumbers.Length)] : Numbers[random.Next(Numbers.Length)]),
        FactKind.Date => JsonValue.Create(Text(random.Next(extreme ? 2 : 20) == 0 ? ExtremeDates[random.Next(ExtremeDates.Length)] : RandomDate(random, 1950, 2060))),
        FactKind.Text => JsonValue.Create("text " + random.Next(100)),
        FactKind.Country => JsonValue.Create(Catalog.Countries.Countries[random.Next(Catalog.Countries.Countries.Count)].Code),
        FactKind.Enum => JsonValue.Create(type.Members![random.Next(type.Members.Count)]),
        FactKind.Record => Record(type, random, extreme),
        FactKind.List => new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Value(type.Element!, random, extreme)).ToArray()),
        _ => null,
    };

    private static JsonObject Record(FactType type, Random random, bool extreme)
    {
        var record = new JsonObject();
        foreach (var field in type.Fields!)
        {
            if (random.Next(8) > 0) record[field.Name] = Value(field.Type, random, extreme);
        }
        return record;
    }

    private static LocalDate RandomDate(Random random, int fromYear, int toYear) =>
        new LocalDate(fromYear, 1, 1).PlusDays(random.Next((toYear - fromYear) * 365));

    private static LocalDate Plus(LocalDate date, Period period)
    {
        try
        {
            return date.Plus(period);
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            return date;
        }
    }

    private static string Text(LocalDate date) => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sets the value at a dotted path, creating the objects on the way.</summary>
    internal static void Set(JsonObject json, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var target = json;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (target[parts[i]] is not JsonObject next)
            {
                next = new JsonObject();
                target[parts[i]] = next;
            }
            target = next;
        }
        target[parts[^1]] = value;
    }
}
