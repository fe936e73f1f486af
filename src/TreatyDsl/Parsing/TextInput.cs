using System;
using System.Collections.Generic;
using Sprache;

namespace TreatyDsl.Parsing;

/// <summary>
/// The parser's view of the text: Sprache's <see cref="IInput"/>, without the cost of Sprache's own <c>Input</c>, which
/// allocates a dictionary (for memoisation, which this grammar never uses) with every character it steps over. Here
/// stepping is one small object, the dictionary is made only if asked for, and a token is stepped over in one go
/// (<see cref="AdvanceBy"/>), so parsing allocates per token rather than per character.
/// </summary>
internal sealed class TextInput : IInput
{
    private IDictionary<object, object>? memos;

    public TextInput(string source) : this(source, 0, 1, 1)
    {
    }

    private TextInput(string source, int position, int line, int column)
    {
        Source = source;
        Position = position;
        Line = line;
        Column = column;
    }

    public string Source { get; }

    public int Position { get; }

    public int Line { get; }

    public int Column { get; }

    public bool AtEnd => Position >= Source.Length;

    public char Current => Source[Position];

    public IDictionary<object, object> Memos => memos ??= new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("The input is already at its end.");
        return Current == '\n' ? new TextInput(Source, Position + 1, Line + 1, 1) : new TextInput(Source, Position + 1, Line, Column + 1);
    }

    /// <summary>The input <paramref name="count"/> characters on (no further than the end), in one step.</summary>
    public TextInput AdvanceBy(int count)
    {
        var end = Math.Min(Source.Length, Position + count);
        var line = Line;
        var column = Column;
        for (var i = Position; i < end; i++)
        {
            if (Source[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new TextInput(Source, end, line, column);
    }

    /// <summary><paramref name="input"/> moved on by <paramref name="count"/> characters, in one step when it is a <see cref="TextInput"/>.</summary>
    public static IInput Skip(IInput input, int count)
    {
        if (input is TextInput text) return text.AdvanceBy(count);
        for (var k = 0; k < count && !input.AtEnd; k++) input = input.Advance();
        return input;
    }

    // Sprache compares inputs to see whether a parser moved: the same text at the same place is the same input.
    public bool Equals(IInput? other) => other is not null && Position == other.Position && (ReferenceEquals(Source, other.Source) || Source == other.Source);

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => Position;

    public override string ToString() => $"Line {Line}, Column {Column}";
}
