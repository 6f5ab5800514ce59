using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary><c>GET /wp-json/wc/v3/products/{product_id}/variations[/{id}]</c>. The payload does not name its parent.</summary>
public sealed record WooVariationDto
{
    public long? Id { get; init; }
    public DateTimeOffset? DateCreated { get; init; }
    public DateTimeOffset? DateCreatedGmt { get; init; }
    public DateTimeOffset? DateModified { get; init; }
    public DateTimeOffset? DateModifiedGmt { get; init; }
    public string? Permalink { get; init; }
    public string? Sku { get; init; }
    public decimal? Price { get; init; }
    public decimal? RegularPrice { get; init; }
    public decimal? SalePrice { get; init; }
    public string? Status { get; init; }

    /// <summary>true, false, or "parent" when the variation uses its parent's stock; kept as text.</summary>
    public string? ManageStock { get; init; }

    public long? StockQuantity { get; init; }
    public string? StockStatus { get; init; }
    public WooImageDto? Image { get; init; }
    public IReadOnlyList<WooVariationAttributeDto>? Attributes { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; init; }

    // Settable, not init: System.Text.Json cannot fill extension data through the init/constructor path.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
