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
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Permalink { get; init; }
    public DateTimeOffset? DateCreated { get; init; }
    public DateTimeOffset? DateCreatedGmt { get; init; }
    public DateTimeOffset? DateModified { get; init; }
    public DateTimeOffset? DateModifiedGmt { get; init; }

    /// <summary>simple, grouped, external or variable.</summary>
    public string? Type { get; init; }

    /// <summary>draft, pending, private or publish.</summary>
    public string? Status { get; init; }

    public string? Sku { get; init; }
    public decimal? Price { get; init; }
    public decimal? RegularPrice { get; init; }
    public decimal? SalePrice { get; init; }
    public long? TotalSales { get; init; }
    public bool? ManageStock { get; init; }
    public long? StockQuantity { get; init; }

    /// <summary>instock, outofstock or onbackorder.</summary>
    public string? StockStatus { get; init; }

    public IReadOnlyList<WooTermDto>? Categories { get; init; }
    public IReadOnlyList<WooImageDto>? Images { get; init; }
    public IReadOnlyList<WooProductAttributeDto>? Attributes { get; init; }

    /// <summary>Variation ids of a variable product; the variations themselves come from their own endpoint.</summary>
    public IReadOnlyList<long?>? Variations { get; init; }

    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; init; }

    // Settable, not init: System.Text.Json cannot fill extension data through the init/constructor path.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A product attribute: <c>id</c> 0 means a custom (non-taxonomy) attribute.</summary>
public sealed record WooProductAttributeDto
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public long? Position { get; init; }
    public bool? Visible { get; init; }

    /// <summary>True when the attribute defines variations.</summary>
    public bool? Variation { get; init; }

    public IReadOnlyList<string>? Options { get; init; }
}

/// <summary>One chosen option on a variation (or in a product's <c>default_attributes</c>).</summary>
public sealed record WooVariationAttributeDto
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Option { get; init; }
}
