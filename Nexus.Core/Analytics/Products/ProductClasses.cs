namespace Nexus.Core.Analytics.Products;

/// <summary>ABC by share of revenue and XYZ by variability of weekly demand, the usual inventory classes.</summary>
public static class ProductClasses
{
    public const double AShare = 0.80;
    public const double BShare = 0.95;
    public const double XMaxCv = 0.5;
    public const double YMaxCv = 1.0;

    /// <summary>
    /// Items sorted by revenue, largest first: an item is A while the revenue share of the items before it is below 80 %,
    /// B below 95 %, else C. So the item that crosses 80 % is still A (it is part of what makes the 80 %), and a single
    /// product store is all A. Items without revenue are C. Returns classes in the input order.
    /// </summary>
    public static char[] Abc(IReadOnlyList<double> revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var classes = new char[revenue.Count];
        var total = revenue.Where(r => r > 0).Sum();
        var before = 0.0;
        foreach (var i in Enumerable.Range(0, revenue.Count).OrderByDescending(i => revenue[i]).ThenBy(i => i))
        {
            var share = total > 0 ? before / total : 1;
            classes[i] = revenue[i] <= 0 ? 'C' : share < AShare ? 'A' : share < BShare ? 'B' : 'C';
            before += Math.Max(0, revenue[i]);
        }
        return classes;
    }

    /// <summary>Coefficient of variation (population standard deviation / mean) of the weekly units; ∞ with no demand.</summary>
    public static double WeeklyCv(IReadOnlyList<double> weekly)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        if (weekly.Count == 0) return double.PositiveInfinity;
        var mean = weekly.Average();
        if (mean <= 0) return double.PositiveInfinity;
        var variance = weekly.Sum(w => (w - mean) * (w - mean)) / weekly.Count;
        return Math.Sqrt(variance) / mean;
    }

    /// <summary>X: CV below 0.5 (steady), Y: up to 1.0 (fluctuating), Z: above (erratic or sporadic).</summary>
    public static char Xyz(double cv) => cv < XMaxCv ? 'X' : cv <= YMaxCv ? 'Y' : 'Z';

    /// <summary>Sums a daily series into whole weeks counted back from its end (a partial first week is left out).</summary>
    public static double[] WeeklyTotals(ReadOnlySpan<double> daily)
    {
        var weeks = daily.Length / 7;
        var totals = new double[weeks];
        var start = daily.Length - weeks * 7;
        for (var w = 0; w < weeks; w++)
            for (var d = 0; d < 7; d++) totals[w] += daily[start + 7 * w + d];
        return totals;
    }
}
