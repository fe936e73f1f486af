using System.Linq;
using Microsoft.CodeAnalysis;
using TreatyDsl.Diagnostics;
using Xunit;

namespace TreatyDsl.Tests.Binding;

/// <summary>
/// Treaty names that would become one C# name are the binder's located error (TDSL0122) at the second name, never a
/// broken build; and the generator, given them anyway, emits the rest and throws nothing.
/// </summary>
public class GeneratedNameCollisionTests
{
    private const string Vocabulary =
        "vocabulary v cite \"c\"\n" +
        "enum category: drug, violent\n" +
        "record offense\n  category: category\n" +
        "fact applicationDate: date\n" +
        "fact flag: bool\n" +
        "fact offenses: list of offense\n";

    private const string Rules =
        "baseline statute title \"S\" cite \"c\"\n" +
        "require r: \"t\" cite \"c\" when flag\n" +
        "instrument us-kw title \"K\" kind multilateral cite \"c\" includes statute\n";

    private static TreatyDiagnostic SingleError(string text)
    {
        var errors = TreatyLoader.Load(new[] { ("t.treaty", text) }).Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        return errors[0];
    }

    private static void AssertAt(TreatyDiagnostic error, string id, string text, string marked, int occurrence)
    {
        var offset = -1;
        for (var i = 0; i < occurrence; i++) offset = text.IndexOf(marked, offset + 1, System.StringComparison.Ordinal);
        var expected = TreatyDsl.Parsing.TreatyParser.SpanAt("t.treaty", text, offset, 0);
        Assert.Equal(id, error.Id);
        Assert.Equal((expected.Line, expected.Column), (error.Span.Line, error.Span.Column));
    }

    [Theory]
    [InlineData("rule ids", Vocabulary + Rules + "require a-b: \"t\" cite \"c\" when flag\nrequire a_b: \"t\" cite \"c\" when flag\n", "a_b", 1)]
    [InlineData("instrument ids", Vocabulary + Rules + "instrument us_kw title \"K\" kind multilateral cite \"c\" includes statute\n", "us_kw", 1)]
    [InlineData("class names that differ only in case", Vocabulary + Rules + "instrument uSKw title \"K\" kind multilateral cite \"c\" includes statute\n", "uSKw", 1)]
    [InlineData("enum members", "vocabulary v cite \"c\"\nenum category: drug, violent, Drug\nfact flag: bool\n", "Drug", 1)]
    [InlineData("a record and its own field", "vocabulary v cite \"c\"\nrecord offense\n  offense: text\nfact flag: bool\n", "offense", 2)]
    [InlineData("a record field and the reading method", "vocabulary v cite \"c\"\nrecord offense\n  from-facts: text\nfact flag: bool\n", "from-facts", 1)]
    [InlineData("an enum and the case type", "vocabulary v cite \"c\"\nenum treaty-case: a, b\nfact flag: bool\n", "treaty-case", 1)]
    [InlineData("an enum and the catalog", "vocabulary v cite \"c\"\nenum GeneratedTreaties: a, b\nfact flag: bool\n", "GeneratedTreaties", 1)]
    [InlineData("a record and the case file reader", "vocabulary v cite \"c\"\nrecord treaty-case-reader\n  a: text\nfact flag: bool\n", "treaty-case-reader", 1)]
    [InlineData("an enum and another enum's names class", "vocabulary v cite \"c\"\nenum sort: a, b\nenum sort-names: c, d\nfact flag: bool\n", "sort-names", 1)]
    [InlineData("a fact and the reading method", "vocabulary v cite \"c\"\nfact flag: bool\nfact from-facts: bool\n", "from-facts", 1)]
    [InlineData("a fact and the case type", "vocabulary v cite \"c\"\nfact flag: bool\nfact treaty-case: bool\n", "treaty-case", 1)]
    [InlineData("two facts", "vocabulary v cite \"c\"\nfact a-b: bool\nfact a_b: bool\n", "a_b", 1)]
    [InlineData("a fact and a group of facts", "vocabulary v cite \"c\"\nfact prisoner.age: number\nfact prisoner: bool\n", "prisoner", 2)]
    [InlineData("two thresholds", Vocabulary + Rules + "threshold min-x: 6 months cite \"c\"\nthreshold min_x: 6 months cite \"c\"\n", "min_x", 1)]
    [InlineData("two derived facts", Vocabulary + "derive a-b: bool = flag cite \"c\"\nderive a_b: bool = flag cite \"c\"\n" + Rules, "a_b", 1)]
    [InlineData("two advisory factors", Vocabulary + "advisories adv title \"A\" cite \"c\"\nadvisory a-b weighs for: \"t\" cite \"c\" when flag\nadvisory a_b weighs for: \"t\" cite \"c\" when flag\n", "a_b", 1)]
    public void Names_that_become_one_CSharp_name_are_TDSL0122_at_the_second(string what, string text, string marked, int occurrence)
    {
        var error = SingleError(text);

        Assert.True(error.Id == "TDSL0122", what + ": " + error);
        AssertAt(error, "TDSL0122", text, marked, occurrence);
    }

    [Fact]
    public void The_message_names_both_treaty_names_the_CSharp_name_and_the_first_place()
    {
        var error = SingleError("vocabulary v cite \"c\"\nenum category: drug, violent, Drug\nfact flag: bool\n");

        Assert.Equal("Enum member 'Drug' becomes the C# name 'Drug', which enum member 'drug' at t.treaty(2,16) already has; rename one of them", error.Message);
    }

    [Fact]
    public void A_second_includes_clause_naming_the_same_baseline_is_TDSL0123_at_the_repeat()
    {
        var text = Vocabulary + "baseline statute title \"S\" cite \"c\"\nrequire r: \"t\" cite \"c\" when flag\n" +
                   "instrument us-kw title \"K\" kind multilateral cite \"c\"\n  includes statute\n  includes statute\n";

        AssertAt(SingleError(text), "TDSL0123", text, "statute", 3);
    }

    [Fact]
    public void A_baseline_included_twice_is_TDSL0123_at_the_repeat()
    {
        var text = Vocabulary + "baseline statute title \"S\" cite \"c\"\nrequire r: \"t\" cite \"c\" when flag\n" +
                   "instrument us-kw title \"K\" kind multilateral cite \"c\" includes statute, statute\n";

        var error = SingleError(text);

        AssertAt(error, "TDSL0123", text, "statute", 3);
        Assert.Equal("Baseline 'statute' is already included at t.treaty(10,64); including it again would repeat each of its rules", error.Message);
    }

    [Fact]
    public void Given_colliding_instruments_the_generator_throws_nothing_and_emits_the_others()
    {
        var files = new[]
        {
            new GeneratorHarness.TreatyText("a.treaty", Vocabulary + Rules),
            new GeneratorHarness.TreatyText("b.treaty", "baseline other title \"O\" cite \"c\"\nrequire q: \"t\" cite \"c\" when flag\ninstrument us_kw title \"K\" kind multilateral cite \"c\" includes other\n"),
        };

        var output = GeneratorHarness.Generate(files, out var generatorDiagnostics);

        Assert.StartsWith("The validator for instrument 'us_kw' was not generated because its treaty files have errors; the first is TDSL0122", Assert.Single(generatorDiagnostics).GetMessage());
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("UsKwValidator.g.cs"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}
