using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.Shopify;

namespace Nexus.Tests.Platforms.Shopify;

public class ShopifyOrderMapperTests
{
    private static readonly ShopifyOrderMapper Mapper = new(ShopifyFixtures.Options);

    private static Order MapFixtureOrder()
    {
        var page = ShopifyPageMapper.Map(ShopifyFixtures.Bytes("orders-page.json"), "orders", Mapper.Map, ShopifyOrderMapper.EntityType);
        Assert.Empty(page.Quarantined);
        return Assert.Single(page.Mapped);
    }

    [Fact]
    public void The_reference_order_maps_to_literal_canonical_values()
    {
        var order = MapFixtureOrder();
        Assert.Equal("gid://shopify/Order/450789469", order.PlatformId);
        Assert.Equal("#1001", order.Number);
        Assert.Equal("https://jsmith.myshopify.com/admin/orders/450789469", order.SourceUrl);
        Assert.Equal("gid://shopify/Customer/207119551", order.CustomerPlatformId);
        Assert.Equal("bob.norman@mail.example.com", order.BillingEmail);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(OrderStatus.Processing, order.Status);
        Assert.Equal("PARTIALLY_REFUNDED UNFULFILLED", order.RawStatus);
        Assert.Equal(new Money(597.00m, "USD"), order.Subtotal);
        Assert.Equal(new Money(10.00m, "USD"), order.DiscountTotal);
        Assert.Equal(new Money(0m, "USD"), order.ShippingTotal);
        Assert.Equal(new Money(11.94m, "USD"), order.TaxTotal);
        Assert.Equal(new Money(598.94m, "USD"), order.Total);
        Assert.Equal(ShopifyFixtures.At(2008, 1, 10, 11, 0, 0, -5), order.CreatedAt);
        Assert.Equal(ShopifyFixtures.At(2008, 1, 10, 11, 0, 0, -5), order.PaidAt);
        Assert.Null(order.CompletedAt);
        Assert.Equal(new PaymentMethod("bogus", null, null), order.Payment);
        Assert.Equal("Louisville", order.Billing!.City);
        Assert.Equal("KY", order.Billing.Region);
        Assert.Equal("US", order.Billing.CountryCode);
        Assert.Equal("+1(502)-459-2181", order.Billing.Phone);
        Assert.Equal("bob.norman@mail.example.com", order.Billing.Email);
        Assert.Equal("40202", order.Shipping!.PostalCode);

        Assert.Equal(3, order.Lines.Count);
        var green = order.Lines[0];
        Assert.Equal("gid://shopify/LineItem/466157049", green.PlatformId);
        Assert.Equal("IPod Nano - 8gb - green", green.Name);
        Assert.Equal("gid://shopify/Product/632910392", green.ProductPlatformId);
        Assert.Equal("gid://shopify/ProductVariant/39072856", green.VariantPlatformId);
        Assert.Equal("IPOD2008GREEN", green.Sku);
        Assert.Equal(1m, green.Quantity);
        Assert.Equal(new Money(199.00m, "USD"), green.UnitPrice);
        Assert.Equal(new Money(199.00m, "USD"), green.Subtotal);
        Assert.Equal(new Money(195.66m, "USD"), green.Total);
        Assert.Equal(new Money(3.98m, "USD"), green.TotalTax);
        Assert.Equal([new LineTax("State Tax", new Money(3.98m, "USD"), new Money(3.98m, "USD"))], green.Taxes);

        var discount = Assert.Single(order.Discounts);
        Assert.Equal("TENOFF", discount.Code);
        Assert.Equal(new Money(10.00m, "USD"), discount.Discount);
        var shipping = Assert.Single(order.ShippingLines);
        Assert.Equal("gid://shopify/ShippingLine/369256396", shipping.PlatformId);
        Assert.Equal("Free Shipping", shipping.MethodTitle);
        Assert.Equal(new Money(0m, "USD"), shipping.Total);
        var tax = Assert.Single(order.TaxLines);
        Assert.Equal("State Tax", tax.Label);
        Assert.Equal(6m, tax.RatePercent);
        Assert.Equal(new Money(11.94m, "USD"), tax.TaxTotal);
        Assert.Equal(new Money(0m, "USD"), tax.ShippingTaxTotal);

        Assert.Equal("450789469", JsonSerializer.Deserialize<string>(order.Extras["legacyResourceId"]));
        Assert.Equal("USD", JsonSerializer.Deserialize<string>(order.Extras["presentmentCurrencyCode"]));
        var presentment = JsonDocument.Parse(order.Extras["presentmentMoney"]).RootElement;
        Assert.Equal("598.94", presentment.GetProperty("totalPriceSet").GetProperty("amount").GetString());
    }

