using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Sales;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>
/// A product's history and forecast by week, in the shape the Forecasts charts draw (<see cref="SalesForecast"/>), so the
/// product page reuses them. The engine forecasts a flat daily rate with a horizon-total interval whose sd is σ·√H
/// (<see cref="ProductForecaster"/>); a week's share of it is rate·7 with sd σ·√7, i.e. the horizon's sd × √(7 / H).
/// </summary>
public static class ProductWeeklyPath
{
    public const int HistoryWeeks = 104;

    /// <summary>Weeks shown ahead: the 90-day horizon rounded up to whole weeks.</summary>
    public static int ForecastWeeks(int horizonDays) => (horizonDays + 6) / 7;

    /// <param name="daily">Units per day from the first sale through <paramref name="asOf"/>.</param>
    public static SalesForecast Build(double[] daily, DateOnly asOf, ProductForecast forecast, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(daily);
        ArgumentNullException.ThrowIfNull(forecast);
        // Whole weeks counted back from the as-of day, so the last history week ends on it and the forecast starts the day after.
        var weekly = ProductClasses.WeeklyTotals(daily);
        var shown = weekly.Skip(Math.Max(0, weekly.Length - HistoryWeeks)).ToArray();
        var lastStart = asOf.AddDays(-6);
        var starts = Enumerable.Range(0, shown.Length).Select(i => lastStart.AddDays(-7 * (shown.Length - 1 - i))).ToArray();
        var history = new SalesSeries(ForecastFrequency.Weekly, SalesMetric.Orders, "", starts, shown);
        var weeks = ForecastWeeks(horizonDays);
        var request = new SalesForecastRequest(SalesMetric.Orders, ForecastFrequency.Weekly, weeks);
        if (forecast.ExpectedUnits is not { } expected || forecast.Upper95 is not { } upper95 || shown.Length == 0)
            return new SalesForecast(request, history, null, ProductForecaster.MinimumHistoryDays(horizonDays) / 7);
        var weekMean = expected / horizonDays * 7;
        var weekSd = (upper95 - expected) / ForecastPath.Z95 * Math.Sqrt(7.0 / horizonDays);
        double[] Fill(double value) => Enumerable.Repeat(Math.Max(0, value), weeks).ToArray();
        var path = new ForecastPath(Fill(weekMean), Fill(weekMean - ForecastPath.Z80 * weekSd), Fill(weekMean + ForecastPath.Z80 * weekSd),
            Fill(weekMean - ForecastPath.Z95 * weekSd), Fill(weekMean + ForecastPath.Z95 * weekSd));
        var result = new ForecastResult(forecast.Method ?? "", forecast.MethodDescription ?? "", 1, false, path, "residuals", [], []);
        return new SalesForecast(request, history, result, ProductForecaster.MinimumHistoryDays(horizonDays) / 7);
    }
}
