using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TreatyDsl.Testing;

/// <summary>
/// Build properties as the compiler hands them to a generator and an analyzer (<c>build_property.NAME</c>), for the
/// tests and the benchmarks that run the generator with the Roslyn APIs directly (linked into both projects).
/// </summary>
internal sealed class BuildProperties(params (string Name, string Value)[] properties) : AnalyzerConfigOptionsProvider
{
    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private readonly Options global = new(properties.ToDictionary(p => "build_property." + p.Name, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => global;
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => global;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => global;
}
