using System.IO;
using System.Linq;
using TreatyDsl.Diagnostics;
using TreatyDsl.Interpretation;
using Xunit;

namespace TreatyDsl.Tests.Analysis;

/// <summary>The analysis on the shipped treaties: what it finds unaided, and that every finding left is fixed or accepted.</summary>
public class ShippedTreatyAnalysisTests
{
    private static (string Path, string Text)[] Shipped() =>
        Directory.GetFiles(Path.Combine(Paths.Root, "treaties"), "*.treaty").OrderBy(p => p)
            .Select(p => ("treaties/" + Path.GetFileName(p), File.ReadAllText(p))).ToArray();

    [Fact]
    public void The_shipped_treaties_have_no_analysis_warnings_and_the_accepted_findings_are_information_with_reproducible_witnesses()
    {
        var model = TreatyLoader.Load(Shipped());

        Assert.DoesNotContain(model.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        var accepted = model.Diagnostics.Where(d => d.Id == "TDSL0315").ToList();
        // One per class of case: death sentences, and juvenile sentences (under OAS, and under Canada and Thailand, which allow them).
        Assert.Equal(3, accepted.Count);
        var minRemaining = 1 + File.ReadAllText(Path.Combine(Paths.Root, "treaties", "baseline.treaty")).Split('\n').ToList().FindIndex(l => l.StartsWith("require min-remaining", System.StringComparison.Ordinal));
        Assert.All(accepted, finding =>
        {
            Assert.Equal(("treaties/baseline.treaty", minRemaining), (finding.Span.Path, finding.Span.Line));
            Assert.Contains(". Accepted: A death or juvenile sentence has no full-term date", finding.Message);
            SoundnessProperties.AssertReproduced(finding, InterpretedCatalog.Create(model), InterpretedCatalog.SchemaOf(model.Vocabulary));
        });
        Assert.Contains(accepted, f => f.Message.Contains("sentence.type = death"));
        // A finding under several instruments carries one instrument's example, and says whose: its case file is that
        // instrument's (its id ends with it), which AssertReproduced has just evaluated under it.
        Assert.All(accepted.Where(f => f.Message.Contains(" and us-")), f =>
        {
            var instrument = f.Message.Split(new[] { "(e.g. under " }, System.StringSplitOptions.None)[1].Split(':')[0];
            Assert.Contains("\"witness-TDSL0315-" + instrument + "\"", f.Witness);
        });
        Assert.Contains(accepted, f => f.Message.Contains("under us-ca and us-th") && f.Message.Contains("sentence.type = juvenile"));
    }

    [Fact]
    public void Without_the_unbounded_period_the_analysis_finds_unaided_that_a_life_sentence_under_Canada_and_Thailand_is_left_undetermined()
    {
        var files = Shipped().Select(f =>
            f.Path.EndsWith("case-file.treaty") ? (f.Path, System.Text.RegularExpressions.Regex.Replace(f.Text, @"  unbounded when sentence\.type = life\n\s+or sentence\.type = indeterminate\n\s+or sentence\.type = dangerous-offender\n", string.Empty))
            : f.Path.EndsWith("baseline.treaty") ? (f.Path, f.Text.Substring(0, f.Text.IndexOf("  // A death or juvenile", System.StringComparison.Ordinal)))
            : f).ToArray();

        var model = TreatyLoader.Load(files);

        // Every instrument but Mexico's (which requires a determinate sentence) leaves a life sentence undetermined;
        // Canada and Thailand are the ones whose own rule allows it.
        var life = model.Diagnostics.Single(d => d.Id == "TDSL0315" && d.Message.Contains("us-ca") && d.Message.Contains("sentence.type = life"));
        Assert.Contains("us-th", life.Message);
        Assert.DoesNotContain("us-mx", life.Message);
        Assert.Contains("(e.g. under coe: exceptionalCircumstances = false, sentence.type = life, no sentence.fullTermDate)", life.Message);
        Assert.Equal(DiagnosticSeverity.Warning, life.Severity);
        SoundnessProperties.AssertReproduced(life, InterpretedCatalog.Create(model), InterpretedCatalog.SchemaOf(model.Vocabulary));
    }

    [Fact]
    public void Without_its_justifications_the_country_table_shows_unaided_where_Exhibit_481_disagrees_with_itself_and_with_7_FAM_481_3()
    {
        var files = Shipped().Select(f => f.Path.EndsWith("countries.treaty")
            ? (f.Path, WithoutAcceptances(f.Text))
            : f).ToArray();

        var model = TreatyLoader.Load(files);

        var table = model.Diagnostics.Where(d => string.CompareOrdinal(d.Id, "TDSL0318") >= 0 && string.CompareOrdinal(d.Id, "TDSL0322") <= 0).ToList();
        Assert.All(table, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(new[]
        {
            ("TDSL0320", "Azerbaijan (AZ)"), // 01/05/2001: every other COE date is the first of a month
            ("TDSL0322", "France (FR)"),     // "Prefers the Bilateral" against 7 FAM 481.3-1 b NOTE
            ("TDSL0320", "Greece (GR)"),     // 01/02/1988
            ("TDSL0320", "Honduras (HN)"),   // 1/7/2009
            ("TDSL0318", "Mongolia (MN)"),   // Bilateral column, COE note
            ("TDSL0318", "Saudi Arabia (SA)"), // OAS column, COE note
            ("TDSL0318", "United States (US)"), // Bilateral column: the bilaterals are under their foreign parties
            ("TDSL0319", "United States (US)"), // OAS deposit 05/25/2001 against entry into force 2001-06-24 (7 FAM 481.3-3)
        }, table.Select(d => (d.Id, new[] { "Azerbaijan (AZ)", "France (FR)", "Greece (GR)", "Honduras (HN)", "Mongolia (MN)", "Saudi Arabia (SA)", "United States (US)" }.Single(d.Message.Contains))));
        Assert.All(new[] { "AZ", "FR", "GR", "HN", "MN", "SA", "US" }, code =>
            Assert.Contains(model.Countries.Countries.Single(c => c.Code == code).Notes, n => n.Text.StartsWith("The sources disagree on this country's row", System.StringComparison.Ordinal)));
    }

    /// <summary>The country table without its 'accept' clauses, each with the citation on the line under it.</summary>
    private static string WithoutAcceptances(string text)
    {
        var kept = new System.Collections.Generic.List<string>();
        var inAcceptance = false;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("accept ", System.StringComparison.Ordinal)) inAcceptance = true;
            else if (!(inAcceptance && trimmed.StartsWith("cite ", System.StringComparison.Ordinal))) inAcceptance = false;
            if (!inAcceptance) kept.Add(line);
        }
        return string.Join("\n", kept);
    }

    [Fact]
    public void Every_shipped_instrument_has_a_case_the_analysis_proves_eligible_and_the_evaluator_agrees()
    {
        var model = TreatyLoader.Load(Shipped());
        var catalog = InterpretedCatalog.Create(model);
        var schema = InterpretedCatalog.SchemaOf(model.Vocabulary);

        Assert.All(model.Instruments, instrument =>
        {
            var eligible = TreatyDsl.Analysis.CaseChecks.EligibleCase(model, instrument);
            Assert.NotNull(eligible);
            var read = TreatyDsl.Runtime.CaseFileReader.Read(eligible!, schema);
            Assert.False(read.Refused, string.Join("; ", read.Errors));
            var report = TreatyDsl.Runtime.CaseEvaluator.Evaluate(catalog, read.Facts!);
            Assert.Equal(TreatyDsl.Runtime.Verdict.Eligible, report.Instruments.Single(i => i.Id == instrument.Id).Verdict);
        });
    }
}
