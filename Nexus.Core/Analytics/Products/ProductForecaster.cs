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

    /// <summary>
    /// The global model must cut the best per-product method's backtest error by this share to be chosen: one more
    /// candidate wins some products by luck on noise, and a model shared across the catalogue should win on a pattern.
    /// </summary>
    public const double GlobalMargin = 0.10;

    /// <param name="daily">Units per day from the product's first sale to the last day before the forecast, zeros included.</param>
    /// <param name="global">
    /// The global model's horizon total from k horizons before the end (k = 0: the forecast; 1…: the backtest origins),
    /// or null without one. It competes only when it has a forecast for the end and for every backtest origin.
    /// </param>
    public static ProductForecast Forecast(double[] daily, int horizon, Func<int, double?>? global = null) => Forecast(daily, horizon, global, out _);

    /// <param name="comparison">The best own method's and the global model's backtest Σ|error| (the latter null when it did not compete), for the catalogue-wide check.</param>
    internal static ProductForecast Forecast(double[] daily, int horizon, Func<int, double?>? global, out GlobalComparison comparison)
    {
        comparison = default;
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
        // The interval comes from the product's day-to-day noise around its best own method, also when the global
        // model's total is chosen: the global model has no per-day path of this product to take errors from.
        var sd = HorizonSd(daily, rates, horizon);
        var (name, description, expected, wape) = (best.method.Name, best.method.Description, rates[^1] * horizon, best.error.Wape);
        if (global?.Invoke(0) is { } globalTotal && Backtest(daily, horizon, origins, o => global((daily.Length - o) / horizon)) is { } g)
        {
            comparison = new GlobalComparison(best.error.Absolute, g.Absolute);
            if (g.Absolute < (1 - GlobalMargin) * best.error.Absolute - 1e-9)
                (name, description, expected, wape) = (GlobalDemandModel.MethodName, GlobalDemandModel.Description, globalTotal, g.Wape);
        }
        var lower80 = Math.Max(0, expected - Z80 * sd);
        var upper80 = expected + Z80 * sd;
        var status = StatusOf(recent, lower80, upper80);
        return new ProductForecast(false, null, intermittent, adi, name, description, expected,
            lower80, upper80, Math.Max(0, expected - Z95 * sd), expected + Z95 * sd, status, recent,
            wape, naive.error.Wape, origins.Count);
    }

    /// <summary>One product's backtest Σ|error|: its best own method's and the global model's (null when it did not compete).</summary>
    internal readonly record struct GlobalComparison(double Own, double? Global);

    /// <summary>
    /// The catalogue-wide check: the global model may be chosen for any product only when, summed over the products it
    /// competed on, its backtest error is <see cref="GlobalMargin"/> below the products' own best methods'. Those were
    /// picked on the same backtest (a flattering score), so passing means the model learned something the products share;
    /// on noise it mostly fails, and products do not switch to it by a lucky draw.
    /// </summary>
    internal static bool GlobalModelEarnsItsPlace(IEnumerable<GlobalComparison> comparisons)
    {
        double own = 0, global = 0;
        foreach (var c in comparisons)
            if (c.Global is { } g) { own += c.Own; global += g; }
        return global < (1 - GlobalMargin) * own;
    }

    /// <summary>
    /// Rising when the last horizon's units fall below the forecast's 80 % interval (the forecast expects more than the
    /// recent past could give by chance), declining when they lie above it, steady inside it.
    /// </summary>
    public static DemandStatus StatusOf(double recentUnits, double lower80, double upper80) =>
        recentUnits < lower80 ? DemandStatus.Rising : recentUnits > upper80 ? DemandStatus.Declining : DemandStatus.Steady;

    /// <summary>Σ|actual − forecast| of the horizon totals from each origin, and that over Σ actual (WAPE).</summary>
    internal static (double Absolute, double? Wape) BacktestError(double[] daily, int horizon, IReadOnlyList<int> origins, DemandMethod method) =>
        Backtest(daily, horizon, origins, origin => method.Rates(daily[..origin], horizon)[^1] * horizon)!.Value;

    /// <summary>The same for any forecaster of the horizon total from an origin; null when it has no forecast for one of them.</summary>
    internal static (double Absolute, double? Wape)? Backtest(double[] daily, int horizon, IReadOnlyList<int> origins, Func<int, double?> totalFrom)
    {
        double absolute = 0, actual = 0;
        foreach (var origin in origins)
        {
            if (totalFrom(origin) is not { } forecast) return null;
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
