using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Shopify;

namespace Nexus.Tests.Platforms.Shopify;

/// <summary>The variant's <c>inventoryItem.unitCost</c> (Shopify's "cost per item", a MoneyV2 or null) as the unit cost.</summary>
public class ShopifyUnitCostTests
{
    private static JsonElement Variant(long id, string price, string unitCost) => JsonDocument.Parse($$"""
        {
          "id": "gid://shopify/ProductVariant/{{id}}", "legacyResourceId": "{{id}}", "title": "Pink", "sku": "SKU{{id}}",
          "price": "{{price}}", "compareAtPrice": null, "inventoryQuantity": 10,
          "selectedOptions": [{ "name": "Color", "value": "Pink" }],
          "createdAt": "2025-04-02T11:29:59-05:00", "updatedAt": "2025-04-02T11:29:59-05:00",
          "inventoryItem": { "id": "gid://shopify/InventoryItem/{{id}}", "tracked": true, "unitCost": {{unitCost}} }
        }
        """).RootElement.Clone();

    private static Product Map(bool onlyDefaultVariant, params JsonElement[] variants)
    {
        var node = $$"""
            {
              "id": "gid://shopify/Product/632910392", "legacyResourceId": "632910392", "title": "IPod Nano - 8GB", "handle": "ipod-nano",
              "status": "ACTIVE", "productType": "Cult Products", "createdAt": "2025-04-02T11:29:59-05:00", "updatedAt": "2025-04-02T11:29:59-05:00",
              "hasOnlyDefaultVariant": {{(onlyDefaultVariant ? "true" : "false")}}, "tracksInventory": true,
              "options": [{ "id": "gid://shopify/ProductOption/594680422", "name": "Color", "position": 1, "values": ["Pink"] }],
              "variants": { "nodes": [{{string.Join(",", variants.Select(v => v.GetRawText()))}}] }
            }
            """;
        var result = new ShopifyProductMapper(ShopifyFixtures.Options, "USD").Map(JsonDocument.Parse(node).RootElement);
        Assert.True(result.IsSuccess, string.Join("; ", result.Issues.Select(i => i.Message)));
        return result.Value!;
    }

    [Fact]
    public void Each_variant_keeps_its_own_cost_per_item_and_one_without_a_cost_has_none()
    {
        var product = Map(false, Variant(1, "199.00", """{ "amount": "80.25", "currencyCode": "USD" }"""), Variant(2, "199.00", "null"));

        Assert.Equal(new Money(80.25m, "USD"), product.Variants[0].UnitCost);
        Assert.Null(product.Variants[1].UnitCost);
        Assert.Null(product.UnitCost); // a variable product's costs are its variants'
    }

    [Fact]
    public void A_simple_product_takes_its_only_variants_cost_and_a_cost_in_another_currency_keeps_that_currency()
    {
        var simple = Map(true, Variant(1, "19.00", """{ "amount": "7.5", "currencyCode": "USD" }"""));
        var foreign = Map(true, Variant(1, "19.00", """{ "amount": "10.00", "currencyCode": "CAD" }"""));

        Assert.Equal(new Money(7.5m, "USD"), simple.UnitCost);
        Assert.Equal(new Money(10.00m, "CAD"), foreign.UnitCost); // kept as it is; the analysis leaves other currencies out
    }
}
