namespace Nexus.Core.Platforms.Mapping;

/// <summary>
/// Where a page's records are inside the response body. WooCommerce answers a top-level JSON array; Shopify and
/// Magento wrap their lists (<c>data.orders.nodes</c>, <c>items</c>) next to paging facts; Shopify bulk results are
/// JSON Lines (one record per line).
/// </summary>
public abstract record PageEnvelope
{
    public static PageEnvelope TopLevelArray { get; } = new ArrayEnvelope();

    public static PageEnvelope JsonLines { get; } = new LinesEnvelope();

    /// <summary>A list at a dot-separated path of object properties, e.g. "data.orders.nodes" or "items".</summary>
    public static PageEnvelope At(string path) => new WrappedEnvelope(path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal sealed record ArrayEnvelope : PageEnvelope;

    internal sealed record LinesEnvelope : PageEnvelope;

    internal sealed record WrappedEnvelope(string[] Path) : PageEnvelope
    {
        public string Display => string.Join('.', Path);
    }
}
