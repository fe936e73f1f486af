using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using TreatyDsl.Analysis;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;

namespace TreatyDsl.Examples;

/// <summary>
/// For a rule whose outcome (met or not met) no example gives, a ready example that does: a case the analysis finds
/// (its witness, which treaty eval reproduces), written as an example declaration for the policy editor to title and
/// cite. Where the analysis finds none within its budget, or proves none exists, nothing is suggested.
/// </summary>
public static class ExampleSuggestions
{
    /// <summary>Ready examples, one per uncovered outcome the analysis can reach, in file order.</summary>
    public static IReadOnlyList<string> For(TreatyModel model, IReadOnlyList<CoveredPlace> coverage) => Find(model, coverage).Select(s => s.Text).ToList();

    /// <summary>
    /// Ready examples for the uncovered outcomes (met, not met) the analysis can reach at the places <paramref name="at"/>
    /// accepts (every place when null): what the language server offers as a quick fix at a rule.
    /// </summary>
    public static IReadOnlyList<SuggestedExample> Find(TreatyModel model, IReadOnlyList<CoveredPlace> coverage, System.Func<CoveredPlace, bool>? at = null)
    {
        var suggestions = new List<SuggestedExample>();
        var suggested = new HashSet<(Text.SourceSpan, Outcome)>();
        var budget = new AnalysisBudget();
        foreach (var instrument in model.Instruments)
        {
            InstrumentContext? context = null;
            foreach (var rule in instrument.Rules)
            {
                var version = rule.Versions[rule.Versions.Count - 1];
                var place = coverage.FirstOrDefault(p => p.Span == version.Span);
                if (place is null || (at is not null && !at(place))) continue;
                // The instrument's search is made only when one of its rules is asked about.
                context ??= InstrumentContext.ForLatestPeriod(model, instrument, budget);
                if (context is null) break;
                if (context.InEffect(rule) is not { } inEffect || inEffect.Span != version.Span) continue;
                foreach (var (outcome, goal) in new[] { (Outcome.Met, Goal.Met(rule)), (Outcome.NotMet, Goal.NotMet(rule)) })
                {
                    // A baseline rule is one place under every instrument: one suggestion for it is enough.
                    if (place.Outcomes[outcome] > 0 || budget.Exhausted || !suggested.Add((version.Span, outcome))) continue;
                    var found = context.Search.Find(goal);
                    if (!found.Found) continue;
                    suggestions.Add(new SuggestedExample(version.Span, instrument.Id, rule.Id, outcome, Write(model.Vocabulary, instrument.Id, rule.Id, outcome, context.Witness(found.Witness!, rule))));
                }
            }
        }
        return suggestions;
    }

    private static string Write(VocabularyModel vocabulary, string instrument, string rule, Outcome outcome, Witness witness)
    {
        var text = new StringBuilder();
        var name = $"{instrument}-{rule}-{ContractNames.Of(outcome)}";
        text.Append("example ").Append(name).Append(": \"Say what this case shows\"\n");
        text.Append("  cite \"the passage it is drawn from\"\n");
        foreach (var fact in witness.Facts.Where(f => f.Key != ContractFacts.Id))
        {
            if (fact.Value is IEnumerable<object?> list && fact.Value is not string && list.FirstOrDefault() is IDictionary<string, object?>)
            {
                var index = 0;
                foreach (var record in list.Cast<IDictionary<string, object?>>())
                {
                    foreach (var field in record) text.Append($"  given {fact.Key}[{index}].{field.Key} = {Value(field.Value, IsText(vocabulary, fact.Key, field.Key))}\n");
                    index++;
                }
                continue;
            }
            text.Append($"  given {fact.Key} = {Value(fact.Value, IsText(vocabulary, fact.Key, null))}\n");
        }
        foreach (var absent in witness.Absent) text.Append($"  given {absent} = unknown\n");
        text.Append($"  expect {instrument} {rule} {ContractNames.Of(outcome)}\n");
        return text.ToString();
    }

    /// <summary>A value as an example writes it: text in quotes, enum values and country codes bare.</summary>
    private static string Value(object? value, bool text) => value switch
    {
        null => "unknown",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        LocalDate date => FactFormat.Value((LocalDate?)date),
        string s => text ? "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : s,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => Value(i, text))) + "]",
        _ => value.ToString() ?? "unknown",
    };

    /// <summary>Whether a fact (or a field of a list's records) is text, which an example writes in quotes.</summary>
    private static bool IsText(VocabularyModel vocabulary, string path, string? field)
    {
        var type = vocabulary.Facts.FirstOrDefault(f => f.Path == path)?.Type;
        if (field is not null && type?.Element is { Kind: TypeKind.Record } element)
        {
            type = vocabulary.Records.FirstOrDefault(r => r.Name == element.Name)?.Fields.FirstOrDefault(f => f.Name == field)?.Type;
        }
        else if (type?.Element is { } items) type = items;
        return type?.Kind == TypeKind.Text;
    }
}

/// <summary>A ready example for one rule outcome no example gives.</summary>
/// <param name="RuleSpan">Where the rule is written (the version in effect).</param>
/// <param name="Instrument">The instrument the example evaluates the rule under.</param>
/// <param name="Rule">The rule's id.</param>
/// <param name="Outcome">The outcome the example gives.</param>
/// <param name="Text">The example declaration, to title and cite.</param>
public sealed record SuggestedExample(Text.SourceSpan RuleSpan, string Instrument, string Rule, Outcome Outcome, string Text);
