using System.Linq;
using TreatyDsl.Diagnostics;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Analysis;

/// <summary>The vocabulary against the case-file contract (TDSL0323, TDSL0324), on the shipped vocabulary and on edits of it.</summary>
public class ContractCheckTests
{
    private static TreatyDiagnostic[] Findings(string vocabulary, string id) =>
        TreatyLoader.Load(new[] { ("case-file.treaty", vocabulary) }).Diagnostics.Where(d => d.Id == id).ToArray();

    /// <summary>Line and column of <paramref name="marked"/>'s first occurrence in <paramref name="text"/>.</summary>
    private static (int Line, int Column) At(string text, string marked)
    {
        var offset = text.IndexOf(marked, System.StringComparison.Ordinal);
        return (text.Substring(0, offset).Count(c => c == '\n') + 1, offset - text.LastIndexOf('\n', offset - 1));
    }

    [Fact]
    public void The_shipped_vocabulary_covers_every_contract_property_and_names_its_one_fact_outside_the_contract()
    {
        Assert.Empty(Findings(Vocabulary, "TDSL0323"));

        var outside = Assert.Single(Findings(Vocabulary, "TDSL0324"));
        Assert.Equal("'prisoner.domiciliaryOfSentencingCountry' is not a property of the case-file contract, so case files written to the contract never carry it: " +
            "a rule that needs it stays unknown unless the case file adds it", outside.Message);
        Assert.Equal(DiagnosticSeverity.Info, outside.Severity);
    }

    [Fact]
    public void A_contract_property_no_fact_covers_is_TDSL0323_at_the_vocabulary_header()
    {
        var text = string.Join("\n", Vocabulary.Split('\n').Where(l => !l.StartsWith("fact custody:", System.StringComparison.Ordinal)));

        var finding = Assert.Single(Findings(text, "TDSL0323"));

        Assert.Equal("The case-file contract defines 'custody' (federal | state | foreign), but no fact of the vocabulary covers it: " +
            "a case file's value is only warned about as an unknown property and decides nothing", finding.Message);
        Assert.Equal(At(text, "vocabulary case-file"), (finding.Span.Line, finding.Span.Column));
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void A_contract_property_declared_with_another_type_is_TDSL0323_at_the_fact()
    {
        var text = Vocabulary.Replace("fact prisoner.yearsResidentInSentencingCountry: number", "fact prisoner.yearsResidentInSentencingCountry: text");

        var finding = Assert.Single(Findings(text, "TDSL0323"));

        Assert.Equal("The case-file contract defines 'prisoner.yearsResidentInSentencingCountry' (number), but the vocabulary declares it as text: " +
            "a case file that follows the contract is refused", finding.Message);
        Assert.Equal(At(text, "prisoner.yearsResidentInSentencingCountry: text"), (finding.Span.Line, finding.Span.Column));
    }

    [Fact]
    public void An_enum_without_a_value_the_contract_allows_is_TDSL0323_and_a_record_without_a_contract_field_too()
    {
        var noJuvenile = Vocabulary.Replace("death, juvenile, dangerous-offender", "death, dangerous-offender");
        Assert.EndsWith("but enum SentenceType has no value 'juvenile': a case file with such a value is refused", Assert.Single(Findings(noJuvenile, "TDSL0323")).Message);

        var noDescription = Vocabulary.Replace("  description: text\n", string.Empty);
        var finding = Assert.Single(Findings(noDescription, "TDSL0323"));
        Assert.StartsWith("The case-file contract defines 'offenses[].description' (string), but no fact of the vocabulary covers it", finding.Message);
        Assert.Equal(At(noDescription, "Offense\n"), (finding.Span.Line, finding.Span.Column));
    }
}
