using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TreatyDsl.Generator;
using TreatyDsl.Interpretation;
using TreatyDsl.Parsing;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// Deep nesting is a located TDSL0004, never a stack overflow in the checker or the compiler; long 'and'/'or' chains are
/// not nesting and work at any length. (How fast a long chain parses is measured in bench/, not here.)
/// </summary>
public class DeepConditionTests
{
    private const string Vocabulary = "vocabulary v cite \"c\"\nfact flag: bool\nfact n: number\nfact applicationDate: date\n";
    private const string RulePrefix = "require r: \"t\" cite \"c\" when ";

    private static string Treaty(string condition) =>
        Vocabulary + "baseline b title \"t\" cite \"c\"\n" + RulePrefix + condition + "\ninstrument i title \"I\" kind multilateral cite \"c\" includes b\n";

    /// <summary>The line and column of the <paramref name="occurrence"/>-th <paramref name="marked"/> in the condition.</summary>
    private static (int Line, int Column) PlaceOf(string treaty, string marked, int occurrence)
    {
        var offset = treaty.IndexOf(RulePrefix, StringComparison.Ordinal) + RulePrefix.Length - 1;
        for (var i = 0; i < occurrence; i++) offset = treaty.IndexOf(marked, offset + 1, StringComparison.Ordinal);
        var span = TreatyParser.SpanAt("t.treaty", treaty, offset, 0);
        return (span.Line, span.Column);
    }

    public static TheoryData<string, string, string> TooDeep => new()
    {
        { "3,000 parentheses", new string('(', 3000) + "flag" + new string(')', 3000), "(" },
        { "10,000 'not's", string.Concat(Enumerable.Repeat("not ", 10_000)) + "flag", "not" },
        { "65 parentheses", new string('(', 65) + "flag" + new string(')', 65), "(" },
        { "65 quantifiers", string.Concat(Enumerable.Range(0, 65).Select(i => $"any x{i} in prisoner.scores: ")) + "flag", "any" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Nesting_past_the_limit_is_TDSL0004_at_the_first_level_past_it(string what, string condition, string opener)
    {
        var treaty = Treaty(condition);

        var model = TreatyLoader.Load(new[] { ("t.treaty", treaty) });

        var error = Assert.Single(model.Diagnostics, d => d.IsError);
        Assert.True(error.Id == "TDSL0004", what + ": " + error);
        Assert.Equal(PlaceOf(treaty, opener, TreatyGrammar.MaxNesting + 1), (error.Span.Line, error.Span.Column));
        Assert.Equal("This condition nests more than 64 levels of parentheses, 'not' and 'any'/'all'; split it into derived facts ('derive ...: bool = ...')", error.Message);
    }

    [Fact]
    public async Task As_additional_files_3000_parentheses_give_the_compiler_TDSL0004_and_no_crash()
    {
        var treaty = new GeneratorHarness.TreatyText("t.treaty", Treaty(new string('(', 3000) + "flag" + new string(')', 3000)));
        var compilation = GeneratorHarness.Generate(new AdditionalText[] { treaty }, out var generatorDiagnostics);
        var analyzed = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TreatyAnalyzer()), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(treaty)));

        var diagnostics = await analyzed.GetAnalyzerDiagnosticsAsync();

