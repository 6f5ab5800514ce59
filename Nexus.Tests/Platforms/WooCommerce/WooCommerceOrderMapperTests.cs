using Nexus.Core.Model;
using Nexus.Core.Platforms.WooCommerce;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

public class WooCommerceOrderMapperTests
{
    private readonly WooCommerceOrderMapper _mapper = new(Options);

    private static Money Usd(decimal amount) => new(amount, "USD");

    [Theory]
    [InlineData("order-single.json")]
    [InlineData("order-create-response.json")]
    public void Documented_order_maps_totals_dates_and_parties(string fixture)
    {
        var page = _mapper.MapOrdersPage(AsPage(fixture));

        Assert.Empty(page.Quarantined);
        var order = Assert.Single(page.Mapped);
        Assert.Equal("727", order.PlatformId);
        Assert.Equal("727", order.Number);
        Assert.Equal("https://example.com/wp-admin/post.php?post=727&action=edit", order.SourceUrl);
        Assert.Equal(OrderStatus.Processing, order.Status);
        Assert.Equal("processing", order.RawStatus);
        Assert.Equal("USD", order.Currency);
        Assert.Null(order.CustomerPlatformId);
        Assert.True(order.IsGuest);
        Assert.Equal("john.doe@example.com", order.BillingEmail);
        Assert.False(order.PricesIncludeTax);
        Assert.Equal(Usd(18.00m), order.Subtotal);
        Assert.Equal(Usd(0m), order.DiscountTotal);
        Assert.Equal(Usd(10.00m), order.ShippingTotal);
        Assert.Equal(Usd(0m), order.ShippingTax);
        Assert.Equal(Usd(1.35m), order.TaxTotal);
        Assert.Equal(Usd(29.35m), order.Total);
        Assert.Equal(Utc(2017, 3, 22, 19, 28, 2), order.CreatedAt);
        Assert.Equal(Utc(2017, 3, 22, 19, 28, 8), order.ModifiedAt);
        Assert.Equal(Utc(2017, 3, 22, 19, 28, 8), order.PaidAt);
        Assert.Null(order.CompletedAt);
        Assert.Equal(new PaymentMethod("bacs", "Direct Bank Transfer", null), order.Payment);
        Assert.Equal(
            new Address { FirstName = "John", LastName = "Doe", Line1 = "969 Market", City = "San Francisco", Region = "CA", PostalCode = "94103", CountryCode = "US", Email = "john.doe@example.com", Phone = "(555) 555-5555" },
            order.Billing);
        Assert.Equal(
            new Address { FirstName = "John", LastName = "Doe", Line1 = "969 Market", City = "San Francisco", Region = "CA", PostalCode = "94103", CountryCode = "US" },
            order.Shipping);
        Assert.Empty(order.Refunds);
        Assert.Empty(order.FeeLines);
        Assert.Empty(order.Discounts);
    }

    [Fact]
    public void Documented_order_maps_lines_taxes_and_shipping()
    {
        var order = Assert.Single(_mapper.MapOrdersPage(AsPage("order-single.json")).Mapped);

        Assert.Equal(2, order.Lines.Count);
        var simple = order.Lines[0];
        Assert.Equal("315", simple.PlatformId);
        Assert.Equal("Woo Single #1", simple.Name);
        Assert.Equal("93", simple.ProductPlatformId);
        Assert.Null(simple.VariantPlatformId);
        Assert.Null(simple.Sku);
        Assert.Equal(2m, simple.Quantity);
        Assert.Equal(Usd(3m), simple.UnitPrice);
        Assert.Equal(Usd(6.00m), simple.Subtotal);
        Assert.Equal(Usd(0.45m), simple.SubtotalTax);
        Assert.Equal(Usd(6.00m), simple.Total);
        Assert.Equal(Usd(0.45m), simple.TotalTax);
        Assert.Equal(new LineTax("75", Usd(0.45m), Usd(0.45m)), Assert.Single(simple.Taxes));

        var variation = order.Lines[1];
        Assert.Equal("316", variation.PlatformId);
        Assert.Equal("22", variation.ProductPlatformId);
        Assert.Equal("23", variation.VariantPlatformId);
        Assert.Equal("Bar3", variation.Sku);
        Assert.Equal(1m, variation.Quantity);
        Assert.Equal(Usd(12m), variation.UnitPrice);
        Assert.Equal(Usd(0.90m), variation.TotalTax);
        Assert.Equal(new LineTax("75", Usd(0.9m), Usd(0.9m)), Assert.Single(variation.Taxes));
        Assert.Contains("\"pa_color\"", variation.Extras["meta_data"]);
        Assert.Contains("\"M Test\"", variation.Extras["meta_data"]);

        var tax = Assert.Single(order.TaxLines);
        Assert.Equal("318", tax.PlatformId);
        Assert.Equal("US-CA-STATE TAX", tax.RateCode);
        Assert.Equal("75", tax.RatePlatformId);
        Assert.Equal("State Tax", tax.Label);
        Assert.False(tax.Compound);
        Assert.Equal(Usd(1.35m), tax.TaxTotal);
        Assert.Equal(Usd(0m), tax.ShippingTaxTotal);

        var shipping = Assert.Single(order.ShippingLines);
        Assert.Equal("317", shipping.PlatformId);
        Assert.Equal("Flat Rate", shipping.MethodTitle);
        Assert.Equal("flat_rate", shipping.MethodId);
        Assert.Equal(Usd(10.00m), shipping.Total);
    }

