using System.Text;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Platforms.Shopify.Connector;
using Xunit.Abstractions;

namespace Nexus.Tests.Platforms.Shopify.Connector;

/// <summary>The Shopify connector against the GraphQL sandbox over loopback HTTP: exact data, outages, the bucket, incremental.</summary>
public class ShopifyConnectorFetchTests(ITestOutputHelper output)
{
    private static string Gid(string type, long id) => $"gid://shopify/{type}/{id}";

    [Fact]
    public async Task Customers_and_products_with_variants_are_exactly_the_sandbox_catalogue()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var connector = h.Connector();
        var store = h.Host.Store;

        var customers = await h.FetchAllAsync(connector.FetchCustomersAsync);
        Assert.Empty(customers.Quarantined);
        Assert.Equal(Enumerable.Range(1, store.CustomerCount).Select(id => Gid("Customer", id)), customers.Records.Select(c => c.PlatformId));
        foreach (var customer in customers.Records)
        {
            var truth = store.Customer(store.Current, int.Parse(customer.PlatformId.Split('/')[^1]));
            Assert.Equal(truth.Email.Length == 0 ? null : truth.Email, customer.Email);
        }

        var products = await h.FetchAllAsync(connector.FetchProductsAsync);
        Assert.Empty(products.Quarantined);
        Assert.Equal(store.Products.Select(p => Gid("Product", p.Id)), products.Records.Select(p => p.PlatformId));
        Assert.Contains(store.Products, p => p.IsVariable);
        foreach (var product in products.Records)
        {
            var truth = store.Products.Single(p => Gid("Product", p.Id) == product.PlatformId);
            Assert.Equal(truth.IsVariable ? ProductType.Variable : ProductType.Simple, product.Type);
            if (truth.IsVariable)
                Assert.Equal(truth.Variations.Select(v => (Gid("ProductVariant", v.Id), v.Sku, v.Price)), product.Variants.Select(v => (v.PlatformId, v.Sku ?? "", v.Price!.Value.Amount)));
            else
                Assert.Equal(truth.Sku.Length == 0 ? null : truth.Sku, product.Sku);
            Assert.All(product.Variants, v => Assert.Equal(store.Settings.Currency, v.RegularPrice!.Value.Currency));
        }
    }

    [Fact]
    public async Task Orders_are_exactly_the_sandbox_orders_with_defective_ones_quarantined_and_refund_lines_kept()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync(s => s.DefectRate = 0.05);
        var (records, quarantined) = await h.FetchAllAsync(h.Connector().FetchOrdersAsync);

        var store = h.Host.Store;
        var truth = Enumerable.Range(0, store.Current.OrderCount).Select(i => store.Order(store.Current, i)).ToDictionary(o => Gid("Order", o.Id));
        Assert.Equal(truth.Keys.Order(), records.Select(o => o.PlatformId).Concat(quarantined.Select(q => q.PlatformId!)).Order());
        var missingDate = truth.Values.Where(o => store.GroundTruth.Has(SandboxEntity.Order, o.Id, DefectKind.MissingDate)).Select(o => Gid("Order", o.Id)).ToArray();
        Assert.NotEmpty(missingDate);
        Assert.Equal(missingDate, quarantined.Select(q => q.PlatformId));
        Assert.All(quarantined, q => Assert.Contains("\"id\":", q.RawJson));
        foreach (var order in records)
        {
            var expected = truth[order.PlatformId];
            Assert.Equal(expected.Total, order.Total.Amount);
            Assert.Equal(expected.LineItems.Select(l => Gid("LineItem", l.Id)), order.Lines.Select(l => l.PlatformId));
            Assert.Equal(expected.Refunds.Select(r => (Gid("Refund", r.Id), r.Lines.Count)), order.Refunds.Select(r => (r.PlatformId, r.Lines.Count)));
        }
        Assert.Contains(records, o => o.Refunds.Count > 0);
    }

    [Fact]
    public async Task Line_items_beyond_the_first_nested_page_are_followed_to_the_end()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var (records, _) = await h.FetchAllAsync(h.Connector(ShopifyConnectorHarness.TestOptions with { NestedPageSize = 1 }).FetchOrdersAsync);

        var store = h.Host.Store;
        var multiLine = Enumerable.Range(0, store.Current.OrderCount).Select(i => store.Order(store.Current, i)).Where(o => o.LineItems.Count > 1).ToArray();
        Assert.NotEmpty(multiLine);
        foreach (var expected in multiLine)
            Assert.Equal(expected.LineItems.Select(l => Gid("LineItem", l.Id)), records.Single(o => o.PlatformId == Gid("Order", expected.Id)).Lines.Select(l => l.PlatformId));
        Assert.Contains(h.Recorder.Requests, r => r.Path.EndsWith("graphql.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refund_lines_beyond_the_first_nested_page_are_followed_to_the_end()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var (records, _) = await h.FetchAllAsync(h.Connector(ShopifyConnectorHarness.TestOptions with { NestedPageSize = 1 }).FetchOrdersAsync);

        var store = h.Host.Store;
        var manyLines = Enumerable.Range(0, store.Current.OrderCount).Select(i => store.Order(store.Current, i))
            .Where(o => o.Refunds.Any(r => r.Lines.Count > 1) && records.Any(r => r.PlatformId == Gid("Order", o.Id))).ToArray();
        Assert.NotEmpty(manyLines);
        foreach (var expected in manyLines)
        {
            var order = records.Single(o => o.PlatformId == Gid("Order", expected.Id));
            Assert.Equal(expected.Refunds.Select(r => r.Lines.Select(l => Gid("RefundLineItem", l.Id)).ToArray()),
                order.Refunds.Select(r => r.Lines.Select(l => l.PlatformId).ToArray()));
        }
    }

    [Fact]
    public async Task A_throttling_storm_and_5xx_bursts_still_end_with_the_same_orders()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync(s => s.DefectRate = 0.05);
        var baseline = await h.FetchAllAsync(h.Connector().FetchOrdersAsync);

        // Two bursts, each within the pipeline's 6 retries of one request: other apps empty the bucket, then outages.
        var faults = h.Host.Faults;
        var stormed = h.Connector();
        faults.Enqueue(FaultKind.Throttled, 3);
        faults.Enqueue(FaultKind.ServerError, 2);
        faults.Enqueue(FaultKind.BadGateway);
        var first = await h.DriveAsync(() => stormed.FetchOrdersAsync(new PageRequest(null), CancellationToken.None));
        faults.Enqueue(FaultKind.ServiceUnavailable);
        faults.Enqueue(FaultKind.TruncatedJson);
        faults.Enqueue(FaultKind.HtmlErrorPage);
        faults.Enqueue(FaultKind.Throttled, 3);
        var records = first.Records.ToList();
        var quarantined = first.Quarantined.ToList();
        for (var token = first.NextToken; token is not null;)
        {
            var page = await h.DriveAsync(() => stormed.FetchOrdersAsync(new PageRequest(token), CancellationToken.None));
            records.AddRange(page.Records);
            quarantined.AddRange(page.Quarantined);
            token = page.NextToken;
        }
        Assert.Equal(0, faults.Pending);

        Assert.Equal(baseline.Records.Select(Fingerprint), records.Select(Fingerprint));
        Assert.Equal(baseline.Quarantined.Select(q => q.PlatformId), quarantined.Select(q => q.PlatformId));
        var stats = stormed.Stats;
        output.WriteLine($"storm: {stats}");
        Assert.True(stats.Throttled >= 6, $"every drained bucket must have answered THROTTLED: {stats}");
        Assert.True(stats.Retries >= 12, $"3+3 throttles and 6 broken answers are each retried: {stats}");
    }

    [Fact]
    public async Task The_connector_waits_for_the_bucket_so_no_second_asks_for_more_than_it_holds()
    {
        // A small bucket that restores slowly: a connector that did not wait would be THROTTLED again and again.
        await using var h = await ShopifyConnectorHarness.StartAsync(s => { s.Shopify.BucketSize = 1000; s.Shopify.RestoreRate = 50; });
        var connector = h.Connector();
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchOrdersAsync);
        Assert.Equal(h.Host.Store.Current.OrderCount, records.Count + quarantined.Count);

        var answers = h.Costs.Answers.ToArray();
        Assert.True(answers.Length > 5);
        Assert.All(answers, a => Assert.True(a.Requested <= 1000, $"a query asked for {a.Requested} points, above the cap"));
        // Each query asked for no more than the bucket held (none was THROTTLED), and the points actually spent in any
        // one second stay within what the bucket can give in a second: its content plus one second of restore.
        var busiest = answers.GroupBy(a => a.SentAt.ToUnixTimeSeconds()).Max(g => g.Sum(a => a.Actual ?? 0));
        output.WriteLine($"pages {answers.Length}, busiest second {busiest} points spent, throttled {answers.Count(a => a.Throttled)}, stats {connector.Stats}");
        Assert.Equal(0, answers.Count(a => a.Throttled));
        Assert.True(busiest <= 1000 + 50, $"the busiest second spent {busiest} points; the bucket holds 1000 and restores 50/s");
        // Pages were sized to the cost cap, not left at the first guess of 5 orders.
        Assert.True(answers.Skip(2).Max(a => a.Requested) > 500, "pages should grow toward the cap once their cost is known");
    }

    [Fact]
    public async Task Incremental_after_store_changes_fetches_exactly_the_changed_orders_and_customers()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var store = h.Host.Store;
        var since = new DateTimeOffset(store.Current.NowUtc, TimeSpan.Zero);
        var advance = store.AdvanceDays(5);
        Assert.NotEmpty(advance.ChangedOrderIds);

        var connector = h.Connector();
        Assert.True(connector.SupportsModifiedFilter(SyncEntity.Customers));
        var orders = await h.FetchAllAsync(connector.FetchOrdersAsync, since);
        Assert.Equal(advance.ChangedOrderIds.Select(id => Gid("Order", id)).Order(), orders.Records.Select(o => o.PlatformId).Concat(orders.Quarantined.Select(q => q.PlatformId!)).Order());
        Assert.True(advance.ChangedOrderIds.Count < store.Current.OrderCount);
        Assert.All(orders.Records, o => Assert.True(o.ModifiedAt >= since));

        var customers = await h.FetchAllAsync(connector.FetchCustomersAsync, since);
        Assert.Equal(advance.ChangedCustomerIds.Select(id => Gid("Customer", id)).Order(), customers.Records.Select(c => c.PlatformId).Order());
    }

    [Fact]
    public async Task A_cursor_token_from_another_platform_is_refused_in_plain_words()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var error = await Assert.ThrowsAsync<ConnectorException>(() => h.Connector().FetchOrdersAsync(new PageRequest("3"), CancellationToken.None));
        Assert.Contains("run a full sync", error.Message);
    }

    private static string Fingerprint(Order o)
    {
        var text = new StringBuilder($"{o.PlatformId}|{o.Status}|{o.Total}|{o.TaxTotal}|{o.ShippingTotal}|{o.CustomerPlatformId}|");
        foreach (var l in o.Lines) text.Append($"{l.PlatformId}:{l.Sku}:{l.Quantity}:{l.Total};");
        foreach (var r in o.Refunds) text.Append($"R{r.PlatformId}:{r.Amount}:{r.Lines.Count};");
        return text.ToString();
    }
}
