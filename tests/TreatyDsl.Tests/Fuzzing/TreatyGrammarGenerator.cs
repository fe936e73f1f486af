using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TreatyDsl.Tests.Fuzzing;

/// <summary>
/// Treaty files written from the grammar over the shipped vocabulary, so that they bind: every kind of fact (yes/no,
/// number, date, the derived period, enum, country, text, a list of countries, a list of records) with every operator
/// and every kind of constant, thresholds of the baseline and the file's own, facts compared with facts (country with
/// country, a country in a list of countries, two dates by order, which is outside the analysed fragment), country
/// constants against list facts and linked facts, quantifiers (nested, variables compared with each other), derived
/// conditions, 'and'/'or'/'not' nested and in long chains, requirements, bars and reviews with 'unless' clauses,
/// exceptions to the file's own rules and to the baseline's, dated versions, and one or two instruments. What the
/// analysis, the generator and the language server do with them is <see cref="FuzzTargets.TreatyGrammar"/>'s check.
/// </summary>
internal static class TreatyGrammarGenerator
{
    private static readonly string[] BoolFacts =
    {
        "judgment.final", "judgment.appealPending", "consent.prisoner", "consent.state", "financial.finesUnpaid",
        "exceptionalCircumstances", "prisoner.priorTransfer", "prisoner.domiciliaryOfSentencingCountry",
    };

    private static readonly string[] Operators = { "=", "!=", "<", "<=", ">", ">=" };
    private static readonly string[] Numbers = { "0", "2", "5", "7.5", "10" };
    private static readonly string[] Dates = { "2000-01-01", "2020-06-30", "2026-01-15", "2026-07-15", "2031-01-31" };
    private static readonly string[] Durations = { "30 days", "6 months", "1 year", "5 years" };
    private static readonly string[] SentenceTypes = { "determinate", "life", "indeterminate", "death", "juvenile", "dangerous-offender" };
    private static readonly string[] Categories = { "drug", "immigration", "military", "political", "violent", "other" };
    private static readonly string[] Countries = { "US", "MX", "CA", "PR", "IS" };
    private static readonly string[] CountryFacts = { "sentencingCountry", "receivingCountry", "receivingNationality" };
    private static readonly string[] BaselineRules = { "nationality", "min-remaining", "prisoner-consent", "final-judgment", "dual-criminality", "state-consent" };

    public static string Generate(Random random)
    {
        var text = new StringBuilder();
        var instruments = random.Next(4) == 0 ? 2 : 1;
        for (var i = 0; i < instruments; i++) Instrument(random, text, i);
        return text.ToString();
    }

    private static void Instrument(Random random, StringBuilder text, int index)
    {
        var (id, partner) = index == 0 ? ("us-mx", "MX") : ("us-ca", "CA");
        var includes = random.Next(3) != 0;
        text.Append($"instrument {id}\n  title \"T\"\n  kind bilateral\n  parties US, {partner}\n  in force from {(random.Next(2) == 0 ? "1977-11-30" : "2015-03-01")}\n  cite \"c\"\n");
        if (includes) text.Append("  includes statute\n");
        text.Append('\n');
        var threshold = random.Next(3) == 0 ? $"own{index}" : null;
        if (threshold is not null) text.Append($"threshold {threshold}: {Pick(random, Durations)} cite \"c\"\n");
        if (includes && random.Next(3) == 0) text.Append($"override threshold minTimeRemaining: {Pick(random, Durations)} cite \"c\"\n");
        // A derived condition sees the vocabulary, not the instrument's thresholds, and never itself.
        var derived = random.Next(3) == 0 ? $"local{index}" : null;
        if (derived is not null) text.Append($"derive {derived}: bool = {Condition(new Context(random, null, null, false), 2)}\n");
        var context = new Context(random, threshold, derived, includes);
        var rules = new List<string>();
        var targets = includes ? new List<string>(BaselineRules) : new List<string>();
        for (var r = random.Next(1, 7); r > 0; r--)
        {
            var rule = $"r{index}x{rules.Count}";
            rules.Add(rule);
            var kind = random.Next(8) switch { 0 => "bar", 1 => "review", _ => "require" };
            if (kind != "review") targets.Add(rule);
            var dated = random.Next(6) == 0;
            text.Append($"{kind} {rule}: \"t\" cite \"c\"{(dated ? " effective before 2020-01-01" : string.Empty)} when {Condition(context, 3)}\n");
            for (var u = random.Next(4) == 0 ? random.Next(1, 3) : 0; u > 0; u--) text.Append($"  unless {Condition(context, 2)}\n");
            if (dated) text.Append($"{kind} {rule}: \"t\" cite \"c\" effective from 2020-01-01 when {Condition(context, 3)}\n");
        }
        for (var e = random.Next(3) == 0 ? random.Next(1, 3) : 0; e > 0; e--)
        {
            if (targets.Count == 0) break;
            text.Append($"exception e{index}x{e} to {Pick(random, targets.ToArray())}: \"t\" cite \"c\"\n  when {Condition(context, 2)}\n");
        }
        // An included or own rule cited with this instrument's passage: the citation reaches the generated code as data.
        if (targets.Count > 0 && random.Next(4) == 0) text.Append($"override cite {Pick(random, targets.ToArray())} \"override {index} \\\"q\\\" \\\\ */\"\n");
        text.Append('\n');
    }

