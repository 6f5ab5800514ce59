using Nexus.Core.Model;
using Nexus.Core.Platforms.Csv;
using static Nexus.Tests.Platforms.Csv.CsvTestFiles;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>The unit cost column of each product CSV layout: Shopify's "Cost per item", WooCommerce's "Meta: _wc_cog_cost", a mapped "product.cost".</summary>
public class CsvProductCostTests
{
    [Fact]
    public async Task Shopify_products_export_reads_cost_per_item_per_variant_and_for_a_simple_product()
    {
        var (products, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(Utf8("""
            Handle,Title,Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Cost per item,Status
            tee,Tee,true,Size,S,TEE-S,25.00,9.80,active
            tee,,,,M,TEE-M,25.00,,
            mug,Mug,true,Title,Default Title,MUG,12.00,4.10,active
            """), CsvRecordMappers.Products("EUR"));

        Assert.Empty(quarantined);
        Assert.Equal([new Money(9.80m, "EUR"), null], products[0].Variants.Select(v => v.UnitCost).ToArray());
        Assert.Null(products[0].UnitCost);
        Assert.Equal(new Money(4.10m, "EUR"), products[1].UnitCost);
    }

    [Fact]
    public async Task WooCommerce_products_export_reads_the_cost_of_goods_meta_column()
    {
        var (products, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(Utf8("""
            ID,Type,SKU,Name,Published,In stock?,Stock,Regular price,Parent,Meta: _wc_cog_cost
            101,variable,HOODIE,Hoodie,1,1,,,,
            102,variation,HOODIE-S,Hoodie - S,1,1,5,49.90,HOODIE,21.00
            103,simple,CAP,Cap,1,1,3,15.00,,6.5
            104,simple,PIN,Pin,1,1,3,2.00,,
            """), CsvRecordMappers.Products("EUR"));

        Assert.Empty(quarantined);
        Assert.Equal(new Money(21.00m, "EUR"), Assert.Single(products[0].Variants).UnitCost);
        Assert.Equal([null, new Money(6.5m, "EUR"), null], products.Select(p => p.UnitCost).ToArray());
    }

    [Fact]
    public async Task A_mapped_file_reads_a_cost_column_in_the_files_currency()
    {
        var mapping = new Nexus.Core.Platforms.Csv.Mapping.CsvMapping
        {
            Entity = CsvImportEntity.Products, IdentifyingColumn = "Sku", FixedCurrency = "GBP",
            Columns = [new("Sku", "product.sku"), new("Title", "product.name"), new("Price", "product.price"), new("EK", "product.cost")],
        };
        var (products, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(Utf8("""
            Sku,Title,Price,EK
            T-1,Tea,4.50,1.75
            T-2,Coffee,6.00,
            """), CsvRecordMappers.Products("EUR", mapping));

        Assert.Empty(quarantined);
        Assert.Equal([new Money(1.75m, "GBP"), null], products.Select(p => p.UnitCost).ToArray());
    }
}
