using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

/// <summary>
/// Every generated order as Shopify's Order: statuses per the table in docs/sandbox.md, money and optional fields
/// straight from the generated record, and line items / shipping lines / refunds with their nested paging.
/// </summary>
public class ShopifyOrderNodeTests
{
    /// <summary>A tiny shop with a bucket too big to throttle, and enough defects that UnknownStatus and OrphanLineItem occur.</summary>
    internal static SandboxStoreOptions UnthrottledStore(string name, double defectRate = 0)
    {
        var options = ShopifySandbox.Store(name);
        options.Shopify.BucketSize = 1_000_000;
        options.Shopify.RestoreRate = 1_000_000;
        options.DefectRate = defectRate;
        return options;
    }

    private static string Money(JsonElement bag) => bag.GetProperty("shopMoney").GetProperty("amount").GetString()!;

    private static string Amount(decimal d) => d.ToString("0.0###########", CultureInfo.InvariantCulture);

    private static string? Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Nullable(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    [Fact]
    public async Task Statuses_follow_the_documented_table_and_fields_come_from_the_generated_order()
    {
        await using var server = await SandboxServer.StartAsync(UnthrottledStore("s", defectRate: 0.15));
        var store = server.Registry.Find("shopify", "s")!.Store;
        var nodes = await server.AllNodesAsync("s", "orders", """
            id name legacyResourceId closed closedAt cancelledAt cancelReason displayFinancialStatus displayFulfillmentStatus
            email phone note clientIp processedAt createdAt paymentGatewayNames discountCodes test confirmed sourceName taxesIncluded
            currencyCode presentmentCurrencyCode customer { id }
            subtotalPriceSet { shopMoney { amount } } totalRefundedSet { shopMoney { amount } } currentTotalPriceSet { shopMoney { amount } }
            """, pageSize: 25);
        Assert.Equal(store.Current.OrderCount, nodes.Count);

        var seen = new HashSet<string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var o = store.Order(store.Current, i);
            var n = nodes[i];
            seen.Add(o.Status);
            var because = $"order {o.Id} ({o.Status})";
            var (financial, fulfillment, closed, cancelled) = o.Status switch
            {
                "pending" => ("PENDING", "UNFULFILLED", false, false),
                "on-hold" => ("PENDING", "ON_HOLD", false, false),
                "processing" => ("PAID", "UNFULFILLED", false, false),
                "completed" => (o.Refunds.Count > 0 ? "PARTIALLY_REFUNDED" : "PAID", "FULFILLED", true, false),
                "refunded" => ("REFUNDED", "FULFILLED", true, false),
                "cancelled" => ("VOIDED", "UNFULFILLED", false, true),
                "failed" => ("EXPIRED", "UNFULFILLED", false, false),
                _ => (null, "UNFULFILLED", false, false), // the UnknownStatus defect
            };
            Assert.True(financial == Nullable(n.GetProperty("displayFinancialStatus")), because);
            Assert.True(fulfillment == n.GetProperty("displayFulfillmentStatus").GetString(), because);
            Assert.True(closed == n.GetProperty("closed").GetBoolean(), because);
            Assert.True(closed == (n.GetProperty("closedAt").ValueKind != JsonValueKind.Null), because);
            if (closed) Assert.Equal(Time(o.CompletedUtc ?? o.ModifiedUtc), n.GetProperty("closedAt").GetString());
            Assert.Equal(cancelled ? Time(o.ModifiedUtc) : null, Nullable(n.GetProperty("cancelledAt")));
            Assert.Equal(cancelled ? "CUSTOMER" : null, Nullable(n.GetProperty("cancelReason")));

            Assert.Equal($"#{o.Id}", n.GetProperty("name").GetString());
            Assert.Equal(Blank(o.Billing.Email), Nullable(n.GetProperty("email")));
            Assert.Equal(Blank(o.Billing.Phone), Nullable(n.GetProperty("phone")));
            Assert.Equal(Blank(o.CustomerNote), Nullable(n.GetProperty("note")));
            Assert.Equal(Blank(o.CustomerIp), Nullable(n.GetProperty("clientIp")));
            Assert.Equal(Time(o.CreatedUtc), Nullable(n.GetProperty("createdAt")));
            Assert.Equal(Time(o.PaidUtc ?? o.TrueCreatedUtc), n.GetProperty("processedAt").GetString());
            Assert.Equal(o.PaymentMethod.Length == 0 ? [] : new[] { o.PaymentMethod }, n.GetProperty("paymentGatewayNames").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(o.Coupons.Select(c => c.Code), n.GetProperty("discountCodes").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(o.CustomerId > 0 ? $"gid://shopify/Customer/{o.CustomerId}" : null,
                n.GetProperty("customer").ValueKind == JsonValueKind.Null ? null : n.GetProperty("customer").GetProperty("id").GetString());
            Assert.Equal(Amount(o.LineItems.Sum(l => l.Total)), Money(n.GetProperty("subtotalPriceSet")));
            var refunded = o.Refunds.Sum(r => r.Amount);
            Assert.Equal(Amount(refunded), Money(n.GetProperty("totalRefundedSet")));
            Assert.Equal(Amount(o.Total - refunded), Money(n.GetProperty("currentTotalPriceSet")));
            Assert.Equal(("USD", "USD", "web"), (n.GetProperty("currencyCode").GetString(), n.GetProperty("presentmentCurrencyCode").GetString(), n.GetProperty("sourceName").GetString()));
            Assert.Equal((false, true, false), (n.GetProperty("test").GetBoolean(), n.GetProperty("confirmed").GetBoolean(), n.GetProperty("taxesIncluded").GetBoolean()));
        }
        // The table is only checked for what the store holds: make sure that is most of it, defect included.
        Assert.Superset(new HashSet<string> { "processing", "completed", "refunded", "cancelled" }, seen);
        Assert.Contains(seen, s => s is not ("pending" or "on-hold" or "processing" or "completed" or "refunded" or "cancelled" or "failed"));
    }

    [Fact]
    public async Task Line_items_show_their_product_variant_and_prices_and_an_orphan_line_has_no_product()
    {
        var options = UnthrottledStore("l", defectRate: 0.2);
        await using var server = await SandboxServer.StartAsync(options);
        var store = server.Registry.Find("shopify", "l")!.Store;
        var nodes = await server.AllNodesAsync("l", "orders", """
            legacyResourceId lineItems(first: 20) { nodes { id name title sku quantity currentQuantity variantTitle product { id } variant { id }
              discountedUnitPriceSet { shopMoney { amount } } totalDiscountSet { shopMoney { amount } } originalUnitPriceSet { shopMoney { amount } }
              customAttributes { key value } taxable taxLines { title priceSet { shopMoney { amount } } } } }
            """, pageSize: 3); // a bigger page exceeds the emulated 1,000-point query cost limit

        var orphans = 0;
        var variants = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var o = store.Order(store.Current, i);
            var lines = nodes[i].GetProperty("lineItems").GetProperty("nodes").EnumerateArray().ToArray();
            Assert.Equal(o.LineItems.Count, lines.Length);
            foreach (var (line, n) in o.LineItems.Zip(lines))
            {
                var product = store.FindProduct(line.ProductId);
                var variation = product?.Variations.FirstOrDefault(v => v.Id == line.VariationId);
                Assert.Equal($"gid://shopify/LineItem/{line.Id}", n.GetProperty("id").GetString());
                Assert.Equal(line.Name, n.GetProperty("name").GetString());
                Assert.Equal(product?.Name ?? line.Name, n.GetProperty("title").GetString());
                Assert.Equal(Blank(line.Sku), Nullable(n.GetProperty("sku")));
                Assert.Equal(line.Quantity, n.GetProperty("currentQuantity").GetInt32());
                if (product is null)
                {
                    orphans++;
                    Assert.Equal(JsonValueKind.Null, n.GetProperty("product").ValueKind);
                    Assert.Equal(JsonValueKind.Null, n.GetProperty("variant").ValueKind);
                }
                else
                {
                    Assert.Equal($"gid://shopify/Product/{product.Id}", n.GetProperty("product").GetProperty("id").GetString());
                    Assert.NotEqual(JsonValueKind.Null, n.GetProperty("variant").ValueKind);
                }
                if (variation is not null)
                {
                    variants++;
                    Assert.Equal(string.Join(", ", variation.Attributes.Select(a => a.Option)), n.GetProperty("variantTitle").GetString());
                    Assert.EndsWith(n.GetProperty("variantTitle").GetString()!, line.Name, StringComparison.Ordinal);
                }
                else Assert.Equal(JsonValueKind.Null, n.GetProperty("variantTitle").ValueKind);
                Assert.Equal(Amount(line.Price), Money(n.GetProperty("originalUnitPriceSet")));
                Assert.Equal(Amount(line.Quantity == 0 ? 0 : Math.Round(line.Total / line.Quantity, 2)), Money(n.GetProperty("discountedUnitPriceSet")));
                Assert.Equal(Amount(line.Subtotal - line.Total), Money(n.GetProperty("totalDiscountSet")));
                Assert.Equal(line.TotalTax == 0 ? 0 : 1, n.GetProperty("taxLines").GetArrayLength());
                Assert.Equal(line.Meta.Select(m => (m.Key, m.Value)),
                    n.GetProperty("customAttributes").EnumerateArray().Select(a => (a.GetProperty("key").GetString()!, a.GetProperty("value").GetString()!)));
                Assert.True(n.GetProperty("taxable").GetBoolean());
            }
        }
        Assert.True(orphans > 0, "the defect rate should give at least one orphan line");
        Assert.True(variants > 0, "some lines should be variations");
        var orphanIds = Enumerable.Range(0, store.Current.OrderCount).Select(i => OrderFactory.OrderId(i))
            .Count(id => store.GroundTruth.Has(SandboxEntity.Order, id, DefectKind.OrphanLineItem));
        Assert.InRange(orphanIds, 1, orphans);
    }

    [Fact]
    public async Task A_nested_connection_pages_by_cursor_and_in_reverse()
    {
        await using var server = await SandboxServer.StartAsync(UnthrottledStore("n"));
        var store = server.Registry.Find("shopify", "n")!.Store;
        var index = Enumerable.Range(0, store.Current.OrderCount).First(i => store.Order(store.Current, i).LineItems.Count >= 3);
        var order = store.Order(store.Current, index);
        var gid = $"gid://shopify/Order/{order.Id}";
        var expected = order.LineItems.Select(l => $"gid://shopify/LineItem/{l.Id}").ToArray();

        const string query = "query($id: ID!, $after: String, $reverse: Boolean) { order(id: $id) { lineItems(first: 1, after: $after, reverse: $reverse) { nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } } }";
        async Task<List<string>> Walk(bool reverse)
        {
            var ids = new List<string>();
            string? after = null;
            while (true)
            {
                var page = (await server.QueryAsync("n", query, new { id = gid, after, reverse })).Data("order", "lineItems");
                ids.AddRange(page.GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
                var info = page.GetProperty("pageInfo");
                Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
                if (!info.GetProperty("hasNextPage").GetBoolean()) return ids;
                after = info.GetProperty("endCursor").GetString();
            }
        }

        Assert.Equal(expected, await Walk(reverse: false));
        Assert.Equal(expected.Reverse(), await Walk(reverse: true));
    }

    [Fact]
    public async Task Refunds_shipping_lines_and_fees_come_from_the_generated_order()
    {
        await using var server = await SandboxServer.StartAsync(UnthrottledStore("r"));
        var store = server.Registry.Find("shopify", "r")!.Store;
        var nodes = await server.AllNodesAsync("r", "orders", """
            legacyResourceId
            shippingLines(first: 2) { nodes { id title code source originalPriceSet { shopMoney { amount } } taxLines { title } } }
            additionalFees { name price { shopMoney { amount } } }
            taxLines { title rate ratePercentage }
            refunds(first: 1) { legacyResourceId createdAt updatedAt note order { legacyResourceId } totalRefundedSet { shopMoney { amount } }
              refundLineItems(first: 10) { nodes { quantity restockType restocked priceSet { shopMoney { amount } } } } }
            """, pageSize: 10);

        var refundedOrders = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var o = store.Order(store.Current, i);
            var n = nodes[i];
            var shipping = Assert.Single(n.GetProperty("shippingLines").GetProperty("nodes").EnumerateArray());
            Assert.Equal((o.ShippingLine.MethodTitle, o.ShippingLine.MethodId, "shopify"),
                (shipping.GetProperty("title").GetString(), shipping.GetProperty("code").GetString(), shipping.GetProperty("source").GetString()));
            Assert.Equal(Amount(o.ShippingLine.Total), Money(shipping.GetProperty("originalPriceSet")));
            Assert.Equal(o.ShippingLine.Tax == 0 ? 0 : 1, shipping.GetProperty("taxLines").GetArrayLength());
            Assert.Equal(o.Fees.Select(f => (f.Name, Amount(f.Total))),
                n.GetProperty("additionalFees").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, Money(f.GetProperty("price")))));
            Assert.Equal(o.TotalTax == 0 ? 0 : 1, n.GetProperty("taxLines").GetArrayLength());
            if (o.TotalTax != 0)
                Assert.Equal((double)(store.Settings.TaxRate * 100m), n.GetProperty("taxLines")[0].GetProperty("ratePercentage").GetDouble(), 6);

            var refunds = n.GetProperty("refunds").EnumerateArray().ToArray();
            Assert.Equal(Math.Min(1, o.Refunds.Count), refunds.Length); // refunds(first: 1)
            if (refunds.Length == 0) continue;
            refundedOrders++;
            var (r, rn) = (o.Refunds[0], refunds[0]);
            Assert.Equal(r.Id.ToString(CultureInfo.InvariantCulture), rn.GetProperty("legacyResourceId").GetString());
            Assert.Equal(Time(r.CreatedUtc), rn.GetProperty("updatedAt").GetString());
            Assert.Equal(Blank(r.Reason), Nullable(rn.GetProperty("note")));
            Assert.Equal(o.Id.ToString(CultureInfo.InvariantCulture), rn.GetProperty("order").GetProperty("legacyResourceId").GetString());
            Assert.Equal(Amount(r.Amount), Money(rn.GetProperty("totalRefundedSet")));
            // A full refund is the parcel coming back; one damaged line is not restocked.
            var returned = r.Lines.Count > 1 || o.Status == "refunded";
            var lines = rn.GetProperty("refundLineItems").GetProperty("nodes").EnumerateArray().ToArray();
            Assert.Equal(r.Lines.Count, lines.Length);
            Assert.All(lines, l => Assert.Equal((returned ? "RETURN" : "NO_RESTOCK", returned), (l.GetProperty("restockType").GetString(), l.GetProperty("restocked").GetBoolean())));
            Assert.Equal(r.Lines.Select(l => Amount(l.Refunded.Price)), lines.Select(l => Money(l.GetProperty("priceSet"))));
        }
        Assert.True(refundedOrders > 0);
    }
}