    [Fact]
    public void The_reference_refund_keeps_its_lines_and_restock_flags()
    {
        var refund = Assert.Single(MapFixtureOrder().Refunds);
        Assert.Equal("gid://shopify/Refund/509562969", refund.PlatformId);
        Assert.Equal("gid://shopify/Order/450789469", refund.OrderPlatformId);
        Assert.Equal(new Money(209.00m, "USD"), refund.Amount);
        Assert.Equal("it broke during shipping", refund.Reason);
        Assert.Equal(ShopifyFixtures.At(2025, 4, 2, 11, 38, 15, -5), refund.CreatedAt);
        Assert.Equal(2, refund.Lines.Count);
        var black = refund.Lines[0];
        Assert.Equal("gid://shopify/RefundLineItem/104689539", black.PlatformId);
        Assert.Equal("gid://shopify/LineItem/703073504", black.OrderLinePlatformId);
        Assert.Equal("gid://shopify/ProductVariant/457924702", black.VariantPlatformId);
        Assert.Equal("IPOD2008BLACK", black.Sku);
        Assert.Equal(1m, black.Quantity);
        Assert.Equal(new Money(195.66m, "USD"), black.Subtotal);
        Assert.Equal(new Money(3.98m, "USD"), black.TotalTax);
        Assert.Equal("\"LEGACY_RESTOCK\"", black.Extras["restockType"]);
        Assert.Equal("true", black.Extras["restocked"]);
        Assert.Equal(new Money(195.67m, "USD"), refund.Lines[1].Subtotal);

        using var refunds = JsonDocument.Parse(ShopifyFixtures.Bytes("refunds.json"));
        var alone = new ShopifyRefundMapper(ShopifyFixtures.Options).Map(refunds.RootElement.GetProperty("data").GetProperty("order").GetProperty("refunds")[0], "USD");
        Assert.True(alone.IsSuccess);
        Assert.Equal(refund.Lines.Select(l => l.Subtotal), alone.Value!.Lines.Select(l => l.Subtotal));
    }

    [Theory]
    [InlineData("PAID", "FULFILLED", false, true, OrderStatus.Completed)]
    [InlineData("PAID", "UNFULFILLED", false, false, OrderStatus.Processing)]
    [InlineData("PARTIALLY_REFUNDED", "FULFILLED", false, true, OrderStatus.Completed)]
    [InlineData("PENDING", "UNFULFILLED", false, false, OrderStatus.Pending)]
    [InlineData("PENDING", "ON_HOLD", false, false, OrderStatus.OnHold)]
    [InlineData("AUTHORIZED", "UNFULFILLED", false, false, OrderStatus.OnHold)]
    [InlineData("REFUNDED", "FULFILLED", false, true, OrderStatus.Refunded)]
    [InlineData("VOIDED", "UNFULFILLED", true, false, OrderStatus.Cancelled)]
    [InlineData("PAID", "UNFULFILLED", true, false, OrderStatus.Cancelled)]
    [InlineData("EXPIRED", "UNFULFILLED", false, false, OrderStatus.Failed)]
    [InlineData(null, "UNFULFILLED", false, false, OrderStatus.Unknown)]
    public void Status_follows_the_documented_table(string? financial, string fulfillment, bool cancelled, bool closed, OrderStatus expected) =>
        Assert.Equal(expected, ShopifyOrderStatus.From(financial, fulfillment, cancelled, closed));

    [Fact]
    public void A_malformed_order_is_quarantined_with_its_raw_json_and_every_reason_while_its_sibling_maps()
    {
        var good = JsonDocument.Parse(ShopifyFixtures.Bytes("orders-page.json")).RootElement.GetProperty("data").GetProperty("orders").GetProperty("nodes")[0].GetRawText();
        const string Bad = """{"id":"gid://shopify/Order/7","createdAt":null,"currencyCode":"USD","totalPriceSet":{"shopMoney":{"amount":"12,50","currencyCode":"USD"}},"lineItems":{"nodes":[{"id":"gid://shopify/LineItem/1"}]}}""";
        var page = System.Text.Encoding.UTF8.GetBytes("{\"data\":{\"orders\":{\"nodes\":[" + Bad + "," + good + "]}}}");
        var mapped = ShopifyPageMapper.Map(page, "orders", Mapper.Map, ShopifyOrderMapper.EntityType);
        Assert.Equal("gid://shopify/Order/450789469", Assert.Single(mapped.Mapped).PlatformId);
        var quarantined = Assert.Single(mapped.Quarantined);
        Assert.Equal("gid://shopify/Order/7", quarantined.PlatformId);
        Assert.Equal(Bad, quarantined.RawJson);
        Assert.Equal(
            [("createdAt", MappingRules.Required), ("totalPriceSet.shopMoney.amount", MappingRules.Decimal), ("totalPriceSet", MappingRules.Required), ("lineItems[0].quantity", MappingRules.Required)],
            quarantined.Issues.Select(i => (i.Field, i.Rule)).ToArray());
    }

    [Fact]
    public void An_order_in_another_currency_than_its_money_is_refused()
    {
        using var doc = JsonDocument.Parse("""{"id":"gid://shopify/Order/8","createdAt":"2026-01-01T00:00:00Z","currencyCode":"USD","totalPriceSet":{"shopMoney":{"amount":"1.0","currencyCode":"EUR"}}}""");
        var result = Mapper.Map(doc.RootElement);
        Assert.False(result.IsSuccess);
        Assert.Equal(MappingRules.CurrencyCode, Assert.Single(result.Issues).Rule);
    }

    [Fact]
    public void A_page_that_is_not_a_GraphQL_orders_response_is_malformed_not_empty()
    {
        Assert.Throws<MalformedPageException>(() => ShopifyPageMapper.Map("<html>502</html>"u8, "orders", Mapper.Map, "order"));
        Assert.Throws<MalformedPageException>(() => ShopifyPageMapper.Map(ShopifyFixtures.Bytes("throttled.json"), "orders", Mapper.Map, "order"));
    }
}
