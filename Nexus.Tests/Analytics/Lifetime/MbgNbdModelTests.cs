using Nexus.Core.Analytics.Lifetime;
using Xunit.Abstractions;

namespace Nexus.Tests.Analytics.Lifetime;

/// <summary>
/// MBG/NBD against its published CDNOW estimate (39-week calibration, weeks): r = 0.525, α = 6.183, a = 0.891,
/// b = 1.614, the BTYDplus (Platzer) values that lifetimes' test suite pins in
/// <c>test_estimation.py::TestModifiedBetaGeoFitter::test_params_out_is_close_to_BTYDplus</c>, and its worked
/// conditional expectation E[Y(39) | x = 2, t_x = 30.43, T = 38.86] ≈ 1.226 (same test file, tolerance 0.05).
/// </summary>
public class MbgNbdModelTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<CustomerSummary>> Summaries = new(() =>
        CustomerSummaryBuilder.Build(CdnowSample.Transactions, CdnowSample.CalibrationEnd, TimeUnit.Weeks));

    private static readonly Lazy<MbgNbdModel> Fitted = new(() => MbgNbdModel.Fit(Summaries.Value));

    private static void AssertWithinOnePercent(double expected, double actual, string name) =>
        Assert.True(Math.Abs(actual - expected) <= 0.01 * Math.Abs(expected), $"{name}: expected {expected} ± 1 %, got {actual}");

    [Fact]
    public void Fit_matches_the_published_CDNOW_estimate()
    {
        var p = Fitted.Value.Parameters;
        output.WriteLine($"MBG/NBD fit: {p}");
        AssertWithinOnePercent(0.525, p.R, "r");
        AssertWithinOnePercent(6.183, p.Alpha, "alpha");
        AssertWithinOnePercent(0.891, p.A, "a");
        AssertWithinOnePercent(1.614, p.B, "b");
    }

    [Fact]
    public void Conditional_expectation_matches_the_worked_example()
    {
        // lifetimes: |E − 1.226| < 0.05 for the fitted model.
        Assert.InRange(Fitted.Value.ExpectedPurchases(39, 2, 30.43, 38.86), 1.226 - 0.05, 1.226 + 0.05);
        // At the published parameters, the untransformed formula evaluated independently with mpmath (50-digit hyp2f1) gives 1.26296.
        var published = new MbgNbdModel(new BgNbdParameters(0.525, 6.183, 0.891, 1.614));
        Assert.Equal(1.26296062, published.ExpectedPurchases(39, 2, 30.43, 38.86), 6);
    }

    [Fact]
    public void A_one_time_buyer_long_silent_is_probably_gone_unlike_under_BG_NBD()
    {
        var mbg = Fitted.Value;
        var bg = BgNbdModel.Fit(Summaries.Value);
        // Bought once, 107 weeks (750 days) ago.
        Assert.Equal(1.0, bg.ProbabilityAlive(0, 0, 107));
        Assert.True(mbg.ProbabilityAlive(0, 0, 107) < 0.5, $"P(alive) = {mbg.ProbabilityAlive(0, 0, 107)}");
        // And the longer the silence, the lower.
        Assert.True(mbg.ProbabilityAlive(0, 0, 10) > mbg.ProbabilityAlive(0, 0, 107));
        Assert.True(mbg.ProbabilityAlive(0, 1, 1) < 1.0);
    }

    [Fact]
    public void LogLikelihood_is_the_closed_form_and_the_fit_is_its_maximum()
    {
        var p = Fitted.Value.Parameters;
        double Total(BgNbdParameters q) => Summaries.Value.Sum(c => MbgNbdModel.LogLikelihood(q, c.Frequency, c.Recency, c.Age));
        var best = Total(p);
        foreach (var nudged in new[] { p with { R = p.R * 1.05 }, p with { Alpha = p.Alpha * 0.95 }, p with { A = p.A * 1.05 }, p with { B = p.B * 0.95 } })
            Assert.True(Total(nudged) < best, $"{nudged} has a higher likelihood than the fit {p}");
    }

    [Fact]
    public void Expected_purchases_grow_with_the_horizon_and_start_at_zero()
    {
        Assert.Equal(0, Fitted.Value.ExpectedPurchases(0, 3, 20, 38));
        var previous = 0.0;
        foreach (var t in new[] { 1.0, 5, 20, 52, 200 })
        {
            var e = Fitted.Value.ExpectedPurchases(t, 3, 20, 38);
            Assert.True(e > previous);
            previous = e;
        }
    }

    [Fact]
    public void The_holdout_test_on_CDNOW_scores_both_models_and_chooses_the_smaller_error()
    {
        // CDNOW's 78 weeks to 1998-06-30: calibration to the split, holdout the last third (181 days) after it.
        var end = new DateOnly(1998, 6, 30);
        var comparison = HoldoutComparison.Run(CdnowSample.Transactions, end, TimeUnit.Weeks);
        Assert.NotNull(comparison);
        output.WriteLine(string.Join("\n", comparison.Scores));
        Assert.Equal(545 / 3, comparison.HoldoutDays); // a third of 1997-01-01 … 1998-06-30
        Assert.Equal(2357, comparison.Customers);
        Assert.Equal(2, comparison.Scores.Count);
        Assert.Equal(comparison.Scores.MinBy(s => s.MeanAbsoluteError)!.Model, comparison.Chosen);
        // Both models predict the holdout's total within 25 % (BG/NBD's published holdout fit is within a few %).
        Assert.All(comparison.Scores, s => Assert.InRange(s.PredictedPurchases, 0.75 * comparison.ActualPurchases, 1.25 * comparison.ActualPurchases));

        var report = LifetimeValueAnalysis.Run(CdnowSample.Transactions, new LifetimeValueOptions(end));
        Assert.Equal(comparison.Chosen, report.Model);
        Assert.Equal(comparison.Scores, report.Holdout!.Scores);
    }
}
