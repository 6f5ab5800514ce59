namespace Nexus.Core.Platforms.Shopify;

/// <summary>What the mappers need to know about the shop: its admin URL, for links back to each record.</summary>
public sealed record ShopifyMappingOptions(Uri ShopUrl)
{
    /// <summary><c>https://{shop}/admin/{resource}/{legacy id}</c>, the page a merchant opens in Shopify's admin.</summary>
    public string? AdminUrl(string resource, string? gid)
    {
        var legacy = gid?[(gid.LastIndexOf('/') + 1)..];
        return string.IsNullOrEmpty(legacy) ? null : new Uri(ShopUrl, $"/admin/{resource}/{legacy}").ToString();
    }
}
