namespace Nexus.Core.Analytics.Products;

/// <summary>Rising, steady or declining: the forecast's horizon against the same length of recent past.</summary>
public enum DemandStatus { Rising, Steady, Declining }

/// <summary>One product's expected units over the horizon, or why there is none (cold start).</summary>
/// <param name="ExpectedUnits">Units expected over the whole horizon (rate × horizon); null for a cold start.</param>
/// <param name="BacktestWape">WAPE of the chosen method's horizon totals over the backtest origins (null when every actual was 0).</param>
/// <param name="NaiveWape">The same for the "last horizon again" baseline, so the score reads against something.</param>
/// <param name="RecentUnits">Units in the last horizon-length days before the forecast starts.</param>
public sealed record ProductForecast(
    bool ColdStart,
    string? ColdStartReason,
    bool Intermittent,
    double Adi,
    string? Method,
    string? MethodDescription,
    double? ExpectedUnits,
    double? Lower80,
    double? Upper80,
    double? Lower95,
    double? Upper95,
    DemandStatus? Status,
    double RecentUnits,
    double? BacktestWape,
    double? NaiveWape,
    int BacktestOrigins);

/// <summary>
/// Chooses each product's method by rolling-origin backtest on horizon totals and forecasts the next horizon. Pure:
/// the daily series goes in, the forecast comes out.
/// </summary>
public static class ProductForecaster
{
    public const int MaxBacktestOrigins = 3;

    /// <summary>Fewer selling days than this and the method choice would be a coin toss.</summary>
    public const int MinimumSellingDays = 3;

    private const double Z80 = 1.2815515655446004;
    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// A product needs two horizons of history (one to fit, one to score a backtest origin) and a few selling days;
    /// otherwise it is a cold start and says so instead of showing a number that no backtest stands behind.
    /// </summary>
    public static int MinimumHistoryDays(int horizon) => 2 * horizon;

    /// <param name="daily">Units per day from the product's first sale to the last day before the forecast, zeros included.</param>
    public static ProductForecast Forecast(double[] daily, int horizon)
    {
        ArgumentNullException.ThrowIfNull(daily);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var recent = daily.AsSpan(Math.Max(0, daily.Length - horizon)).ToArray().Sum();
        var adi = IntermittentDemand.Adi(daily);
        var intermittent = adi > IntermittentDemand.IntermittentAdi;
        var sellingDays = daily.Count(v => v != 0);
        if (daily.Length < MinimumHistoryDays(horizon) || sellingDays < MinimumSellingDays)
        {
            var reason = $"{daily.Length} days of history with {sellingDays} selling days; a forecast needs at least {MinimumHistoryDays(horizon)} days and {MinimumSellingDays} selling days";
            return new ProductForecast(true, reason, intermittent, adi, null, null, null, null, null, null, null, null, recent, null, null, 0);
        }

        var candidates = DemandMethod.All.Where(m => intermittent || !m.IntermittentOnly).ToList();
        var origins = Enumerable.Range(1, MaxBacktestOrigins).Select(k => daily.Length - k * horizon).Where(o => o >= horizon).ToList();
        var scored = candidates.Select(m => (method: m, error: BacktestError(daily, horizon, origins, m))).ToList();
        // Lowest absolute error on the horizon totals wins; the list order (baseline first) breaks ties.
        var best = scored.Aggregate((a, b) => b.error.Absolute < a.error.Absolute - 1e-9 ? b : a);
        var naive = scored.First(s => s.method == DemandMethod.RecentMean);

        var rates = best.method.Rates(daily, horizon);
        var expected = rates[^1] * horizon;
        var sd = HorizonSd(daily, rates, horizon);
        var lower80 = Math.Max(0, expected - Z80 * sd);
        var upper80 = expected + Z80 * sd;
        var status = StatusOf(recent, lower80, upper80);
        return new ProductForecast(false, null, intermittent, adi, best.method.Name, best.method.Description, expected,
            lower80, upper80, Math.Max(0, expected - Z95 * sd), expected + Z95 * sd, status, recent,
            best.error.Wape, naive.error.Wape, origins.Count);
    }

    /// <summary>
    /// Rising when the last horizon's units fall below the forecast's 80 % interval (the forecast expects more than the
    /// recent past could give by chance), declining when they lie above it, steady inside it.
    /// </summary>
    public static DemandStatus StatusOf(double recentUnits, double lower80, double upper80) =>
        recentUnits < lower80 ? DemandStatus.Rising : recentUnits > upper80 ? DemandStatus.Declining : DemandStatus.Steady;

    /// <summary>Σ|actual − forecast| of the horizon totals from each origin, and that over Σ actual (WAPE).</summary>
    internal static (double Absolute, double? Wape) BacktestError(double[] daily, int horizon, IReadOnlyList<int> origins, DemandMethod method)
    {
        double absolute = 0, actual = 0;
        foreach (var origin in origins)
        {
            var training = daily[..origin];
            var forecast = method.Rates(training, horizon)[^1] * horizon;
            var observed = daily.AsSpan(origin, horizon).ToArray().Sum();
            absolute += Math.Abs(observed - forecast);
            actual += observed;
        }
        return (absolute, actual > 0 ? absolute / actual : null);
    }

    /// <summary>
    /// Standard deviation of the horizon total from the in-sample one-step errors (yₜ − rateₜ₋₁) of the chosen method,
    /// assuming independent days: σ·√h. Product-level daily errors are close to independent noise, and this keeps one
    /// interval rule for methods that (like Croston) have no distribution of their own.
    /// </summary>
    internal static double HorizonSd(double[] daily, double[] rates, int horizon)
    {
        var ss = 0.0;
        var count = 0;
        for (var t = 1; t < daily.Length; t++) { var e = daily[t] - rates[t - 1]; ss += e * e; count++; }
        return count == 0 ? 0 : Math.Sqrt(ss / count) * Math.Sqrt(horizon);
    }
}