    /// <summary>What a condition may name: the instrument's own threshold, its derived condition, the baseline's threshold.</summary>
    private sealed record Context(Random Random, string? Threshold, string? Derived, bool Includes);

    /// <summary>A condition of at most <paramref name="depth"/> levels of 'and', 'or', 'not' and quantifiers.</summary>
    private static string Condition(Context context, int depth, string? variable = null)
    {
        var random = context.Random;
        if (depth <= 0 || random.Next(3) == 0) return Atom(context, variable);
        switch (random.Next(7))
        {
            case 0:
                return "not (" + Condition(context, depth - 1, variable) + ")";
            case 1:
                // A chain of one operator: the parser balances it, and the analysis splits it into alternatives.
                var op = random.Next(2) == 0 ? " or " : " and ";
                return "(" + string.Join(op, Enumerable.Range(0, random.Next(2, random.Next(8) == 0 ? 40 : 5)).Select(_ => Condition(context, depth - 1, variable))) + ")";
            case 2 when variable is null:
                var v = "o" + random.Next(3);
                var body = random.Next(4) == 0
                    ? $"({(random.Next(2) == 0 ? "any" : "all")} p in offenses: p.category = {v}.category or p.sentenceServed)"
                    : Condition(context, depth - 1, v);
                return $"({(random.Next(2) == 0 ? "any" : "all")} {v} in offenses: {body})";
            case 3:
                return "(" + Condition(context, depth - 1, variable) + " and " + Condition(context, depth - 1, variable) + ")";
            default:
                return "(" + Condition(context, depth - 1, variable) + " or " + Condition(context, depth - 1, variable) + ")";
        }
    }

    private static string Atom(Context context, string? variable)
    {
        var random = context.Random;
        if (variable is not null && random.Next(2) == 0)
        {
            return random.Next(4) switch
            {
                0 => $"{variable}.category {Pick(random, "=", "!=")} {Pick(random, Categories)}",
                1 => $"{variable}.dualCriminality",
                2 => $"not {variable}.sentenceServed",
                _ => $"{variable}.sentenceServed = {Pick(random, "true", "false")}",
            };
        }
        switch (random.Next(16))
        {
            case 0: return Pick(random, BoolFacts);
            case 1: return $"{Pick(random, BoolFacts)} {Pick(random, "=", "!=")} {Pick(random, "true", "false")}";
            case 2: return $"prisoner.yearsResidentInSentencingCountry {Pick(random, Operators)} {Pick(random, Numbers)}";
            case 3: return $"{Pick(random, "sentence.imposedOn", "sentence.fullTermDate", "applicationDate", "prisoner.dateOfBirth")} {Pick(random, Operators)} {Pick(random, Dates)}";
            case 4:
                var bound = random.Next(3) switch
                {
                    0 when context.Threshold is { } own => own,
                    1 when context.Includes => "minTimeRemaining",
                    _ => Pick(random, Durations),
                };
                return $"timeRemaining {Pick(random, Operators)} {bound}";
            case 5: return $"sentence.type {Pick(random, "=", "!=")} {Pick(random, SentenceTypes)}";
            case 6: return $"custody {Pick(random, "=", "!=")} {Pick(random, "federal", "state", "foreign")}";
            case 7: return $"{Pick(random, CountryFacts)} {Pick(random, "=", "!=")} {Pick(random, Countries)}";
            case 8: return $"{Pick(random, CountryFacts)} {Pick(random, "=", "!=")} {Pick(random, CountryFacts)}";
            case 9: return $"{Pick(random, Countries)} in prisoner.nationalities";
            case 10: return $"{Pick(random, CountryFacts)} in prisoner.nationalities";
            case 11: return $"not ({Pick(random, Countries)} in prisoner.nationalities)";
            case 12: return $"id {Pick(random, "=", "!=")} \"A-1\"";
            case 13: return "sentence.imposedOn < sentence.fullTermDate"; // two dates by order: outside the fragment
            case 14 when context.Derived is { } derived: return random.Next(2) == 0 ? derived : "not " + derived;
            default: return $"any o in offenses: o.category = {Pick(random, Categories)}";
        }
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
