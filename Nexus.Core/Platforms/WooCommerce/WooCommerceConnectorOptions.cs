using Nexus.Core.Platforms.WooCommerce.Auth;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>How the connector signs requests (see docs/connectors.md).</summary>
public enum WooAuthMode
{
    /// <summary>HTTPS: HTTP Basic. Plain HTTP: OAuth 1.0a — what WooCommerce itself accepts on each.</summary>
    Auto,
    /// <summary>HTTP Basic on any scheme (only for servers that allow it over HTTP, e.g. a sandbox knob).</summary>
    Basic,
    /// <summary>consumer_key/consumer_secret in the query string, for HTTPS servers that strip Authorization headers.</summary>
    QueryString,
    /// <summary>One-legged OAuth 1.0a on any scheme.</summary>
    OAuth1,
}

/// <summary>Per-store connector settings; the defaults are what a real store needs.</summary>
public sealed record WooCommerceConnectorOptions
{
    /// <summary>WooCommerce's maximum page size.</summary>
    public int PageSize { get; init; } = 100;

    public WooAuthMode AuthMode { get; init; } = WooAuthMode.Auto;

    public OAuth1SignatureMethod SignatureMethod { get; init; } = OAuth1SignatureMethod.HmacSha256;

    /// <summary>The store's request budget; shared by every fetch of the store.</summary>
    public int RequestsPerMinute { get; init; } = RequestBudgetRegistry.DefaultRequestsPerMinute;

    /// <summary>Orders only summarise refunds; true fetches /orders/{id}/refunds for orders that have any (dates, lines).</summary>
    public bool FetchRefundDetails { get; init; } = true;

    /// <summary>Product prices carry no currency in WooCommerce; null reads it once from /system_status.</summary>
    public string? StoreCurrency { get; init; }

    public ConnectorResilienceOptions Resilience { get; init; } = new();

    /// <summary>Response size limits per endpoint kind (a hostile store must not exhaust memory).</summary>
    public ResponseBodyLimits BodyLimits { get; init; } = new();
}
