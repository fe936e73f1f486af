using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>One additional file's path and text: the first cached step, so an unchanged file is never re-parsed.</summary>
internal sealed record TreatyFileText(string Path, string Text);

/// <summary>
/// What one instrument's validator is generated from. This is the incremental cache boundary for emission:
/// value-equal to the previous run unless the instrument, a baseline it includes or the vocabulary changed,
/// so editing one .treaty file re-emits only the validators that read it.
/// </summary>
internal sealed record InstrumentSpec(GeneratedTarget Target, VocabularyModel Vocabulary, InstrumentModel Instrument, PathMap PathMap)
{
    public string Namespace => Target.Namespace;
}

/// <summary>What the case type (the vocabulary) is generated from.</summary>
internal sealed record VocabularySpec(GeneratedTarget Target, VocabularyModel Vocabulary)
{
    public string Namespace => Target.Namespace;
}

/// <summary>What one advisory set's class is generated from: re-emitted only when the set or the vocabulary changes.</summary>
internal sealed record AdvisorySpec(GeneratedTarget Target, VocabularyModel Vocabulary, AdvisorySetModel Set, PathMap PathMap)
{
    public string Namespace => Target.Namespace;
}

/// <summary>Something the generator left out, and why: reported as TDSL0202 at <see cref="Span"/>.</summary>
internal readonly record struct Omission(string Message, TreatyDsl.Text.SourceSpan Span)
{
    /// <summary>The place in the .treaty file (its first line, where a span runs on); nowhere for a span with no file.</summary>
    public Microsoft.CodeAnalysis.Location Location()
    {
        if (string.IsNullOrEmpty(Span.Path)) return Microsoft.CodeAnalysis.Location.None;
        var start = new Microsoft.CodeAnalysis.Text.LinePosition(Span.Line - 1, Span.Column - 1);
        return Microsoft.CodeAnalysis.Location.Create(Span.Path, new Microsoft.CodeAnalysis.Text.TextSpan(Span.Offset, Span.Length),
            new Microsoft.CodeAnalysis.Text.LinePositionSpan(start, new Microsoft.CodeAnalysis.Text.LinePosition(Span.Line - 1, Span.Column - 1 + Span.Length)));
    }
}

/// <summary>What the catalog (schema, country table, list of validators and advisory sets) is generated from.</summary>
internal sealed record CatalogSpec(GeneratedTarget Target, VocabularyModel Vocabulary, CountryTableModel Countries, EquatableArray<string> Instruments, EquatableArray<string> Advisories, PathMap PathMap)
{
    public string Namespace => Target.Namespace;
}

/// <summary>
/// Where the generated types are declared and how visible they are: the namespace and <c>public</c> or <c>internal</c>
/// (the TreatyGeneratedAccessibility build property), plus whether the project needs the <c>init</c> marker type
/// generated for it (netstandard2.0 and .NET Framework lack it).
/// </summary>
internal sealed record GeneratedTarget(string Namespace, string TypeAccessibility, bool NeedsIsExternalInit);
