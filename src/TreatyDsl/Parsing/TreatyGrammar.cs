using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sprache;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Parsing;

/// <summary>
/// The Sprache grammar of one declaration. Each declaration is parsed on its own text; <see cref="StartAt"/> says which
/// file and where in it that text sits, so the spans the grammar records are the file's own path, offsets, lines and
/// columns. Building the grammar costs as much as parsing a small file, so each thread keeps one (<see cref="ForThread"/>).
/// Whitespace, newlines and <c>// comments</c> are insignificant inside a declaration; the declaration splitter
/// (not this grammar) decides where one declaration ends and the next begins.
/// </summary>
internal sealed partial class TreatyGrammar
{
    private string path;
    private int originOffset;
    private int originLine = 1;
    private int originColumn = 1;

    public TreatyGrammar(string path)
    {
        this.path = path;
        Expression = Parse.Ref(() => OrExpression!).Named("a condition");
        declarations = BuildDeclarations();
    }

    /// <summary>Each declaration's whole grammar (the declaration and nothing after it), by its first word.</summary>
    private readonly Dictionary<string, Parser<DeclarationSyntax>> declarations;

    /// <summary>The whole declaration that starts with <paramref name="keyword"/>: the declaration splitter has already
    /// read each declaration's first word, so the parser goes straight to its grammar instead of trying each in turn.</summary>
    public Parser<DeclarationSyntax> WholeDeclarationFor(string keyword) =>
        declarations.TryGetValue(keyword, out var parser) ? parser : NoDeclaration;

    /// <summary>For a first word no declaration has (the splitter never hands one over): a failure, never a throw.</summary>
    private static readonly Parser<DeclarationSyntax> NoDeclaration = input =>
        Result.Failure<DeclarationSyntax>(input, "expected a declaration", new[] { "a declaration" });

    [System.ThreadStatic]
    private static TreatyGrammar? perThread;

    /// <summary>
    /// This thread's grammar, set to read <paramref name="file"/> from its start. A grammar holds the place it is
    /// reading, so it is never shared between threads; one parse at a time per thread, as the parser works.
    /// </summary>
    public static TreatyGrammar ForThread(string file)
    {
        var grammar = perThread ??= new TreatyGrammar(file);
        grammar.path = file;
        grammar.StartAt(0, 1, 1);
        return grammar;
    }

    /// <summary>Declares that the next text parsed starts at this place of the file.</summary>
    public void StartAt(int offset, int line, int column)
    {
        originOffset = offset;
        originLine = line;
        originColumn = column;
    }

    public Parser<ExpressionSyntax> Expression { get; }

    private readonly Dictionary<string, object> built = new();

    /// <summary>
    /// Builds a grammar piece once per grammar. The pieces are properties, and a property read inside a query's
    /// continuation (every <c>from</c> after the first is a lambda) would otherwise build a new parser each time that
    /// lambda runs, once per term of a condition: that rebuilding was most of the parser's time and allocation.
    /// </summary>
    private Parser<T> Once<T>(System.Func<Parser<T>> build, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        if (built.TryGetValue(name, out var parser)) return (Parser<T>)parser;
        var made = build();
        built[name] = made;
        return made;
    }

    // ---------- lexical ----------

    /// <summary>
    /// <paramref name="parser"/> between trivia (<see cref="Tokens.SkipTrivia"/>), with the span of what it read. Written
    /// out rather than as a Sprache query (trivia, <c>parser.Span()</c>, trivia), which it answers exactly as: every token
    /// of every file goes through it, and the query made a parser, a closure and a result at each step of each token.
    /// </summary>
    private Parser<(T Value, SourceSpan Span)> Tok<T>(Parser<T> parser) => input =>
    {
        var start = Tokens.SkipTrivia(input);
        var value = parser(start);
        if (!value.WasSuccessful) return Result.Failure<(T, SourceSpan)>(value.Remainder, value.Message, value.Expectations);
        var end = value.Remainder;
        return Result.Success((value.Value, SpanBetween(start, end)), Tokens.SkipTrivia(end));
    };

