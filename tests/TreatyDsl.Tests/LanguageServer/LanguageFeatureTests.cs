using System;
using System.IO;
using System.Linq;
using TreatyDsl.LanguageServer.Features;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>What the language server answers, on the shipped treaties, without the wire (the node client test drives the wire).</summary>
public class LanguageFeatureTests
{
    private static (WorkspaceSnapshot Snapshot, TreatyDocument Document) Open(string file, Func<string, string>? edit = null)
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var path = Path.GetFullPath(Path.Combine(Paths.Treaties, file));
        var text = File.ReadAllText(path);
        workspace.Open(path, new Uri(path).AbsoluteUri, edit is null ? text : edit(text), 1);
        var snapshot = workspace.Snapshot();
        return (snapshot, snapshot.Find(path)!);
    }

    private static Position Where(TreatyDocument document, string lineStart, string word)
    {
        var lines = document.Text.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith(lineStart, StringComparison.Ordinal) || l.TrimStart().StartsWith(lineStart, StringComparison.Ordinal));
        Assert.True(line >= 0, $"no line starts with '{lineStart}'");
        return new Position(line, lines[line].IndexOf(word, StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Hover_on_a_fact_gives_its_type_its_case_file_property_its_values_and_its_documentation()
    {
        var (snapshot, document) = Open("us-mx.treaty");

        var hover = HoverFeature.At(snapshot, document, Where(document, "when sentence.type = determinate", "sentence.type"))!;

        Assert.StartsWith("**fact** `sentence.type`: `SentenceType`", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("Case file: `sentence.type`; one of `determinate`, `life`", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("never met", hover.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_on_a_threshold_gives_its_value_under_each_instrument_and_what_sets_it()
    {
        var (snapshot, document) = Open("baseline.treaty");

        var hover = HoverFeature.At(snapshot, document, Where(document, "threshold minTimeRemaining", "minTimeRemaining"))!;

        Assert.Contains("- `us-mx`: 6 months", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("set by `statute`", hover.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_of_a_baseline_rule_named_in_an_instrument_is_the_rule_in_the_baseline_file()
    {
        var (snapshot, document) = Open("us-mx.treaty");

        var location = Assert.Single(NavigationFeature.Definition(snapshot, document, Where(document, "exception exceptional-circumstances to min-remaining", "min-remaining")));

        Assert.EndsWith("/baseline.treaty", location.Uri, StringComparison.Ordinal);
        var line = File.ReadAllLines(Path.Combine(Paths.Treaties, "baseline.treaty"))[location.Range.Start.Line];
        Assert.StartsWith("require min-remaining", line, StringComparison.Ordinal);
        Assert.Equal("min-remaining", line.Substring(location.Range.Start.Character, location.Range.End.Character - location.Range.Start.Character));
    }

    [Fact]
    public void References_of_an_instrument_include_its_header_its_country_rows_and_nothing_in_comments_or_quotes()
    {
        var (snapshot, document) = Open("us-mx.treaty");

        var references = NavigationFeature.References(snapshot, document, Where(document, "instrument us-mx", "us-mx"), includeDeclaration: true);

        Assert.Contains(references, r => r.Uri.EndsWith("/us-mx.treaty", StringComparison.Ordinal));
        var countries = File.ReadAllLines(Path.Combine(Paths.Treaties, "countries.treaty"));
        var inTable = references.Where(r => r.Uri.EndsWith("/countries.treaty", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inTable);
        Assert.All(inTable, r =>
        {
            var line = countries[r.Range.Start.Line];
            Assert.Equal("us-mx", line.Substring(r.Range.Start.Character, 5));
            Assert.False(line.TrimStart().StartsWith("//", StringComparison.Ordinal), line);
        });
    }

    [Fact]
    public void Document_symbols_put_an_instruments_rules_and_thresholds_under_it()
    {
        var (snapshot, document) = Open("us-mx.treaty");

        var instrument = Assert.Single(SymbolsFeature.For(snapshot, document), s => s.Name == "us-mx");

        Assert.Equal(SymbolKind.Module, instrument.Kind);
        Assert.Contains(instrument.Children!, c => c.Name == "fines-paid" && c.Kind == SymbolKind.Function);
        Assert.Contains(instrument.Children!, c => c.Name == "minTimeRemaining" && c.Kind == SymbolKind.Constant);
    }

    /// <summary>The labels offered with the cursor at the end of <paramref name="typed"/>, written on a new line at the end of us-mx.treaty.</summary>
    private static string[] CompletionAfter(string typed)
    {
        var (snapshot, document) = Open("us-mx.treaty", text => text + "\n" + typed);
        var lines = document.Text.Split('\n');
        return CompletionFeature.At(snapshot, document, new Position(lines.Length - 1, lines[^1].Length)).Select(i => i.Label).ToArray();
    }

    [Fact]
    public void Completion_after_when_offers_facts_derived_facts_thresholds_and_the_words_a_condition_starts_with()
    {
        var labels = CompletionAfter("require r: \"t\" cite \"c\" when sent");
        Assert.Contains("sentence.type", labels);
        Assert.Contains("timeRemaining", labels);
        Assert.Contains("minTimeRemaining", labels);
        Assert.Contains("any", labels);
        Assert.DoesNotContain("determinate", labels);
        Assert.DoesNotContain("us-mx", labels);
        Assert.DoesNotContain("MX", labels);
        Assert.DoesNotContain("cite", labels);
    }

    [Fact]
    public void Completion_after_a_fact_and_equals_offers_its_values()
    {
        Assert.Equal(new[] { "dangerous-offender", "death", "determinate", "indeterminate", "juvenile", "life" },
            CompletionAfter("require r: \"t\" cite \"c\" when sentence.type = ").OrderBy(l => l, StringComparer.Ordinal));
        var countries = CompletionAfter("require r: \"t\" cite \"c\" when receivingCountry != M");
        Assert.Contains("MX", countries);
        Assert.DoesNotContain("sentence.type", countries);
        Assert.Equal(new[] { "false", "true" }, CompletionAfter("require r: \"t\" cite \"c\" when judgment.final = ").OrderBy(l => l, StringComparer.Ordinal));
    }

    [Fact]
    public void Completion_answers_at_every_position_of_a_file_in_the_middle_of_an_edit()
    {
        var (snapshot, document) = Open("us-mx.treaty", text => text.Substring(0, text.Length / 2) + "\nrequire half-written: \"t\" cite \"c\" when sentence.type = \"unclosed\n  and (\n");
        for (var offset = 0; offset <= document.Text.Length; offset++)
        {
            Assert.NotEmpty(CompletionFeature.At(snapshot, document, document.Lines.PositionOf(offset)));
        }
    }

    [Fact]
    public void Completion_after_in_offers_the_lists_and_after_to_the_rules()
    {
        var lists = CompletionAfter("require r: \"t\" cite \"c\" when MX in ");
        Assert.Contains("prisoner.nationalities", lists);
        Assert.Contains("offenses", lists);
        Assert.DoesNotContain("sentence.type", lists);
        var rules = CompletionAfter("exception x to min-");
        Assert.Contains("min-remaining", rules);
        Assert.DoesNotContain("sentence.type", rules);
        Assert.DoesNotContain("unless", rules);
    }

    [Fact]
    public void Completion_offers_facts_with_their_types_enum_values_instruments_and_keywords()
    {
        var (snapshot, _) = Open("us-mx.treaty");

        var items = CompletionFeature.At(snapshot).ToDictionary(i => i.Label);

        Assert.Equal("SentenceType", items["sentence.type"].Detail);
        Assert.Equal(CompletionItemKind.EnumMember, items["determinate"].Kind);
        Assert.Equal(CompletionItemKind.Module, items["coe"].Kind);
        Assert.Equal(CompletionItemKind.Keyword, items["unless"].Kind);
    }

    [Fact]
    public void Every_diagnostic_is_placed_in_its_file_with_its_id_and_a_witness_finding_carries_its_case()
    {
        var (snapshot, _) = Open("us-mx.treaty");
        var baseline = snapshot.Find(Path.GetFullPath(Path.Combine(Paths.Treaties, "baseline.treaty")))!;

        var diagnostics = DiagnosticsFeature.For(baseline, snapshot.AnalysedDiagnostics(System.Threading.CancellationToken.None)[baseline.Path], "https://example.org/d/");

        var finding = Assert.Single(diagnostics.Where(d => d.Data?.Witness is not null).Take(1));
        Assert.Equal("TDSL0315", finding.Code);
        Assert.Equal("https://example.org/d/TDSL0315.md", finding.CodeDescription!.Href);
        Assert.Contains("\nExample case: {", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_read_a_bound_snapshot_and_the_case_analysis_is_made_apart_once_and_stops_when_cancelled()
    {
        // A hover once waited 54 s for the analysis of a 100-rule file: requests now read the bound model only.
        var (snapshot, _) = Open("us-mx.treaty");
        var baseline = Path.GetFullPath(Path.Combine(Paths.Treaties, "baseline.treaty"));
        Assert.DoesNotContain(snapshot.DiagnosticsByPath[baseline], d => d.Id == "TDSL0315");
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => snapshot.AnalysedDiagnostics(cancelled.Token));

        var analysed = snapshot.AnalysedDiagnostics(System.Threading.CancellationToken.None);
        Assert.Contains(analysed[baseline], d => d.Id == "TDSL0315");
        Assert.Same(analysed, snapshot.AnalysedDiagnostics(System.Threading.CancellationToken.None));
    }

    [Fact]
    public void A_file_cut_off_anywhere_still_gets_diagnostics_and_answers_every_request_without_throwing()
    {
        var text = File.ReadAllText(Path.Combine(Paths.Treaties, "us-mx.treaty"));
        for (var cut = 0; cut < text.Length; cut += 97)
        {
            var (snapshot, document) = Open("us-mx.treaty", t => t.Substring(0, cut) + "\n\"unterminated when and or (");
            Assert.True(snapshot.DiagnosticsByPath[document.Path].Count > 0, $"no diagnostic when cut at {cut}: ...{text.Substring(System.Math.Max(0, cut - 60), System.Math.Min(60, cut))}");
            DiagnosticsFeature.For(document, snapshot.DiagnosticsByPath[document.Path], null);
            SymbolsFeature.For(snapshot, document);
            CompletionFeature.At(snapshot);
            foreach (var line in new[] { 0, 5, 20, 1000 })
            {
                foreach (var character in new[] { 0, 3, 12, 500 })
                {
                    var position = new Position(line, character);
                    HoverFeature.At(snapshot, document, position);
                    NavigationFeature.Definition(snapshot, document, position);
                    NavigationFeature.References(snapshot, document, position, includeDeclaration: true);
                }
            }
        }
    }

    [Fact]
    public void Edits_replace_the_edited_files_parse_and_snapshot_instead_of_adding_to_them()
    {
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var path = Path.GetFullPath(Path.Combine(Paths.Treaties, "us-mx.treaty"));
        var uri = new Uri(path).AbsoluteUri;
        var text = File.ReadAllText(path);
        var files = Directory.GetFiles(Paths.Treaties, "*.treaty").Length;
        WorkspaceSnapshot? previous = null;

        for (var edit = 1; edit <= 40; edit++)
        {
            workspace.Change(path, uri, text + "\n// edit " + edit, edit);
            var snapshot = workspace.Snapshot();
            Assert.NotSame(previous, snapshot);
            Assert.Equal(edit, snapshot.Find(path)!.Version);
            previous = snapshot;
        }

        Assert.Equal(files, workspace.CachedParses);
        Assert.Same(previous, workspace.Snapshot());
    }

    [Fact]
    public void An_example_is_checked_live_and_an_edit_to_the_baseline_shows_its_failure_in_the_instrument_s_file()
    {
        const string example = "\nexample six-months: \"Six months left is enough\"\n  cite \"7 FAM 481.3-1 d(5)\"\n  given sentencingCountry = US\n" +
            "  given receivingCountry = MX\n  given sentence.type = determinate\n  given sentence.fullTermDate = 2026-07-15\n" +
            "  given applicationDate = 2026-01-15\n  given exceptionalCircumstances = false\n  expect us-mx min-remaining met\n";
        var workspace = new TreatyWorkspace();
        workspace.AddFolder(Paths.Treaties);
        var usMx = Path.GetFullPath(Path.Combine(Paths.Treaties, "us-mx.treaty"));
        var baseline = Path.GetFullPath(Path.Combine(Paths.Treaties, "baseline.treaty"));
        workspace.Open(usMx, new Uri(usMx).AbsoluteUri, File.ReadAllText(usMx) + example, 1);
        Assert.DoesNotContain(workspace.Snapshot().AnalysedDiagnostics(System.Threading.CancellationToken.None)[usMx], d => d.Id.StartsWith("TDSL05"));

        workspace.Open(baseline, new Uri(baseline).AbsoluteUri, File.ReadAllText(baseline).Replace("when timeRemaining >= minTimeRemaining", "when timeRemaining > minTimeRemaining"), 1);

        var failure = Assert.Single(workspace.Snapshot().AnalysedDiagnostics(System.Threading.CancellationToken.None)[usMx], d => d.Id == "TDSL0501" && d.Message.StartsWith("Example 'six-months'"));
        Assert.StartsWith("Example 'six-months' fails: expected us-mx min-remaining met, actual not-met", failure.Message);
    }

    [Fact]
    public void The_editor_grammars_know_every_keyword_of_the_language()
    {
        var listed = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Paths.Root, "editors", "vscode", "test", "keywords.json")))!;
        var grammar = File.ReadAllText(Path.Combine(Paths.Root, "editors", "vscode", "syntaxes", "treaty.tmLanguage.json"));

        var vimSyntax = File.ReadAllText(Path.Combine(Paths.Root, "editors", "neovim", "syntax", "treaty.vim"));

        Assert.Equal(TreatyDsl.Parsing.TreatyKeywords.All, listed);
        Assert.All(listed, keyword => Assert.Matches(@"syntax keyword treaty\w+ [^\n]*\b" + System.Text.RegularExpressions.Regex.Escape(keyword) + @"\b", vimSyntax));
        Assert.All(listed.Where(k => k is not "true" and not "false"), keyword => Assert.Contains("|" + keyword + "|", grammar.Replace("(", "|").Replace(")", "|"), StringComparison.Ordinal));
    }
}
