using System;

namespace TreatyDsl.Runtime;

/// <summary>
/// A growable run of characters: what <see cref="ExplanationSink"/> writes its sentences into. Unlike a
/// <c>StringBuilder</c> its text can be handed out as one span (<see cref="Written"/>), so a caller writing the
/// explanation somewhere else (<see cref="RequirementResult.WriteExplanation"/>) needs no string made of it.
/// </summary>
internal sealed class TextBuffer
{
    // Nothing until the first sentence: a sink that keeps none (ExplanationSink.MissingFactsOnly) never needs any.
    private char[] chars = Array.Empty<char>();
    private int length;

    /// <summary>The characters written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<char> Written => new(chars, 0, length);

    public int Length => length;

    public TextBuffer Append(string? text)
    {
        if (text is null) return this;
        Reserve(text.Length);
        text.CopyTo(0, chars, length, text.Length);
        length += text.Length;
        return this;
    }

    public TextBuffer Append(char c)
    {
        Reserve(1);
        chars[length++] = c;
        return this;
    }

    /// <summary>Adds <paramref name="count"/> characters and returns them, for the caller to fill.</summary>
    public Span<char> Extend(int count)
    {
        Reserve(count);
        length += count;
        return new Span<char>(chars, length - count, count);
    }

    public void Clear() => length = 0;

    // Each thread's buffer for a phrase made of several pieces (an in-force explanation, a period in words): the pieces
    // are written into it and become one string, instead of a string per piece.
    [ThreadStatic]
    private static TextBuffer? scratch;

    /// <summary>
    /// This thread's scratch buffer, emptied. Whoever takes it makes its string before anything else can take it: the
    /// methods that use it call no other user of it while writing.
    /// </summary>
    public static TextBuffer Scratch()
    {
        var text = scratch ??= new TextBuffer();
        text.Clear();
        return text;
    }

    public override string ToString() => new(chars, 0, length);

    private void Reserve(int more)
    {
        if (chars.Length - length >= more) return;
        Array.Resize(ref chars, Math.Max(Math.Max(chars.Length * 2, 64), length + more));
    }
}
