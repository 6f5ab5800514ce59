using Nexus.Core.Model;
using Nexus.Core.Platforms.WooCommerce;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

public class WooCommerceRefundMapperTests
{
    private readonly WooCommerceRefundMapper _mapper = new(Options);

    private static Money Usd(decimal amount) => new(amount, "USD");

    [Fact]
    public void Documented_refund_list_maps_amounts_dates_and_positive_lines()
    {
        var page = _mapper.MapRefundsPage(Bytes("refund-list.json"), "723", "USD");

        Assert.Empty(page.Quarantined);
        Assert.Equal(["726", "724"], page.Mapped.Select(r => r.PlatformId));

        var amountOnly = page.Mapped[0];
        Assert.Equal("723", amountOnly.OrderPlatformId);
        Assert.Equal(Usd(10.00m), amountOnly.Amount);
        Assert.Null(amountOnly.Reason);
        Assert.False(amountOnly.RefundedPayment);
        Assert.Equal(Utc(2017, 3, 21, 20, 7, 11), amountOnly.CreatedAt);
        Assert.Empty(amountOnly.Lines);

        var withLine = page.Mapped[1];
        Assert.Equal(Usd(9.00m), withLine.Amount);
        Assert.Equal(Utc(2017, 3, 21, 19, 55, 37), withLine.CreatedAt);
        var line = Assert.Single(withLine.Lines);
        Assert.Equal("314", line.PlatformId);
        Assert.Equal("311", line.OrderLinePlatformId);
        Assert.Equal("87", line.ProductPlatformId);
        Assert.Null(line.VariantPlatformId);
        Assert.Equal("Woo Album #2", line.Name);
        Assert.Equal(1m, line.Quantity);
        Assert.Equal(Usd(9.00m), line.Subtotal);
        Assert.Equal(Usd(9.00m), line.Total);
        Assert.Equal(Usd(0m), line.TotalTax);
    }

    [Fact]
    public void Single_refund_maps_through_the_page_api()
    {
        var refund = Assert.Single(_mapper.MapRefundsPage(Utf8("""
            [{"id": 726, "date_created": "2017-03-21T17:07:11", "date_created_gmt": "2017-03-21T20:07:11",
              "amount": "10.00", "reason": "Wrong size", "refunded_by": 1, "refunded_payment": true,
              "meta_data": [], "line_items": []}]
            """), "723", "USD").Mapped);

        Assert.Equal(("726", Usd(10.00m), "Wrong size", true), (refund.PlatformId, refund.Amount, refund.Reason, refund.RefundedPayment));
        Assert.Equal("1", refund.Extras["refunded_by"]);
    }
}