        Assert.StartsWith("Nothing was generated because a file that declares the fact vocabulary has errors; the first is TDSL0004", Assert.Single(generatorDiagnostics).GetMessage());
        var error = Assert.Single(diagnostics);
        Assert.Equal("TDSL0004", error.Id);
        Assert.Equal(PlaceOf(treaty.GetText()!.ToString(), "(", 65), (error.Location.GetLineSpan().StartLinePosition.Line + 1, error.Location.GetLineSpan().StartLinePosition.Character + 1));
    }

    [Fact]
    public void A_condition_at_the_limit_is_checked_interpreted_and_generated_in_a_256_KB_stack()
    {
        // 64 levels, every kind: 'not (' pairs, then a quantifier; the compiler's threads have at least 1 MB.
        var condition = string.Concat(Enumerable.Repeat("not (", 31)) + "any x in prisoner.scores: x = 1 or flag" + new string(')', 31);
        var treaty = Treaty(condition).Replace("fact flag: bool\n", "fact flag: bool\nfact prisoner.scores: list of number\n");
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                var model = TreatyLoader.Load(new[] { ("t.treaty", treaty) });
                Assert.DoesNotContain(model.Diagnostics, d => d.Severity != TreatyDsl.Diagnostics.DiagnosticSeverity.Info);
                var catalog = InterpretedCatalog.Create(model);
                var facts = new CaseFacts(new System.Collections.Generic.Dictionary<string, object?> { ["flag"] = true, ["prisoner.scores"] = new object?[] { 2m } });
                Assert.Equal(Verdict.Ineligible, catalog.Instruments.Single().Evaluate(facts).Verdict); // 31 'not's of a true condition: false
                var output = GeneratorHarness.Generate(new AdditionalText[] { new GeneratorHarness.TreatyText("t.treaty", treaty) }, out var diagnostics);
                Assert.Empty(diagnostics);
                Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, 256 * 1024);
        worker.Start();
        worker.Join();

        Assert.Null(failure);
    }

    [Theory]
    [InlineData("and", Verdict.Eligible)]
    [InlineData("or", Verdict.Eligible)]
    public void A_10000_term_chain_loads_and_evaluates(string op, Verdict expected)
    {
        var condition = string.Join($" {op} ", Enumerable.Range(0, 10_000).Select(i => $"n >= {i}"));

        var model = TreatyLoader.Load(new[] { ("t.treaty", Treaty(condition)) });

        Assert.DoesNotContain(model.Diagnostics, d => d.Severity != TreatyDsl.Diagnostics.DiagnosticSeverity.Info);
        var catalog = InterpretedCatalog.Create(model);
        var facts = new CaseFacts(new System.Collections.Generic.Dictionary<string, object?> { ["n"] = 10_000m });
        Assert.Equal(expected, catalog.Instruments.Single().Evaluate(facts).Verdict);
    }

    [Fact]
    public void A_500_term_chain_generates_code_that_agrees_with_the_interpreter()
    {
        var treaty = Treaty(string.Join(" and ", Enumerable.Range(0, 500).Select(i => $"n != {i}")));
        var catalog = GeneratorHarness.LoadCatalog(GeneratorHarness.Generate(new AdditionalText[] { new GeneratorHarness.TreatyText("t.treaty", treaty) }, out _));
        var interpreted = InterpretedCatalog.Create(TreatyLoader.Load(new[] { ("t.treaty", treaty) }));

        foreach (var n in new[] { 5m, 499m, 500m })
        {
            var facts = new CaseFacts(new System.Collections.Generic.Dictionary<string, object?> { ["n"] = n });
            var generated = catalog.Instruments.Single().Evaluate(facts);
            var expected = interpreted.Instruments.Single().Evaluate(facts);
            Assert.Equal(expected.Verdict, generated.Verdict);
            // The chain is generated as methods of a few hundred conditions each (see the next test): the same words.
            Assert.Equal(expected.Requirements.Single().Explanation, generated.Requirements.Single().Explanation);
            Assert.Equal(n == 500m ? Verdict.Eligible : Verdict.Ineligible, generated.Verdict);
        }
    }

    [Fact]
    public void A_long_chain_is_generated_as_methods_of_a_few_hundred_conditions_each()
    {
        // In one method the compiler's time grew faster than the chain: a 20,000-way 'or' took 125 s to compile.
        var treaty = Treaty(string.Join(" or ", Enumerable.Range(0, 3_000).Select(i => $"n = {i}")));

        var output = GeneratorHarness.Generate(new AdditionalText[] { new GeneratorHarness.TreatyText("t.treaty", treaty) }, out var diagnostics);

        Assert.Empty(diagnostics);
        var methods = output.SyntaxTrees.Where(t => t.FilePath.EndsWith("Validator.g.cs", StringComparison.Ordinal))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            .ToList();
        Assert.Contains(methods, m => m.Identifier.Text.StartsWith("ConditionPart", StringComparison.Ordinal));
        var longest = methods.Max(m => m.GetLocation().GetLineSpan().EndLinePosition.Line - m.GetLocation().GetLineSpan().StartLinePosition.Line);
        Assert.True(longest < 4_000, $"a method of {longest} lines");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
