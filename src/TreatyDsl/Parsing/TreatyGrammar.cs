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
internal sealed class TreatyGrammar
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

    // ---------- declarations ----------

    private Dictionary<string, Parser<DeclarationSyntax>> BuildDeclarations()
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

        var unless =
            from kw in Keyword("unless")
            from condition in Expression
            from cite in OptionalCitation
            select new UnlessSyntax(condition, cite, Cover(kw, condition.Span));

        var accept =
            from kw in Keyword("accept")
            from id in Identifier
            from text in QuotedText.Named("the justification, in quotes")
            from cite in OptionalCitation
            select new AcceptSyntax(id.Value, text, cite, id.Span);

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
            from accepts in accept.Many()
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
            from accepts in accept.XMany()
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

        // ---------- examples ----------

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

        var byKeyword = new Dictionary<string, Parser<DeclarationSyntax>>(System.StringComparer.Ordinal)
        {
            ["example"] = example,
            ["vocabulary"] = vocabulary,
            ["enum"] = enumeration,
            ["record"] = record,
            ["fact"] = fact,
            ["derive"] = derive,
            ["instrument"] = instrument,
            ["baseline"] = baseline,
            ["threshold"] = threshold,
            ["override"] = overrideThreshold.Or(overrideCite),
            ["require"] = Rule("require", RuleKind.Requirement),
            ["bar"] = Rule("bar", RuleKind.Bar),
            ["review"] = Rule("review", RuleKind.Review),
            ["exception"] = exception,
            ["countries"] = countries,
            ["country"] = country,
            ["territory"] = territory,
            ["usage"] = usage,
            ["advisories"] = advisories,
            ["advisory"] = advisory,
        };
        return byKeyword.ToDictionary(d => d.Key, d => d.Value.End(), System.StringComparer.Ordinal);
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
