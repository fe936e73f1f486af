using System;
using TreatyDsl.Text;

namespace TreatyDsl.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,

    /// <summary>Set by configuration only (<c>silent</c>): editors may show it faintly; listings leave it out.</summary>
    Hidden,
}

/// <summary>
/// A problem found in a .treaty file, located at its place in that file. Witness, for an analysis finding that claims a
/// case exists, is that case as a case file (contract shape, JSON) that <c>treaty eval</c> reproduces the finding with.
/// </summary>
public sealed record TreatyDiagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceSpan Span, string? Witness = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The compiler-style form: <c>treaties/us-mx.treaty(12,5): error TDSL0001: message</c>.</summary>
    public override string ToString() =>
        $"{Span.Path}({Span.Line},{Span.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}

/// <summary>
/// One entry of the diagnostics catalog: a stable id, a short title and a message template
/// whose <c>{0}</c>.. placeholders are filled where the problem is found.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, string Category, DiagnosticSeverity DefaultSeverity)
{
    /// <summary>The help page, relative to the repository root; <see cref="HelpLinks"/> makes absolute links.</summary>
    public string HelpLink => HelpLinks.RepositoryPath(Id);

    /// <summary>False for a diagnostic reported only where its severity is configured (an outcome no example gives: a team switches it on per folder).</summary>
    public bool EnabledByDefault { get; init; } = true;

    public TreatyDiagnostic Create(SourceSpan span, params object[] args) =>
        new(Id, DefaultSeverity, args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args), span);
}
