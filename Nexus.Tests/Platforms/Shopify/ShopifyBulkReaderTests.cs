using System.Text;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Shopify;

namespace Nexus.Tests.Platforms.Shopify;

public class ShopifyBulkReaderTests
{
    private static readonly ShopifyOrderMapper Mapper = new(ShopifyFixtures.Options);

    [Fact]
    public async Task The_reference_order_as_JSON_Lines_reassembles_into_the_same_canonical_order_as_the_page()
    {
        var results = new List<Order>();
        await using var stream = new MemoryStream(ShopifyFixtures.Bytes("orders-bulk.jsonl"));
        await foreach (var (value, quarantined) in new ShopifyBulkReader().MapAsync(stream, Mapper.Map, ShopifyOrderMapper.EntityType))
        {
            Assert.Null(quarantined);
            results.Add(value!);
        }
        var fromBulk = Assert.Single(results);
        var fromPage = Assert.Single(ShopifyPageMapper.Map(ShopifyFixtures.Bytes("orders-page.json"), "orders", Mapper.Map, "order").Mapped);
        Assert.Equal(["gid://shopify/LineItem/466157049", "gid://shopify/LineItem/518995019", "gid://shopify/LineItem/703073504"], fromBulk.Lines.Select(l => l.PlatformId));
        Assert.Equal(fromPage.Lines, fromBulk.Lines, new LineComparer());
        Assert.Equal(new Money(598.94m, "USD"), fromBulk.Total);
        Assert.Equal(new Money(597.00m, "USD"), fromBulk.Subtotal);
        Assert.Equal("Free Shipping", Assert.Single(fromBulk.ShippingLines).MethodTitle);
        var refund = Assert.Single(fromBulk.Refunds);
        Assert.Equal(["gid://shopify/RefundLineItem/104689539", "gid://shopify/RefundLineItem/709875399"], refund.Lines.Select(l => l.PlatformId));
        Assert.Equal(fromPage.Refunds[0].Lines.Select(l => (l.Subtotal, l.TotalTax, l.Quantity)), refund.Lines.Select(l => (l.Subtotal, l.TotalTax, l.Quantity)));
    }

    [Fact]
    public async Task A_child_whose_parent_left_the_window_is_handed_back_with_its_line_not_dropped()
    {
        var lines = new StringBuilder();
        for (var k = 1; k <= 5; k++) lines.Append($"{{\"id\":\"gid://shopify/Order/{k}\"}}\n");
        lines.Append("{\"id\":\"gid://shopify/LineItem/9\",\"__parentId\":\"gid://shopify/Order/1\"}\n"); // order 1 already left a window of 2
        lines.Append("{\"id\":\"gid://shopify/LineItem/10\",\"__parentId\":\"gid://shopify/Order/5\"}\n");
        lines.Append("not json\n");
        lines.Append("{\"id\":\"gid://shopify/Order/6\"}"); // no newline at the end of the file
        var records = new List<BulkRecord>();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
        await foreach (var record in new ShopifyBulkReader(window: 2).ReadAsync(stream)) records.Add(record);

        Assert.Equal(8, records.Count);
        var orphan = Assert.Single(records, r => r.Id == "gid://shopify/LineItem/9");
        Assert.Equal("bulk-orphan", Assert.Single(orphan.Issues).Rule);
        Assert.Equal("{\"id\":\"gid://shopify/LineItem/9\",\"__parentId\":\"gid://shopify/Order/1\"}", Encoding.UTF8.GetString(orphan.Json));
        Assert.Single(records, r => !r.IsAssembled && r.Issues[0].Rule == "json-shape");
        var five = Assert.Single(records, r => r.Id == "gid://shopify/Order/5");
        Assert.Equal("{\"id\":\"gid://shopify/Order/5\",\"lineItems\":{\"nodes\":[{\"id\":\"gid://shopify/LineItem/10\"}]}}", Encoding.UTF8.GetString(five.Json));
        Assert.Equal(["gid://shopify/Order/1", "gid://shopify/Order/2", "gid://shopify/Order/3", "gid://shopify/Order/4", "gid://shopify/Order/5", "gid://shopify/Order/6"],
            records.Where(r => r.IsAssembled).Select(r => r.Id!));
    }

    private sealed class LineComparer : IEqualityComparer<OrderLine>
    {
        public bool Equals(OrderLine? x, OrderLine? y) => x is not null && y is not null && x.PlatformId == y.PlatformId && x.Sku == y.Sku
            && x.Quantity == y.Quantity && x.Total == y.Total && x.Subtotal == y.Subtotal && x.TotalTax == y.TotalTax && x.VariantPlatformId == y.VariantPlatformId;

        public int GetHashCode(OrderLine obj) => obj.PlatformId.GetHashCode(StringComparison.Ordinal);
    }
}
