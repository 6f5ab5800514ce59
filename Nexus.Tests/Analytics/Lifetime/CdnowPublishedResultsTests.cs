using Nexus.Core.Analytics.Lifetime;
using Xunit.Abstractions;

namespace Nexus.Tests.Analytics.Lifetime;

/// <summary>
/// The fits must reproduce Fader, Hardie &amp; Lee's published CDNOW estimates (39-week calibration, weeks)
/// within 1 %, which also pins the summary construction (same-day purchases merged, T to 1997-09-30).
/// </summary>
public class CdnowPublishedResultsTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<CustomerSummary>> Summaries = new(() =>
        CustomerSummaryBuilder.Build(CdnowSample.Transactions, CdnowSample.CalibrationEnd, TimeUnit.Weeks));

    private static void AssertWithinOnePercent(double expected, double actual, string name) =>
        Assert.True(Math.Abs(actual - expected) <= 0.01 * Math.Abs(expected),
            $"{name}: expected {expected} ± 1 %, got {actual}");

    [Fact]
    public void Summary_matches_the_published_sample_shape()
    {
        var summaries = Summaries.Value;
        Assert.Equal(2357, summaries.Count);
        // Customer 0001 first bought on 1997-01-01: T = 272 days / 7.
        var first = summaries.Single(s => s.CustomerId == "0001");
        Assert.Equal(272 / 7.0, first.Age, 10);
        Assert.Equal(38.86, first.Age, 2);
    }

    [Fact]
    public void BgNbd_fit_matches_Fader_Hardie_Lee_2005()
    {
        var p = BgNbdModel.Fit(Summaries.Value).Parameters;
        output.WriteLine($"BG/NBD fit: {p}");
        AssertWithinOnePercent(0.243, p.R, "r");
        AssertWithinOnePercent(4.414, p.Alpha, "alpha");
        AssertWithinOnePercent(0.793, p.A, "a");
        AssertWithinOnePercent(2.426, p.B, "b");
    }

    [Fact]
    public void GammaGamma_fit_matches_Fader_Hardie_Lee_2005b_on_946_repeat_customers()
    {
        Assert.Equal(946, Summaries.Value.Count(GammaGammaModel.IsEligible));
        var p = GammaGammaModel.Fit(Summaries.Value).Parameters;
        output.WriteLine($"Gamma-Gamma fit: {p}");
        AssertWithinOnePercent(6.25, p.P, "p");
        AssertWithinOnePercent(3.74, p.Q, "q");
        AssertWithinOnePercent(15.44, p.Gamma, "gamma");
    }
}
