using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Forecasting.Sales;

/// <summary>What is forecast: net revenue (total − refunds) or the number of revenue orders.</summary>
public enum SalesMetric { Revenue, Orders }

/// <summary>A store's (or a tenant's) sales per period: complete periods only, gaps filled with zero.</summary>
/// <param name="PeriodStarts">First day of each period, oldest first.</param>
public sealed record SalesSeries(ForecastFrequency Frequency, SalesMetric Metric, string Currency, DateOnly[] PeriodStarts, double[] Values)
{
    public int Length => Values.Length;
}

/// <summary>
/// Buckets a scope's revenue orders into days, weeks (Monday start), months, quarters or years. The period holding
/// the scope's last day is left out because it is still incomplete (a half-finished week would read as a slump), and
/// so is the first period when the first order came after its start (a store that opened mid-week or mid-month):
/// both would draw a dip that never happened and pull the forecast's level down.
/// Reads two small columns per order through the tenant-filtered context.
/// </summary>
public sealed class SalesSeriesQuery(IDbContextFactory<NexusDbContext> factory)
{
    public async Task<SalesSeries> LoadAsync(AnalyticsScope scope, ForecastFrequency frequency, SalesMetric metric, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = (await ScopedOrders.OrdersAsync(db, scope, cancellationToken)).Revenue()
            .Select(o => new { o.CreatedAt, Net = o.TotalMinor - o.RefundedMinor });
        var totals = new Dictionary<DateOnly, double>();
        var firstDay = DateOnly.MaxValue;
        await foreach (var order in orders.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var day = DateOnly.FromDateTime(order.CreatedAt.UtcDateTime);
            if (day < firstDay) firstDay = day;
            var start = PeriodStart(day, frequency);
            totals[start] = totals.GetValueOrDefault(start) + (metric == SalesMetric.Revenue ? (double)MinorUnits.FromMinor(order.Net, scope.Currency) : 1);
        }
        var through = scope.Through ?? (totals.Count == 0 ? DateOnly.MinValue : totals.Keys.Max());
        var current = PeriodStart(through, frequency);
        var starts = new List<DateOnly>();
        var values = new List<double>();
        if (totals.Count > 0)
            for (var p = FirstWholePeriod(firstDay, frequency); p < current; p = Next(p, frequency))
            {
                starts.Add(p);
                values.Add(totals.GetValueOrDefault(p));
            }
        return new SalesSeries(frequency, metric, scope.Currency, [.. starts], [.. values]);
    }

    private static DateOnly FirstWholePeriod(DateOnly firstDay, ForecastFrequency frequency)
    {
        var start = PeriodStart(firstDay, frequency);
        return start == firstDay ? start : Next(start, frequency);
    }

    public static DateOnly PeriodStart(DateOnly day, ForecastFrequency frequency) => frequency switch
    {
        ForecastFrequency.Daily => day,
        ForecastFrequency.Weekly => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ForecastFrequency.Monthly => new DateOnly(day.Year, day.Month, 1),
        ForecastFrequency.Quarterly => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    public static DateOnly Next(DateOnly start, ForecastFrequency frequency) => frequency switch
    {
        ForecastFrequency.Daily => start.AddDays(1),
        ForecastFrequency.Weekly => start.AddDays(7),
        ForecastFrequency.Monthly => start.AddMonths(1),
        ForecastFrequency.Quarterly => start.AddMonths(3),
        _ => start.AddYears(1),
    };
}
