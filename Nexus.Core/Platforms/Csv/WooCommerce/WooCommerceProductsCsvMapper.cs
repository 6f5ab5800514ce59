using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv.WooCommerce;

/// <summary>
/// WooCommerce's core product exporter. The key is the SKU, or <c>id:ID</c> without one, which is exactly how the
/// exporter writes a variation's <c>Parent</c>; so a variable product and the variation rows that follow it share
/// a key and become one product with its variants. A variation whose parent is not directly above it cannot be
/// placed and is quarantined.
/// </summary>
public sealed class WooCommerceProductsCsvMapper : ICsvRecordMapper<Product>
{
    private readonly CsvHeader _header;
    private readonly string _currency;
    private readonly int _id, _type, _sku, _name, _published, _short, _description, _inStock, _stock, _sale, _regular,
        _categories, _tags, _images, _parent, _cost;
    private readonly (int Name, int Values, int Visible)[] _attributes;

    public WooCommerceProductsCsvMapper(CsvHeader header, string currency)
    {
        _header = header ?? throw new ArgumentNullException(nameof(header));
        _currency = currency;
        _id = header.IndexOf("ID");
        _type = header.IndexOf("Type");
        _sku = header.IndexOf("SKU");
        _name = header.IndexOf("Name");
        _published = header.IndexOf("Published");
        _short = header.IndexOf("Short description");
        _description = header.IndexOf("Description");
        _inStock = header.IndexOf("In stock?");
        _stock = header.IndexOf("Stock");
        _sale = header.IndexOf("Sale price");
        _regular = header.IndexOf("Regular price");
        _categories = header.IndexOf("Categories");
        _tags = header.IndexOf("Tags");
        _images = header.IndexOf("Images");
        _parent = header.IndexOf("Parent");
        // The exporter writes meta data as "Meta: key" columns; the Cost of Goods plugin's key holds the unit cost.
        _cost = header.IndexOf("Meta: " + Platforms.WooCommerce.WooCommerceProductMapper.CostOfGoodsMetaKey);
        _attributes = Enumerable.Range(1, 50)
            .Select(n => (header.IndexOf($"Attribute {n} name"), header.IndexOf($"Attribute {n} value(s)"), header.IndexOf($"Attribute {n} visible")))
            .Where(a => a.Item1 >= 0)
            .ToArray();
    }

    public string EntityType => "product";

    public string LayoutName => "WooCommerce products export";

    public string? GroupKey(CsvRow row) => IsVariation(row) ? CsvValues.Text(row, _parent) : OwnKey(row);

    private string? OwnKey(CsvRow row) => CsvValues.Text(row, _sku) ?? (CsvValues.Text(row, _id) is { } id ? $"id:{id}" : null);

    private bool IsVariation(CsvRow row) => string.Equals(CsvValues.Text(row, _type), "variation", StringComparison.OrdinalIgnoreCase);

