using Nexus.Core.Analytics.Products;

namespace Nexus.Tests.Analytics.Products;

/// <summary>ABC by cumulative revenue share, XYZ by weekly CV and market-basket metrics on cases small enough to count by hand.</summary>
public sealed class ProductClassesTests
{
    [Fact]
    public void Abc_marks_the_items_that_make_the_first_80_percent_A_the_next_15_B_and_the_rest_C()
    {
        // Sorted 50, 30, 10, 6, 4 (total 100). Share before each: 0, .50, .80, .90, .96 → A, A, B, B, C. Input order is kept.
        var classes = ProductClasses.Abc([10, 50, 4, 30, 6, 0]);

        Assert.Equal("BACABC", new string(classes));
    }

    [Theory]
    [InlineData(new double[] { 10, 10, 10, 10 }, 0.0, 'X')]      // no variation
    [InlineData(new double[] { 5, 15 }, 0.5, 'Y')]               // mean 10, sd 5
    [InlineData(new double[] { 0, 20, 0, 20 }, 1.0, 'Y')]        // mean 10, sd 10
    [InlineData(new double[] { 0, 0, 0, 40 }, 1.7320508075688772, 'Z')] // mean 10, sd √((3·100 + 900)/4) = √300
    public void Xyz_follows_the_coefficient_of_variation_of_weekly_units(double[] weekly, double cv, char expected)
    {
        Assert.Equal(cv, ProductClasses.WeeklyCv(weekly), 12);
        Assert.Equal(expected, ProductClasses.Xyz(cv));
    }

    [Fact]
    public void Weekly_totals_count_whole_weeks_back_from_the_end()
    {
        // 16 days: the first two are a partial week and are left out; then 7 × 1 and 7 × 2.
        double[] daily = [9, 9, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2];

        Assert.Equal([7.0, 14.0], ProductClasses.WeeklyTotals(daily));
    }

    [Fact]
    public void Basket_pairs_report_support_confidence_and_lift_in_both_directions_above_the_minimum_support()
    {
        // 5 orders; A in 4, B in 4, C in 2. AB in 3 (support .6), AC in 2 (.4), BC in 1 (.2, below the minimum .3).
        // A→B: 3/4 = .75, lift .75 / (4/5) = .9375; B→A the same. A→C: 2/4 = .5, lift .5 / (2/5) = 1.25; C→A: 2/2 = 1, lift 1 / (4/5) = 1.25.
        string[][] orders = [["A", "B"], ["B", "A"], ["A", "C"], ["B"], ["A", "B", "C", "C"]];

        var pairs = MarketBasket.Pairs(orders, minimumSupport: 0.3);

        Assert.Equal(
            [("A", "C", 2, 0.4, 0.5, 1.25), ("C", "A", 2, 0.4, 1.0, 1.25), ("A", "B", 3, 0.6, 0.75, 0.9375), ("B", "A", 3, 0.6, 0.75, 0.9375)],
            pairs.Select(p => (p.A, p.B, p.Orders, Math.Round(p.Support, 12), Math.Round(p.Confidence, 12), Math.Round(p.Lift, 12))));
    }

    [Fact]
    public void A_pair_seen_in_a_single_order_is_no_pattern_even_when_its_support_is_high()
    {
        string[][] orders = [["A", "B"], ["C"]];

        Assert.Empty(MarketBasket.Pairs(orders, minimumSupport: 0.1));
    }
}