    private SourceSpan SpanBetween(IInput start, IInput end) =>
        new(path, originOffset + start.Position, end.Position - start.Position, originLine + start.Line - 1,
            start.Line == 1 ? originColumn + start.Column - 1 : start.Column);

    private static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        new(first.Path, first.Offset, last.Offset + last.Length - first.Offset, first.Line, first.Column);

    // A word followed by the rest of its hyphenated tail, re-read from the source so "state-security" stays whole.
    private static readonly Parser<string> FullWord = Tokens.Name;

    private readonly Dictionary<string, Parser<SourceSpan>> keywords = new();

    private Parser<SourceSpan> Keyword(string keyword)
    {
        if (!keywords.TryGetValue(keyword, out var parser))
        {
            parser = Tok(Tokens.Keyword(keyword)).Select(t => t.Span).Named($"'{keyword}'");
            keywords[keyword] = parser;
        }
        return parser;
    }

    private Parser<(string Value, SourceSpan Span)> Identifier => Once(() =>
        Tok(FullWord.Where(w => !TreatyKeywords.IsReserved(w))).Named("a name"));

    private Parser<(string Value, SourceSpan Span)> DottedName => Once(() =>
        // A single word must not be reserved; with a dot in it any word may be a part (sentence.kind): no keyword is
        // ever followed by a dot, so the name cannot be misread.
        Tok(FullWord.DelimitedBy(Parse.Char('.'))
                .Select(parts => string.Join(".", parts))
                .Where(name => name.IndexOf('.') >= 0 || !TreatyKeywords.IsReserved(name)))
            .Named("a name"));

    private Parser<(string Value, SourceSpan Span)> CountryCode => Once(() =>
        Tok(Tokens.CountryCode).Named("a country code such as MX"));

    private static readonly Parser<string> QuotedTextRaw = Tokens.QuotedText;

    private Parser<string> QuotedText => Once(() => Tok(QuotedTextRaw).Select(t => t.Value).Named("quoted text"));

    private Parser<(string Value, SourceSpan Span)> SpannedText => Once(() => Tok(QuotedTextRaw).Named("quoted text"));

    // A well-formed but impossible date (2026-02-30) fails at its first digit with its own message, so the
    // clause that holds it (XMany, XOr) reports it instead of backtracking to a vaguer error.
    private static readonly Parser<string> DateShape = Tokens.DateShape;