    public MappingResult<Product> Map(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new CsvValues(_header, new MappingIssueCollector());
        var first = rows[0];
        if (IsVariation(first))
        {
            values.Issues.Add(values.Name(_parent, "Parent"), CsvValues.Text(first, _parent), "csv-orphan-variation",
                $"This variation's parent ({CsvValues.Text(first, _parent) ?? "none"}) is not the product directly above it (line {first.LineNumber}); export the parent together with its variations.");
            return values.Issues.Fail<Product>();
        }

        var key = OwnKey(first);
        if (key is null)
            values.Issues.Add(values.Name(_sku, "SKU"), null, MappingRules.Required, $"The product has neither SKU nor ID (line {first.LineNumber}).");
        var name = values.Required(first, _name, "Name");
        var rawType = CsvValues.Text(first, _type) ?? "";
        var regular = values.OptionalMoney(first, _regular, _currency);
        var sale = values.OptionalMoney(first, _sale, _currency);
        var stock = values.Integer(first, _stock);
        var variants = rows.Skip(1).Select(r => Variant(r, key ?? "", values)).ToList();
        if (values.Issues.HasIssues)
            return values.Issues.Fail<Product>();

        return MappingResult<Product>.Success(new Product
        {
            PlatformId = key!,
            Name = name!,
            Sku = CsvValues.Text(first, _sku),
            Type = TypeOf(rawType),
            RawType = rawType,
            Status = CsvValues.Text(first, _published) switch { "1" => "publish", "0" => "draft", "-1" => "private", var other => other },
            Price = sale ?? regular,
            RegularPrice = regular,
            SalePrice = sale,
            UnitCost = values.OptionalMoney(first, _cost, _currency),
            ManageStock = stock is not null,
            StockQuantity = stock,
            StockStatus = Stock(CsvValues.Text(first, _inStock)),
            RawStockStatus = CsvValues.Text(first, _inStock),
            Categories = SplitList(CsvValues.Text(first, _categories)).Select(c => new ProductCategory(c, c.Split('>')[^1].Trim(), null)).ToList(),
            ImageUrls = SplitList(CsvValues.Text(first, _images)),
            Attributes = _attributes
                .Where(a => CsvValues.Text(first, a.Name) is not null)
                .Select(a => new ProductAttribute(null, CsvValues.Text(first, a.Name)!, SplitList(CsvValues.Text(first, a.Values)),
                    UsedForVariants: variants.Count > 0, Visible: CsvValues.Text(first, a.Visible) != "0"))
                .ToList(),
            VariantPlatformIds = variants.Select(v => v.PlatformId).ToList(),
            Variants = variants,
            Extras = CsvValues.Extras([
                ("woocommerce_id", CsvValues.Text(first, _id)),
                ("short_description", CsvValues.Text(first, _short)),
                ("description", CsvValues.Text(first, _description)),
                ("tags", CsvValues.Text(first, _tags)),
            ]),
        });
    }

    private Variant Variant(CsvRow row, string parent, CsvValues values)
    {
        var regular = values.OptionalMoney(row, _regular, _currency);
        var sale = values.OptionalMoney(row, _sale, _currency);
        var stock = values.Integer(row, _stock);
        return new Variant
        {
            PlatformId = OwnKey(row) ?? $"{parent}#line{row.LineNumber}",
            ProductPlatformId = parent,
            Sku = CsvValues.Text(row, _sku),
            Attributes = _attributes
                .Where(a => CsvValues.Text(row, a.Name) is not null && CsvValues.Text(row, a.Values) is not null)
                .Select(a => new VariantAttribute(CsvValues.Text(row, a.Name)!, CsvValues.Text(row, a.Values)!))
                .ToList(),
            Price = sale ?? regular,
            RegularPrice = regular,
            SalePrice = sale,
            UnitCost = values.OptionalMoney(row, _cost, _currency),
            ManageStock = stock is not null,
            StockQuantity = stock,
            StockStatus = Stock(CsvValues.Text(row, _inStock)),
            RawStockStatus = CsvValues.Text(row, _inStock),
            Extras = CsvValues.Extras([("woocommerce_id", CsvValues.Text(row, _id))]),
        };
    }

    /// <summary>The exporter joins product types with flags ("simple, virtual"); the first word is the type.</summary>
    private static ProductType TypeOf(string raw) => raw.Split(',')[0].Trim().ToLowerInvariant() switch
    {
        "simple" => ProductType.Simple,
        "variable" => ProductType.Variable,
        "grouped" => ProductType.Grouped,
        "external" => ProductType.External,
        _ => ProductType.Unknown,
    };

    private static StockStatus Stock(string? raw) => raw?.ToLowerInvariant() switch
    {
        "1" => StockStatus.InStock,
        "0" => StockStatus.OutOfStock,
        "backorder" => StockStatus.OnBackorder,
        _ => StockStatus.Unknown,
    };

    /// <summary>The exporter's list cells: comma-separated, a comma inside a value escaped as "\,".</summary>
    internal static IReadOnlyList<string> SplitList(string? cell)
    {
        if (cell is null)
            return [];
        return cell.Replace("\\,", "\u0001", StringComparison.Ordinal).Split(',')
            .Select(s => s.Replace('\u0001', ',').Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }
}
