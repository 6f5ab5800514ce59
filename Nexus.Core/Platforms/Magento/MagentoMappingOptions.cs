using Nexus.Core.Model;

namespace Nexus.Core.Platforms.Magento;

/// <summary>
/// Store facts the payloads do not carry: product prices have no currency in Magento (they are in the website's base
/// currency, from <c>/V1/store/storeConfigs</c>), and links back to the admin need the store's base URL.
/// </summary>
public sealed record MagentoMappingOptions
{
    public MagentoMappingOptions(string baseCurrency, Uri? storeUrl = null)
    {
        if (!Money.IsIsoCurrencyCode(baseCurrency))
            throw new ArgumentException($"'{baseCurrency}' is not an ISO 4217 currency code.", nameof(baseCurrency));
        BaseCurrency = baseCurrency;
        StoreUrl = storeUrl;
        _base = storeUrl?.AbsoluteUri.TrimEnd('/') + "/";
    }

    private readonly string? _base;

    /// <summary>The store's <c>base_currency_code</c>: product prices and credit memos without a currency use it.</summary>
    public string BaseCurrency { get; }

    /// <summary>e.g. https://shop.example.com/ ; null leaves SourceUrl empty.</summary>
    public Uri? StoreUrl { get; }

    internal string? Url(string relative) => StoreUrl is null ? null : _base + relative;
}
