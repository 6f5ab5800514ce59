using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento;
using static Nexus.Tests.Platforms.Magento.MagentoFixtures;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>Magento's <c>cost</c> product attribute (a custom attribute, a decimal string) as the unit cost.</summary>
public class MagentoUnitCostTests
{
    private static string Product(string customAttributes) => $$"""
        {
          "id": 1, "sku": "24-MB01", "name": "Joust Duffle Bag", "attribute_set_id": 15, "price": 34, "status": 1, "visibility": 4,
          "type_id": "simple", "created_at": "2017-01-31 01:18:13", "updated_at": "2017-01-31 01:18:13",
          "extension_attributes": { "stock_item": { "item_id": 1, "product_id": 1, "qty": 100, "is_in_stock": true, "manage_stock": true } },
          "custom_attributes": {{customAttributes}}
        }
        """;

    [Fact]
    public void The_cost_attribute_is_the_unit_cost_in_the_base_currency_and_a_product_without_it_has_none()
    {
        var mapper = new MagentoProductMapper(Options);
        var costed = mapper.Map(Parse(Product("""[{ "attribute_code": "url_key", "value": "joust-duffle-bag" }, { "attribute_code": "cost", "value": "12.5000" }]""")));
        var bare = mapper.Map(Parse(Product("""[{ "attribute_code": "url_key", "value": "joust-duffle-bag" }]""")));

        Assert.Equal(new Money(12.5m, "USD"), costed.Value!.UnitCost);
        Assert.Null(bare.Value!.UnitCost);
    }

    [Fact]
    public void A_configurable_child_keeps_its_cost_as_the_variants()
    {
        var child = new MagentoProductMapper(Options).MapVariant(Parse(Product("""[{ "attribute_code": "cost", "value": "9.9900" }, { "attribute_code": "size", "value": "168" }]""")),
            "62", ["size"]);

        Assert.Equal(new Money(9.99m, "USD"), child.Value!.UnitCost);
    }

    [Fact]
    public void A_cost_that_is_not_a_number_is_reported_on_its_attribute()
    {
        var result = new MagentoProductMapper(Options).Map(Parse(Product("""[{ "attribute_code": "cost", "value": "n/a" }]""")));

        Assert.False(result.IsSuccess);
        Assert.Equal("custom_attributes.cost", Assert.Single(result.Issues).Field);
    }
}
