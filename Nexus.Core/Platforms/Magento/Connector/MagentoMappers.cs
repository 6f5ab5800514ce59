using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>The Magento record mappers as the shared page mapper takes them (DTO type, list type for the one-pass fast path, mapping).</summary>
internal sealed class MagentoMappers(MagentoMappingOptions options)
{
    private readonly MagentoProductMapper _products = new(options);

    public RecordMapper<MagentoCustomerDto, Customer> Customers { get; } = new(MagentoCustomerMapper.EntityType, MagentoJsonContext.Default.MagentoCustomerDto,
        new MagentoCustomerMapper(options).Map, MagentoJsonContext.Default.ListMagentoCustomerDto);

    public RecordMapper<MagentoProductDto, Product> Products => new(MagentoProductMapper.EntityType, MagentoJsonContext.Default.MagentoProductDto,
        _products.Map, MagentoJsonContext.Default.ListMagentoProductDto);

    public RecordMapper<MagentoOrderDto, Order> Orders { get; } = new(MagentoOrderMapper.EntityType, MagentoJsonContext.Default.MagentoOrderDto,
        new MagentoOrderMapper(options).Map, MagentoJsonContext.Default.ListMagentoOrderDto);

    public RecordMapper<MagentoSalesDocumentDto, Refund> Refunds { get; } = new(MagentoRefundMapper.EntityType, MagentoJsonContext.Default.MagentoSalesDocumentDto,
        new MagentoRefundMapper(options).Map, MagentoJsonContext.Default.ListMagentoSalesDocumentDto);

    /// <summary>The children of one configurable product, as its variants.</summary>
    public RecordMapper<MagentoProductDto, Variant> Variants(Product parent)
    {
        var codes = MagentoProductMapper.VariantAttributeCodes(parent);
        return new(MagentoProductMapper.VariantEntityType, MagentoJsonContext.Default.MagentoProductDto, dto => _products.MapVariant(dto, parent.PlatformId, codes));
    }
}
