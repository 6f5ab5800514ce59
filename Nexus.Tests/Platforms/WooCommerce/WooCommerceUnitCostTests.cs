using Nexus.Core.Model;
using Nexus.Core.Platforms.WooCommerce;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>The Cost of Goods plugin's <c>_wc_cog_cost</c> meta (a string, as the plugin saves it) as the unit cost.</summary>
public class WooCommerceUnitCostTests
{
    private readonly WooCommerceProductMapper _mapper = new(Options);

    private static string Meta(string value) => $$"""[{ "id": 4021, "key": "_wc_cog_cost", "value": {{value}} }, { "id": 4022, "key": "_yoast_wpseo_title", "value": "Mug" }]""";

    [Fact]
    public void A_product_with_the_cost_of_goods_meta_has_that_unit_cost_and_one_without_has_none()
    {
        var page = _mapper.MapProductsPage(Utf8($$"""
            [
              { "id": 794, "name": "Premium Quality", "type": "simple", "price": "21.99", "regular_price": "21.99", "meta_data": {{Meta("\"8.40\"")}} },
              { "id": 795, "name": "No cost", "type": "simple", "price": "5.00", "regular_price": "5.00", "meta_data": [] },
              { "id": 796, "name": "Blank cost", "type": "simple", "price": "5.00", "regular_price": "5.00", "meta_data": {{Meta("\"\"")}} }
            ]
            """));

        Assert.Empty(page.Quarantined);
        Assert.Equal([new Money(8.40m, "USD"), null, null], page.Mapped.Select(p => p.UnitCost).ToArray());
        Assert.Contains("_wc_cog_cost", page.Mapped[0].Extras["meta_data"]); // the raw meta is still kept
    }

    [Fact]
    public void A_variation_keeps_its_own_cost_of_goods()
    {
        var page = _mapper.MapVariationsPage(Utf8($$"""
            [
              { "id": 23, "price": "18.00", "regular_price": "18.00", "manage_stock": "true", "stock_quantity": 4, "meta_data": {{Meta("\"6.25\"")}} },
              { "id": 24, "price": "20.00", "regular_price": "20.00", "meta_data": [] }
            ]
            """), "22");

        Assert.Equal([new Money(6.25m, "USD"), null], page.Mapped.Select(v => v.UnitCost).ToArray());
    }
}
