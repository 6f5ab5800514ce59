using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Tests.Platforms.Magento.MagentoFixtures;

namespace Nexus.Tests.Platforms.Magento;

public class MagentoOrderMapperTests
{
    private readonly MagentoOrderMapper _mapper = new(Options);

    private static Money Eur(decimal amount) => new(amount, "EUR");

    [Fact]
    public void Order_in_another_currency_keeps_order_amounts_and_the_base_total()
    {
        var order = _mapper.Map(Element("handwritten/order-configurable-bundle-eur.json")).Value!;

        Assert.Equal("4021", order.PlatformId);
        Assert.Equal("000004021", order.Number);
        Assert.Equal("https://magento.example/admin/sales/order/view/order_id/4021/", order.SourceUrl);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal("GBP", order.BaseCurrency);
        Assert.Equal(new Money(107.6m, "GBP"), order.BaseTotal);
        Assert.Equal(Eur(125.89m), order.Total);
        Assert.Equal(Eur(112m), order.Subtotal);
        Assert.Equal(Eur(11.2m), order.DiscountTotal);
        Assert.Equal(Eur(2.13m), order.DiscountTax); // (9.88 − 8.89) + (0.95 − 0.86) + (10.45 − 9.40)
        Assert.Equal(Eur(4.99m), order.ShippingTotal);
        Assert.Equal(Eur(0.95m), order.ShippingTax);
        Assert.Equal(Eur(20.1m), order.TaxTotal);
        Assert.Equal(OrderStatus.Processing, order.Status);
        Assert.True(order.IsGuest);
        Assert.Equal("guest@example.de", order.BillingEmail);
        // Zone-less Magento dates are UTC: 23:45 on the 10th stays the 10th whatever the store's time zone.
        Assert.Equal(Utc(2026, 1, 10, 23, 45, 10), order.CreatedAt);
        Assert.Equal(Utc(2026, 1, 11, 0, 5, 42), order.ModifiedAt);
        Assert.Equal(new PaymentMethod("checkmo", "Check / Money order", null), order.Payment);
        Assert.Equal("Invalidenstraße 1", order.Billing!.Line1);
        Assert.Equal("Hinterhaus, 3. OG", order.Billing.Line2);
        Assert.Equal(("Berlin", "DE", "+49 30 1234567"), (order.Shipping!.City, order.Shipping.CountryCode, order.Shipping.Phone));
        var shipping = Assert.Single(order.ShippingLines);
        Assert.Equal(("flatrate_flatrate", "Flat Rate - Fixed", Eur(4.99m)), (shipping.MethodId, shipping.MethodTitle, shipping.Total));
        var coupon = Assert.Single(order.Discounts);
        Assert.Equal(("welcome10", Eur(11.2m)), (coupon.Code, coupon.Discount));
        Assert.Contains("\"DE-VAT\"", order.Extras["extension_attributes.applied_taxes"]);
        Assert.Equal("1.17", order.Extras["base_to_order_rate"]);
        // The canonical total adds up exactly as the platform's does.
        Assert.Equal(order.Total, order.Lines.Aggregate(Eur(0), (s, l) => s + l.Total) + order.ShippingTotal + order.TaxTotal);
    }

    [Fact]
    public void Configurable_parent_and_child_rows_become_one_line_with_the_variant()
    {
        var order = _mapper.Map(Element("handwritten/order-configurable-bundle-eur.json")).Value!;

        Assert.Equal(2, order.Lines.Count);
        var hoodie = order.Lines[0];
        Assert.Equal("9001", hoodie.PlatformId);
        Assert.Equal("Chaz Kangeroo Hoodie", hoodie.Name);
        Assert.Equal(("67", "56", "MH01-S-Gray"), (hoodie.ProductPlatformId, hoodie.VariantPlatformId, hoodie.Sku));
        Assert.Equal(1m, hoodie.Quantity);
        Assert.Equal(Eur(52m), hoodie.UnitPrice);
        Assert.Equal(Eur(52m), hoodie.Subtotal);
        Assert.Equal(Eur(46.8m), hoodie.Total);
        Assert.Equal(Eur(9.88m), hoodie.SubtotalTax);
        Assert.Equal(Eur(8.89m), hoodie.TotalTax);
        Assert.Null(hoodie.Children);
        Assert.Contains("configurable_item_options", hoodie.Extras["product_option"]);
    }

