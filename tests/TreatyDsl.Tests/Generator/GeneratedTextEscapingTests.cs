using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// Text from a .treaty file is data, never code. A template treaty carries a marker in every place quoted text can stand
/// (titles, rule and exception texts, citations, labels, descriptions, country names, notes, advisories, text constants);
/// the generated C# for any replacement text must parse to exactly the same token shape and directives as the marker's,
/// with every string literal that held the marker holding the replacement instead, character for character.
/// </summary>
public class GeneratedTextEscapingTests
{
    private const string Marker = "MARKER";

    /// <summary>Every kind of quoted text the language has, each written as <see cref="Marker"/>.</summary>
    private const string Template = """
        vocabulary v cite "MARKER"
        enum sort: a, b
        fact applicationDate: date "MARKER"
        fact flag: bool "MARKER"
        fact name: text "MARKER"
        fact start: date
        fact end: date
        derive remaining: duration = period from start to end label "MARKER" cite "MARKER"
        derive ok: bool = flag = true and name != "MARKER" cite "MARKER"

        baseline base title "MARKER" cite "MARKER"
        threshold minimum: 6 months cite "MARKER"
        require r1: "MARKER" cite "MARKER" when ok and remaining >= minimum
          unless flag = false cite "MARKER"

        instrument inst title "MARKER" kind multilateral cite "MARKER" includes base
        derive local: bool = name = "MARKER" cite "MARKER"
        require r2: "MARKER" cite "MARKER" effective from 2020-01-01 when flag and local
        exception e1 to r2: "MARKER" cite "MARKER" when not flag

        countries "MARKER" cite "MARKER"
        country US "MARKER" inst "MARKER"
          practice "MARKER": prefers inst
          note "MARKER" cite "MARKER"
        country MX "MARKER" inst from 2020-01-01 "MARKER"

        advisories adv title "MARKER" cite "MARKER" when flag
        advisory f1 weighs for: "MARKER" cite "MARKER" when name = "MARKER"
        """;

    /// <summary>The characters that have ended a comment or literal before, and code that must stay text.</summary>
    private static readonly string[] Hostile =
    {
        "\r", "\u0085", "\u2028", "\u2029", "\r\u2028", "\t", "\0", "\u001b", "\u202e", "\u2066", "\ufeff", "\ud800", "\udfff",
        "\ud83d\ude00", "\"", "\\", "\\u000a", "*/", "/*", "///", "<", ">", "&", "&amp;", "]]>", "<!--", "#error pwned",
        "#line 1 \"evil.cs\"", "} static class Evil { static Evil() { System.Environment.Exit(3); } } class Rest {", "{0}", "'",
    };

    private static readonly Gen<string> Text =
        Gen.Frequency(
                (4, Gen.Elements(Hostile)),
                (2, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
                (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)),
                (2, Gen.Elements("a", "é", "漢", " ", "x y")))
            .NonEmptyListOf()
            // A line feed always ends quoted text in a .treaty file; an empty text changes what some displays show
            // (a note with an empty citation shows no brackets), which is not what this test is about.
            .Select(parts => string.Concat(parts).Replace("\n", string.Empty))
            .Where(text => text.Length > 0);

    private static readonly Lazy<Dictionary<string, SyntaxTree>> MarkerTrees = new(() => GenerateTrees(Marker));

    /// <summary>The generated trees of the template with the marker itself: what every other text is compared with.</summary>
    internal static Dictionary<string, SyntaxTree> Baseline => MarkerTrees.Value;

    [Fact]
    public void Any_quoted_text_reaches_the_generated_code_as_data_only()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(Text.ToArbitrary(), text => AssertSameShapeWithTextIntact(Baseline, text)));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void A_line_terminator_in_a_citation_cannot_inject_a_static_constructor(string terminator)
    {
        var payload = $"x{terminator}}} static class Evil {{ static Evil() {{ System.Environment.Exit(3); }} }} class Rest {{{terminator}#error pwned";
        AssertSameShapeWithTextIntact(Baseline, payload);

        var output = AssertCompilesWithoutWarnings(payload);
        Assert.DoesNotContain(output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>(), c => c.Identifier.Text == "Evil");
    }

    /// <summary>Generates the template with every marker replaced by <paramref name="text"/> and compiles it: no error, no warning.</summary>
    internal static Compilation AssertCompilesWithoutWarnings(string text)
    {
        var output = GeneratorHarness.Generate(new[] { new GeneratorHarness.TreatyText("t.treaty", Quote(text)) }, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return output;
    }

    /// <summary>The template with every marker replaced by <paramref name="text"/>, written as .treaty quoted text.</summary>
    private static string Quote(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '"' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }
        return Template.Replace(Marker, escaped.ToString());
    }

    private static Dictionary<string, SyntaxTree> GenerateTrees(string text)
    {
        var output = GeneratorHarness.Generate(new[] { new GeneratorHarness.TreatyText("t.treaty", Quote(text)) }, out var diagnostics);
        Assert.Empty(diagnostics);
        var trees = output.SyntaxTrees.ToDictionary(t => System.IO.Path.GetFileName(t.FilePath));
        Assert.Contains("InstValidator.g.cs", trees.Keys);
        Assert.Contains("AdvAdvisories.g.cs", trees.Keys);
        return trees;
    }

    internal static bool AssertSameShapeWithTextIntact(Dictionary<string, SyntaxTree> baseline, string text)
    {
        var trees = GenerateTrees(text);
        Assert.Equal(baseline.Keys.OrderBy(k => k), trees.Keys.OrderBy(k => k));
        var options = new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose);
        foreach (var (name, expectedTree) in baseline)
        {
            var expected = CSharpSyntaxTree.ParseText(expectedTree.GetText(), options).GetRoot();
            var actual = CSharpSyntaxTree.ParseText(trees[name].GetText(), options).GetRoot();
            Assert.Empty(actual.SyntaxTree.GetDiagnostics());

            var expectedTokens = expected.DescendantTokens().ToList();
            var actualTokens = actual.DescendantTokens().ToList();
            Assert.Equal(expectedTokens.Select(t => t.Kind()), actualTokens.Select(t => t.Kind()));
            Assert.Equal(Directives(expected), Directives(actual));
            Assert.Equal(DocumentationComments(expected), DocumentationComments(actual));
            for (var i = 0; i < expectedTokens.Count; i++)
            {
                if (!expectedTokens[i].IsKind(SyntaxKind.StringLiteralToken)) continue;
                Assert.Equal(expectedTokens[i].ValueText.Replace(Marker, text), actualTokens[i].ValueText);
            }
        }
        return true;
    }

    private static List<string> Directives(SyntaxNode root) =>
        root.DescendantTrivia().Where(t => t.IsDirective).Select(t => t.Kind() + " " + (t.GetStructure() is Microsoft.CodeAnalysis.CSharp.Syntax.LineDirectiveTriviaSyntax line ? line.Line.Text : "")).ToList();

    /// <summary>Each comment's kind and the line it is on: a comment broken by injected text would add lines or kinds.</summary>
    private static List<string> DocumentationComments(SyntaxNode root) =>
        root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.SingleLineCommentTrivia))
            .Select(t => t.Kind() + "@" + t.GetLocation().GetLineSpan().StartLinePosition.Line).ToList();
}
