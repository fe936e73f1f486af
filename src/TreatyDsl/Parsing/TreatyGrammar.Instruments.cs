using System.Collections.Generic;
using System.Linq;
using Sprache;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Parsing;

internal sealed partial class TreatyGrammar
{
    /// <summary>An instrument's and a baseline's headers and their named constants: <c>instrument</c>, <c>baseline</c>, <c>threshold</c>, <c>override</c>.</summary>
    private void AddInstrumentDeclarations(Dictionary<string, Parser<DeclarationSyntax>> byKeyword)
    {
        var instrumentClause =
            (from kw in Keyword("title") from text in QuotedText select (System.Action<InstrumentBuilder>)(b => b.Title = text))
            .Or(from kw in Keyword("kind") from kind in Identifier select (System.Action<InstrumentBuilder>)(b => b.Kind = kind.Value))
            .Or(from kw in Keyword("parties") from codes in CountryCode.DelimitedBy(Tok(Parse.Char(',')))
                select (System.Action<InstrumentBuilder>)(b => b.Parties.AddRange(codes.Select(c => c.Value))))
            .Or(from kw in Keyword("in") from force in Keyword("force") from f in Keyword("from") from date in Date
                select (System.Action<InstrumentBuilder>)(b => b.InForce = date))
            .Or(from kw in Keyword("cite") from text in QuotedText select (System.Action<InstrumentBuilder>)(b => b.Citation = text))
            .Or(from kw in Keyword("includes") from ids in Identifier.DelimitedBy(Tok(Parse.Char(',')))
                select (System.Action<InstrumentBuilder>)(b => b.Includes.AddRange(ids)));

        var instrument =
            from kw in Keyword("instrument")
            from id in Identifier
            from clauses in instrumentClause.XMany()
            select (DeclarationSyntax)InstrumentBuilder.Build(id.Value, id.Span, clauses);

        var baseline =
            from kw in Keyword("baseline")
            from id in Identifier
            from clauses in instrumentClause.XMany()
            select (DeclarationSyntax)InstrumentBuilder.BuildBaseline(id.Value, id.Span, clauses);

        var thresholdBody =
            from name in Identifier
            from colon in Colon
            from value in Literal.Named("a value such as '6 months'")
            from cite in OptionalCitation
            from effective in OptionalEffective
            select (name, value, cite, effective);

        var threshold =
            from kw in Keyword("threshold")
            from body in thresholdBody
            select (DeclarationSyntax)new ThresholdSyntax(false, body.name.Value, body.value, body.cite, body.effective, body.name.Span);

        var overrideThreshold =
            from kw in Keyword("override")
            from th in Keyword("threshold")
            from body in thresholdBody
            select (DeclarationSyntax)new ThresholdSyntax(true, body.name.Value, body.value, body.cite, body.effective, body.name.Span);

        var overrideCite =
            from kw in Keyword("override")
            from cite in Keyword("cite")
            from target in Identifier
            from text in QuotedText
            select (DeclarationSyntax)new CitationOverrideSyntax(target.Value, text, target.Span);

        byKeyword["instrument"] = instrument;
        byKeyword["baseline"] = baseline;
        byKeyword["threshold"] = threshold;
        byKeyword["override"] = overrideThreshold.Or(overrideCite);
    }

    /// <summary>Collects an instrument's clauses, which may come in any order.</summary>
    private sealed class InstrumentBuilder
    {
        public string? Title;
        public string? Kind;
        public readonly List<string> Parties = new();
        public DateValue? InForce;
        public string? Citation;
        public readonly List<(string Value, SourceSpan Span)> Includes = new();

        public static InstrumentSyntax Build(string id, SourceSpan span, IEnumerable<System.Action<InstrumentBuilder>> clauses)
        {
            var b = Apply(clauses);
            return new InstrumentSyntax(id, b.Title, b.Kind, b.Parties.ToEquatableArray(), b.InForce, b.Citation, b.Includes.Select(i => i.Value).ToEquatableArray(), b.Includes.Select(i => i.Span).ToEquatableArray(), span);
        }

        public static BaselineSyntax BuildBaseline(string id, SourceSpan span, IEnumerable<System.Action<InstrumentBuilder>> clauses)
        {
            var b = Apply(clauses);
            return new BaselineSyntax(id, b.Title, b.Citation, span);
        }

        private static InstrumentBuilder Apply(IEnumerable<System.Action<InstrumentBuilder>> clauses)
        {
            var b = new InstrumentBuilder();
            foreach (var clause in clauses) clause(b);
            return b;
        }
    }
}
