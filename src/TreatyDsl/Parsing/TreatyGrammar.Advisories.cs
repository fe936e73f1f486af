using System.Collections.Generic;
using Sprache;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Parsing;

internal sealed partial class TreatyGrammar
{
    /// <summary>The discretionary factors: <c>advisories</c>, <c>advisory</c>.</summary>
    private void AddAdvisoryDeclarations(Dictionary<string, Parser<DeclarationSyntax>> byKeyword)
    {
        var advisoriesClause =
            (from kw in Keyword("title") from text in QuotedText select (System.Action<AdvisoriesBuilder>)(b => b.Title = text))
            .Or(from kw in Keyword("cite") from text in QuotedText select (System.Action<AdvisoriesBuilder>)(b => b.Citation = text))
            .Or(from kw in Keyword("when") from condition in Expression select (System.Action<AdvisoriesBuilder>)(b => b.AppliesWhen = condition));

        var advisories =
            from kw in Keyword("advisories")
            from id in Identifier
            from clauses in advisoriesClause.XMany()
            select (DeclarationSyntax)AdvisoriesBuilder.Build(id.Value, id.Span, clauses);

        var weighs =
            Keyword("for").Return(Weighs.For)
                .Or(Keyword("against").Return(Weighs.Against))
                .Or(Keyword("either").Return(Weighs.Either))
                .Named("'for', 'against' or 'either'");

        var advisory =
            from kw in Keyword("advisory")
            from id in Identifier
            from weighsKw in Keyword("weighs")
            from direction in weighs
            from colon in Colon
            from text in QuotedText
            from cite in OptionalCitation
            from when in Keyword("when")
            from condition in Expression
            select (DeclarationSyntax)new AdvisorySyntax(id.Value, direction, text, cite, condition, id.Span);

        byKeyword["advisories"] = advisories;
        byKeyword["advisory"] = advisory;
    }

    /// <summary>Collects an advisory set's clauses, which may come in any order.</summary>
    private sealed class AdvisoriesBuilder
    {
        public string? Title;
        public string? Citation;
        public ExpressionSyntax? AppliesWhen;

        public static AdvisoriesSyntax Build(string id, SourceSpan span, IEnumerable<System.Action<AdvisoriesBuilder>> clauses)
        {
            var b = new AdvisoriesBuilder();
            foreach (var clause in clauses) clause(b);
            return new AdvisoriesSyntax(id, b.Title, b.Citation, b.AppliesWhen, span);
        }
    }
}
