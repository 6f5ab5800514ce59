using Nexus.Core.Analytics.Metrics;

namespace Nexus.Core.Analytics.Forecasting.Sales;

/// <summary>What a merchant asked to forecast.</summary>
public sealed record SalesForecastRequest(SalesMetric Metric, ForecastFrequency Frequency, int Horizon);

/// <summary>A sales forecast: the history it was made from and the engine's result, or why there is none.</summary>
/// <param name="Result">Null when the history is too short (see <see cref="MinimumHistory"/>).</param>
public sealed record SalesForecast(SalesForecastRequest Request, SalesSeries History, ForecastResult? Result, int MinimumHistory)
{
    public bool HasForecast => Result is not null;

    /// <summary>First day of each forecast period.</summary>
    public IReadOnlyList<DateOnly> ForecastStarts()
    {
        var list = new List<DateOnly>();
        if (History.Length == 0) return list;
        var p = History.PeriodStarts[^1];
        for (var h = 0; h < Request.Horizon; h++) list.Add(p = SalesSeriesQuery.Next(p, Request.Frequency));
        return list;
    }
}

/// <summary>Loads a scope's sales series and forecasts it (the job and the CLI call this; pages read the cache).</summary>
public sealed class SalesForecaster(SalesSeriesQuery series)
{
    /// <summary>Periods of history needed before a forecast (and its backtest) is worth showing.</summary>
    public static int MinimumHistory(ForecastFrequency frequency) => frequency switch
    {
        ForecastFrequency.Daily => 56,
        ForecastFrequency.Weekly => 26,
        ForecastFrequency.Monthly => 24,
        ForecastFrequency.Quarterly => 12,
        _ => 8,
    };

    public async Task<SalesForecast> ForecastAsync(AnalyticsScope scope, SalesForecastRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var history = await series.LoadAsync(scope, request.Frequency, request.Metric, cancellationToken);
        return Forecast(history, request);
    }

    /// <summary>The pure half: a loaded series in, a forecast (or the reason for none) out.</summary>
    public static SalesForecast Forecast(SalesSeries history, SalesForecastRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        var minimum = MinimumHistory(request.Frequency);
        if (history.Length < minimum) return new SalesForecast(request, history, null, minimum);
        var result = AutoForecaster.Forecast(history.Values, new ForecastOptions(request.Horizon, request.Frequency), cancellationToken);
        return new SalesForecast(request, history, result, minimum);
    }
}
