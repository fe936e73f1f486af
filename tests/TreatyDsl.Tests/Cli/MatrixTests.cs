using System;
using System.IO;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

public class MatrixTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = Program.Invoke(args, output, new StringWriter());
        return (exit, output.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void The_committed_docs_matrix_is_what_treaty_matrix_prints_for_the_shipped_treaties()
    {
        var (exit, output) = Run("matrix", Paths.Treaties);
        var committed = Path.Combine(Paths.Root, "docs", "matrix.md");
        if (Environment.GetEnvironmentVariable("TREATY_UPDATE_GOLDEN") == "1") File.WriteAllText(committed, output);

        Assert.Equal(0, exit);
        Assert.True(File.ReadAllText(committed).Replace("\r\n", "\n") == output,
            "docs/matrix.md is stale: run `dotnet run --project src/TreatyDsl.Cli -- matrix > docs/matrix.md` (or TREATY_UPDATE_GOLDEN=1 dotnet test Treaty.sln)");
    }

    [Fact]
    public void The_matrix_shows_each_instrument_s_own_figure_and_which_instruments_lack_a_requirement()
    {
        var (_, output) = Run("matrix", Paths.Treaties);

        // COE and OAS each cite their convention's own paragraph for the six months (481.3-2 b(5), 481.3-3 (6)).
        Assert.Contains("| `min-remaining` | 6 months, except exceptional-circumstances [10] | 6 months [11] |", output);
        Assert.Contains("| `capital-sentence` | — | barred [15] | — |", output);
    }

    [Fact]
    public void The_matrix_lists_each_advisory_factor_with_its_direction_and_condition_under_its_set()
    {
        var (_, output) = Run("matrix", Paths.Treaties);

        Assert.Contains("sections III and IV, for cases where `sentencingCountry = US`:", output);
        Assert.Contains("| `prior-transfer` | against | `prisoner.priorTransfer` | [", output);
        Assert.Contains("| `dual-national` | either | `US in prisoner.nationalities and receivingNationality in prisoner.nationalities` | [", output);
        Assert.Contains("| `state-approved` | for | `custody = state and consent.state` | [", output);
    }

    [Fact]
    public void The_html_matrix_carries_each_cell_s_rule_and_citation_as_a_tooltip_and_a_footnote()
    {
        var (exit, output) = Run("matrix", Paths.Treaties, "--html");

        Assert.Equal(0, exit);
        Assert.StartsWith("<!DOCTYPE html>", output);
        Assert.Contains("<td title=\"The prisoner was not sentenced to death. (DOJ Guidelines II, additional requirement 2 (&quot;the Organization of American States Convention specifically make[s] prisoners who have been sentenced to death ineligible&quot;))\">barred <sup><a href=\"#cite-15\">15</a></sup></td>", output);
        Assert.Contains("<li id=\"cite-15\">", output);
    }

    [Fact]
    public void Treaty_files_with_errors_give_no_matrix_and_exit_2()
    {
        var folder = Paths.BrokenTreatyFolder();

        var (exit, output) = Run("matrix", folder);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
    }
}
