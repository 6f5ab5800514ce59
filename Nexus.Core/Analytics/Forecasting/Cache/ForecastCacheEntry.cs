using Nexus.Core.Tenancy;

namespace Nexus.Core.Analytics.Forecasting.Cache;

/// <summary>Where a cached forecast stands.</summary>
public enum ForecastCacheStatus { Computing, Ready, TooShort, Failed }

/// <summary>
/// One cached sales forecast: a tenant's store (or all its stores, <see cref="StoreId"/> null) × metric × frequency,
/// computed by the forecast job after a sync so pages open instantly. The payload is the serialised <see cref="Sales.SalesForecast"/>.
/// </summary>
public sealed class ForecastCacheEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public int? StoreId { get; set; }
    public string Metric { get; set; } = "";
    public string Frequency { get; set; } = "";
    public string Currency { get; set; } = "";
    public string Status { get; set; } = nameof(ForecastCacheStatus.Computing);
    public DateTimeOffset UpdatedAt { get; set; }
    public string? PayloadJson { get; set; }

    /// <summary>Why the last computation failed, in plain words (details for ops are in the job log).</summary>
    public string? Error { get; set; }
}