    private static readonly Parser<DateValue> DateRaw = input =>
    {
        var shape = DateShape(input);
        if (!shape.WasSuccessful) return Result.Failure<DateValue>(shape.Remainder, shape.Message, shape.Expectations);
        var text = shape.Value;
        var year = int.Parse(text.Substring(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(text.Substring(5, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(text.Substring(8, 2), CultureInfo.InvariantCulture);
        return DateValue.IsValid(year, month, day)
            ? Result.Success(new DateValue(year, month, day), shape.Remainder)
            : Result.Failure<DateValue>(input, $"'{text}' is not a calendar date", new[] { "a calendar date (YYYY-MM-DD)" });
    };

    private Parser<DateValue> Date => Once(() => Tok(DateRaw).Select(t => t.Value).Named("a date (YYYY-MM-DD)"));

    /// <summary>The most of one unit a duration may say: more than any sentence, and small enough that no sum overflows.</summary>
    private const int MaxDurationAmount = 99999;

    private static readonly Parser<int> DurationAmount = input =>
    {
        var digits = Tokens.WholeNumber(input);
        if (!digits.WasSuccessful) return Result.Failure<int>(digits.Remainder, digits.Message, digits.Expectations);
        return digits.Value.Length <= 5
            ? Result.Success(int.Parse(digits.Value, CultureInfo.InvariantCulture), digits.Remainder)
            : Result.Failure<int>(input, $"'{digits.Value}' is too large for a duration (at most {MaxDurationAmount} of a unit)", new[] { "a smaller amount" });
    };

    private static readonly Parser<(int Amount, string Unit)> DurationPart =
        from amount in DurationAmount
        from space in Parse.WhiteSpace.AtLeastOnce()
        from unit in Tokens.Unit
        select (amount, unit);

    private static readonly Parser<DurationValue> DurationRaw =
        DurationPart.DelimitedBy(Parse.WhiteSpace.AtLeastOnce()).Select(parts =>
        {
            int years = 0, months = 0, days = 0;
            foreach (var (amount, unit) in parts)
            {
                if (unit.StartsWith("year")) years += amount;
                else if (unit.StartsWith("month")) months += amount;
                else if (unit.StartsWith("week")) days += 7 * amount;
                else days += amount;
            }
            return new DurationValue(years, months, days);
        });

    private static readonly Parser<decimal> NumberRaw = input =>
    {
        var text = Tokens.Number(input);
        if (!text.WasSuccessful) return Result.Failure<decimal>(text.Remainder, text.Message, text.Expectations);
        return decimal.TryParse(text.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? Result.Success(value, text.Remainder)
            : Result.Failure<decimal>(input, $"'{text.Value}' is too large for a number", new[] { "a smaller number" });
    };

    // ---------- expressions ----------

    private Parser<ExpressionSyntax> Literal => Once(() =>
        NumericLiteral
            .Or(TextLiteral)
            .Or(Keyword("true").Select(s => (ExpressionSyntax)new BoolLiteralSyntax(true, s)))
            .Or(Keyword("false").Select(s => (ExpressionSyntax)new BoolLiteralSyntax(false, s))));

    private Parser<NameSyntax> Name => Once(() => DottedName.Select(t => new NameSyntax(t.Value, t.Span)));

    private Parser<ExpressionSyntax> Operand => Once(() => ByFirstCharacter(
            c => c == '(' ? ParenthesisedOperand
                : c is >= '0' and <= '9' ? NumericLiteral
                : c == '"' ? TextLiteral
                : WordOperand)
        .Named("a fact or a value"));

    private Parser<ExpressionSyntax> ParenthesisedOperand => Once(() => Nested(
        Tok(Parse.Char('(')).Select(t => t.Span),
        span => span,
        from inner in Expression
        from close in Tok(Parse.Char(')')).Named("')'")
        select inner,
        (_, inner) => inner));

    private Parser<ExpressionSyntax> NumericLiteral => Once(() =>
    {
        var date = Tok(DateRaw).Select(t => (ExpressionSyntax)new DateLiteralSyntax(t.Value, t.Span));
        var duration = Tok(DurationRaw).Select(t => (ExpressionSyntax)new DurationLiteralSyntax(t.Value, t.Span));
        var number = Tok(NumberRaw).Select(t => (ExpressionSyntax)new NumberLiteralSyntax(t.Value, t.Span));
        // Which of the three it is shows in its first few characters; trying each in turn read every number three times.
        return (Parser<ExpressionSyntax>)(input =>
        {
            var start = Tokens.SkipTrivia(input);
            return Tokens.LooksLikeDate(start.Source, start.Position) ? date(input)
                : Tokens.LooksLikeDuration(start.Source, start.Position) ? duration(input)
                : number(input);
        });
    });

    private Parser<ExpressionSyntax> TextLiteral => Once(() => SpannedText.Select(t => (ExpressionSyntax)new TextLiteralSyntax(t.Value, t.Span)));

    private Parser<ExpressionSyntax> WordOperand => Once(() =>
        Keyword("true").Select(s => (ExpressionSyntax)new BoolLiteralSyntax(true, s))
            .Or(Keyword("false").Select(s => (ExpressionSyntax)new BoolLiteralSyntax(false, s)))
            .Or(Name.Select(n => (ExpressionSyntax)n)));

    /// <summary>
    /// Chooses the one alternative an operand can be from its first character after trivia, instead of trying every
    /// kind of literal in turn, each failed try re-reading the trivia and the token.
    /// </summary>
    private static Parser<T> ByFirstCharacter<T>(System.Func<char, Parser<T>> choose) => input =>
    {
        var rest = Tokens.SkipTrivia(input);
        return choose(rest.AtEnd ? '\0' : rest.Current)(input);
    };

    private Parser<ComparisonOperator> Operator => Once(() =>
        Tok(Parse.String(">=").Return(ComparisonOperator.GreaterOrEqual)
            .Or(Parse.String("<=").Return(ComparisonOperator.LessOrEqual))
            .Or(Parse.String("!=").Return(ComparisonOperator.NotEqual))
            .Or(Parse.String("=").Return(ComparisonOperator.Equal))
            .Or(Parse.String(">").Return(ComparisonOperator.Greater))
            .Or(Parse.String("<").Return(ComparisonOperator.Less)))
        .Select(t => t.Value)
        .Named("a comparison (=, !=, <, <=, >, >=)"));

    private Parser<ExpressionSyntax> Comparison => Once(() =>
        from left in Operand
        from tail in
            (from op in Operator
             from right in Operand
             select (System.Func<ExpressionSyntax, ExpressionSyntax>)(l => new ComparisonSyntax(l, op, right, Cover(l.Span, right.Span))))
            .Or(from not in Keyword("not")
                from inKw in Keyword("in")
                from list in Operand
                select (System.Func<ExpressionSyntax, ExpressionSyntax>)(l => new InListSyntax(l, list, true, Cover(l.Span, list.Span))))
            .Or(from inKw in Keyword("in")
                from list in Operand
                select (System.Func<ExpressionSyntax, ExpressionSyntax>)(l => new InListSyntax(l, list, false, Cover(l.Span, list.Span))))
            .Optional()
        select tail.IsDefined ? tail.Get()(left) : left);

    private Parser<ExpressionSyntax> QuantifierExpression => Once(() => Nested(
        Keyword("any").Select(s => (Kind: Quantifier.Any, Span: s)).Or(Keyword("all").Select(s => (Kind: Quantifier.All, Span: s))),
        quantifier => quantifier.Span,
        from variable in Identifier
        from inKw in Keyword("in")
        from source in Name
        from colon in Tok(Parse.Char(':')).Named("':'")
        from body in Expression
        select (Variable: variable.Value, Source: source, Body: body),
        (quantifier, q) => (ExpressionSyntax)new QuantifierSyntax(quantifier.Kind, q.Variable, q.Source, q.Body, Cover(quantifier.Span, q.Body.Span))));

    private Parser<ExpressionSyntax> Unary => Once(() =>
        Nested(Keyword("not"), not => not, UnaryReference, (not, operand) => (ExpressionSyntax)new NotSyntax(operand, Cover(not, operand.Span)))
        .Or(QuantifierExpression)
        .Or(Comparison));

    private Parser<ExpressionSyntax> UnaryReference => Once(() => Parse.Ref(() => Unary));

    private Parser<ExpressionSyntax> AndExpression => Once(() =>
        Chain(Keyword("and"), Unary, (l, r) => new AndSyntax(l, r, Cover(l.Span, r.Span))));

    private Parser<ExpressionSyntax> OrExpression => Once(() =>
        Chain(Keyword("or"), AndExpression, (l, r) => new OrSyntax(l, r, Cover(l.Span, r.Span))));

    /// <summary>
    /// <c>operand (op operand)*</c>, read in a loop rather than by Sprache's <c>ChainOperator</c>, which recurses once per
    /// term. The terms become a balanced tree (depth log2 n, not n), so every stage after the parser (binder, printer,
    /// interpreter, emitter) walks a 10,000-term chain in a few dozen frames. Balancing changes nothing anyone sees:
    /// three-valued 'and' and 'or' are associative, both evaluators visit the terms left to right, and the printer
    /// writes <c>a and (b and c)</c> as <c>a and b and c</c>.
    /// </summary>
    private static Parser<ExpressionSyntax> Chain(Parser<SourceSpan> op, Parser<ExpressionSyntax> operand, System.Func<ExpressionSyntax, ExpressionSyntax, ExpressionSyntax> combine) => input =>
    {
        var first = operand(input);
        if (!first.WasSuccessful) return first;
        var terms = new List<ExpressionSyntax> { first.Value };
        var rest = first.Remainder;
        while (true)
        {
            var next = op(rest);
            if (!next.WasSuccessful) break;
            var term = operand(next.Remainder);
            if (!term.WasSuccessful) return term;
            terms.Add(term.Value);
            rest = term.Remainder;
        }
        return Result.Success(Balance(terms, 0, terms.Count, combine), rest);
    };

    private static ExpressionSyntax Balance(List<ExpressionSyntax> terms, int start, int end, System.Func<ExpressionSyntax, ExpressionSyntax, ExpressionSyntax> combine)
    {
        if (end - start == 1) return terms[start];
        var middle = start + (end - start) / 2;
        return combine(Balance(terms, start, middle, combine), Balance(terms, middle, end, combine));
    }

    /// <summary>
    /// How deep parentheses, 'not' and 'any'/'all' may nest. Every stage that reads a condition recurses once per level,
    /// and so does the C# compiler that hosts the generator: without a limit, a few thousand levels overflow its stack
    /// and kill the build. The shipped treaties nest 3 levels.
    /// </summary>
    public const int MaxNesting = 64;

    private int nesting;

    /// <summary>
    /// A level of nesting: <paramref name="open"/> ('(', 'not', 'any'/'all') then <paramref name="body"/>, the two joined by
    /// <paramref name="combine"/>. Opening a level past <see cref="MaxNesting"/> stops the parse with
    /// <see cref="NestingTooDeepException"/> at the opening token (<paramref name="where"/>).
    /// </summary>
    private Parser<TResult> Nested<TOpen, TBody, TResult>(Parser<TOpen> open, System.Func<TOpen, SourceSpan> where, Parser<TBody> body, System.Func<TOpen, TBody, TResult> combine) => input =>
    {
        var opened = open(input);
        if (!opened.WasSuccessful) return Result.Failure<TResult>(opened.Remainder, opened.Message, opened.Expectations);
        if (nesting >= MaxNesting) throw new NestingTooDeepException(where(opened.Value).Offset);
        nesting++;
        try
        {
            var inner = body(opened.Remainder);
            return inner.WasSuccessful
                ? Result.Success(combine(opened.Value, inner.Value), inner.Remainder)
                : Result.Failure<TResult>(inner.Remainder, inner.Message, inner.Expectations);
        }
        finally
        {
            nesting--;
        }
    };


    // ---------- shared clauses ----------

    private Parser<TypeSyntax> Type => Once(() =>
        (from list in Keyword("list")
         from of in Keyword("of")
         from element in Parse.Ref(() => Type)
         select new TypeSyntax("list", element, Cover(list, element.Span)))
        // Type names may be words that are reserved elsewhere ('country' also starts a table row).
        .Or(Tok(FullWord.Where(w => w != "list")).Select(t => new TypeSyntax(t.Value, null, t.Span)))
        .Named("a type"));

    private Parser<string?> OptionalCitation => Once(() =>
        (from kw in Keyword("cite") from text in QuotedText select text).XOptional().Select(o => o.GetOrDefault()));

    private Parser<EffectiveSyntax?> OptionalEffective => Once(() =>
        (from kw in Keyword("effective")
         from start in (from f in Keyword("from") from d in Date select d).XOptional()
         from before in (from b in Keyword("before") from d in Date select d).XOptional()
         select new EffectiveSyntax(start.IsDefined ? start.Get() : null, before.IsDefined ? before.Get() : null, kw))
        .XOptional().Select(o => o.GetOrDefault()));

    private Parser<(string Value, SourceSpan Span)> Colon => Once(() => Tok(Parse.Char(':').Select(c => ":")).Named("':'"));

    // ---------- declarations (one partial file per kind: TreatyGrammar.Vocabulary.cs, .Instruments.cs, .Rules.cs,
    // .Countries.cs, .Advisories.cs, .Examples.cs) ----------

    /// <summary>Each declaration's grammar, by the keyword it starts with, to be read whole.</summary>
    private Dictionary<string, Parser<DeclarationSyntax>> BuildDeclarations()
    {
        var byKeyword = new Dictionary<string, Parser<DeclarationSyntax>>(System.StringComparer.Ordinal);
        AddVocabularyDeclarations(byKeyword);
        AddInstrumentDeclarations(byKeyword);
        AddRuleDeclarations(byKeyword);
        AddCountryDeclarations(byKeyword);
        AddAdvisoryDeclarations(byKeyword);
        AddExampleDeclarations(byKeyword);
        return byKeyword.ToDictionary(d => d.Key, d => d.Value.End(), System.StringComparer.Ordinal);
    }
}