    [Fact]
    public void Fields_without_a_canonical_column_are_kept_as_raw_json_extras()
    {
        var order = Assert.Single(_mapper.MapOrdersPage(AsPage("order-single.json")).Mapped);

        Assert.Equal("\"wc_order_58d2d042d1d\"", order.Extras["order_key"]);
        Assert.Equal("\"rest-api\"", order.Extras["created_via"]);
        Assert.Equal("\"1.35\"", order.Extras["cart_tax"]);
        Assert.Equal("[{\"id\":13106,\"key\":\"_download_permissions_granted\",\"value\":\"yes\"}]", order.Extras["meta_data"]);
        Assert.False(order.Extras.ContainsKey("_links"));
    }

    [Fact]
    public void Order_list_with_refunds_fees_coupons_and_loose_values_maps_every_order()
    {
        var page = _mapper.MapOrdersPage(Bytes("handwritten/order-list-with-refunds.json"));

        Assert.Empty(page.Quarantined);
        Assert.Equal(["801", "723"], page.Mapped.Select(o => o.PlatformId));

        var guest = page.Mapped[0];
        Assert.Equal(OrderStatus.OnHold, guest.Status);
        Assert.Equal("EUR", guest.Currency);
        Assert.True(guest.PricesIncludeTax);
        Assert.Equal(new Money(0m, "EUR"), guest.DiscountTotal); // sent as ""
        Assert.Equal(new Money(0m, "EUR"), guest.DiscountTax); // sent as null
        Assert.Equal(new Money(25.92m, "EUR"), guest.Subtotal);
        Assert.Equal(new Money(37.55m, "EUR"), guest.Total);
        Assert.Equal(Utc(2023, 11, 5, 9, 15, 0), guest.CreatedAt); // the _gmt twin, not site-local 10:15
        Assert.Null(guest.Payment);
        Assert.Null(guest.Shipping); // all-blank address
        Assert.Equal("Hauptstraße 5", guest.Billing!.Line1);
        Assert.Equal("Bitte klingeln", guest.CustomerNote);
        Assert.Equal(2m, guest.Lines[0].Quantity); // sent as "2"
        Assert.Equal("4006381333931", guest.Lines[0].Sku); // sent as a number
        Assert.Equal(new Money(4.675m, "EUR"), guest.Lines[0].UnitPrice);
        Assert.Equal("2", guest.TaxLines[1].RatePlatformId); // sent as "2"
        Assert.Equal(7m, guest.TaxLines[1].RatePercent);
        var fee = Assert.Single(guest.FeeLines);
        Assert.Equal(("906", "Nachnahmegebühr", "none", new Money(2.00m, "EUR")), (fee.PlatformId, fee.Name, fee.TaxStatus, fee.Total));
        Assert.Contains("\"key\":\"_wcpdf_invoice\",\"value\":{ \"number\": 17, \"date\": \"2023-11-05\" }", guest.Extras["meta_data"]);
        Assert.Contains("\"value\":true", guest.Extras["meta_data"]);

        var refunded = page.Mapped[1];
        Assert.Equal(OrderStatus.Completed, refunded.Status);
        Assert.Equal("26", refunded.CustomerPlatformId);
        Assert.Equal(Utc(2017, 3, 21, 19, 16, 58), refunded.CompletedAt);
        Assert.Equal(Usd(39.00m), refunded.Subtotal);
        Assert.Equal(Usd(5.00m), refunded.DiscountTotal);
        var coupon = Assert.Single(refunded.Discounts);
        Assert.Equal(("314", "5off", Usd(5.00m)), (coupon.PlatformId, coupon.Code, coupon.Discount));
        Assert.Equal(2, refunded.Refunds.Count);
        Assert.Equal(("726", Usd(10.00m), (string?)null, "723"), (refunded.Refunds[0].PlatformId, refunded.Refunds[0].Amount, refunded.Refunds[0].Reason, refunded.Refunds[0].OrderPlatformId));
        Assert.Equal(("724", Usd(9.00m), "Damaged in transit"), (refunded.Refunds[1].PlatformId, refunded.Refunds[1].Amount, refunded.Refunds[1].Reason));
        Assert.Equal(Usd(19.00m), refunded.RefundedTotal);
    }

    [Theory]
    [InlineData("pending", OrderStatus.Pending)]
    [InlineData("processing", OrderStatus.Processing)]
    [InlineData("on-hold", OrderStatus.OnHold)]
    [InlineData("completed", OrderStatus.Completed)]
    [InlineData("cancelled", OrderStatus.Cancelled)]
    [InlineData("refunded", OrderStatus.Refunded)]
    [InlineData("failed", OrderStatus.Failed)]
    [InlineData("checkout-draft", OrderStatus.Draft)]
    [InlineData("wc-shipped-custom", OrderStatus.Unknown)]
    public void Status_words_map_to_canonical_status(string raw, OrderStatus expected) =>
        Assert.Equal(expected, WooCommerceOrderMapper.Status(raw));

    [Fact]
    public async Task Stream_overload_maps_the_same_page()
    {
        await using var stream = new MemoryStream(Bytes("handwritten/order-list-with-refunds.json"));

        var page = await _mapper.MapOrdersPageAsync(stream);

        Assert.Equal(["801", "723"], page.Mapped.Select(o => o.PlatformId));
    }
}
