using Nexus.Core.Analytics.Products;

namespace Nexus.Tests.Analytics.Products;

/// <summary>
/// Croston, SBA and TSB against their published recursions (tsintermittent's crost with init "naive", which is also
/// forecast::croston, and tsb with its default init ẑ₁ = z₁, p̂₁ = mean(p)). Every expected number is worked out by hand
/// in the comments from those definitions.
/// </summary>
public sealed class IntermittentDemandTests
{
    private static readonly double[] Series = [0, 3, 0, 0, 5, 0, 2];

    [Fact]
    public void Croston_smooths_sizes_and_intervals_at_each_demand_and_holds_the_rate_between_them()
    {
        // Demands 3, 5, 2 at days 2, 5, 7 (1-based): intervals 2, 3, 2 (the first counted from the start).
        // Init ẑ = 3, x̂ = 2 → 1.5. Day 5: ẑ = 3 + .5(5 − 3) = 4, x̂ = 2 + .5(3 − 2) = 2.5 → 1.6.
        // Day 7: ẑ = 4 + .5(2 − 4) = 3, x̂ = 2.5 + .5(2 − 2.5) = 2.25 → 3 / 2.25 = 4/3. Nothing seen before day 2 → 0.
        var rates = IntermittentDemand.Croston(Series, alpha: 0.5);

        Assert.Equal([0, 1.5, 1.5, 1.5, 1.6, 1.6, 4.0 / 3], rates, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Sba_is_croston_times_one_minus_half_alpha()
    {
        // (1 − 0.5 / 2) · 4/3 = 0.75 · 4/3 = 1.
        var rates = IntermittentDemand.Croston(Series, alpha: 0.5, sba: true);

        Assert.Equal(1.0, rates[^1], 12);
        Assert.Equal(0.75 * 1.6, rates[4], 12);
    }

    [Fact]
    public void Tsb_updates_the_probability_every_day_and_the_size_only_on_demand_days()
    {
        // p = 0 1 0 0 1 0 1, mean 3/7; ẑ₁ = 3 (first non-zero). α = β = 0.5.
        // t1: p̂ 3/7 → rate 9/7.  t2: p̂ = 3/7 + .5(1 − 3/7) = 5/7, ẑ = 3 → 15/7.  t3: p̂ 5/14 → 15/14.  t4: 5/28 → 15/28.
        // t5: p̂ = 5/28 + .5(1 − 5/28) = 33/56, ẑ = 3 + .5(5 − 3) = 4 → 33/14.  t6: p̂ 33/112 → 33/28.
        // t7: p̂ = 33/112 + .5(1 − 33/112) = 145/224, ẑ = 4 + .5(2 − 4) = 3 → 435/224.
        var rates = IntermittentDemand.Tsb(Series, alpha: 0.5, beta: 0.5);

        double[] expected = [9.0 / 7, 15.0 / 7, 15.0 / 14, 15.0 / 28, 33.0 / 14, 33.0 / 28, 435.0 / 224];
        Assert.Equal(expected, rates, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Tsb_decays_towards_zero_when_demand_stops_while_croston_keeps_its_last_rate()
    {
        double[] stopped = [.. Series, .. new double[30]];

        var croston = IntermittentDemand.Croston(stopped, 0.5)[^1];
        var tsb = IntermittentDemand.Tsb(stopped, 0.5, 0.5)[^1];

        Assert.Equal(4.0 / 3, croston, 12);
        // mean(p) is now 3/37: p̂ = 3/37, 20/37, 10/37, 5/37, 21/37, 21/74, 95/148 over the first seven days (as above,
        // ẑ ends at 3), so the rate is 285/148 on day 7, and thirty zero days halve p̂ thirty times.
        Assert.Equal(285.0 / 148 * Math.Pow(0.5, 30), tsb, 15);
    }

    [Theory]
    [InlineData(new double[] { 0, 3, 0, 0, 5, 0, 2 }, 7.0 / 3)]
    [InlineData(new double[] { 1, 1, 1, 1 }, 1.0)]
    [InlineData(new double[] { 0, 0, 4, 0 }, 4.0)]
    public void Adi_is_periods_per_demand_period(double[] y, double adi) => Assert.Equal(adi, IntermittentDemand.Adi(y), 12);
}
