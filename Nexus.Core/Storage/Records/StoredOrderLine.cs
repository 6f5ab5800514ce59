using Nexus.Core.Tenancy;

namespace Nexus.Core.Storage.Records;

/// <summary>
/// One product line of a stored order, as a row so per-product analytics (units and revenue per product per day) run
/// in the database instead of parsing every order's payload. Written with its order in the page's transaction and
/// replaced whenever the order changes, so the rows always equal what the order's payload says.
/// </summary>
public sealed class StoredOrderLine : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public int StoreId { get; set; }

    public string OrderPlatformId { get; set; } = "";

    public string LinePlatformId { get; set; } = "";

    /// <summary>Null when the platform no longer knows the product (deleted, or a custom line).</summary>
    public string? ProductPlatformId { get; set; }

    public string? VariantPlatformId { get; set; }

    public string? Sku { get; set; }

    /// <summary>A double, not a decimal, so SQL can sum it; platforms send at most a few decimals (Magento sells 1.5 kg).</summary>
    public double Quantity { get; set; }

    /// <summary>The line's amount after discounts, excluding tax, in the currency's minor units.</summary>
    public long NetMinor { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>The order's creation time, so "per product per day" needs no join.</summary>
    public DateTimeOffset OrderCreatedAt { get; set; }

    /// <summary>The order's status (as <see cref="StoredOrder.Status"/>), so cancelled orders can be left out without a join.</summary>
    public string OrderStatus { get; set; } = "";
}