    [Fact]
    public void Dynamic_bundle_keeps_its_children_and_takes_their_sums()
    {
        var order = _mapper.Map(Element("handwritten/order-configurable-bundle-eur.json")).Value!;

        var kit = order.Lines[1];
        Assert.Equal(("9003", "51", "Sprite Yoga Companion Kit"), (kit.PlatformId, kit.ProductPlatformId, kit.Name));
        Assert.Null(kit.VariantPlatformId);
        Assert.Equal(Eur(60m), kit.Subtotal);
        Assert.Equal(Eur(54m), kit.Total);
        Assert.Equal(Eur(10.26m), kit.TotalTax);
        Assert.Equal(Eur(11.4m), kit.SubtotalTax);
        Assert.Equal(["9004", "9005"], kit.Children!.Select(c => c.PlatformId));
        Assert.Equal([("21", 1m, 5m, 4.5m), ("29", 2m, 55m, 49.5m)],
            kit.Children!.Select(c => (c.ProductPlatformId!, c.Quantity, c.Subtotal.Amount, c.Total.Amount)));
    }

    [Fact]
    public void Fields_trimmed_search_result_items_are_quarantined_with_every_reason()
    {
        // GET /V1/orders?...&fields=items[increment_id,entity_id] (Adobe docs): ids only, nothing storable.
        var items = Element("order-search-fields-filtered.json").GetProperty("items").EnumerateArray().ToList();

        var results = items.Select(_mapper.Map).ToList();

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.False(r.IsSuccess));
        Assert.Equal(["created_at", "status", "order_currency_code"], results[0].Issues.Select(i => i.Field));
        Assert.Equal([MappingRules.Required, MappingRules.Required, MappingRules.CurrencyCode], results[0].Issues.Select(i => i.Rule));
        Assert.Equal("{\n            \"entity_id\": 3003,\n            \"increment_id\": \"WA0003003\"\n        }", results[0].RawJson!.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("pending", OrderStatus.Pending)]
    [InlineData("pending_payment", OrderStatus.Pending)]
    [InlineData("processing", OrderStatus.Processing)]
    [InlineData("holded", OrderStatus.OnHold)]
    [InlineData("payment_review", OrderStatus.OnHold)]
    [InlineData("fraud", OrderStatus.OnHold)]
    [InlineData("complete", OrderStatus.Completed)]
    [InlineData("closed", OrderStatus.Refunded)]
    [InlineData("canceled", OrderStatus.Cancelled)]
    [InlineData("shipped", OrderStatus.Unknown)]
    public void Statuses_map_as_documented(string raw, OrderStatus expected) => Assert.Equal(expected, MagentoOrderMapper.Status(raw));

    [Fact]
    public void A_child_row_whose_parent_is_missing_stays_a_line()
    {
        var order = _mapper.Map(Parse("""
            {"entity_id": 1, "increment_id": "1", "status": "complete", "created_at": "2026-01-01 00:00:00", "order_currency_code": "USD", "grand_total": 10,
             "items": [{"item_id": 5, "parent_item_id": 4, "product_id": 9, "product_type": "simple", "sku": "S", "name": "Orphan child", "qty_ordered": 1, "price": 10, "row_total": 10}]}
            """)).Value!;

        var line = Assert.Single(order.Lines);
        Assert.Equal(("5", "9", 10m), (line.PlatformId, line.ProductPlatformId, line.Total.Amount));
        Assert.Null(order.BaseCurrency);
    }

    [Fact]
    public void Line_without_quantity_quarantines_the_order_with_its_raw_json()
    {
        var raw = """{"entity_id": 2, "status": "complete", "created_at": "2026-01-01 00:00:00", "order_currency_code": "USD", "grand_total": 1, "items": [{"item_id": 3, "price": 1}]}""";

        var result = _mapper.Map(Parse(raw));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("items[0].qty_ordered", MappingRules.Required), (issue.Field, issue.Rule));
        Assert.Equal(raw, result.RawJson);
    }
}
