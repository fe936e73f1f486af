using System.Collections.Generic;
using Sprache;
using TreatyDsl.Syntax;

namespace TreatyDsl.Parsing;

internal sealed partial class TreatyGrammar
{
    /// <summary>The rules of an instrument or baseline: <c>require</c>, <c>bar</c>, <c>review</c>, <c>exception</c>.</summary>
    private void AddRuleDeclarations(Dictionary<string, Parser<DeclarationSyntax>> byKeyword)
    {
        var unless =
            from kw in Keyword("unless")
            from condition in Expression
            from cite in OptionalCitation
            select new UnlessSyntax(condition, cite, Cover(kw, condition.Span));

        Parser<DeclarationSyntax> Rule(string keyword, RuleKind kind) =>
            from kw in Keyword(keyword)
            from id in Identifier
            from colon in Colon
            from text in QuotedText
            from cite in OptionalCitation
            from effective in OptionalEffective
            from when in Keyword("when")
            from condition in Expression
            from exceptions in unless.Many()
            from accepts in Accept.Many()
            select (DeclarationSyntax)new RuleSyntax(kind, id.Value, text, cite, effective, condition, exceptions.ToEquatableArray(), id.Span, accepts.ToEquatableArray());

        var exception =
            from kw in Keyword("exception")
            from id in Identifier
            from to in Keyword("to")
            from target in Identifier
            from colon in Colon
            from text in QuotedText
            from cite in OptionalCitation
            from when in Keyword("when")
            from condition in Expression
            select (DeclarationSyntax)new ExceptionSyntax(id.Value, target.Value, text, cite, condition, id.Span);

        byKeyword["require"] = Rule("require", RuleKind.Requirement);
        byKeyword["bar"] = Rule("bar", RuleKind.Bar);
        byKeyword["review"] = Rule("review", RuleKind.Review);
        byKeyword["exception"] = exception;
    }

    /// <summary>An accepted finding of the analysis, with its justification: under a rule or a country's row.</summary>
    private Parser<AcceptSyntax> Accept => Once(() =>
        from kw in Keyword("accept")
        from id in Identifier
        from text in QuotedText.Named("the justification, in quotes")
        from cite in OptionalCitation
        select new AcceptSyntax(id.Value, text, cite, id.Span));
}
