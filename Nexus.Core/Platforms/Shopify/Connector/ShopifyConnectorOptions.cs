using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>Per-store Shopify connector settings; the defaults are what a real shop needs.</summary>
public sealed record ShopifyConnectorOptions
{
    /// <summary>The newest stable quarterly Admin API version the connector is tested against (the sandbox serves it).</summary>
    public const string DefaultApiVersion = "2026-10";

    /// <summary>
    /// The Admin API version; null uses the store's own (an address ending in <c>/admin/api/2026-07</c>) or
    /// <see cref="DefaultApiVersion"/>.
    /// </summary>
    public string? ApiVersion { get; init; }

    /// <summary>First page sizes before the connector has seen what a page costs; it then sizes pages to the cost cap and bucket.</summary>
    public int CustomersPageSize { get; init; } = 50;

    public int ProductsPageSize { get; init; } = 10;

    public int OrdersPageSize { get; init; } = 2;

    /// <summary>Line items per order and variants per product asked for in the listing; more are followed page by page.</summary>
    public int NestedPageSize { get; init; } = 10;

    /// <summary>Requests per minute of the shared budget: Shopify paces by points (the cost bucket), so this is only a ceiling.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    public ConnectorResilienceOptions Resilience { get; init; } = new();

    public ResponseBodyLimits BodyLimits { get; init; } = new();
}
