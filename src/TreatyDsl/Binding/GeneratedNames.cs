using System.Linq;
using System.Text;

namespace TreatyDsl.Binding;

/// <summary>
/// The C# names the generator gives to treaty names, written once: the generator emits with them and the binder
/// (<see cref="Binder"/>, GeneratedNameCheck) proves that no two treaty names become one C# name, so a collision is a
/// located TDSL0122 in the .treaty file instead of a broken build.
/// <para>
/// <see cref="Pascal"/> drops '-', '_', '.' and spaces and capitalises what follows, so it never writes '_' after the
/// first character. Static fields are named with an '_' inside (<see cref="RuleStarts"/>...), which keeps them apart
/// from every method name built from a treaty name.
/// </para>
/// </summary>
public static class GeneratedNames
{
    /// <summary>The case type, one property per vocabulary fact.</summary>
    public const string CaseClass = "TreatyCase";

    /// <summary>The case type's own reader of case files (JSON), which also turns a case into facts by path.</summary>
    public const string CaseReaderClass = "TreatyCaseReader";

    /// <summary>The catalog class: schema, country table, validators and advisory sets.</summary>
    public const string CatalogClass = "GeneratedTreaties";

    /// <summary>The static method on the case type and on each record class that reads the case file reader's values.</summary>
    public const string FromFacts = "FromFacts";

    /// <summary>"us-mx" → UsMx, "state_security" → StateSecurity, "4th" → _4th.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.' or ' ') { upper = true; continue; }
            if (!char.IsLetterOrDigit(c)) continue;
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (builder.Length == 0 || char.IsDigit(builder[0])) builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary>The C# member path of a fact: "sentence.fullTermDate" → "Sentence.FullTermDate".</summary>
    public static string Member(string path) => string.Join(".", path.Split('.').Select(Pascal));

    /// <summary>An instrument's validator class: <c>us-mx</c> gives <c>UsMxValidator</c>.</summary>
    public static string ValidatorClass(string instrumentId) => Pascal(instrumentId) + "Validator";

    /// <summary>An advisory set's class: <c>doj-guidelines</c> gives <c>DojGuidelinesAdvisories</c>.</summary>
    public static string AdvisoriesClass(string setId) => Pascal(setId) + "Advisories";

    /// <summary>A vocabulary enum's C# enum.</summary>
    public static string EnumType(string name) => Pascal(name);

    /// <summary>The class that spells a vocabulary enum's members as the case file does.</summary>
    public static string EnumNamesClass(string name) => Pascal(name) + "Names";

    /// <summary>A vocabulary record's class.</summary>
    public static string RecordClass(string name) => Pascal(name);

    /// <summary>The class holding the facts under a dotted prefix: TreatyCase + "prisoner" → TreatyCasePrisoner.</summary>
    public static string GroupClass(string parentClass, string segment) => parentClass + Pascal(segment);

    /// <summary>The method that evaluates a rule's condition.</summary>
    public static string RuleMethod(string ruleId) => "Rule" + Pascal(ruleId);

    /// <summary>The public method that reports one rule with its explanation.</summary>
    public static string RuleReportMethod(string ruleId) => "Evaluate" + Pascal(ruleId);

    /// <summary>The method that evaluates a derived fact.</summary>
    public static string DerivedMethod(string name) => "Derived" + Pascal(name);

    /// <summary>The method of the catalog class that evaluates the <paramref name="index"/>th fact expectation (<c>expected when</c>) of the vocabulary.</summary>
    public static string ExpectationMethod(int index) => "Expected" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The method that evaluates one advisory factor.</summary>
    public static string FactorMethod(string factorId) => "Factor" + Pascal(factorId);

    /// <summary>The static array of a versioned rule's start dates.</summary>
    public static string RuleStarts(string ruleId) => "RuleFrom_" + Pascal(ruleId);

    /// <summary>The static array of a versioned rule's end dates.</summary>
    public static string RuleEnds(string ruleId) => "RuleBefore_" + Pascal(ruleId);

    /// <summary>
    /// The static words (id, text, citation) of a rule's version <paramref name="version"/>, or of its exception
    /// <paramref name="exception"/> when that cites a further passage: <c>Wording_MinRemaining_0</c>, <c>Wording_MinRemaining_0_1</c>.
    /// </summary>
    public static string RuleWording(string ruleId, int version, int? exception) =>
        "Wording_" + Pascal(ruleId) + "_" + version.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + (exception is { } e ? "_" + e.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>The static array of a versioned threshold's start dates.</summary>
    public static string ThresholdStarts(string name) => "ThresholdFrom_" + Pascal(name);

    /// <summary>The static array of a versioned threshold's end dates.</summary>
    public static string ThresholdEnds(string name) => "ThresholdBefore_" + Pascal(name);
}
