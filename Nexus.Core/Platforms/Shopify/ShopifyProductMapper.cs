using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Shopify.ShopifyJson;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>
/// Shopify <c>Product</c> nodes with their <c>variants</c> to canonical <see cref="Product"/>s. Every Shopify product
/// has at least one variant; one with only the "Default Title" variant is a simple product whose SKU, price and
/// stock are that variant's. Prices are in the shop currency, given by the caller (products do not carry it).
/// </summary>
public sealed class ShopifyProductMapper(ShopifyMappingOptions options, string shopCurrency)
{
    public const string EntityType = "product";

    public MappingResult<Product> Map(JsonElement node)
    {
        var issues = new MappingIssueCollector();
        var id = Gid(node, "id", "Product", "id", issues);
        var title = Str(node, "title", "title", issues);
        if (string.IsNullOrEmpty(title)) issues.Add("title", title, MappingRules.Required, "A product needs a title.");
        var variants = new List<Variant>();
        var k = 0;
        foreach (var v in Nodes(node, "variants"))
        {
            var path = $"variants[{k++}].";
            var price = Number(v, "price", path + "price", issues);
            var compareAt = Number(v, "compareAtPrice", path + "compareAtPrice", issues);
            var stock = Number(v, "inventoryQuantity", path + "inventoryQuantity", issues);
            var item = Prop(v, "inventoryItem");
            var tracked = item is { } i ? Bool(i, "tracked") : null;
            var options = ShopifyJson.Array(v, "selectedOptions")
                .Select(o => new VariantAttribute(Str(o, "name", path + "selectedOptions.name", issues) ?? "", Str(o, "value", path + "selectedOptions.value", issues) ?? ""))
                .ToArray();
            variants.Add(new Variant
            {
                PlatformId = Gid(v, "id", "ProductVariant", path + "id", issues) ?? "",
                ProductPlatformId = id ?? "",
                Sku = NonEmpty(v, "sku", path + "sku", issues),
                Attributes = options,
                Price = price is null ? null : new Money(price.Value, shopCurrency),
                // Shopify's compareAtPrice is the "was" price: with it the current price is a sale price.
                RegularPrice = new Money(compareAt ?? price ?? 0m, shopCurrency),
                SalePrice = compareAt is null || price is null ? null : new Money(price.Value, shopCurrency),
                UnitCost = item is { } inventory ? UnitCost(inventory, path + "inventoryItem.unitCost", issues) : null,
                ManageStock = tracked ?? stock is not null,
                StockQuantity = stock is null ? null : (int)stock.Value,
                StockStatus = stock is null ? StockStatus.Unknown : stock > 0 ? StockStatus.InStock : StockStatus.OutOfStock,
                CreatedAt = Time(v, "createdAt", path + "createdAt", issues),
                ModifiedAt = Time(v, "updatedAt", path + "updatedAt", issues),
            });
        }
        var createdAt = Time(node, "createdAt", "createdAt", issues);
        if (issues.HasIssues) return issues.Fail<Product>().WithRawJson(node.GetRawText());

        var simple = Bool(node, "hasOnlyDefaultVariant") ?? variants.Count == 1;
        var only = simple && variants.Count == 1 ? variants[0] : null;
        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "legacyResourceId", "vendor", "tags", "totalInventory", "onlineStoreUrl" })
            Keep(extras, node, name);
        var productType = NonEmpty(node, "productType", "productType", issues);
        return MappingResult<Product>.Success(new Product
        {
            PlatformId = id!,
            SourceUrl = options.AdminUrl("products", id),
            Name = title!,
            Slug = NonEmpty(node, "handle", "handle", issues),
            Sku = only?.Sku,
            Type = simple ? ProductType.Simple : ProductType.Variable,
            RawType = simple ? "simple" : "variable",
            Status = Str(node, "status", "status", issues)?.ToLowerInvariant(),
            Price = only?.Price,
            RegularPrice = only?.RegularPrice,
            SalePrice = only?.SalePrice,
            UnitCost = only?.UnitCost,
            ManageStock = Bool(node, "tracksInventory") ?? only?.ManageStock ?? false,
            StockQuantity = only?.StockQuantity ?? (Number(node, "totalInventory", "totalInventory", issues) is { } total ? (int)total : null),
            StockStatus = only?.StockStatus ?? StockStatus.Unknown,
            Categories = productType is null ? [] : [new ProductCategory(productType, productType, null)],
            Attributes = ShopifyJson.Array(node, "options").Select(o => new ProductAttribute(
                Str(o, "id", "options.id", issues), Str(o, "name", "options.name", issues) ?? "",
                ShopifyJson.Array(o, "values").Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray(), !simple, true)).ToArray(),
            VariantPlatformIds = variants.Select(v => v.PlatformId).ToArray(),
            Variants = variants,
            CreatedAt = createdAt,
            ModifiedAt = Time(node, "updatedAt", "updatedAt", issues),
            Extras = Frozen(extras),
        });
    }

    /// <summary>
    /// The inventory item's "cost per item" (<c>unitCost</c>, a MoneyV2; null when the merchant entered none). Kept in
    /// its own currency: a cost in another currency is left out of margins, not a reason to reject the product.
    /// </summary>
    private Money? UnitCost(JsonElement inventoryItem, string path, MappingIssueCollector issues)
    {
        if (Prop(inventoryItem, "unitCost") is not { ValueKind: JsonValueKind.Object } cost) return null;
        var amount = Number(cost, "amount", path + ".amount", issues);
        return amount is null ? null : new Money(amount.Value, Str(cost, "currencyCode", path + ".currencyCode", issues) ?? shopCurrency);
    }
}
