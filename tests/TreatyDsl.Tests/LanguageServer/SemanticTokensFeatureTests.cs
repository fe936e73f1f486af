using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>Semantic tokens: each name by what it stands for, in LSP's relative encoding.</summary>
public class SemanticTokensFeatureTests
{
    /// <summary>The tokens decoded: (text, type, modifiers) in document order.</summary>
    private static List<(string Text, string Type, string[] Modifiers)> Tokens(string file)
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var snapshot = workspace.Snapshot();
        var document = snapshot.Find(Path.GetFullPath(Path.Combine(Paths.Treaties, file)))!;
        var data = SemanticTokensFeature.For(snapshot, document).Data;
        Assert.Equal(0, data.Length % 5);
        var lines = document.Text.Split('\n');
        var result = new List<(string, string, string[])>();
        int line = 0, start = 0;
        for (var i = 0; i < data.Length; i += 5)
        {
            line += data[i];
            start = data[i] == 0 ? start + data[i + 1] : data[i + 1];
            var modifiers = SemanticTokensFeature.Modifiers.Where((_, bit) => (data[i + 4] & (1 << bit)) != 0).ToArray();
            result.Add((lines[line].Substring(start, data[i + 2]), SemanticTokensFeature.Types[data[i + 3]], modifiers));
        }
        return result;
    }

    [Fact]
    public void Names_are_typed_by_what_they_stand_for_and_keywords_as_keywords()
    {
        var tokens = Tokens("us-mx.treaty");
        Assert.Contains(("sentence.type", "property"), tokens.Select(t => (t.Text, t.Type)));
        Assert.Contains(("determinate", "enumMember"), tokens.Select(t => (t.Text, t.Type)));
        Assert.Contains(("min-remaining", "function"), tokens.Select(t => (t.Text, t.Type)));
        Assert.Contains(("us-mx", "namespace"), tokens.Select(t => (t.Text, t.Type)));
        Assert.Contains(("when", "keyword"), tokens.Select(t => (t.Text, t.Type)));
        var threshold = tokens.First(t => t.Text == "minTimeRemaining");
        Assert.Equal("variable", threshold.Type);
        Assert.Equal(new[] { "readonly" }, threshold.Modifiers);
        var country = tokens.First(t => t.Text == "MX");
        Assert.Equal("enumMember", country.Type);
        Assert.Equal(new[] { "defaultLibrary" }, country.Modifiers);
    }
}
