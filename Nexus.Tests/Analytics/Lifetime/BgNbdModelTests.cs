using Nexus.Core.Analytics.Lifetime;

namespace Nexus.Tests.Analytics.Lifetime;

/// <summary>
/// Closed-form checks at the published CDNOW parameters (lifetimes' precise values). Reference numbers
/// come from the paper (E[Y(39)] = 1.226 for x = 2, t_x = 30.43, T = 38.86, FHL 2005 §5) or were computed
/// independently with mpmath (50-digit hyp2f1 on the untransformed eq. 10, gamma/beta for eq. 6).
/// </summary>
public class BgNbdModelTests
{
    private static readonly BgNbdModel Published = new(new BgNbdParameters(0.242593, 4.413532, 0.792886, 2.425752));

    [Fact]
    public void ExpectedPurchases_reproduces_the_papers_worked_example()
    {
        Assert.Equal(1.226, Published.ExpectedPurchases(39, 2, 30.43, 38.86), 3);
        Assert.Equal(1.2259103856939, Published.ExpectedPurchases(39, 2, 30.43, 38.86), 9);
    }

    [Fact]
    public void ExpectedPurchases_is_exact_for_heavy_buyers_and_new_customers()
    {
        // x = 40: the untransformed 2F1 series has huge terms; the Euler form must still be exact.
        Assert.Equal(26.7795566325016, Published.ExpectedPurchases(39, 40, 38, 38.86), 8);
        Assert.Equal(0.251665794228874, Published.ExpectedPurchases(52, 0, 0, 38.86), 10);
    }

    [Fact]
    public void ExpectedPurchases_is_zero_at_zero_horizon_and_grows_with_the_horizon()
    {
        Assert.Equal(0, Published.ExpectedPurchases(0, 3, 20, 38));
        var previous = 0.0;
        foreach (var t in new[] { 1.0, 5, 20, 52, 200, 1000 })
        {
            var e = Published.ExpectedPurchases(t, 3, 20, 38);
            Assert.True(e > previous, $"E[Y({t})] = {e} should exceed {previous}");
            previous = e;
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    [InlineData(500.0)]
    public void ProbabilityAlive_is_one_without_repeat_purchases(double age) =>
        Assert.Equal(1.0, Published.ProbabilityAlive(0, 0, age));

    [Fact]
    public void ProbabilityAlive_matches_the_closed_form()
    {
        Assert.Equal(0.726609102456251, Published.ProbabilityAlive(2, 30.43, 38.86), 12);
        Assert.Equal(0.958836166279859, Published.ProbabilityAlive(40, 38, 38.86), 12);
    }

    [Fact]
    public void ProbabilityAlive_falls_as_the_silence_since_the_last_purchase_grows()
    {
        var previous = 1.0;
        foreach (var age in new[] { 20.0, 25, 40, 80, 200 })
        {
            var p = Published.ProbabilityAlive(4, 20, age);
            Assert.True(p < previous, $"P(alive | T={age}) = {p} should be below {previous}");
            previous = p;
        }
    }

    [Fact]
    public void LogLikelihood_matches_the_direct_formula()
    {
        Assert.Equal(-9.45970085021012, BgNbdModel.LogLikelihood(Published.Parameters, 2, 30.43, 38.86), 10);
        Assert.Equal(-0.553807287755504, BgNbdModel.LogLikelihood(Published.Parameters, 0, 0, 38.86), 10);
    }

    [Fact]
    public void LogLikelihood_stays_finite_where_the_naive_product_underflows()
    {
        // (α+T)^-(r+x) with x = 2000 underflows to 0 in double; the log-space form must not.
        var ll = BgNbdModel.LogLikelihood(Published.Parameters, 2000, 4000, 4100);
        Assert.True(double.IsFinite(ll) && ll < 0, $"log-likelihood {ll}");
    }
}
