using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Forecasting.Cache;

/// <summary>A cached forecast as pages and alerts read it.</summary>
/// <param name="Forecast">Null while the first computation runs or when it failed.</param>
public sealed record CachedForecast(ForecastCacheStatus Status, DateTimeOffset UpdatedAt, string Currency, SalesForecast? Forecast, string? Error);

/// <summary>
/// Reads and writes cached sales forecasts, always through a context scoped to one tenant, so one tenant's forecast
/// can never be read or overwritten with another's id. Also the service health/alerts use to read a store's
/// forecast intervals (<see cref="GetAsync"/>).
/// </summary>
public sealed class ForecastCache(IDbContextFactory<NexusDbContext> factory, TimeProvider clock)
{
    /// <summary>Horizon the job computes per frequency; pages show a prefix of it.</summary>
    public static int CachedHorizon(ForecastFrequency frequency) => frequency switch
    {
        ForecastFrequency.Daily => 56,
        ForecastFrequency.Weekly => 26,
        ForecastFrequency.Monthly => 12,
        ForecastFrequency.Quarterly => 8,
        _ => 3,
    };

    /// <summary>The frequencies the job keeps warm.</summary>
    public static readonly IReadOnlyList<ForecastFrequency> CachedFrequencies = [ForecastFrequency.Daily, ForecastFrequency.Weekly, ForecastFrequency.Monthly];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The cached forecast of a tenant's store (or all stores with <paramref name="storeId"/> null); null when none was ever computed.</summary>
    public async Task<CachedForecast?> GetAsync(Guid tenantId, int? storeId, SalesMetric metric, ForecastFrequency frequency, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var entry = await Find(db, storeId, metric, frequency).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (entry is null) return null;
        var status = Enum.Parse<ForecastCacheStatus>(entry.Status);
        var forecast = entry.PayloadJson is null ? null : JsonSerializer.Deserialize<SalesForecast>(entry.PayloadJson, Json);
        return new CachedForecast(status, entry.UpdatedAt, entry.Currency, forecast, entry.Error);
    }

    /// <summary>Marks the entries of a scope as being computed (keeping any previous forecast visible meanwhile).</summary>
    public Task MarkComputingAsync(Guid tenantId, int? storeId, CancellationToken cancellationToken = default) =>
        UpsertAllAsync(tenantId, storeId, entry => entry.Status = nameof(ForecastCacheStatus.Computing), cancellationToken);

    /// <summary>Stores a computed forecast (ready, or too short with the history it had).</summary>
    public async Task SaveAsync(Guid tenantId, int? storeId, SalesForecast forecast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        await UpsertAsync(tenantId, storeId, forecast.Request.Metric, forecast.Request.Frequency, entry =>
        {
            entry.Status = forecast.HasForecast ? nameof(ForecastCacheStatus.Ready) : nameof(ForecastCacheStatus.TooShort);
            entry.Currency = forecast.History.Currency;
            entry.PayloadJson = JsonSerializer.Serialize(forecast, Json);
            entry.Error = null;
        }, cancellationToken);
    }

    /// <summary>Records a failed computation (the previous forecast, if any, stays).</summary>
    public Task SaveFailureAsync(Guid tenantId, int? storeId, SalesMetric metric, ForecastFrequency frequency, string error, CancellationToken cancellationToken = default) =>
        UpsertAsync(tenantId, storeId, metric, frequency, entry =>
        {
            entry.Status = nameof(ForecastCacheStatus.Failed);
            entry.Error = error;
        }, cancellationToken);

    private async Task UpsertAllAsync(Guid tenantId, int? storeId, Action<ForecastCacheEntry> change, CancellationToken cancellationToken)
    {
        foreach (var metric in Enum.GetValues<SalesMetric>())
            foreach (var frequency in CachedFrequencies)
                await UpsertAsync(tenantId, storeId, metric, frequency, change, cancellationToken);
    }

    private async Task UpsertAsync(Guid tenantId, int? storeId, SalesMetric metric, ForecastFrequency frequency, Action<ForecastCacheEntry> change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        if (storeId is not null && !(await ScopedOrders.StoreIdsAsync(db, new AnalyticsScope(tenantId, storeId, ""), cancellationToken)).Contains(storeId.Value))
            throw new InvalidOperationException($"store {storeId} does not belong to tenant {tenantId}");
        var entry = await Find(db, storeId, metric, frequency).FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            entry = new ForecastCacheEntry { TenantId = tenantId, StoreId = storeId, Metric = metric.ToString(), Frequency = frequency.ToString() };
            db.ForecastCache.Add(entry);
        }
        change(entry);
        entry.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<ForecastCacheEntry> Find(NexusDbContext db, int? storeId, SalesMetric metric, ForecastFrequency frequency)
    {
        var m = metric.ToString();
        var f = frequency.ToString();
        return db.ForecastCache.Where(e => e.StoreId == storeId && e.Metric == m && e.Frequency == f);
    }
}
