using Nexus.Core.Model;
using Nexus.Core.Platforms.Csv.Mapping;
using Nexus.Core.Platforms.Csv.Shopify;
using Nexus.Core.Platforms.Csv.WooCommerce;

namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// Picks the mapper for a file: a saved column mapping when the merchant gave one, else the recognised platform
/// export, else <see cref="CsvMappingRequiredException"/> (the mapping screen). Pass these as the page source's
/// mapper factory.
/// </summary>
public static class CsvRecordMappers
{
    public static Func<CsvHeader, ICsvRecordMapper<Order>> Orders(CsvMapping? mapping = null) => header =>
        mapping is not null ? new CsvMappedOrderMapper(header, mapping)
        : CsvLayoutRecognizer.Recognize(header) switch
        {
            CsvLayout.ShopifyOrders => new ShopifyOrdersCsvMapper(header),
            var other => throw Mismatch(other, CsvImportEntity.Orders),
        };

    public static Func<CsvHeader, ICsvRecordMapper<Customer>> Customers(CsvMapping? mapping = null) => header =>
        mapping is not null ? new CsvMappedCustomerMapper(header, mapping)
        : CsvLayoutRecognizer.Recognize(header) switch
        {
            CsvLayout.ShopifyCustomers => new ShopifyCustomersCsvMapper(header),
            var other => throw Mismatch(other, CsvImportEntity.Customers),
        };

    /// <param name="storeCurrency">Product exports carry no currency: prices are in the store's currency.</param>
    public static Func<CsvHeader, ICsvRecordMapper<Product>> Products(string storeCurrency, CsvMapping? mapping = null)
    {
        if (!Money.IsIsoCurrencyCode(storeCurrency))
            throw new ArgumentException($"'{storeCurrency}' is not an ISO 4217 currency code.", nameof(storeCurrency));
        return header =>
            mapping is not null ? new CsvMappedProductMapper(header, mapping with { FixedCurrency = mapping.FixedCurrency ?? (mapping.CurrencyColumn is null ? storeCurrency : null) })
            : CsvLayoutRecognizer.Recognize(header) switch
            {
                CsvLayout.ShopifyProducts => new ShopifyProductsCsvMapper(header, storeCurrency),
                CsvLayout.WooCommerceProducts => new WooCommerceProductsCsvMapper(header, storeCurrency),
                var other => throw Mismatch(other, CsvImportEntity.Products),
            };
    }

    private static CsvMappingRequiredException Mismatch(CsvLayout found, CsvImportEntity wanted) => found == CsvLayout.Unknown
        ? new CsvMappingRequiredException(
            $"Nexus does not recognise the columns of this file as a {wanted.ToString().ToLowerInvariant()} export. Map its columns to Nexus fields (the mapping is saved for the next upload).",
            found)
        : new CsvMappingRequiredException(
            $"This file is a {CsvLayoutRecognizer.Describe(found)}, not {wanted.ToString().ToLowerInvariant()}. Import it as {CsvLayoutRecognizer.EntityOf(found)!.Value.ToString().ToLowerInvariant()}, or pick the {wanted.ToString().ToLowerInvariant()} file.",
            found);
}
