using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Dto;
using static Nexus.Core.Platforms.WooCommerce.WooMapping;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// WooCommerce products and product variations to canonical <see cref="Product"/>s and
/// <see cref="Variant"/>s. Prices carry the store currency from <see cref="WooCommerceMappingOptions"/>.
/// </summary>
public sealed class WooCommerceProductMapper(WooCommerceMappingOptions options)
{
    public const string ProductEntityType = "product";
    public const string VariantEntityType = "variant";

    /// <exception cref="MalformedPageException">The page is not a readable JSON array.</exception>
    public MappedPage<Product> MapProductsPage(ReadOnlySpan<byte> utf8Json) =>
        JsonArrayPageMapper.Map(utf8Json, WooJsonContext.Default.ListWooProductDto, WooJsonContext.Default.WooProductDto, Map, ProductEntityType);

    /// <inheritdoc cref="MapProductsPage(ReadOnlySpan{byte})"/>
    public Task<MappedPage<Product>> MapProductsPageAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        JsonArrayPageMapper.MapAsync(utf8Json, WooJsonContext.Default.ListWooProductDto, WooJsonContext.Default.WooProductDto, Map, ProductEntityType, cancellationToken);

    /// <summary>Maps a page from <c>GET /products/{productPlatformId}/variations</c>.</summary>
    /// <exception cref="MalformedPageException">The page is not a readable JSON array.</exception>
    public MappedPage<Variant> MapVariationsPage(ReadOnlySpan<byte> utf8Json, string productPlatformId) =>
        JsonArrayPageMapper.Map(utf8Json, WooJsonContext.Default.ListWooVariationDto, WooJsonContext.Default.WooVariationDto, dto => MapVariation(dto, productPlatformId), VariantEntityType);

    /// <summary>Maps one product body (<c>GET /products/{id}</c>); a failure carries the raw JSON.</summary>
    /// <exception cref="MalformedPageException">The body is not readable JSON.</exception>
    public MappingResult<Product> MapProduct(ReadOnlySpan<byte> utf8Json) =>
        JsonArrayPageMapper.MapSingle(utf8Json, WooJsonContext.Default.WooProductDto, Map, ProductEntityType);

    /// <summary>Maps one variation body (<c>GET /products/{productPlatformId}/variations/{id}</c>).</summary>
    /// <exception cref="MalformedPageException">The body is not readable JSON.</exception>
    public MappingResult<Variant> MapVariation(ReadOnlySpan<byte> utf8Json, string productPlatformId) =>
        JsonArrayPageMapper.MapSingle(utf8Json, WooJsonContext.Default.WooVariationDto, dto => MapVariation(dto, productPlatformId), VariantEntityType);

