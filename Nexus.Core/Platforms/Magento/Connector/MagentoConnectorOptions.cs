using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>Per-store Magento connector settings; the defaults are what a real store needs.</summary>
public sealed record MagentoConnectorOptions
{
    /// <summary>searchCriteria[pageSize]; Magento has no hard maximum, 100 keeps a page of orders around 1 MB.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The store's request budget; shared by every fetch of the store.</summary>
    public int RequestsPerMinute { get; init; } = RequestBudgetRegistry.DefaultRequestsPerMinute;

    /// <summary>True reads /V1/creditmemos for every page of orders and attaches them as the orders' refunds.</summary>
    public bool FetchCreditMemos { get; init; } = true;

    public ConnectorResilienceOptions Resilience { get; init; } = new();

    public ResponseBodyLimits BodyLimits { get; init; } = new();
}
