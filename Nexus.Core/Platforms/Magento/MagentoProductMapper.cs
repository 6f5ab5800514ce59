using System.Globalization;
using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Magento.MagentoMapping;

namespace Nexus.Core.Platforms.Magento;

/// <summary>
/// Magento products (<c>GET /V1/products</c> items) to canonical <see cref="Product"/>s, and configurable children
/// (<c>GET /V1/configurable-products/{sku}/children</c>) to <see cref="Variant"/>s. Prices are in the store's base
/// currency. Stock comes from <c>extension_attributes.stock_item</c>; the sale price is the <c>special_price</c>
/// attribute. Bundle and grouped products list their components' SKUs.
/// </summary>
public sealed class MagentoProductMapper(MagentoMappingOptions options)
{
    public const string EntityType = "product";
    public const string VariantEntityType = "variant";

    public MappingResult<Product> Map(JsonElement record) => MapRecord(record, MagentoJsonContext.Default.MagentoProductDto, EntityType, Map);

    public MappingResult<Product> Map(MagentoProductDto dto)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.Id, "id", issues);
        if (string.IsNullOrEmpty(dto.Name))
            issues.Add("name", dto.Name, MappingRules.Required, "A product needs a name.");
        if (string.IsNullOrEmpty(dto.TypeId))
            issues.Add("type_id", dto.TypeId, MappingRules.Required, "A product needs a type.");
        var special = DecimalAttribute(dto, "special_price", issues);
        var cost = DecimalAttribute(dto, "cost", issues);
        var stock = StockQuantity(dto.ExtensionAttributes?.StockItem, issues);
        if (issues.HasIssues)
            return issues.Fail<Product>();

        var currency = options.BaseCurrency;
        var type = Type(dto.TypeId!);
        var ext = dto.ExtensionAttributes;
        var stockItem = ext?.StockItem;
        var slug = Attribute(dto.CustomAttributes, "url_key");
        // Configurable parents have no price of their own in Magento (it is 0 or absent); a variant's is what sells.
        var regular = type == ProductType.Variable && dto.Price is null or 0 ? (Money?)null : dto.Price is { } p ? new Money(p, currency) : null;
        return MappingResult<Product>.Success(new Product
        {
            PlatformId = id!,
            SourceUrl = slug is null ? null : options.Url(slug + ".html"),
            Name = dto.Name!,
            Slug = slug,
            Sku = NullIfEmpty(dto.Sku),
            Type = type,
            RawType = dto.TypeId!,
            Status = dto.Status switch { 1 => "enabled", 2 => "disabled", _ => dto.Status?.ToString(CultureInfo.InvariantCulture) },
            Price = special is { } s ? new Money(s, currency) : regular,
            RegularPrice = regular,
            SalePrice = special is { } sale ? new Money(sale, currency) : null,
            UnitCost = cost is { } c ? new Money(c, currency) : null,
            ManageStock = stockItem?.ManageStock ?? false,
            StockQuantity = stockItem?.ManageStock == false ? null : stock,
            StockStatus = stockItem?.IsInStock switch { true => Model.StockStatus.InStock, false => Model.StockStatus.OutOfStock, null => Model.StockStatus.Unknown },
            RawStockStatus = stockItem?.IsInStock switch { true => "in_stock", false => "out_of_stock", null => null },
            Categories = ext?.CategoryLinks is { Count: > 0 } links
                ? links.Where(l => l.CategoryId is { Length: > 0 }).Select(l => new ProductCategory(l.CategoryId!, l.CategoryId!, null)).ToArray()
                : [],
            Attributes = ext?.ConfigurableProductOptions is { Count: > 0 } configurable
                ? configurable.Select(o => new ProductAttribute(NullIfEmpty(o.AttributeId), o.Label ?? o.AttributeId ?? "",
                    o.Values?.Select(v => v.ValueIndex?.ToString(CultureInfo.InvariantCulture) ?? "").ToArray() ?? [], UsedForVariants: true, Visible: true)).ToArray()
                : [],
            VariantPlatformIds = ext?.ConfigurableProductLinks is { Count: > 0 } children
                ? children.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray()
                : [],
            ComponentSkus = Components(dto),
            CreatedAt = dto.CreatedAt,
            ModifiedAt = dto.UpdatedAt,
            Extras = WithCustomAttributes(Extras(dto.ExtensionData, "extension_attributes.", ext?.ExtensionData), dto.CustomAttributes),
        });
    }

    /// <summary>
    /// One child of a configurable product. <paramref name="variantAttributeCodes"/> are the attribute codes the parent
    /// varies by (e.g. "size", "color"; see <see cref="VariantAttributeCodes"/>); their values become the variant's attributes.
    /// </summary>
    public MappingResult<Variant> MapVariant(JsonElement record, string parentPlatformId, IReadOnlyList<string> variantAttributeCodes) =>
        MapRecord(record, MagentoJsonContext.Default.MagentoProductDto, VariantEntityType, dto => MapVariant(dto, parentPlatformId, variantAttributeCodes));

    public MappingResult<Variant> MapVariant(MagentoProductDto dto, string parentPlatformId, IReadOnlyList<string> variantAttributeCodes)
    {
        var product = Map(dto);
        if (!product.IsSuccess)
            return MappingResult<Variant>.Failure(product.Issues);
        var p = product.Value!;
        return MappingResult<Variant>.Success(new Variant
        {
            PlatformId = p.PlatformId,
            ProductPlatformId = parentPlatformId,
            SourceUrl = p.SourceUrl,
            Sku = p.Sku,
            Status = p.Status,
            Attributes = variantAttributeCodes
                .Select(code => (code, value: Attribute(dto.CustomAttributes, code)))
                .Where(a => a.value is not null)
                .Select(a => new VariantAttribute(a.code, a.value!)).ToArray(),
            Price = p.Price,
            RegularPrice = p.RegularPrice,
            SalePrice = p.SalePrice,
            UnitCost = p.UnitCost,
            ManageStock = p.ManageStock,
            StockQuantity = p.StockQuantity,
            StockStatus = p.StockStatus,
            RawStockStatus = p.RawStockStatus,
            CreatedAt = p.CreatedAt,
            ModifiedAt = p.ModifiedAt,
            Extras = p.Extras,
        });
    }

    /// <summary>The attribute codes a configurable parent varies by: its option labels in lower case ("Size" → "size"), Magento's default naming.</summary>
    public static IReadOnlyList<string> VariantAttributeCodes(Product parent) =>
        parent.Attributes.Where(a => a.UsedForVariants).Select(a => a.Name.ToLowerInvariant().Replace(' ', '_')).ToArray();

    public static ProductType Type(string raw) => raw switch
    {
        "simple" or "virtual" or "downloadable" => ProductType.Simple,
        "configurable" => ProductType.Variable,
        "grouped" => ProductType.Grouped,
        "bundle" => ProductType.Bundle,
        _ => ProductType.Unknown,
    };

    private static IReadOnlyList<string>? Components(MagentoProductDto dto)
    {
        if (dto.TypeId == "bundle" && dto.ExtensionAttributes?.BundleProductOptions is { Count: > 0 } options)
            return options.SelectMany(o => o.ProductLinks ?? []).Select(l => l.Sku).OfType<string>().Where(s => s.Length > 0).Distinct().ToArray();
        if (dto.TypeId == "grouped" && dto.ProductLinks is { Count: > 0 } links)
            return links.Where(l => l.LinkType == "associated").Select(l => l.LinkedProductSku).OfType<string>().Where(s => s.Length > 0).ToArray();
        return dto.TypeId is "bundle" or "grouped" ? [] : null;
    }

    /// <summary>A decimal custom attribute (<c>special_price</c>, <c>cost</c>); null when absent or empty.</summary>
    private static decimal? DecimalAttribute(MagentoProductDto dto, string code, MappingIssueCollector issues)
    {
        var raw = Attribute(dto.CustomAttributes, code);
        if (string.IsNullOrEmpty(raw))
            return null;
        if (decimal.TryParse(raw, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
            return value;
        issues.Add("custom_attributes." + code, raw, MappingRules.Decimal, $"'{raw}' is not a number in invariant culture.");
        return null;
    }

    private static int? StockQuantity(MagentoStockItemDto? stock, MappingIssueCollector issues)
    {
        if (stock?.Qty is not { } qty)
            return null;
        var whole = decimal.Truncate(qty); // fractional stock (sold by weight) is counted in whole units
        if (whole is >= int.MinValue and <= int.MaxValue)
            return (int)whole;
        issues.Add("extension_attributes.stock_item.qty", qty.ToString(CultureInfo.InvariantCulture), MappingRules.Integer, "qty is outside the 32-bit range.");
        return null;
    }
}
