using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// A second decision procedure for the analysis's claims, sharing no code with it: every case file over small value
/// domains, each fact also absent, judged by the interpreter exactly as <c>treaty eval --treaties</c> judges a case
/// (the receiving nationality supplied as the evaluator supplies it). Case files are what the reader accepts, not what
/// the vocabulary expects: a full-term date on any sentence, lists of any of the values. Only the facts the instrument's
/// rules read are varied (a rule's outcome depends on nothing else), so an instrument over a few facts has a few
/// thousand cases. The domains are this class's own: every value the generated conditions can tell apart, by
/// construction of <see cref="OracleAgreementProperties"/>'s grammar, which compares facts only with the constants below.
/// </summary>
internal sealed class ExhaustiveOracle
{
    public static readonly LocalDate ApplicationDate = new(2026, 1, 15);

    private static readonly object?[] Bools = { null, true, false };
    private static readonly object?[] Numbers = { null, 0m, 1m, 2m, 3m, 4.5m, 5m, 6m, 7.5m };
    private static readonly object?[] SentenceTypes = { null, "determinate", "life", "indeterminate", "death", "juvenile", "dangerous-offender" };

    /// <summary>Full-term dates: absent, and two days either side of every bound the grammar's conditions can draw.</summary>
    private static readonly object?[] FullTermDates = new object?[] { null }.Concat(
        new[] { ApplicationDate, ApplicationDate.PlusMonths(6), ApplicationDate.PlusYears(1), new LocalDate(2026, 6, 1) }
            .SelectMany(bound => Enumerable.Range(-2, 5).Select(d => bound.PlusDays(d)))
            .Distinct().OrderBy(d => d).Cast<object?>()).ToArray();

    private static readonly object?[] Nationalities = new object?[] { null }.Concat(
        Subsets(new[] { "MX", "US", "IS" }).Select(s => (object?)s.Cast<object?>().ToList())).ToArray();

    private static readonly object?[] Offenses = OffenseLists();

    private static readonly (string Sentencing, string Receiving)[] Pairs = { ("US", "MX"), ("MX", "US") };

    private static readonly Dictionary<string, object?[]> Domains = new()
    {
        ["judgment.final"] = Bools, ["consent.prisoner"] = Bools, ["exceptionalCircumstances"] = Bools,
        ["prisoner.yearsResidentInSentencingCountry"] = Numbers, ["prisoner.age"] = Numbers, ["sentence.type"] = SentenceTypes,
        ["sentence.fullTermDate"] = FullTermDates, ["prisoner.nationalities"] = Nationalities, ["offenses"] = Offenses,
    };

    private readonly Interpreter interpreter;
    private readonly TreatyCatalog catalog;

    public ExhaustiveOracle(TreatyModel model, InstrumentModel instrument)
    {
        interpreter = new Interpreter(model.Vocabulary, instrument);
        catalog = InterpretedCatalog.Create(model);
        Instrument = instrument;
    }

    public InstrumentModel Instrument { get; }

    /// <summary>The facts whose domains the oracle knows (the grammar reads no others).</summary>
    public static IReadOnlyCollection<string> KnownFacts => Domains.Keys;

    /// <summary>Every case over <paramref name="facts"/> (each domain's values, absent included) and both directions of transfer.</summary>
    public IEnumerable<CaseFacts> Cases(IReadOnlyList<string> facts)
    {
        var domains = facts.Select(f => Domains[f]).ToList();
        var index = new int[facts.Count];
        while (true)
        {
            foreach (var (sentencing, receiving) in Pairs)
            {
                var values = new Dictionary<string, object?>
                {
                    [ContractFacts.Id] = "oracle", [ContractFacts.SentencingCountry] = sentencing, [ContractFacts.ReceivingCountry] = receiving,
                    [ContractFacts.ReceivingNationality] = catalog.Countries.NationalityOf(receiving), [ContractFacts.ApplicationDate] = ApplicationDate,
                };
                for (var i = 0; i < facts.Count; i++) if (domains[i][index[i]] is { } value) values[facts[i]] = value;
                yield return new CaseFacts(values);
            }
            var k = 0;
            while (k < index.Length && ++index[k] == domains[k].Length) index[k++] = 0;
            if (k == index.Length) yield break;
        }
    }

    /// <summary>A generated condition over <paramref name="atoms"/>, conditions the oracle's domains tell apart: one atom, or two joined by 'and' or 'or'.</summary>
    public static string Condition(Random random, string[] atoms) => random.Next(3) switch
    {
        0 => Pick(random, atoms),
        1 => Pick(random, atoms) + " and " + Pick(random, atoms),
        _ => Pick(random, atoms) + " or " + Pick(random, atoms),
    };

