using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Model;
using Nexus.Tests.Web.Products;

namespace Nexus.Tests.Analytics.Products;

/// <summary>Margin = revenue less partial refunds − units × unit cost, worked out by hand on <see cref="ProductTestData.Standard"/>.</summary>
public sealed class ProductMarginTests
{
    private static async Task<ProductInsights> AnalyseAsync(ScratchStoreDatabase database) =>
        (await ProductRefreshJobTests.Insights(database, new FakeTimeProvider(ProductTestData.Now)).ComputeAsync(database.TenantId, database.StoreId))!;

    private static async Task SetCostAsync(ScratchStoreDatabase database, string productId, long minor, string currency)
    {
        await using var db = database.CreateDbContext();
        db.TenantId = database.TenantId;
        var product = await db.Products.SingleAsync(p => p.PlatformId == productId);
        (product.UnitCostMinor, product.UnitCostCurrency) = (minor, currency);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Margin_takes_partial_refunds_off_revenue_and_an_unknown_cost_gives_no_margin()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedStandardAsync(database);
        await SetCostAsync(database, "1", 400, "EUR"); // the blue mug costs 4 EUR
        await SetCostAsync(database, "3", 50, "USD"); // a cost in another currency cannot be set against EUR revenue

        var insights = await AnalyseAsync(database);
        var mug = insights.Products.Single(p => p.ProductId == "1");
        var red = insights.Products.Single(p => p.ProductId == "2");
        var green = insights.Products.Single(p => p.ProductId == "3");

        // 199 sold days (day 4's order was refunded in full, so it is in neither revenue nor units) × 2 units × 10 EUR;
        // day 9's order was half refunded: 10 EUR of its 20 went back.
        Assert.Equal((398d, 3980m), (mug.Analysis.UnitsSold, mug.Analysis.Revenue));
        Assert.Equal(10m, mug.RefundedOfSales);
        Assert.Equal(30m, mug.Refunded); // the page's refund figure still counts the full refund
        Assert.Equal(3970m - 398 * 4m, mug.Margin); // 2378
        Assert.Equal(2378d / 3970d, mug.MarginRate!.Value, 10);
        Assert.Null(red.Analysis.UnitCost);
        Assert.Null(red.Margin);
        Assert.Null(red.MarginRate);
        Assert.Null(green.Margin);
    }

    [Fact]
    public async Task The_csv_export_has_the_margin_and_leaves_it_empty_without_a_cost()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedStandardAsync(database);
        await SetCostAsync(database, "1", 400, "EUR");
        var cached = new CachedProducts(database.StoreId, ProductCacheStatus.Ready, ProductTestData.Now, "EUR", await AnalyseAsync(database), null);

        var lines = ProductCsv.Write(ProductList.Rows([cached], new Dictionary<int, string> { [database.StoreId] = "Shop" })).TrimEnd('\n').Split('\n');

        var header = lines[0].Split(',').ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[header.IndexOf("product_id")]);
        string Field(string product, string column) => rows[product][header.IndexOf(column)];
        Assert.Equal(("4", "2378", "0.599"), (Field("1", "unit_cost"), Field("1", "margin"), Field("1", "margin_rate")));
        Assert.Equal(("", "", ""), (Field("2", "unit_cost"), Field("2", "margin"), Field("2", "margin_rate")));
    }

    [Fact]
    public async Task A_variant_has_its_own_cost_from_the_stored_product_and_otherwise_its_products()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        // 10 days: 2 units of tee-s for 30 EUR and 1 of tee-m for 15 EUR, and 1 cap-x for 8 EUR.
        await ProductTestData.SeedAsync(database, Enumerable.Range(0, 10).Select(d => new SeedOrder(ProductTestData.AsOf.AddDays(-d),
            [new SeedLine("tee", 2, 3000, "tee-s"), new SeedLine("tee", 1, 1500, "tee-m"), new SeedLine("cap", 1, 800, "cap-x")])));
        var tee = new Product
        {
            PlatformId = "tee", Name = "Tee", Type = ProductType.Variable, RawType = "variable", UnitCost = new Money(2.50m, "EUR"),
            Variants =
            [
                new Variant { PlatformId = "tee-s", ProductPlatformId = "tee", UnitCost = new Money(6m, "EUR") },
                new Variant { PlatformId = "tee-m", ProductPlatformId = "tee" },
            ],
        };
        var cap = new Product
        {
            PlatformId = "cap", Name = "Cap", Type = ProductType.Variable, RawType = "variable",
            Variants = [new Variant { PlatformId = "cap-x", ProductPlatformId = "cap", UnitCost = new Money(3m, "USD") }],
        };
        await using (var db = database.CreateDbContext())
        {
            foreach (var product in new[] { tee, cap })
            {
                var row = ProductTestData.Product(database, product.PlatformId, product.Name, null);
                (row.Payload, row.VariantCount) = (JsonSerializer.Serialize(product, CanonicalJson.Options), product.Variants.Count);
                row.UnitCostMinor = product.UnitCost is { } c ? (long)(c.Amount * 100) : null;
                row.UnitCostCurrency = product.UnitCost?.Currency;
                db.Products.Add(row);
            }
            await db.SaveChangesAsync();
        }

        var rows = (await AnalyseAsync(database)).Products.ToDictionary(p => p.VariantId!);

        Assert.Equal((6m, 300m - 20 * 6m), (rows["tee-s"].Analysis.UnitCost, rows["tee-s"].Margin));
        Assert.Equal((2.50m, 150m - 10 * 2.50m), (rows["tee-m"].Analysis.UnitCost, rows["tee-m"].Margin)); // no cost of its own: the product's
        Assert.Null(rows["cap-x"].Margin); // its only cost is in USD
    }
}
