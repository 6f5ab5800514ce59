using System.Globalization;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Web.Sandbox.Magento;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>The Magento connector over real loopback HTTP against the sandbox: every record accounted for against its ground truth.</summary>
public class MagentoConnectorFetchTests
{
    private static readonly Nexus.Core.Platforms.Magento.Connector.MagentoConnectorOptions SmallPages = MagentoConnectorHarness.TestOptions with { PageSize = 7 };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Customers_are_exactly_the_sandbox_customers_through_5xx_faults_and_429s()
    {
        await using var h = await MagentoConnectorHarness.StartAsync(s =>
        {
            s.FaultRate = 0.3;
            s.FaultKinds = [FaultKind.ServerError, FaultKind.BadGateway, FaultKind.ServiceUnavailable];
            s.RateLimitPerMinute = 4; // a small bucket: the connector's own budget (300/min) runs into it
        });
        var connector = h.Connector(MagentoConnectorHarness.TestOptions with { PageSize = 4 });
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchCustomersAsync);

        var store = h.Host.Store;
        AssertAccountedFor(Enumerable.Range(1, store.CustomerCount), records.Select(c => c.PlatformId), quarantined.Select(q => q.PlatformId));
        foreach (var customer in records)
            Assert.Equal(store.Customer(store.Current, int.Parse(customer.PlatformId, CultureInfo.InvariantCulture)).Email, customer.Email);
        var statuses = string.Join(",", h.Recorder.Requests.GroupBy(r => (int)r.Status).Select(g => $"{g.Key}x{g.Count()}"));
        Assert.True(h.Recorder.Requests.Any(r => (int)r.Status >= 500), statuses);
        Assert.True(h.Recorder.Requests.Any(r => (int)r.Status == 429), statuses);
        Assert.True(connector.Stats.Retries > 0 && connector.Stats.Throttled > 0, $"{connector.Stats}");
    }

    [Fact]
    public async Task Orders_are_exactly_the_sandbox_orders_with_credit_memos_attached_as_refunds()
    {
        await using var h = await MagentoConnectorHarness.StartAsync(s => s.DefectRate = 0.05);
        var connector = h.Connector(MagentoConnectorHarness.TestOptions with { PageSize = 20 });
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchOrdersAsync);

        var store = h.Host.Store;
        var truth = Enumerable.Range(0, store.Current.OrderCount).Select(i => store.Order(store.Current, i)).ToDictionary(o => Id(o.Id));
        AssertAccountedFor(truth.Keys, records.Select(o => o.PlatformId), quarantined.Where(q => q.EntityType == "order").Select(q => q.PlatformId));
        Assert.Contains(quarantined, q => q.EntityType == "order");
        var quarantinedRefunds = quarantined.Where(q => q.EntityType == "refund").Select(q => q.PlatformId).ToHashSet();
        foreach (var order in records)
        {
            var expected = truth[order.PlatformId];
            Assert.Equal(expected.Total, order.Total.Amount);
            Assert.Equal(expected.LineItems.Count, order.Lines.Count);
            Assert.Equal(expected.Refunds.Select(r => Id(r.Id)).Where(id => !quarantinedRefunds.Contains(id)).Order(), order.Refunds.Select(r => r.PlatformId).Order());
            foreach (var refund in order.Refunds)
            {
                var generated = expected.Refunds.Single(r => Id(r.Id) == refund.PlatformId);
                Assert.Equal((generated.Amount, generated.Lines.Count), (refund.Amount.Amount, refund.Lines.Count));
                Assert.Equal(order.PlatformId, refund.OrderPlatformId);
            }
        }
        Assert.Contains(records, o => o.Refunds.Count > 0);
        // One search per page of orders and one credit-memo search per page: nothing per order, no extra pages.
        var pages = (store.Current.OrderCount + 19) / 20;
        Assert.Equal(pages, h.Requests("/V1/orders"));
        Assert.Equal(pages, h.Requests("/V1/creditmemos"));
    }

    [Fact]
    public async Task Products_are_the_whole_magento_catalogue_with_configurable_children_as_variants()
    {
        await using var h = await MagentoConnectorHarness.StartAsync(s => { s.DefectRate = 0; s.Size = Nexus.Core.Platforms.Sandbox.Generation.SizeProfile.Small; });
        var connector = h.Connector(MagentoConnectorHarness.TestOptions with { PageSize = 50 });
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchProductsAsync);

        var catalogue = MagentoCatalog.For(h.Host.Store);
        Assert.Empty(quarantined);
        Assert.Equal(catalogue.Products.Select(p => Id(p.Id)), records.Select(p => p.PlatformId));
        Assert.Equal(catalogue.Products.Select(p => p.Sku), records.Select(p => p.Sku));
        Assert.Equal([ProductType.Simple, ProductType.Variable, ProductType.Grouped, ProductType.Bundle], records.Select(p => p.Type).Distinct().Order());
        var configurable = catalogue.Products.Where(p => p.Kind == MagentoProductKind.Configurable).ToList();
        Assert.NotEmpty(configurable);
        foreach (var parent in configurable)
        {
            var product = records.Single(p => p.PlatformId == Id(parent.Id));
            Assert.Equal(catalogue.ChildrenOf(parent).Select(c => (Id(c.Id), c.Sku, c.Stock)), product.Variants.Select(v => (v.PlatformId, v.Sku!, v.StockQuantity)));
        }
        Assert.Equal(configurable.Count, h.Requests("/children"));
    }

    [Fact]
    public async Task Incremental_reads_exactly_what_changed_since_the_cursor()
    {
        await using var h = await MagentoConnectorHarness.StartAsync(s => s.DefectRate = 0);
        var store = h.Host.Store;
        var since = new DateTimeOffset(store.Current.NowUtc, TimeSpan.Zero);
        var advance = store.AdvanceDays(5);
        Assert.True(advance.ChangedOrderIds.Count > 0 && advance.ChangedCustomerIds.Count > 0);
        var connector = h.Connector(SmallPages);

        var orders = await h.FetchAllAsync(connector.FetchOrdersAsync, since);
        var customers = await h.FetchAllAsync(connector.FetchCustomersAsync, since);

        Assert.Equal(advance.ChangedOrderIds.Select(Id).Order(), orders.Records.Select(o => o.PlatformId).Order());
        Assert.Equal(advance.ChangedCustomerIds.Select(Id).Order(), customers.Records.Select(c => c.PlatformId).Order());
        Assert.True(advance.ChangedOrderIds.Count < store.Current.OrderCount);
        Assert.All(h.Recorder.Requests.Where(r => r.Path.EndsWith("/orders", StringComparison.Ordinal)), r => Assert.Equal(System.Net.HttpStatusCode.OK, r.Status));
        Assert.True(h.Requests("/V1/orders") < (store.Current.OrderCount + 6) / 7, "an incremental read must not page through every order");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pre_2_4_last_page_again_ends_the_listing_without_duplicates(bool omitTotalCount)
    {
        await using var h = await MagentoConnectorHarness.StartAsync(s =>
        {
            s.DefectRate = 0;
            s.Magento.RepeatLastPageBeyondEnd = true;
            s.Magento.OmitTotalCount = omitTotalCount;
        });
        var store = h.Host.Store;
        var connector = h.Connector(MagentoConnectorHarness.TestOptions with { PageSize = 10, FetchCreditMemos = false });
        var (records, _) = await h.FetchAllAsync(connector.FetchOrdersAsync);

        var expected = Enumerable.Range(0, store.Current.OrderCount).Select(i => Id(store.Order(store.Current, i).Id)).ToList();
        Assert.Equal(expected, records.Select(o => o.PlatformId));
        var pages = (expected.Count + 9) / 10;
        // With total_count the listing stops exactly; without it a full last page needs one look past it, which repeats it.
        Assert.Equal(omitTotalCount && expected.Count % 10 == 0 ? pages + 1 : pages, h.Requests("/V1/orders"));

        // A checkpoint past the end (the store shrank, or an old resume point) answers the last page again: it ends the listing.
        var last = await h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest(PageNumbers.Token(pages)), CancellationToken.None));
        var beyond = await h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest(PageNumbers.Token(pages + 1)), CancellationToken.None));
        Assert.NotEmpty(last.Records);
        Assert.Empty(beyond.Records);
        Assert.True(beyond.IsLast);
    }

    private static void AssertAccountedFor<TId>(IEnumerable<TId> expectedIds, IEnumerable<string> stored, IEnumerable<string?> quarantined)
    {
        var storedIds = stored.ToList();
        var quarantinedIds = quarantined.ToList();
        Assert.DoesNotContain(null, quarantinedIds);
        Assert.Empty(storedIds.Intersect(quarantinedIds!));
        Assert.Equal(storedIds.Count, storedIds.Distinct().Count());
        Assert.Equal(expectedIds.Select(id => Convert.ToString(id, CultureInfo.InvariantCulture)).Order(), storedIds.Concat(quarantinedIds!).Order());
    }
}
