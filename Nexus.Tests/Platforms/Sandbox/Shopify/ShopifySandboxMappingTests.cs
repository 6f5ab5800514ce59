using System.Text;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Platforms.Shopify;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

/// <summary>The sandbox's own orders through the Shopify mappers: the generator's data and defects arrive as generated.</summary>
public class ShopifySandboxMappingTests
{
    internal const string OrderFields = """
        id legacyResourceId name email createdAt updatedAt processedAt closedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
        currencyCode presentmentCurrencyCode taxesIncluded discountCodes paymentGatewayNames note
        totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        totalTaxSet { shopMoney { amount currencyCode } } totalDiscountsSet { shopMoney { amount currencyCode } }
        totalShippingPriceSet { shopMoney { amount currencyCode } }
        customer { id } billingAddress { firstName lastName address1 city provinceCode zip countryCodeV2 phone }
        taxLines { title ratePercentage priceSet { shopMoney { amount currencyCode } } }
        additionalFees { id name price { shopMoney { amount currencyCode } } taxLines { title priceSet { shopMoney { amount currencyCode } } } }
        refunds { id createdAt note totalRefundedSet { shopMoney { amount currencyCode } } refundLineItems(first: 4) { nodes { id quantity restockType restocked lineItem { id sku } subtotalSet { shopMoney { amount currencyCode } } totalTaxSet { shopMoney { amount currencyCode } } } } }
        """;

    internal const string LineFields = "id name sku quantity product { id } variant { id } originalUnitPriceSet { shopMoney { amount currencyCode } } originalTotalSet { shopMoney { amount currencyCode } } discountedTotalSet { shopMoney { amount currencyCode } } taxLines { title priceSet { shopMoney { amount currencyCode } } }";

    [Fact]
    public async Task Paged_and_bulk_orders_map_to_the_same_canonical_orders_and_the_same_quarantine()
    {
        var options = ShopifySandbox.Store("m");
        options.DefectRate = 0.05;
        await using var server = await SandboxServer.StartAsync(options);
        var store = server.Registry.Find("shopify", "m")!.Store;
        var mapper = new ShopifyOrderMapper(new ShopifyMappingOptions(new Uri("https://m.myshopify.com/")));

        var paged = new List<Order>();
        var pagedQuarantine = new List<string?>();
        string? after = null;
        while (true)
        {
            var query = $"query($after: String) {{ orders(first: 4, after: $after) {{ nodes {{ {OrderFields} lineItems(first: 5) {{ nodes {{ {LineFields} }} }} shippingLines(first: 5) {{ nodes {{ id title code discountedPriceSet {{ shopMoney {{ amount currencyCode }} }} taxLines {{ title priceSet {{ shopMoney {{ amount currencyCode }} }} }} }} }} }} pageInfo {{ hasNextPage endCursor }} }} }}";
            using var response = await server.PostAsync("m", query, new { after });
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var body = System.Text.Json.JsonDocument.Parse(bytes).RootElement;
            if (body.TryGetProperty("errors", out var errors) && errors[0].GetProperty("extensions").GetProperty("code").GetString() == "THROTTLED")
            {
                // Wait on the sandbox clock exactly as long as the bucket needs, as the connector will.
                var cost = body.GetProperty("extensions").GetProperty("cost");
                var status = cost.GetProperty("throttleStatus");
                var wait = (cost.GetProperty("requestedQueryCost").GetDouble() - status.GetProperty("currentlyAvailable").GetDouble()) / status.GetProperty("restoreRate").GetDouble();
                server.Time.Advance(TimeSpan.FromSeconds(Math.Ceiling(wait)));
                continue;
            }
            Assert.False(Encoding.UTF8.GetString(bytes).StartsWith("{\"errors\"", StringComparison.Ordinal), Encoding.UTF8.GetString(bytes));
            var page = ShopifyPageMapper.Map(bytes, "orders", mapper.Map, ShopifyOrderMapper.EntityType);
            paged.AddRange(page.Mapped);
            pagedQuarantine.AddRange(page.Quarantined.Select(q => q.PlatformId));
            var info = System.Text.Json.JsonDocument.Parse(bytes).RootElement.GetProperty("data").GetProperty("orders").GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean()) break;
            after = info.GetProperty("endCursor").GetString();
        }

        var missingDates = Enumerable.Range(0, store.Current.OrderCount).Select(i => OrderFactory.OrderId(i))
            .Where(id => store.GroundTruth.Has(SandboxEntity.Order, id, DefectKind.MissingDate)).Select(id => $"gid://shopify/Order/{id}").ToArray();
        Assert.NotEmpty(missingDates);
        Assert.Equal(missingDates, pagedQuarantine);
        Assert.Equal(store.Current.OrderCount, paged.Count + pagedQuarantine.Count);

        // The same orders through a bulk operation and the JSON Lines reader.
        var inner = $"{{ orders {{ edges {{ node {{ {OrderFields} lineItems {{ edges {{ node {{ {LineFields} }} }} }} shippingLines {{ edges {{ node {{ id title code discountedPriceSet {{ shopMoney {{ amount currencyCode }} }} taxLines {{ title priceSet {{ shopMoney {{ amount currencyCode }} }} }} }} }} }} }} }} }} }}";
        var started = await server.QueryAsync("m", "mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }", new { q = inner });
        var id2 = started.Data("bulkOperationRunQuery", "bulkOperation", "id").GetString();
        string? url = null;
        for (var k = 0; k < 100 && url is null; k++)
        {
            server.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
            var poll = await server.QueryAsync("m", "query($id: ID!) { bulkOperation(id: $id) { status url } }", new { id = id2 });
            url = poll.Data("bulkOperation", "url").GetString();
        }
        Assert.NotNull(url);
        await using var jsonl = await server.Http.GetStreamAsync(url);
        var bulk = new List<Order>();
        var bulkQuarantine = new List<string?>();
        await foreach (var (value, quarantined) in new ShopifyBulkReader().MapAsync(jsonl, mapper.Map, ShopifyOrderMapper.EntityType))
            if (value is not null) bulk.Add(value);
            else bulkQuarantine.Add(quarantined!.PlatformId);

        Assert.Equal(pagedQuarantine, bulkQuarantine);
        Assert.Equal(paged.Select(Fingerprint), bulk.Select(Fingerprint));
        var refunded = paged.Where(o => o.Refunds.Count > 0).ToArray();
        Assert.NotEmpty(refunded);
        Assert.All(refunded, o => Assert.NotEmpty(o.Refunds[0].Lines));
    }

    /// <summary>Everything that must agree between the two paths, as one comparable string.</summary>
    private static string Fingerprint(Order o)
    {
        var text = new StringBuilder();
        text.Append($"{o.PlatformId}|{o.Status}|{o.RawStatus}|{o.Total}|{o.Subtotal}|{o.TaxTotal}|{o.DiscountTotal}|{o.ShippingTotal}|{o.ShippingTax}|{o.CreatedAt:O}|{o.CustomerPlatformId}|");
        foreach (var l in o.Lines) text.Append($"{l.PlatformId}:{l.Sku}:{l.Quantity}:{l.Total}:{l.TotalTax};");
        foreach (var r in o.Refunds)
        {
            text.Append($"R{r.PlatformId}:{r.Amount}:");
            foreach (var l in r.Lines) text.Append($"{l.PlatformId}:{l.Quantity}:{l.Subtotal}:{l.Extras["restockType"]};");
        }
        foreach (var f in o.FeeLines) text.Append($"F{f.Name}:{f.Total}:{f.TotalTax};");
        return text.ToString();
    }
}
