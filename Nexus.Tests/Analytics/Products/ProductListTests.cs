using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Tests.Web.Products;

namespace Nexus.Tests.Analytics.Products;

public sealed class ProductListTests
{
    private static async Task<IReadOnlyList<ProductListItem>> RowsAsync(ScratchStoreDatabase database)
    {
        await ProductTestData.SeedStandardAsync(database, blueMugStock: 20);
        var insights = await ProductRefreshJobTests.Insights(database, new FakeTimeProvider(ProductTestData.Now)).ComputeAsync(database.TenantId, database.StoreId);
        var cached = new CachedProducts(database.StoreId, ProductCacheStatus.Ready, ProductTestData.Now, "EUR", insights, null);
        return ProductList.Rows([cached], new Dictionary<int, string> { [database.StoreId] = "Shop" });
    }

    private static List<string> Ids(IEnumerable<ProductListItem> rows) => rows.Select(r => r.Product.ProductId).ToList();

    [Fact]
    public async Task Rows_without_the_sorted_figure_come_last_in_either_direction()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var rows = await RowsAsync(database);

        // Stock: mug 20, green 5, red unknown. Next 30 days: green is a cold start (no figure).
        Assert.Equal(["3", "1", "2"], Ids(ProductList.Sort(rows, ProductSort.Stock, descending: false)));
        Assert.Equal(["1", "3", "2"], Ids(ProductList.Sort(rows, ProductSort.Stock, descending: true)));
        Assert.Equal("3", Ids(ProductList.Sort(rows, ProductSort.Next30, descending: false))[^1]);
        Assert.Equal("3", Ids(ProductList.Sort(rows, ProductSort.Next30, descending: true))[^1]);
        Assert.Equal(["1", "3", "2"], Ids(ProductList.Sort(rows, ProductSort.Name, descending: false))); // Blue, Green, Red
    }

    [Fact]
    public async Task Filters_combine_and_a_page_reports_the_filtered_total()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var rows = await RowsAsync(database);

        Assert.Equal(["1"], Ids(ProductList.Filter(rows, ProductFilter.StockOutSoon))); // the mug's 20 last 10 days
        Assert.Empty(ProductList.Filter(rows, new ProductFilter(StockOutWithinDays: 9)));
        Assert.Equal(["2"], Ids(ProductList.Filter(rows, new ProductFilter(Search: "red"))));
        Assert.Empty(ProductList.Filter(rows, ProductFilter.DecliningA));
        Assert.Equal(["1"], Ids(ProductList.Filter(rows, new ProductFilter(Status: DemandStatus.Steady, Abc: 'A'))));

        var second = ProductList.Page(rows, ProductFilter.None, ProductSort.Revenue, descending: true, page: 1, pageSize: 2);
        Assert.Equal(3, second.Total);
        Assert.Equal(["3"], Ids(second.Items)); // revenue: mug, red, green
    }

    [Fact]
    public async Task The_csv_has_a_row_per_product_with_its_figures_and_defuses_formula_names()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var rows = await RowsAsync(database);
        var evil = rows[0] with { Product = rows[0].Product with { Analysis = rows[0].Product.Analysis with { Name = "=HYPERLINK(\"x\")" } } };

        var lines = ProductCsv.Write([evil, .. rows.Skip(1)]).TrimEnd('\n').Split('\n');

        Assert.Equal(ProductCsv.Header, lines[0]);
        Assert.Equal(4, lines.Length);
        var mug = lines[1].Split(',');
        Assert.Equal(("Shop", "1", "398", "30", "EUR", "60", "steady", "20", "10", "2026-07-10"), (mug[0], mug[1], mug[4], mug[6], mug[11], mug[12], mug[18], mug[19], mug[20], mug[21]));
        Assert.StartsWith("\"'=HYPERLINK", mug[3]);
    }
}
