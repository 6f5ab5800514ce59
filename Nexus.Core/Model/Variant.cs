namespace Nexus.Core.Model;

/// <summary>One purchasable combination of a variable product, e.g. Color = Black, Size = M.</summary>
public sealed record Variant
{
    public required string PlatformId { get; init; }
    public required string ProductPlatformId { get; init; }
    public string? SourceUrl { get; init; }
    public string? Sku { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<VariantAttribute> Attributes { get; init; } = [];
    public Money? Price { get; init; }
    public Money? RegularPrice { get; init; }
    public Money? SalePrice { get; init; }

    /// <summary>What one unit of this variant costs the merchant; null when the platform holds no cost (see <see cref="Product.UnitCost"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Money? UnitCost { get; init; }
    public bool ManageStock { get; init; }
    public int? StockQuantity { get; init; }
    public StockStatus StockStatus { get; init; }
    public string? RawStockStatus { get; init; }
    public string? ImageUrl { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}

public sealed record VariantAttribute(string Name, string Option);
