using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Generator;

/// <summary>
/// What the consuming project offers the generated code: its C# version, the TreatyDsl.Runtime it references, and
/// whether <c>init</c> accessors have their marker type. Checked before anything is generated, so that a project that
/// cannot compile the code gets one diagnostic naming the fix (TDSL0203, TDSL0204) instead of hundreds of C# errors
/// in files it did not write. Plain data, so the pipeline does not re-run on every keystroke in C#.
/// </summary>
internal sealed record ConsumerProject(LanguageVersion LanguageVersion, System.Version? RuntimeVersion, bool HasIsExternalInit)
{
    /// <summary>The oldest C# the generated code compiles with: <c>init</c> accessors are C# 9.</summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp9;

    private const string RuntimeMarkerType = "TreatyDsl.Runtime.TreatyCatalog";
    private const string IsExternalInitType = "System.Runtime.CompilerServices.IsExternalInit";

    /// <summary>The runtime version this generator emits code for: its own (the packages are versioned together).</summary>
    public static readonly System.Version RequiredRuntime = TrimmedVersion(typeof(ConsumerProject).Assembly.GetName().Version);

    public static ConsumerProject From(Compilation compilation, ParseOptions? parseOptions)
    {
        var language = (parseOptions as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Default;
        var runtime = compilation.GetTypeByMetadataName(RuntimeMarkerType)?.ContainingAssembly.Identity.Version;
        var hasMarker = compilation.GetTypesByMetadataName(IsExternalInitType).Any(t => compilation.IsSymbolAccessibleWithin(t, compilation.Assembly));
        return new ConsumerProject(language.MapSpecifiedToEffectiveVersion(), runtime is null ? null : TrimmedVersion(runtime), hasMarker);
    }

    public bool CanCompile => LanguageVersion >= MinimumLanguageVersion && RuntimeVersion is not null && RuntimeVersion >= RequiredRuntime;

    /// <summary>Why the generated code would not compile here, as build diagnostics.</summary>
    public IEnumerable<TreatyDiagnostic> Problems()
    {
        if (LanguageVersion < MinimumLanguageVersion) yield return DiagnosticCatalog.LanguageVersionTooOld.Create(default, LanguageVersion.ToDisplayString());
        if (RuntimeVersion is null) yield return DiagnosticCatalog.RuntimeNotReferenced.Create(default, RequiredRuntime.ToString(), "does not reference it");
        else if (RuntimeVersion < RequiredRuntime) yield return DiagnosticCatalog.RuntimeNotReferenced.Create(default, RequiredRuntime.ToString(), "references version " + RuntimeVersion);
    }

    /// <summary>The version without a zero revision (0.1.0, not 0.1.0.0), as packages are numbered.</summary>
    private static System.Version TrimmedVersion(System.Version? version) =>
        version is null ? new System.Version(0, 0, 0) : new System.Version(version.Major, version.Minor, System.Math.Max(version.Build, 0));
}
