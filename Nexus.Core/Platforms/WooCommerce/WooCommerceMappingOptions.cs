using Nexus.Core.Model;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// Store facts the payloads do not carry: product prices have no currency in WooCommerce (it is a
/// store setting), and links back to the store's admin need its base URL.
/// </summary>
public sealed record WooCommerceMappingOptions
{
    public WooCommerceMappingOptions(string storeCurrency, Uri? storeUrl = null)
    {
        if (!Money.IsIsoCurrencyCode(storeCurrency))
            throw new ArgumentException($"'{storeCurrency}' is not an ISO 4217 currency code.", nameof(storeCurrency));
        StoreCurrency = storeCurrency;
        StoreUrl = storeUrl;
        _adminBase = storeUrl?.AbsoluteUri.TrimEnd('/') + "/";
    }

    private readonly string? _adminBase;

    /// <summary>The store's <c>woocommerce_currency</c> setting, used for product and variant prices.</summary>
    public string StoreCurrency { get; }

    /// <summary>e.g. https://shop.example.com/ ; null leaves SourceUrl empty where it would point at wp-admin.</summary>
    public Uri? StoreUrl { get; }

    /// <summary>Plain concatenation: building a Uri per record cost more than the rest of the order mapping.</summary>
    internal string? AdminUrl(string relative) => StoreUrl is null ? null : _adminBase + relative;
}
