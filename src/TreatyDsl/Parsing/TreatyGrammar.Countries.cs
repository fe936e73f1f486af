using System.Collections.Generic;
using System.Linq;
using Sprache;
using TreatyDsl.Syntax;

namespace TreatyDsl.Parsing;

internal sealed partial class TreatyGrammar
{
    /// <summary>The country table: <c>countries</c>, <c>country</c>, <c>territory</c>, <c>usage</c>.</summary>
    private void AddCountryDeclarations(Dictionary<string, Parser<DeclarationSyntax>> byKeyword)
    {
        var countries =
            from kw in Keyword("countries")
            from title in QuotedText.Optional()
            from cite in OptionalCitation
            select (DeclarationSyntax)new CountriesSyntax(title.GetOrDefault(), cite, kw);

        var membership =
            from id in Identifier
            from date in (from f in Keyword("from") from d in Date select d).XOptional()
            from note in QuotedText.Optional()
            select new MembershipSyntax(id.Value, date.IsDefined ? date.Get() : null, note.GetOrDefault(), id.Span);

        var practice =
            from kw in Keyword("practice")
            from note in QuotedText
            from colon in Colon
            from kind in Keyword("only").Return(PracticeKind.Only).Or(Keyword("prefers").Return(PracticeKind.Prefers))
            from ids in Identifier.DelimitedBy(Tok(Parse.Char(',')))
            select new PracticeSyntax(note, kind, ids.Select(i => i.Value).ToEquatableArray(), kw);

        var countryNote =
            from kw in Keyword("note")
            from text in QuotedText
            from cite in OptionalCitation
            select new CountryNoteSyntax(text, cite, kw);

        var columns =
            from kw in Keyword("columns")
            from names in Identifier.DelimitedBy(Tok(Parse.Char(',')))
            select new ColumnsSyntax(names.Select(n => n.Value).ToEquatableArray(), kw);

        var country =
            from kw in Keyword("country")
            from code in CountryCode
            from name in QuotedText
            from marked in columns.Optional()
            from members in membership.XMany()
            from practiceNote in practice.Optional()
            from notes in countryNote.XMany()
            from accepts in Accept.XMany()
            select (DeclarationSyntax)new CountrySyntax(code.Value, name, members.ToEquatableArray(), practiceNote.GetOrDefault(), notes.ToEquatableArray(), code.Span,
                marked.GetOrDefault(), accepts.ToEquatableArray());

        var usage =
            from kw in Keyword("usage")
            from id in Identifier
            from forKw in Keyword("for")
            from codes in CountryCode.DelimitedBy(Tok(Parse.Char(',')))
            from colon in Colon
            from text in QuotedText
            from cite in OptionalCitation
            select (DeclarationSyntax)new UsageSyntax(id.Value, codes.Select(c => c.Value).ToEquatableArray(), text, cite, id.Span);

        var territory =
            from kw in Keyword("territory")
            from code in CountryCode
            from name in QuotedText
            from of in Keyword("of")
            from parent in CountryCode
            select (DeclarationSyntax)new TerritorySyntax(code.Value, name, parent.Value, parent.Span, code.Span);

        byKeyword["countries"] = countries;
        byKeyword["country"] = country;
        byKeyword["territory"] = territory;
        byKeyword["usage"] = usage;
    }
}
