using System.Collections.Generic;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;

namespace TreatyDsl.Binding;

/// <summary>
/// The declarations of all files sorted into sections. A file reads like a statute: a header
/// ('vocabulary', 'baseline', 'instrument', 'countries', 'advisories') and the declarations that follow it belong together.
/// </summary>
internal sealed class Sections
{
    public List<VocabularySyntax> VocabularyHeaders { get; } = new();
    public List<EnumSyntax> Enums { get; } = new();
    public List<RecordSyntax> Records { get; } = new();
    public List<FactSyntax> Facts { get; } = new();
    public List<DeriveSyntax> VocabularyDerived { get; } = new();
    public List<RuleSetSection> RuleSets { get; } = new();
    public List<CountriesSyntax> CountriesHeaders { get; } = new();
    public List<CountrySyntax> Countries { get; } = new();
    public List<TerritorySyntax> Territories { get; } = new();
    public List<UsageSyntax> Usages { get; } = new();
    public List<AdvisorySetSection> AdvisorySets { get; } = new();

    /// <summary>Examples, in file order: they may stand under any header, and belong to none.</summary>
    public List<ExampleSyntax> Examples { get; } = new();

    public static Sections Collect(IEnumerable<TreatyFileSyntax> files, List<TreatyDiagnostic> diagnostics)
    {
        var sections = new Sections();
        foreach (var file in files)
        {
            object? current = null;
            foreach (var declaration in file.Declarations)
            {
                switch (declaration)
                {
                    case ExampleSyntax example:
                        sections.Examples.Add(example);
                        break;
                    case VocabularySyntax v:
                        sections.VocabularyHeaders.Add(v);
                        current = v;
                        break;
                    case InstrumentSyntax or BaselineSyntax:
                        var section = new RuleSetSection(declaration);
                        sections.RuleSets.Add(section);
                        current = section;
                        break;
                    case CountriesSyntax c:
                        sections.CountriesHeaders.Add(c);
                        current = c;
                        break;
                    case AdvisoriesSyntax a:
                        var advisorySet = new AdvisorySetSection(a);
                        sections.AdvisorySets.Add(advisorySet);
                        current = advisorySet;
                        break;
                    case EnumSyntax e when Expect<VocabularySyntax>(current, e, "enum", "a 'vocabulary' header", diagnostics):
                        sections.Enums.Add(e);
                        break;
                    case RecordSyntax r when Expect<VocabularySyntax>(current, r, "record", "a 'vocabulary' header", diagnostics):
                        sections.Records.Add(r);
                        break;
                    case FactSyntax f when Expect<VocabularySyntax>(current, f, "fact", "a 'vocabulary' header", diagnostics):
                        sections.Facts.Add(f);
                        break;
                    case DeriveSyntax d when current is VocabularySyntax:
                        sections.VocabularyDerived.Add(d);
                        break;
                    case DeriveSyntax d when Expect<RuleSetSection>(current, d, "derive", "a 'vocabulary', 'baseline' or 'instrument' header", diagnostics):
                        ((RuleSetSection)current!).Derived.Add(d);
                        break;
                    case ThresholdSyntax t when Expect<RuleSetSection>(current, t, "threshold", "a 'baseline' or 'instrument' header", diagnostics):
                        ((RuleSetSection)current!).Thresholds.Add(t);
                        break;
                    case RuleSyntax r when Expect<RuleSetSection>(current, r, r.Kind switch { RuleKind.Bar => "bar", RuleKind.Review => "review", _ => "require" }, "a 'baseline' or 'instrument' header", diagnostics):
                        ((RuleSetSection)current!).Rules.Add(r);
                        break;
                    case ExceptionSyntax x when Expect<RuleSetSection>(current, x, "exception", "an 'instrument' header", diagnostics):
                        ((RuleSetSection)current!).Exceptions.Add(x);
                        break;
                    case CitationOverrideSyntax o when Expect<RuleSetSection>(current is RuleSetSection { IsBaseline: true } ? null : current, o, "override cite", "an 'instrument' header", diagnostics):
                        ((RuleSetSection)current!).CitationOverrides.Add(o);
                        break;
                    case AdvisorySyntax a when Expect<AdvisorySetSection>(current, a, "advisory", "an 'advisories' header", diagnostics):
                        ((AdvisorySetSection)current!).Advisories.Add(a);
                        break;
                    case CountrySyntax c when Expect<CountriesSyntax>(current, c, "country", "a 'countries' header", diagnostics):
                        sections.Countries.Add(c);
                        break;
                    case TerritorySyntax t when Expect<CountriesSyntax>(current, t, "territory", "a 'countries' header", diagnostics):
                        sections.Territories.Add(t);
                        break;
                    case UsageSyntax u when Expect<CountriesSyntax>(current, u, "usage", "a 'countries' header", diagnostics):
                        sections.Usages.Add(u);
                        break;
                }
            }
        }
        return sections;
    }

    private static bool Expect<T>(object? current, DeclarationSyntax declaration, string what, string header, List<TreatyDiagnostic> diagnostics)
    {
        if (current is T) return true;
        diagnostics.Add(DiagnosticCatalog.DeclarationOutsideSection.Create(declaration.Span, what, header));
        return false;
    }
}

/// <summary>A baseline or instrument header and the declarations under it.</summary>
internal sealed class RuleSetSection
{
    public RuleSetSection(DeclarationSyntax header) => Header = header;

    public DeclarationSyntax Header { get; }
    public string Id => Header is InstrumentSyntax i ? i.Id : ((BaselineSyntax)Header).Id;
    public bool IsBaseline => Header is BaselineSyntax;
    public List<DeriveSyntax> Derived { get; } = new();
    public List<ThresholdSyntax> Thresholds { get; } = new();
    public List<RuleSyntax> Rules { get; } = new();
    public List<ExceptionSyntax> Exceptions { get; } = new();
    public List<CitationOverrideSyntax> CitationOverrides { get; } = new();
}

/// <summary>An 'advisories' header and the advisory factors under it.</summary>
internal sealed class AdvisorySetSection
{
    public AdvisorySetSection(AdvisoriesSyntax header) => Header = header;

    public AdvisoriesSyntax Header { get; }
    public List<AdvisorySyntax> Advisories { get; } = new();
}
