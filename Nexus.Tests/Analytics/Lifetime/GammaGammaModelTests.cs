using Nexus.Core.Analytics.Lifetime;

namespace Nexus.Tests.Analytics.Lifetime;

/// <summary>Reference numbers computed independently with mpmath (numerical integration over ν for the likelihood).</summary>
public class GammaGammaModelTests
{
    private static readonly GammaGammaModel Published = new(new GammaGammaParameters(6.25, 3.74, 15.44));

    [Fact]
    public void LogLikelihood_matches_numerical_integration_of_the_mixture() =>
        Assert.Equal(-3.84704792562272, GammaGammaModel.LogLikelihood(Published.Parameters, 2, 30), 10);

    [Fact]
    public void ExpectedAverageOrderValue_matches_the_conditional_mean()
    {
        Assert.Equal(30.9383202099737, Published.ExpectedAverageOrderValue(2, 30), 10);
        Assert.Equal(35.2189781021898, Published.ExpectedAverageOrderValue(0, 0), 10); // population mean pγ/(q−1)
    }

    [Fact]
    public void ExpectedAverageOrderValue_shrinks_towards_the_customers_own_mean_as_purchases_accumulate()
    {
        var population = Published.ExpectedAverageOrderValue(0, 0);
        const double own = 80;
        var previousGap = double.MaxValue;
        foreach (var x in new[] { 1, 3, 10, 100 })
        {
            var e = Published.ExpectedAverageOrderValue(x, own);
            Assert.InRange(e, population, own);
            Assert.True(own - e < previousGap, $"x={x}: {e} should be closer to {own}");
            previousGap = own - e;
        }
    }

    [Fact]
    public void ExpectedAverageOrderValue_refuses_an_infinite_population_mean() =>
        Assert.Throws<InvalidOperationException>(() =>
            new GammaGammaModel(new GammaGammaParameters(2, 0.9, 10)).ExpectedAverageOrderValue(1, 10));
}
