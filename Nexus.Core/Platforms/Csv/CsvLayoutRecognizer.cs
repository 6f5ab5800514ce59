namespace Nexus.Core.Platforms.Csv;

/// <summary>The platform exports Nexus reads without asking the merchant anything.</summary>
public enum CsvLayout { Unknown = 0, ShopifyOrders, ShopifyCustomers, ShopifyProducts, WooCommerceProducts }

/// <summary>
/// Recognises a platform export from its header: each layout has anchor columns that must all be present and
/// negative anchors that must be absent (after the vendor profiles in FORMATS.md). Names are case-insensitive;
/// renamed columns of newer exports are aliases.
/// </summary>
public static class CsvLayoutRecognizer
{
    private sealed record Profile(CsvLayout Layout, CsvImportEntity Entity, string[][] Anchors, string[] Absent);

    private static readonly Profile[] Profiles =
    [
        new(CsvLayout.ShopifyOrders, CsvImportEntity.Orders,
            [["Name"], ["Financial Status"], ["Lineitem name"], ["Lineitem quantity"], ["Created at"], ["Total"]], []),
        new(CsvLayout.ShopifyProducts, CsvImportEntity.Products,
            [["Handle", "URL handle"], ["Title"], ["Variant Price", "Price"]], ["Lineitem name"]),
        new(CsvLayout.ShopifyCustomers, CsvImportEntity.Customers,
            [["First Name"], ["Last Name"], ["Email"], ["Total Spent"], ["Total Orders"]], ["Lineitem name", "Handle"]),
        new(CsvLayout.WooCommerceProducts, CsvImportEntity.Products,
            [["Type"], ["Name"], ["SKU"], ["Regular price"], ["Published"]], ["Handle", "Lineitem name"]),
    ];

    public static CsvLayout Recognize(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var profile in Profiles)
        {
            if (profile.Anchors.All(aliases => header.Contains(aliases)) && !profile.Absent.Any(a => header.Contains(a)))
                return profile.Layout;
        }

        return CsvLayout.Unknown;
    }

    public static CsvImportEntity? EntityOf(CsvLayout layout) => Profiles.FirstOrDefault(p => p.Layout == layout)?.Entity;

    public static string Describe(CsvLayout layout) => layout switch
    {
        CsvLayout.ShopifyOrders => "Shopify orders export",
        CsvLayout.ShopifyCustomers => "Shopify customers export",
        CsvLayout.ShopifyProducts => "Shopify products export",
        CsvLayout.WooCommerceProducts => "WooCommerce products export",
        _ => "unrecognised CSV",
    };
}
