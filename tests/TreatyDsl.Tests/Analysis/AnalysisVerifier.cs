using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TreatyDsl.Diagnostics;
using Xunit;

namespace TreatyDsl.Tests.Analysis;

/// <summary>
/// The in-house verifier for analysis findings, in the style of Roslyn's test markup: in a treaty text,
/// <c>{|TDSL0310:unless|}</c> says that finding TDSL0310 must be reported exactly at the marked text. The text is loaded
/// with the shipped vocabulary (so <c>expected when</c> and <c>timeRemaining</c> are the real ones); every TDSL03xx
/// finding reported in the test's file must be marked, and every mark reported, at the same place.
/// </summary>
internal static class AnalysisVerifier
{
    private static readonly Regex Mark = new(@"\{\|(?<id>TDSL\d{4}):(?<text>.*?)\|\}", RegexOptions.Singleline);

    /// <summary>The shipped vocabulary, read once.</summary>
    public static readonly string Vocabulary = File.ReadAllText(Path.Combine(Paths.Root, "treaties", "case-file.treaty"));

    /// <summary>Ids the verifier compares: the case analysis (TDSL0305 on). The completeness checks have their own tests, and every small test set trips them.</summary>
    private static bool Compared(string id) => string.CompareOrdinal(id, "TDSL0305") >= 0 && string.CompareOrdinal(id, "TDSL0399") <= 0;

    /// <summary>Loads <paramref name="marked"/> beside the vocabulary and asserts that its marks are exactly the findings in it.</summary>
    public static IReadOnlyList<TreatyDiagnostic> Verify(string marked, string? vocabulary = null)
    {
        var expected = new List<(string Id, int Start, int Length)>();
        var text = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match m in Mark.Matches(marked))
        {
            text.Append(marked, last, m.Index - last);
            expected.Add((m.Groups["id"].Value, text.Length, m.Groups["text"].Length));
            text.Append(m.Groups["text"].Value);
            last = m.Index + m.Length;
        }
        text.Append(marked, last, marked.Length - last);
        var model = TreatyLoader.Load(new[] { ("case-file.treaty", vocabulary ?? Vocabulary), ("test.treaty", text.ToString()) });
        Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
        var findings = model.Diagnostics.Where(d => d.Span.Path == "test.treaty" && Compared(d.Id)).ToList();
        var actual = findings.Select(d => (d.Id, d.Span.Offset, d.Span.Length)).OrderBy(x => x.Offset).ThenBy(x => x.Id).ToList();
        Assert.Equal(expected.OrderBy(x => x.Start).ThenBy(x => x.Id).ToList(), actual);
        return findings;
    }

    /// <summary>A bilateral instrument between the US and Mexico, with the given rules after its header (which may carry a mark).</summary>
    public static string Instrument(string rules, string id = "us-mx", bool includesStatute = false) =>
        $"instrument {id}\n  title \"T\"\n  kind bilateral\n  parties US, MX\n  in force from 2000-01-01\n  cite \"c\"\n" +
        (includesStatute ? "  includes statute\n" : string.Empty) + "\n" + rules;
}
