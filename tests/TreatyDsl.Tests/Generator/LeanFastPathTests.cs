using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The fast path (GetVerdict) calls its own copies of the rules and derived facts, written with no sink code
/// (ConditionEmitter.Sinkless): the JIT weighs a method for inlining by its IL, dead branches included, and with the
/// report's copies GetVerdict spent its inlining budget before the shared walk of the offences. What each copy
/// computes is held to the interpreter by the differential fuzzer and the benchmark's agreement check; these tests pin
/// the shape: the copies never touch a sink or a rule's words, and GetVerdict calls nothing else of the report's.
/// </summary>
public class LeanFastPathTests
{
    private static readonly SyntaxTree[] Validators = GeneratorHarness.Generate(GeneratorHarness.ShippedTreaties(), out _)
        .SyntaxTrees.Where(t => t.FilePath.EndsWith("Validator.g.cs", System.StringComparison.Ordinal)).ToArray();

    private static MethodDeclarationSyntax[] Methods(System.Func<string, bool> named) =>
        Validators.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()).Where(m => named(m.Identifier.Text)).ToArray();

    private static bool IsLean(string name) => name.StartsWith("FastRule", System.StringComparison.Ordinal)
        || name.StartsWith("FastDerived", System.StringComparison.Ordinal) || name.StartsWith("Walk", System.StringComparison.Ordinal);

    [Fact]
    public void The_fast_paths_copies_of_rules_and_derived_facts_never_call_a_sink_or_set_a_rules_words()
    {
        var lean = Methods(IsLean);

        Assert.NotEmpty(Validators);
        Assert.Contains(lean, m => m.Identifier.Text.StartsWith("FastDerived", System.StringComparison.Ordinal));
        foreach (var method in lean)
        {
            var sinkCalls = method.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "sink" } }
                    || i.Expression is MemberBindingExpressionSyntax && i.Parent is ConditionalAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "sink" } })
                .ToList();
            Assert.True(sinkCalls.Count == 0, $"{method.Identifier.Text} calls the sink: {string.Join("; ", sinkCalls)}");
            Assert.DoesNotContain(method.DescendantTokens(), t => t.IsKind(SyntaxKind.IdentifierToken) && t.Text == "wording");
        }
    }

    [Fact]
    public void GetVerdict_calls_only_the_fast_paths_copies_never_a_report_rule_or_derived_fact()
    {
        var verdicts = Methods(name => name == "GetVerdict");

        Assert.Equal(Validators.Length, verdicts.Length); // one each
        Assert.NotEmpty(verdicts);
        foreach (var verdict in verdicts)
        {
            var called = verdict.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => i.Expression is IdentifierNameSyntax name ? name.Identifier.Text : null)
                .Where(name => name is not null and not "nameof")
                .ToList();
            Assert.All(called, name => Assert.True(IsLean(name!), $"GetVerdict calls {name}"));
        }
    }
}
