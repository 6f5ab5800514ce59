using System.Globalization;
using Nexus.Core.Model;
using static Nexus.Core.Quality.Rules.QualitySeverity;

namespace Nexus.Core.Quality.Rules;

// Product rules; see docs/quality-rules.md.

public sealed class ProductNamePresent() : ProductRule("product.name-present", Error,
    "The product has no name.", "Give the product a name in the store admin; reports and order lines show it.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) => string.IsNullOrWhiteSpace(p.Name) ? new Finding("name", p.Name) : null;
}

public sealed class ProductSkuPresent() : ProductRule("product.sku-present", Warning,
    "The product has no SKU.", "Give every product a SKU; warehouses, feeds and marketplaces identify products by it.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) => p.Sku is null ? new Finding("sku", null) : null;
}

public sealed class ProductSkuUnique() : ProductRule("product.sku-unique", Error,
    "SKU '{value}' already belongs to an earlier product of this store.", "Give the product its own SKU; two products sharing one mix up stock and sales per product.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) => p.Sku is { } sku && ctx.Facts.IsDuplicateSku(p.PlatformId, sku) ? new Finding("sku", sku) : null;
}

public sealed class ProductPricePositive() : ProductRule("product.price-positive", Error,
    "Price {value} is zero or negative.", "Set the regular price in the store admin; a zero or negative price gives goods away or breaks revenue figures.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx)
    {
        if (p.RegularPrice is { Amount: <= 0 } regular) return new Finding("regular_price", Format(regular));
        if (p.Price is { Amount: <= 0 } price) return new Finding("price", Format(price));
        return null;
    }

    internal static string Format(Money m) => m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency;
}

public sealed class ProductPricePresent() : ProductRule("product.price-present", Warning,
    "The product has no price.", "Set a regular price; a product without one cannot be bought and is left out of revenue per product.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) =>
        p.Type is ProductType.Simple && p.Price is null && p.RegularPrice is null ? new Finding("price", null) : null;
}

public sealed class ProductPricePlausible() : ProductRule("product.price-plausible", Warning,
    "Price {value} is implausibly high.", "Check for a misplaced decimal point or a price typed in minor units (cents).")
{
    private const decimal Ceiling = 1_000_000m;

    public override Finding? Check(Product p, QualityCheckContext ctx) =>
        (p.RegularPrice ?? p.Price) is { Amount: > Ceiling } m ? new Finding("regular_price", ProductPricePositive.Format(m)) : null;
}

public sealed class ProductSaleBelowRegular() : ProductRule("product.sale-below-regular", Warning,
    "Sale price {value} is not below the regular price.", "Lower the sale price or remove it; a 'sale' at or above the regular price misleads shoppers.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) =>
        p is { SalePrice: { } sale, RegularPrice: { } regular } && sale.Amount >= regular.Amount && regular.Amount > 0
            ? new Finding("sale_price", $"{ProductPricePositive.Format(sale)} ≥ {ProductPricePositive.Format(regular)}") : null;
}

public sealed class ProductStockConsistent() : ProductRule("product.stock-consistent", Warning,
    "Stock status '{value}' contradicts the stock quantity.", "Re-save the product's inventory so the status follows the quantity (or turn off stock management).")
{
    public override Finding? Check(Product p, QualityCheckContext ctx)
    {
        if (!p.ManageStock || p.StockQuantity is not { } quantity) return null;
        var contradicts = (quantity <= 0 && p.StockStatus == StockStatus.InStock) || (quantity > 0 && p.StockStatus == StockStatus.OutOfStock);
        return contradicts ? new Finding("stock_status", $"{p.RawStockStatus} with quantity {quantity}") : null;
    }
}

public sealed class ProductStockNotNegative() : ProductRule("product.stock-not-negative", Warning,
    "Stock quantity {value} is negative but backorders are not allowed.", "Count the stock and correct the quantity, or allow backorders if you sell ahead of stock.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) =>
        p.StockQuantity is < 0 && p.StockStatus != StockStatus.OnBackorder ? new Finding("stock_quantity", p.StockQuantity.Value.ToString(CultureInfo.InvariantCulture)) : null;
}

public sealed class ProductHasCategory() : ProductRule("product.has-category", Info,
    "The product is in no category.", "Assign a category; category reports and store navigation leave uncategorised products out.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) =>
        p.Categories.Count == 0 || p.Categories.All(c => c.Slug is "uncategorized") ? new Finding("categories", null) : null;
}

public sealed class ProductHasImage() : ProductRule("product.has-image", Info,
    "The product has no image.", "Upload at least one product image; products without images sell markedly worse.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) => p.ImageUrls.Count == 0 ? new Finding("images", null) : null;
}

public sealed class ProductVariationsConsistent() : ProductRule("product.variations-consistent", Warning,
    "Variations are inconsistent: {value}.", "Regenerate the variations from the product's variation attributes in the store admin.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx)
    {
        if (p.Type == ProductType.Variable && p.VariantPlatformIds.Count == 0 && p.Variants.Count == 0)
            return new Finding("variations", "a variable product with no variations");
        if (p.Type == ProductType.Simple && (p.VariantPlatformIds.Count > 0 || p.Variants.Count > 0))
            return new Finding("variations", "a simple product with variations");
        var axes = p.Attributes.Where(a => a.UsedForVariants).Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var variant in p.Variants)
            foreach (var attribute in variant.Attributes)
                if (!axes.Contains(attribute.Name))
                    return new Finding("variations", $"variation {variant.PlatformId} uses attribute '{attribute.Name}' the product does not vary by");
        return null;
    }
}

public sealed class ProductVariantPricesPositive() : ProductRule("product.variant-price-positive", Error,
    "Variation {value} has a zero or negative price.", "Set the variation's price; shoppers choosing it would pay nothing.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx)
    {
        foreach (var v in p.Variants)
            if ((v.RegularPrice ?? v.Price) is { Amount: <= 0 } m) return new Finding("variations.price", $"{v.PlatformId} ({ProductPricePositive.Format(m)})");
        return null;
    }
}

public sealed class ProductTypeKnown() : ProductRule("product.type-known", Warning,
    "Product type '{value}' is not one Nexus understands.", "Nexus treats unknown types as simple products; tell us about the plugin that adds this type.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) => p.Type == ProductType.Unknown ? new Finding("type", p.RawType) : null;
}

public sealed class ProductStatusKnown() : ProductRule("product.status-known", Info,
    "Publication status '{value}' is unusual.", "Publish, draft or trash the product; custom statuses hide it from some reports.")
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "publish", "draft", "pending", "private", "future", "trash" };

    public override Finding? Check(Product p, QualityCheckContext ctx) => p.Status is { } s && !Known.Contains(s) ? new Finding("status", s) : null;
}

public sealed class ProductCreatedNotFuture() : ProductRule("product.created-not-future", Warning,
    "Creation date {value} is in the future.", "Fix the store's time zone setting, then re-save the product.")
{
    public override Finding? Check(Product p, QualityCheckContext ctx) => ctx.IsFuture(p.CreatedAt) ? new Finding("date_created", p.CreatedAt!.Value.ToString("O")) : null;
}
