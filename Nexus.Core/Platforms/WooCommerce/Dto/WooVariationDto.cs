using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary><c>GET /wp-json/wc/v3/products/{product_id}/variations[/{id}]</c>. The payload does not name its parent.</summary>
public sealed record WooVariationDto
{
    public long? Id { get; set; }
    public DateTimeOffset? DateCreated { get; set; }
    public DateTimeOffset? DateCreatedGmt { get; set; }
    public DateTimeOffset? DateModified { get; set; }
    public DateTimeOffset? DateModifiedGmt { get; set; }
    public string? Permalink { get; set; }
    public string? Sku { get; set; }
    public decimal? Price { get; set; }
    public decimal? RegularPrice { get; set; }
    public decimal? SalePrice { get; set; }
    public string? Status { get; set; }

    /// <summary>true, false, or "parent" when the variation uses its parent's stock; kept as text.</summary>
    public string? ManageStock { get; set; }

    public long? StockQuantity { get; set; }
    public string? StockStatus { get; set; }
    public WooImageDto? Image { get; set; }
    public IReadOnlyList<WooVariationAttributeDto>? Attributes { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
