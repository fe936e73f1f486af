using System.Collections.Generic;
using System.Linq;
using Sprache;
using TreatyDsl.Syntax;

namespace TreatyDsl.Parsing;

internal sealed partial class TreatyGrammar
{
    /// <summary>The fact vocabulary's declarations: <c>vocabulary</c>, <c>enum</c>, <c>record</c>, <c>fact</c>, <c>derive</c>.</summary>
    private void AddVocabularyDeclarations(Dictionary<string, Parser<DeclarationSyntax>> byKeyword)
    {
        var vocabulary =
            from kw in Keyword("vocabulary")
            from name in Identifier
            from cite in OptionalCitation
            select (DeclarationSyntax)new VocabularySyntax(name.Value, cite, kw);

        var enumeration =
            from kw in Keyword("enum")
            from name in Identifier
            from colon in Colon
            from members in Identifier.DelimitedBy(Tok(Parse.Char(','))) 
            select (DeclarationSyntax)new EnumSyntax(name.Value, members.Select(m => m.Value).ToEquatableArray(), members.Select(m => m.Span).ToEquatableArray(), name.Span);

        var field =
            from name in Identifier
            from colon in Colon
            from type in Type
            select new FieldSyntax(name.Value, type, name.Span);

        var record =
            from kw in Keyword("record")
            from name in Identifier
            from fields in field.AtLeastOnce()
            select (DeclarationSyntax)new RecordSyntax(name.Value, fields.ToEquatableArray(), name.Span);

        var fact =
            from kw in Keyword("fact")
            from name in DottedName
            from colon in Colon
            from type in Type
            from required in Keyword("required").Optional()
            from nonEmpty in Keyword("nonempty").Optional()
            from description in QuotedText.Optional()
            from expected in (from kw in Keyword("expected") from when in Keyword("when") from condition in Expression select condition).Optional()
            select (DeclarationSyntax)new FactSyntax(name.Value, type, required.IsDefined, nonEmpty.IsDefined, description.GetOrDefault(), name.Span, expected.GetOrDefault());

        var period =
            from kw in Keyword("period")
            from f in Keyword("from")
            from start in Name
            from t in Keyword("to")
            from end in Name
            select (start, end);

        var deriveBody =
            period.Select(p => (From: (NameSyntax?)p.start, To: (NameSyntax?)p.end, Condition: (ExpressionSyntax?)null))
                .Or(Expression.Select(e => (From: (NameSyntax?)null, To: (NameSyntax?)null, Condition: (ExpressionSyntax?)e)))
                .Named("a condition or 'period from ... to ...'");

        var derive =
            from kw in Keyword("derive")
            from name in Identifier
            from colon in Colon
            from type in Type
            from eq in Tok(Parse.Char('=')).Named("'='")
            from body in deriveBody
            from label in (from l in Keyword("label") from text in QuotedText select text).Optional()
            from unbounded in (from kw in Keyword("unbounded") from when in Keyword("when") from condition in Expression select condition).Optional()
            from cite in OptionalCitation
            select (DeclarationSyntax)new DeriveSyntax(name.Value, type, body.Condition, body.From, body.To, label.GetOrDefault(), cite, name.Span, unbounded.GetOrDefault());

        byKeyword["vocabulary"] = vocabulary;
        byKeyword["enum"] = enumeration;
        byKeyword["record"] = record;
        byKeyword["fact"] = fact;
        byKeyword["derive"] = derive;
    }
}
