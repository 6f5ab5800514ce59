using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>
/// <c>GET /wp-json/wc/v3/products[/{id}]</c>. Prices are strings and "" on variable parents;
/// <c>price_html</c>, descriptions and the other display fields go to <see cref="ExtensionData"/>.
/// </summary>
public sealed record WooProductDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Permalink { get; set; }
    public DateTimeOffset? DateCreated { get; set; }
    public DateTimeOffset? DateCreatedGmt { get; set; }
    public DateTimeOffset? DateModified { get; set; }
    public DateTimeOffset? DateModifiedGmt { get; set; }

    /// <summary>simple, grouped, external or variable.</summary>
    public string? Type { get; set; }

    /// <summary>draft, pending, private or publish.</summary>
    public string? Status { get; set; }

    public string? Sku { get; set; }
    public decimal? Price { get; set; }
    public decimal? RegularPrice { get; set; }
    public decimal? SalePrice { get; set; }
    public long? TotalSales { get; set; }
    public bool? ManageStock { get; set; }
    public long? StockQuantity { get; set; }

    /// <summary>instock, outofstock or onbackorder.</summary>
    public string? StockStatus { get; set; }

    public IReadOnlyList<WooTermDto>? Categories { get; set; }
    public IReadOnlyList<WooImageDto>? Images { get; set; }
    public IReadOnlyList<WooProductAttributeDto>? Attributes { get; set; }

    /// <summary>Variation ids of a variable product; the variations themselves come from their own endpoint.</summary>
    public IReadOnlyList<long?>? Variations { get; set; }

    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A product attribute: <c>id</c> 0 means a custom (non-taxonomy) attribute.</summary>
public sealed record WooProductAttributeDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public long? Position { get; set; }
    public bool? Visible { get; set; }

    /// <summary>True when the attribute defines variations.</summary>
    public bool? Variation { get; set; }

    public IReadOnlyList<string>? Options { get; set; }
}

/// <summary>One chosen option on a variation (or in a product's <c>default_attributes</c>).</summary>
public sealed record WooVariationAttributeDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public string? Option { get; set; }
}
