using Nexus.Core.Model;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>
/// Shopify has no single order status: the canonical one comes from displayFinancialStatus,
/// displayFulfillmentStatus, cancelledAt and closedAt, in this order (the table in docs/connectors.md).
/// </summary>
public static class ShopifyOrderStatus
{
    public static OrderStatus From(string? financial, string? fulfillment, bool cancelled, bool closed)
    {
        if (cancelled) return OrderStatus.Cancelled;
        return financial switch
        {
            "REFUNDED" => OrderStatus.Refunded,
            "VOIDED" => OrderStatus.Cancelled,
            "EXPIRED" => OrderStatus.Failed,
            "AUTHORIZED" => OrderStatus.OnHold,
            "PENDING" or "PARTIALLY_PAID" => fulfillment == "ON_HOLD" ? OrderStatus.OnHold : OrderStatus.Pending,
            "PAID" or "PARTIALLY_REFUNDED" => fulfillment == "FULFILLED" || closed ? OrderStatus.Completed
                : fulfillment == "ON_HOLD" ? OrderStatus.OnHold : OrderStatus.Processing,
            _ => OrderStatus.Unknown,
        };
    }

    /// <summary>The platform's own words, kept beside the canonical status, e.g. "PAID FULFILLED closed".</summary>
    public static string Raw(string? financial, string? fulfillment, bool cancelled, bool closed) =>
        $"{financial ?? "null"} {fulfillment ?? "null"}{(cancelled ? " cancelled" : "")}{(closed ? " closed" : "")}";
}
