using System.Collections.Generic;
using System.Linq;
using Sprache;
using TreatyDsl.Syntax;

namespace TreatyDsl.Parsing;

internal sealed partial class TreatyGrammar
{
    /// <summary>Example cases: <c>example</c> with its <c>given</c> facts and <c>expect</c>ed outcomes.</summary>
    private void AddExampleDeclarations(Dictionary<string, Parser<DeclarationSyntax>> byKeyword)
    {
        // A fact's path, with an element's index before a record's field: offenses[0].category.
        var givenPath = Tok(
            from head in FullWord.DelimitedBy(Parse.Char('.')).Select(parts => string.Join(".", parts))
            from element in (
                from open in Parse.Char('[')
                from digits in Parse.Digit.Repeat(1, 4).Text()
                from close in Parse.Char(']')
                from dot in Parse.Char('.')
                from field in FullWord
                select "[" + digits + "]." + field).Optional()
            select head + element.GetOrElse(string.Empty)).Named("a fact's path");

        var listLiteral =
            from open in Tok(Parse.Char('['))
            from items in Operand.DelimitedBy(Tok(Parse.Char(','))).Optional()
            from close in Tok(Parse.Char(']')).Named("']'")
            select (ExpressionSyntax)new ListLiteralSyntax(items.GetOrElse(System.Array.Empty<ExpressionSyntax>()).ToEquatableArray(), Cover(open.Span, close.Span));

        var given =
            from kw in Keyword("given")
            from path in givenPath
            from eq in Tok(Parse.Char('=')).Named("'='")
            from value in listLiteral.Or(Operand)
            select new GivenSyntax(path.Value, value, path.Span);

        var expectWord = Tok(FullWord.Where(w => w is not ("expect" or "given" or "like" or "cite"))).Named("what is expected");
        var expect =
            from kw in Keyword("expect")
            from words in expectWord.Repeat(1, 3)
            select new ExpectSyntax(words.Select(w => w.Value).ToEquatableArray(), words.Select(w => w.Span).ToEquatableArray(), Cover(kw, words.Last().Span));

        var example =
            from kw in Keyword("example")
            from id in Identifier
            from colon in Colon
            from title in QuotedText
            from cite in OptionalCitation
            from caseFile in (from c in Keyword("case") from file in SpannedText select file).Optional()
            from like in (from l in Keyword("like") from other in Identifier select other).Optional()
            from givens in given.XMany()
            from expectations in expect.XMany()
            select (DeclarationSyntax)new ExampleSyntax(id.Value, title, cite, like.IsDefined ? like.Get().Value : null,
                like.IsDefined ? like.Get().Span : id.Span, givens.ToEquatableArray(), expectations.ToEquatableArray(), id.Span)
            {
                CaseFile = caseFile.IsDefined ? caseFile.Get().Value : null,
                CaseFileSpan = caseFile.IsDefined ? caseFile.Get().Span : id.Span,
            };

        byKeyword["example"] = example;
    }
}
