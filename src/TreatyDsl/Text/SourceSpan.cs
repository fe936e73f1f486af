namespace TreatyDsl.Text;

/// <summary>
/// A place in a .treaty file: 1-based line and column of the first character, 0-based offset and length.
/// Plain data (no Roslyn types) so it can live in cached generator models.
/// </summary>
public readonly record struct SourceSpan(string Path, int Offset, int Length, int Line, int Column)
{
    public static SourceSpan None(string path) => new(path, 0, 0, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column})";
}
