namespace Nexus.Core.Model;

public enum ProductType { Unknown = 0, Simple, Variable, Grouped, External, Bundle }

public enum StockStatus { Unknown = 0, InStock, OutOfStock, OnBackorder }

public sealed record Product
{
    public required string PlatformId { get; init; }

    /// <summary>The product's public page.</summary>
    public string? SourceUrl { get; init; }

    public required string Name { get; init; }
    public string? Slug { get; init; }
    public string? Sku { get; init; }
    public required ProductType Type { get; init; }
    public required string RawType { get; init; }

    /// <summary>Publication status as the platform says it (e.g. "publish", "draft").</summary>
    public string? Status { get; init; }

    /// <summary>Current selling price; null when the product has no own price (e.g. variable parents).</summary>
    public Money? Price { get; init; }

    public Money? RegularPrice { get; init; }
    public Money? SalePrice { get; init; }

    /// <summary>
    /// What one unit costs the merchant (cost of goods), where the platform holds one; null when it does not. Left out
    /// of the stored JSON when null, so payloads of products without a cost are unchanged.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Money? UnitCost { get; init; }

    public bool ManageStock { get; init; }

    /// <summary>Null when stock is not tracked.</summary>
    public int? StockQuantity { get; init; }

    public StockStatus StockStatus { get; init; }
    public string? RawStockStatus { get; init; }
    public int? TotalSales { get; init; }
    public IReadOnlyList<ProductCategory> Categories { get; init; } = [];
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
    public IReadOnlyList<ProductAttribute> Attributes { get; init; } = [];

    /// <summary>Ids of the variants the platform lists on the parent (variable products).</summary>
    public IReadOnlyList<string> VariantPlatformIds { get; init; } = [];

    /// <summary>Full variants when they have been fetched (WooCommerce serves them from a separate endpoint).</summary>
    public IReadOnlyList<Variant> Variants { get; init; } = [];

    /// <summary>
    /// SKUs of the products a bundle or grouped product is made of (Magento <c>bundle_product_options</c> /
    /// <c>product_links</c>); null when the product has none. Left out of the stored JSON when null, so payloads of
    /// platforms without components are unchanged.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ComponentSkus { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}

public sealed record ProductCategory(string PlatformId, string Name, string? Slug);

/// <summary>A product attribute and its allowed options, e.g. Color: Black, Green.</summary>
public sealed record ProductAttribute(string? PlatformId, string Name, IReadOnlyList<string> Options, bool UsedForVariants, bool Visible);
