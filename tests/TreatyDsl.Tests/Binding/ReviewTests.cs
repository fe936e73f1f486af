using System.Linq;
using Xunit;
using static TreatyDsl.Tests.Analysis.AnalysisVerifier;

namespace TreatyDsl.Tests.Binding;

/// <summary>The 'review' declaration: bound apart from the requirements, inherited from baselines, cited like a rule.</summary>
public class ReviewTests
{
    private const string Baseline = "baseline b\n  title \"B\"\n  cite \"c\"\n\nrequire final: \"t\" cite \"c\" when judgment.final\nreview check: \"Check the text.\" cite \"src\" when consent.prisoner\n\n";

    [Fact]
    public void A_review_is_kept_apart_from_the_requirements_and_every_instrument_that_includes_its_baseline_has_it()
    {
        var model = TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", Baseline + Instrument(string.Empty).Replace("  cite \"c\"\n", "  cite \"c\"\n  includes b\n")) });

        Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
        var instrument = model.Instruments.Single();
        Assert.Equal(new[] { "final" }, instrument.Rules.Select(r => r.Id));
        Assert.Equal(new[] { "check" }, instrument.Reviews.Select(r => r.Id));
    }

    [Fact]
    public void A_review_without_a_citation_is_TDSL0117()
    {
        var model = TreatyLoader.Load(new[] { ("case-file.treaty", Vocabulary), ("test.treaty", Instrument("review check: \"Check the text.\" when consent.prisoner\n")) });

        var error = Assert.Single(model.Diagnostics, d => d.Id == "TDSL0117");
        Assert.Equal("Review 'check' has no citation; add 'cite \"...\"' naming the passage it encodes", error.Message);
    }
}
