namespace Nexus.Core.Analytics.Products;

/// <summary>
/// The per-day rate methods a product's history is tried with. Every method maps a daily unit series to the rate it
/// would forecast after each day (see <see cref="IntermittentDemand"/>), so one backtest and one interval rule serve all.
/// </summary>
public sealed record DemandMethod(string Name, string Description, bool IntermittentOnly, Func<double[], int, double[]> Rates)
{
    /// <summary>Smoothing constants: tsintermittent's and Syntetos–Boylan's usual fixed values for daily retail data.</summary>
    public const double Alpha = 0.1;

    public const double TsbBeta = 0.05;

    /// <summary>
    /// "The last horizon's days again": the baseline every other method must beat. Listed first so that it wins ties
    /// (a method that is only as good as the baseline is not worth its complexity).
    /// </summary>
    public static readonly DemandMethod RecentMean = new("naive", "the last horizon's daily rate again", false, TrailingMean);

    public static readonly IReadOnlyList<DemandMethod> All =
    [
        RecentMean,
        new("ses", "simple exponential smoothing (α = 0.05) of daily units", false, (y, _) => Ses(y, 0.05)),
        new("mean-90", "the last 90 days' daily rate", false, (y, _) => TrailingMean(y, 90)),
        new("croston", "Croston (α = 0.1)", true, (y, _) => IntermittentDemand.Croston(y, Alpha)),
        new("sba", "Syntetos–Boylan approximation (α = 0.1)", true, (y, _) => IntermittentDemand.Croston(y, Alpha, sba: true)),
        new("tsb", "Teunter–Syntetos–Babai (α = 0.1, β = 0.05)", true, (y, _) => IntermittentDemand.Tsb(y, Alpha, TsbBeta)),
    ];

    /// <summary>Mean of the last <paramref name="window"/> days up to and including each day (fewer at the start).</summary>
    public static double[] TrailingMean(double[] y, int window)
    {
        var rates = new double[y.Length];
        var sum = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            sum += y[t];
            if (t >= window) sum -= y[t - window];
            rates[t] = sum / Math.Min(t + 1, window);
        }
        return rates;
    }

    /// <summary>
    /// SES with a fixed small α, started at the first week's mean: per-product daily sales are mostly noise, and a fitted
    /// α would chase it (the forecasting engine's MLE fit is for the store's much smoother totals).
    /// </summary>
    public static double[] Ses(double[] y, double alpha)
    {
        var rates = new double[y.Length];
        if (y.Length == 0) return rates;
        var level = y.Take(7).Average();
        for (var t = 0; t < y.Length; t++)
        {
            level += alpha * (y[t] - level);
            rates[t] = level;
        }
        return rates;
    }
}