    public MappingResult<Product> Map(WooProductDto dto)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.Id, "id", issues);
        if (dto.Name is null)
            issues.Add("name", null, MappingRules.Required, "A product needs a name.");
        var stockQuantity = StockQuantity(dto.StockQuantity, "stock_quantity", issues);
        if (issues.HasIssues)
            return issues.Fail<Product>();

        var currency = options.StoreCurrency;
        return MappingResult<Product>.Success(new Product
        {
            PlatformId = id!,
            SourceUrl = NullIfEmpty(dto.Permalink),
            Name = dto.Name!,
            Slug = NullIfEmpty(dto.Slug),
            Sku = NullIfEmpty(dto.Sku),
            Type = Type(dto.Type),
            RawType = dto.Type ?? "",
            Status = NullIfEmpty(dto.Status),
            Price = OptionalAmount(dto.Price, currency),
            RegularPrice = OptionalAmount(dto.RegularPrice, currency),
            SalePrice = OptionalAmount(dto.SalePrice, currency),
            UnitCost = CostOfGoods(dto.MetaData, currency),
            ManageStock = dto.ManageStock ?? false,
            StockQuantity = stockQuantity,
            StockStatus = StockStatus(dto.StockStatus),
            RawStockStatus = NullIfEmpty(dto.StockStatus),
            TotalSales = dto.TotalSales is >= 0 and <= int.MaxValue ? (int)dto.TotalSales.Value : null,
            Categories = WooCommerceOrderMapper.MapList(dto.Categories, c => new ProductCategory(OptionalId(c.Id) ?? "", c.Name ?? "", NullIfEmpty(c.Slug))),
            ImageUrls = (dto.Images ?? []).Select(image => image.Src).OfType<string>().Where(src => src.Length > 0).ToArray(),
            Attributes = WooCommerceOrderMapper.MapList(dto.Attributes, a => new ProductAttribute(
                OptionalId(a.Id), a.Name ?? "", a.Options ?? [], a.Variation ?? false, a.Visible ?? false)),
            VariantPlatformIds = (dto.Variations ?? []).Select(OptionalId).OfType<string>().ToArray(),
            CreatedAt = Utc(dto.DateCreatedGmt, dto.DateCreated),
            ModifiedAt = Utc(dto.DateModifiedGmt, dto.DateModified),
            Extras = Extras(dto.MetaData, dto.ExtensionData),
        });
    }

    public MappingResult<Variant> MapVariation(WooVariationDto dto, string productPlatformId)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.Id, "id", issues);
        var stockQuantity = StockQuantity(dto.StockQuantity, "stock_quantity", issues);
        if (issues.HasIssues)
            return issues.Fail<Variant>();

        var currency = options.StoreCurrency;
        var extras = Extras(dto.MetaData, dto.ExtensionData);
        if (dto.ManageStock == "parent")
        {
            // "parent" means the parent product's stock applies; the variant does not track its own,
            // but the fact is kept so stock reports can follow it to the parent.
            extras = new Dictionary<string, string>(extras, StringComparer.Ordinal) { ["manage_stock"] = "\"parent\"" };
        }

        return MappingResult<Variant>.Success(new Variant
        {
            PlatformId = id!,
            ProductPlatformId = productPlatformId,
            SourceUrl = NullIfEmpty(dto.Permalink),
            Sku = NullIfEmpty(dto.Sku),
            Status = NullIfEmpty(dto.Status),
            Attributes = WooCommerceOrderMapper.MapList(dto.Attributes, a => new VariantAttribute(a.Name ?? "", a.Option ?? "")),
            Price = OptionalAmount(dto.Price, currency),
            RegularPrice = OptionalAmount(dto.RegularPrice, currency),
            SalePrice = OptionalAmount(dto.SalePrice, currency),
            UnitCost = CostOfGoods(dto.MetaData, currency),
            ManageStock = dto.ManageStock == "true",
            StockQuantity = stockQuantity,
            StockStatus = StockStatus(dto.StockStatus),
            RawStockStatus = NullIfEmpty(dto.StockStatus),
            ImageUrl = NullIfEmpty(dto.Image?.Src),
            CreatedAt = Utc(dto.DateCreatedGmt, dto.DateCreated),
            ModifiedAt = Utc(dto.DateModifiedGmt, dto.DateModified),
            Extras = extras,
        });
    }

    /// <summary>
    /// The Cost of Goods plugin's meta key, the de-facto place a WooCommerce store keeps what a unit costs (products and
    /// variations alike). WooCommerce itself has no cost field.
    /// </summary>
    public const string CostOfGoodsMetaKey = "_wc_cog_cost";

    /// <summary>The <see cref="CostOfGoodsMetaKey"/> meta value as money; null when absent, empty or not a number (the raw value stays in the extras).</summary>
    public static Money? CostOfGoods(IReadOnlyList<WooMetaDataDto>? metaData, string currency) =>
        decimal.TryParse(MetaText(metaData, CostOfGoodsMetaKey), System.Globalization.NumberStyles.Number & ~System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.InvariantCulture, out var cost) && cost >= 0 ? new Money(cost, currency) : null;

    public static ProductType Type(string? raw) => raw switch
    {
        "simple" => ProductType.Simple,
        "variable" => ProductType.Variable,
        "grouped" => ProductType.Grouped,
        "external" => ProductType.External,
        _ => ProductType.Unknown,
    };
}
