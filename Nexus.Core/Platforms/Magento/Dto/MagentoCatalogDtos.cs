using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Core.Platforms.Magento.Dto;

/// <summary>A customer (<c>CustomerInterface</c>, from <c>GET /V1/customers/search</c>).</summary>
public sealed record MagentoCustomerDto
{
    public long? Id { get; set; }
    public string? Email { get; set; }
    public string? Firstname { get; set; }
    public string? Lastname { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The id of the default billing address, as a string ("2").</summary>
    public string? DefaultBilling { get; set; }

    public string? DefaultShipping { get; set; }
    public IReadOnlyList<MagentoCustomerAddressDto>? Addresses { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed record MagentoCustomerAddressDto
{
    public long? Id { get; set; }
    public MagentoRegionDto? Region { get; set; }
    public string? CountryId { get; set; }
    public IReadOnlyList<string>? Street { get; set; }
    public string? Company { get; set; }
    public string? Telephone { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? Firstname { get; set; }
    public string? Lastname { get; set; }
    public bool? DefaultShipping { get; set; }
    public bool? DefaultBilling { get; set; }
}

public sealed record MagentoRegionDto
{
    public string? RegionCode { get; set; }
    public string? Region { get; set; }
}

/// <summary>A product (<c>ProductInterface</c>, from <c>GET /V1/products</c> or <c>/V1/configurable-products/{sku}/children</c>).</summary>
public sealed record MagentoProductDto
{
    public long? Id { get; set; }
    public string? Sku { get; set; }
    public string? Name { get; set; }
    public decimal? Price { get; set; }

    /// <summary>1 enabled, 2 disabled.</summary>
    public long? Status { get; set; }

    /// <summary>1 not visible individually (e.g. a configurable's child), 2 catalog, 3 search, 4 both.</summary>
    public long? Visibility { get; set; }

    public string? TypeId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public MagentoProductExtensionDto? ExtensionAttributes { get; set; }
    public IReadOnlyList<MagentoProductLinkDto>? ProductLinks { get; set; }
    public IReadOnlyList<MagentoCustomAttributeDto>? CustomAttributes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed record MagentoProductExtensionDto
{
    public IReadOnlyList<MagentoCategoryLinkDto>? CategoryLinks { get; set; }
    public MagentoStockItemDto? StockItem { get; set; }
    public IReadOnlyList<MagentoConfigurableOptionDto>? ConfigurableProductOptions { get; set; }
    public IReadOnlyList<long>? ConfigurableProductLinks { get; set; }
    public IReadOnlyList<MagentoBundleOptionDto>? BundleProductOptions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed record MagentoCategoryLinkDto
{
    public string? CategoryId { get; set; }
}

public sealed record MagentoStockItemDto
{
    /// <summary>A number; decimal for products sold in fractions.</summary>
    public decimal? Qty { get; set; }

    public bool? IsInStock { get; set; }
    public bool? ManageStock { get; set; }
    public long? Backorders { get; set; }
}

public sealed record MagentoConfigurableOptionDto
{
    public long? Id { get; set; }
    public string? AttributeId { get; set; }
    public string? Label { get; set; }
    public IReadOnlyList<MagentoOptionValueDto>? Values { get; set; }
}

public sealed record MagentoOptionValueDto
{
    public long? ValueIndex { get; set; }
}

public sealed record MagentoBundleOptionDto
{
    public long? OptionId { get; set; }
    public string? Title { get; set; }
    public IReadOnlyList<MagentoBundleLinkDto>? ProductLinks { get; set; }
}

public sealed record MagentoBundleLinkDto
{
    public string? Sku { get; set; }
}

/// <summary>A product link; a grouped product's members have <c>link_type</c> "associated".</summary>
public sealed record MagentoProductLinkDto
{
    public string? LinkType { get; set; }
    public string? LinkedProductSku { get; set; }
}

/// <summary><c>{"attribute_code": "...", "value": ...}</c>; the value is text or, for multi-selects, an array.</summary>
public sealed record MagentoCustomAttributeDto
{
    public string? AttributeCode { get; set; }
    public JsonElement Value { get; set; }
}
