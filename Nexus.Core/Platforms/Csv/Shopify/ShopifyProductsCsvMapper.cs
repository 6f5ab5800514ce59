using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv.Shopify;

/// <summary>
/// Shopify's <c>products_export.csv</c>: one row per variant, plus image-only rows, all sharing the product's
/// <c>Handle</c> (the record key). The product's own fields are on its first row. A product whose only option is
/// Shopify's placeholder "Title / Default Title" is simple; any other is variable with one variant per row.
/// </summary>
public sealed class ShopifyProductsCsvMapper : ICsvRecordMapper<Product>
{
    private readonly CsvHeader _header;
    private readonly string _currency;
    private readonly int _handle, _title, _body, _vendor, _type, _category, _tags, _published, _sku, _grams, _tracker, _qty,
        _price, _compareAt, _cost, _barcode, _image, _variantImage, _status;
    private readonly (int Name, int Value)[] _options;

    public ShopifyProductsCsvMapper(CsvHeader header, string currency)
    {
        _header = header ?? throw new ArgumentNullException(nameof(header));
        _currency = currency;
        _handle = header.IndexOf("Handle", "URL handle");
        _title = header.IndexOf("Title");
        _body = header.IndexOf("Body (HTML)", "Description");
        _vendor = header.IndexOf("Vendor");
        _type = header.IndexOf("Type");
        _category = header.IndexOf("Product Category");
        _tags = header.IndexOf("Tags");
        _published = header.IndexOf("Published", "Published on online store");
        _sku = header.IndexOf("Variant SKU", "SKU");
        _grams = header.IndexOf("Variant Grams");
        _tracker = header.IndexOf("Variant Inventory Tracker", "Inventory tracker");
        _qty = header.IndexOf("Variant Inventory Qty", "Inventory quantity");
        _price = header.IndexOf("Variant Price", "Price");
        _compareAt = header.IndexOf("Variant Compare At Price", "Compare-at price");
        _cost = header.IndexOf("Cost per item", "Variant Cost");
        _barcode = header.IndexOf("Variant Barcode", "Barcode");
        _image = header.IndexOf("Image Src", "Product image URL");
        _variantImage = header.IndexOf("Variant Image", "Variant image URL");
        _status = header.IndexOf("Status");
        _options = Enumerable.Range(1, 3)
            .Select(n => (header.IndexOf($"Option{n} Name", $"Option{n} name"), header.IndexOf($"Option{n} Value", $"Option{n} value")))
            .Where(o => o.Item1 >= 0)
            .ToArray();
    }

    public string EntityType => "product";

    public string LayoutName => "Shopify products export";

    public string? GroupKey(CsvRow row) => CsvValues.Text(row, _handle);

    public MappingResult<Product> Map(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new CsvValues(_header, new MappingIssueCollector());
        var first = rows[0];
        var handle = values.Required(first, _handle, "Handle");
        var title = values.Required(first, _title, "Title");
        var optionNames = _options.Select(o => CsvValues.Text(first, o.Name)).ToArray();
        var variantRows = rows.Where(r => CsvValues.Text(r, _price) is not null || CsvValues.Text(r, _sku) is not null).ToList();
        var variants = variantRows.Select((r, i) => Variant(r, handle ?? "", i + 1, optionNames, values)).ToList();
        if (values.Issues.HasIssues)
            return values.Issues.Fail<Product>();

        var isSimple = variants.Count <= 1 && optionNames.All(n => n is null || string.Equals(n, "Title", StringComparison.OrdinalIgnoreCase));
        var main = variants.FirstOrDefault();
        var images = rows.Select(r => CsvValues.Text(r, _image)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var published = CsvValues.Text(first, _published);
        var type = CsvValues.Text(first, _type);
        var attributes = isSimple ? [] : optionNames
            .Select((name, i) => (name, i))
            .Where(o => o.name is not null)
            .Select(o => new ProductAttribute(null, o.name!, variantRows.Select(r => CsvValues.Text(r, _options[o.i].Value)).OfType<string>().Distinct().ToList(), UsedForVariants: true, Visible: true))
            .ToList();
        return MappingResult<Product>.Success(new Product
        {
            PlatformId = handle!,
            Name = title!,
            Slug = handle,
            Sku = isSimple ? main?.Sku : null,
            Type = isSimple ? ProductType.Simple : ProductType.Variable,
            RawType = isSimple ? "simple" : "variable",
            Status = CsvValues.Text(first, _status)?.ToLowerInvariant()
                ?? (published is null ? null : string.Equals(published, "true", StringComparison.OrdinalIgnoreCase) ? "active" : "draft"),
            Price = isSimple ? main?.Price : null,
            RegularPrice = isSimple ? main?.RegularPrice : null,
            SalePrice = isSimple ? main?.SalePrice : null,
            UnitCost = isSimple ? main?.UnitCost : null,
            ManageStock = isSimple && main is { ManageStock: true },
            StockQuantity = isSimple ? main?.StockQuantity : null,
            StockStatus = isSimple ? main?.StockStatus ?? StockStatus.Unknown : StockStatus.Unknown,
            Categories = type is null ? [] : [new ProductCategory(type, type, null)],
            ImageUrls = images,
            Attributes = attributes,
            VariantPlatformIds = isSimple ? [] : variants.Select(v => v.PlatformId).ToList(),
            Variants = isSimple ? [] : variants,
            Extras = CsvValues.Extras([
                ("vendor", CsvValues.Text(first, _vendor)),
                ("product_category", CsvValues.Text(first, _category)),
                ("tags", CsvValues.Text(first, _tags)),
                ("body_html", CsvValues.Text(first, _body)),
                ("published", published),
            ]),
        });
    }

    private Variant Variant(CsvRow row, string handle, int number, string?[] optionNames, CsvValues values)
    {
        var price = values.OptionalMoney(row, _price, _currency);
        var compareAt = values.OptionalMoney(row, _compareAt, _currency);
        var qty = values.Integer(row, _qty);
        _ = values.Decimal(row, _grams);
        var tracked = CsvValues.Text(row, _tracker) is not null;
        var onSale = price is { } p && compareAt is { } c && c.Amount > p.Amount;
        var sku = CsvValues.Text(row, _sku);
        return new Variant
        {
            // The SKU identifies a variant across re-exports; the row number is the fallback for SKU-less variants.
            PlatformId = sku is null ? $"{handle}#{number}" : $"{handle}/{sku}",
            ProductPlatformId = handle,
            Sku = sku,
            Attributes = optionNames
                .Select((name, i) => (name, value: CsvValues.Text(row, _options[i].Value)))
                .Where(o => o.name is not null && o.value is not null)
                .Select(o => new VariantAttribute(o.name!, o.value!))
                .ToList(),
            Price = price,
            RegularPrice = onSale ? compareAt : price,
            SalePrice = onSale ? price : null,
            UnitCost = values.OptionalMoney(row, _cost, _currency),
            ManageStock = tracked,
            StockQuantity = tracked ? qty : null,
            StockStatus = !tracked ? StockStatus.Unknown : qty > 0 ? StockStatus.InStock : StockStatus.OutOfStock,
            ImageUrl = CsvValues.Text(row, _variantImage),
            Extras = CsvValues.Extras([("barcode", CsvValues.Text(row, _barcode)), ("grams", CsvValues.Text(row, _grams))]),
        };
    }
}
