using Nexus.Core.Tenancy;

namespace Nexus.Core.Analytics.Products.Cache;

/// <summary>Where a store's cached product analysis stands.</summary>
public enum ProductCacheStatus { Computing, Ready, Failed }

/// <summary>
/// One store's cached product analysis (every product and variant, its outlook and the pairs bought together),
/// computed by the product job after a sync so the Products page opens at once. The payload is the serialised
/// <see cref="Insights.ProductInsights"/>. Per store only: product ids are a store's own, so an "all stores" list is
/// the stores' lists side by side, never one analysis over mixed ids.
/// </summary>
public sealed class ProductCacheEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public int StoreId { get; set; }
    public string Currency { get; set; } = "";
    public string Status { get; set; } = nameof(ProductCacheStatus.Computing);
    public DateTimeOffset UpdatedAt { get; set; }
    public string? PayloadJson { get; set; }

    /// <summary>Why the last computation failed, in plain words (details for ops are in the job log).</summary>
    public string? Error { get; set; }
}
