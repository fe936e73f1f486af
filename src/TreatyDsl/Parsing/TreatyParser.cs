using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;
using TreatyDsl.Diagnostics;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.Parsing;

/// <summary>The result of parsing one file: every declaration that could be read, and a diagnostic for each that could not.</summary>
public sealed record ParseResult(TreatyFileSyntax File, EquatableArray<TreatyDiagnostic> Diagnostics);

/// <summary>
/// Parses .treaty text. Never throws: whatever the input, the answer is a syntax tree (possibly partial)
/// and located diagnostics. One diagnostic per declaration that fails, so a file with several mistakes
/// reports several.
/// </summary>
public static class TreatyParser
{
    public static ParseResult Parse(string path, string text)
    {
        text ??= string.Empty;
        var grammar = TreatyGrammar.ForThread(path);
        var declarations = new List<DeclarationSyntax>();
        var diagnostics = new List<TreatyDiagnostic>();
        var cursor = new LineCursor(path, text);
        foreach (var chunk in DeclarationSplitter.Split(text))
        {
            if (chunk.UnterminatedStringAt is int quote)
            {
                diagnostics.Add(DiagnosticCatalog.UnterminatedString.Create(SpanAt(path, text, quote, 1)));
                continue;
            }
            if (chunk.Keyword is null)
            {
                var word = FirstToken(text, chunk.Start);
                diagnostics.Add(DiagnosticCatalog.ExpectedDeclaration.Create(SpanAt(path, text, chunk.Start, word.Length), word));
                continue;
            }

            IResult<DeclarationSyntax> result;
            try
            {
                // Each declaration is parsed on its own text: Sprache allocates per character it steps over, so
                // handing it the whole file before the declaration would make parsing quadratic in the file's length.
                var origin = cursor.At(chunk.Start);
                grammar.StartAt(chunk.Start, origin.Line, origin.Column);
                result = grammar.WholeDeclarationFor(chunk.Keyword)(new TextInput(text.Substring(chunk.Start, chunk.End - chunk.Start)));
            }
            catch (NestingTooDeepException deep)
            {
                diagnostics.Add(TooDeep(path, text, deep));
                continue;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Sprache should not throw, but a parser that must never throw does not trust that.
                diagnostics.Add(DiagnosticCatalog.SyntaxError.Create(SpanAt(path, text, chunk.Start, chunk.Keyword.Length),
                    $"This '{chunk.Keyword}' declaration could not be read ({ex.GetType().Name})"));
                continue;
            }

            if (result.WasSuccessful) declarations.Add(result.Value);
            else diagnostics.Add(Describe(path, text, chunk, result));
        }
        return new ParseResult(new TreatyFileSyntax(path, declarations.ToEquatableArray()), diagnostics.ToEquatableArray());
    }

    /// <summary>Parses a lone condition; used by tests and tools that check one expression.</summary>
    public static (ExpressionSyntax? Expression, TreatyDiagnostic? Error) ParseCondition(string path, string text)
    {
        var grammar = new TreatyGrammar(path);
        IResult<ExpressionSyntax> result;
        try
        {
            result = grammar.Expression.End()(new TextInput(text ?? string.Empty));
        }
        catch (NestingTooDeepException deep)
        {
            return (null, TooDeep(path, text ?? string.Empty, deep));
        }
        if (result.WasSuccessful) return (result.Value, null);
        var at = Math.Min(result.Remainder.Position, (text ?? string.Empty).Length);
        return (null, DiagnosticCatalog.SyntaxError.Create(SpanAt(path, text ?? string.Empty, at, 1), Message(text ?? string.Empty, at, result.Message, result.Expectations)));
    }

    private static TreatyDiagnostic TooDeep(string path, string text, NestingTooDeepException deep) =>
        DiagnosticCatalog.NestedTooDeeply.Create(SpanAt(path, text, Math.Min(deep.Offset, text.Length), Math.Max(1, FirstToken(text, deep.Offset).Length)), TreatyGrammar.MaxNesting);

    private static TreatyDiagnostic Describe(string path, string text, DeclarationSplitter.Chunk chunk, IResult<DeclarationSyntax> result)
    {
        var at = Math.Min(chunk.Start + result.Remainder.Position, chunk.End);
        // A failure at the very end of the declaration is reported on its last word, where the editor can show it.
        if (at >= chunk.End) at = LastTokenStart(text, chunk.Start, chunk.End);
        var length = Math.Max(1, FirstToken(text, at).Length);
        return DiagnosticCatalog.SyntaxError.Create(SpanAt(path, text, at, length), Message(text, at, result.Message, result.Expectations, chunk));
    }

    private static string Message(string text, int at, string failure, IEnumerable<string> expectationList, DeclarationSplitter.Chunk? chunk = null)
    {
        var expectations = expectationList
            .Where(e => !string.IsNullOrEmpty(e))
            .Select(e => e == "end of input" ? "the end of the declaration" : e)
            .Distinct()
            .ToList();
        var found = at >= text.Length || (chunk is { } c && at >= c.End) ? "the end of the declaration" : $"'{FirstToken(text, at)}'";
        // The grammar's own failures ("'2026-02-30' is not a calendar date", "'123456' is too large for a duration")
        // quote the token they are about and say more than a list of expectations would.
        if (!string.IsNullOrEmpty(failure) && failure.StartsWith("'", StringComparison.Ordinal))
        {
            return failure;
        }
        var expected = expectations.Count == 0 ? "something else" : string.Join(" or ", expectations);
        var inside = chunk is { Keyword: { } kw } ? $" in this '{kw}' declaration" : string.Empty;
        return $"Expected {expected}{inside}, but found {found}";
    }

    private static string FirstToken(string text, int at)
    {
        if (at >= text.Length) return string.Empty;
        var end = at;
        if (char.IsLetterOrDigit(text[at]) || text[at] == '_')
        {
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-' or '.')) end++;
        }
        else
        {
            end = at + 1;
        }
        return text.Substring(at, end - at);
    }

    private static int LastTokenStart(string text, int start, int end)
    {
        var i = end - 1;
        while (i > start && char.IsWhiteSpace(text[i])) i--;
        // Step back over a trailing comment line is not needed for the message; land on the last non-blank char's word.
        while (i > start && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '-' or '.')) i--;
        return i;
    }

    /// <summary>
    /// Lines and columns of increasing offsets in one file, counted once from the start: finding each declaration's
    /// place by <see cref="SpanAt"/> would rescan the file for each, quadratic in the number of declarations.
    /// </summary>
    private sealed class LineCursor(string path, string text)
    {
        private int offset;
        private int line = 1;
        private int column = 1;

        public SourceSpan At(int target)
        {
            for (; offset < target && offset < text.Length; offset++)
            {
                if (text[offset] == '\n') { line++; column = 1; }
                else column++;
            }
            return new SourceSpan(path, target, 0, line, column);
        }
    }

    /// <summary>The span of <paramref name="length"/> characters at <paramref name="offset"/> of <paramref name="text"/>, with its line and column.</summary>
    public static SourceSpan SpanAt(string path, string text, int offset, int length)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new SourceSpan(path, offset, Math.Max(0, Math.Min(length, text.Length - offset)), line, column);
    }
}
