using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.Magento.Dto;

/// <summary>
/// Source-generated metadata for the Magento payloads. The tolerant number, boolean and text converters are the
/// WooCommerce ones (platform-agnostic despite their folder: Magento sends "2" for ids and 0/1 for flags as well);
/// dates use <see cref="MagentoDateTimeConverter"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters =
    [
        typeof(LooseDecimalConverter),
        typeof(LooseInt64Converter),
        typeof(LooseBooleanConverter),
        typeof(LooseStringConverter),
        typeof(MagentoDateTimeConverter),
    ])]
[JsonSerializable(typeof(MagentoOrderDto))]
[JsonSerializable(typeof(MagentoSalesDocumentDto))]
[JsonSerializable(typeof(MagentoCustomerDto))]
[JsonSerializable(typeof(MagentoProductDto))]
[JsonSerializable(typeof(MagentoSearchResultDto<MagentoOrderDto>))]
[JsonSerializable(typeof(List<MagentoOrderDto>))]
[JsonSerializable(typeof(List<MagentoSalesDocumentDto>))]
[JsonSerializable(typeof(List<MagentoCustomerDto>))]
[JsonSerializable(typeof(List<MagentoProductDto>))]
public sealed partial class MagentoJsonContext : JsonSerializerContext;

/// <summary>
/// The search envelope <c>{"items": [...], "search_criteria": {...}, "total_count": N}</c>. Used by the benchmark's
/// plain-deserialisation baseline; the connector's page mapper reads <c>items</c> element by element instead.
/// </summary>
public sealed record MagentoSearchResultDto<T>
{
    public List<T>? Items { get; set; }
    public long? TotalCount { get; set; }
}