    public static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    /// <summary>How many cases <see cref="Cases"/> gives.</summary>
    public static long Count(IEnumerable<string> facts) => facts.Aggregate(2L, (n, f) => n * Domains[f].Length);

    public Outcome Evaluate(RuleModel rule, CaseFacts facts) => interpreter.EvaluateRule(rule, facts).Outcome;

    /// <summary>The verdict over <paramref name="rules"/>: eligible when every rule is met, ineligible when one is not, else undetermined.</summary>
    public Verdict VerdictOf(IEnumerable<RuleModel> rules, CaseFacts facts)
    {
        var verdict = Verdict.Eligible;
        foreach (var rule in rules)
        {
            var outcome = Evaluate(rule, facts);
            if (outcome == Outcome.NotMet) return Verdict.Ineligible;
            if (outcome == Outcome.Unknown) verdict = Verdict.Undetermined;
        }
        return verdict;
    }

    /// <summary>A condition as a requirement of its own: met exactly where it holds.</summary>
    public static RuleModel Holds(BoundExpression condition) =>
        new(RuleKind.Requirement, "holds", "oracle", new[] { new RuleVersion(EffectivePeriod.Always, string.Empty, string.Empty, condition, default, condition.Span) }.ToEquatableArray());

    /// <summary>The rule with its own condition and only the given exceptions.</summary>
    public static RuleModel WithExceptions(RuleModel rule, IEnumerable<ExceptionModel> exceptions) =>
        rule with { Versions = new[] { rule.Latest with { Exceptions = exceptions.ToEquatableArray() } }.ToEquatableArray() };

    /// <summary>The rule with <paramref name="part"/> of its condition written as the constant that lets no case through it.</summary>
    public static RuleModel Without(RuleModel rule, BoundExpression part)
    {
        var removed = new ConstantExpression(ConstantValue.Of(rule.Kind == RuleKind.Bar), TypeRef.Bool, part.Span);
        return rule with { Versions = new[] { rule.Latest with { Condition = Replace(rule.Latest.Condition, part, removed) } }.ToEquatableArray() };
    }

    private static BoundExpression Replace(BoundExpression node, BoundExpression part, BoundExpression with) =>
        ReferenceEquals(node, part) ? with : node switch
        {
            AndExpression a => new AndExpression(Replace(a.Left, part, with), Replace(a.Right, part, with), a.Span),
            OrExpression o => new OrExpression(Replace(o.Left, part, with), Replace(o.Right, part, with), o.Span),
            NotExpression n => new NotExpression(Replace(n.Operand, part, with), n.Span),
            _ => node,
        };

    /// <summary>Every node of a condition (the grammar nests only a few levels).</summary>
    public static IEnumerable<BoundExpression> Nodes(BoundExpression node)
    {
        yield return node;
        var children = node switch
        {
            AndExpression a => new[] { a.Left, a.Right },
            OrExpression o => new[] { o.Left, o.Right },
            NotExpression n => new[] { n.Operand },
            ComparisonExpression c => new[] { c.Left, c.Right },
            InListExpression i => new[] { i.Element, i.List },
            QuantifierExpression q => new BoundExpression[] { q.Source, q.Body },
            _ => Array.Empty<BoundExpression>(),
        };
        foreach (var child in children) foreach (var n in Nodes(child)) yield return n;
    }

    /// <summary>The facts a rule reads, by their paths in the case file.</summary>
    public static IEnumerable<string> Reads(RuleModel rule) =>
        rule.Versions.SelectMany(v => new[] { v.Condition }.Concat(v.Exceptions.Select(e => e.Condition)))
            .SelectMany(Nodes)
            .SelectMany(n => n switch
            {
                FactReference f => new[] { f.Path },
                DerivedReference { Name: "timeRemaining" } => new[] { "sentence.fullTermDate", "sentence.type" },
                _ => Array.Empty<string>(),
            });

    private static IEnumerable<string[]> Subsets(string[] items) =>
        Enumerable.Range(0, 1 << items.Length).Select(mask => items.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    /// <summary>Absent, or one or two offences, each with a category (drug, fraud, or absent) and dual criminality (yes, no, absent).</summary>
    private static object?[] OffenseLists()
    {
        var elements = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var category in new object?[] { null, "drug", "fraud" })
        {
            foreach (var dual in Bools)
            {
                var element = new Dictionary<string, object?>();
                if (category is not null) element["category"] = category;
                if (dual is not null) element["dualCriminality"] = dual;
                elements.Add(element);
            }
        }
        var lists = new List<object?> { null };
        lists.AddRange(elements.Select(e => (object?)new List<object?> { e }));
        lists.AddRange(from a in elements from b in elements select (object?)new List<object?> { a, b });
        return lists.ToArray();
    }
}
