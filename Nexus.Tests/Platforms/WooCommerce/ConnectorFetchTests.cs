using System.Globalization;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Platforms.WooCommerce;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>Every page of every entity against the sandbox's ground truth, and the auth modes on plain HTTP.</summary>
public class ConnectorFetchTests
{
    private static readonly WooCommerceConnectorOptions SmallPages = ConnectorHarness.TestOptions with { PageSize = 7 };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Customers_are_exactly_the_sandbox_customers_with_none_lost()
    {
        await using var h = await ConnectorHarness.StartAsync(s => s.DefectRate = 0.1);
        var connector = h.Connector(SmallPages);
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchCustomersAsync);

        var store = h.Host.Store;
        var expected = Enumerable.Range(1, store.CustomerCount).ToArray();
        AssertAccountedFor(expected, records.Select(c => c.PlatformId), quarantined.Select(q => q.PlatformId));
        foreach (var customer in records)
            Assert.Equal(store.Customer(store.Current, int.Parse(customer.PlatformId, CultureInfo.InvariantCulture)).Email, customer.Email);
        Assert.Equal(expected.Length / 7 + 1, h.Recorder.Requests.Count(r => r.Path.EndsWith("/customers", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Products_are_exactly_the_sandbox_catalogue_with_variations_attached()
    {
        await using var h = await ConnectorHarness.StartAsync(s => s.DefectRate = 0.1);
        var connector = h.Connector(SmallPages);
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchProductsAsync);

        var catalogue = h.Host.Store.Products;
        AssertAccountedFor(catalogue.Select(p => p.Id), records.Select(p => p.PlatformId), quarantined.Where(q => q.EntityType == "product").Select(q => q.PlatformId));
        Assert.Contains(catalogue, p => p.IsVariable);
        foreach (var product in records)
        {
            var truth = catalogue.Single(p => Id(p.Id) == product.PlatformId);
            Assert.Equal(truth.Sku, product.Sku);
            var variantIds = product.Variants.Select(v => v.PlatformId)
                .Concat(quarantined.Where(q => q.EntityType == "variant" && truth.Variations.Any(v => Id(v.Id) == q.PlatformId)).Select(q => q.PlatformId));
            Assert.Equal(truth.Variations.Select(v => Id(v.Id)).Order(), variantIds.Order());
            foreach (var variant in product.Variants)
                Assert.Equal(truth.Variations.Single(v => Id(v.Id) == variant.PlatformId).Sku, variant.Sku);
        }
    }

    [Fact]
    public async Task Orders_are_exactly_the_sandbox_orders_with_defective_ones_quarantined_and_refunds_detailed()
    {
        await using var h = await ConnectorHarness.StartAsync(s => s.DefectRate = 0.1);
        var connector = h.Connector(ConnectorHarness.TestOptions with { PageSize = 40 });
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchOrdersAsync);

        var store = h.Host.Store;
        var truth = Enumerable.Range(0, store.Current.OrderCount).Select(i => store.Order(store.Current, i)).ToDictionary(o => Id(o.Id));
        AssertAccountedFor(truth.Keys, records.Select(o => o.PlatformId), quarantined.Where(q => q.EntityType == "order").Select(q => q.PlatformId));
        var missingDate = truth.Values.Where(o => store.GroundTruth.Has(SandboxEntity.Order, o.Id, DefectKind.MissingDate)).Select(o => Id(o.Id)).ToArray();
        Assert.NotEmpty(missingDate);
        Assert.All(missingDate, id => Assert.Contains(quarantined, q => q.PlatformId == id));

        foreach (var order in records)
        {
            var expected = truth[order.PlatformId];
            Assert.Equal(expected.Total, order.Total.Amount);
            Assert.Equal(expected.Billing.Email.Length == 0 ? null : expected.Billing.Email, order.BillingEmail);
            Assert.Equal(expected.Refunds.Select(r => Id(r.Id)).Order(), order.Refunds.Select(r => r.PlatformId).Order());
            foreach (var refund in order.Refunds)
                Assert.Equal(expected.Refunds.Single(r => Id(r.Id) == refund.PlatformId).Lines.Count, refund.Lines.Count);
        }
        Assert.Contains(records, o => o.Refunds.Count > 0);
    }

    [Fact]
    public async Task Modified_after_returns_exactly_the_orders_the_store_clock_changed()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var store = h.Host.Store;
        var since = new DateTimeOffset(store.Current.NowUtc, TimeSpan.Zero);
        var advance = store.AdvanceDays(5);
        Assert.NotEmpty(advance.ChangedOrderIds);

        var connector = h.Connector();
        Assert.True(connector.SupportsModifiedFilter(SyncEntity.Orders));
        Assert.False(connector.SupportsModifiedFilter(SyncEntity.Customers));
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchOrdersAsync, since);
        AssertAccountedFor(advance.ChangedOrderIds, records.Select(o => o.PlatformId), quarantined.Where(q => q.EntityType == "order").Select(q => q.PlatformId));
        Assert.True(advance.ChangedOrderIds.Count < store.Current.OrderCount);
    }

    [Fact]
    public async Task OAuth1_works_over_plain_http_and_Basic_is_refused_unless_the_store_allows_it()
    {
        await using var h = await ConnectorHarness.StartAsync(); // AllowBasicOverHttp = false, like real WooCommerce
        var oauth = h.Connector();
        var page = await h.DriveAsync(() => oauth.FetchCustomersAsync(new PageRequest(null, null), CancellationToken.None));
        Assert.NotEmpty(page.Records);
        Assert.All(h.Recorder.Requests, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.Status));

        var basic = h.Connector(ConnectorHarness.TestOptions with { AuthMode = WooAuthMode.Basic, StoreCurrency = "USD" });
        var refused = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => h.DriveAsync(() => basic.FetchCustomersAsync(new PageRequest(null, null), CancellationToken.None)));
        Assert.Contains("not allowed to read", refused.Message);
        Assert.Equal(0, basic.Stats.Retries);

        h.Host.Options.AllowBasicOverHttp = true;
        foreach (var mode in new[] { WooAuthMode.Basic, WooAuthMode.QueryString })
        {
            var allowed = h.Connector(ConnectorHarness.TestOptions with { AuthMode = mode });
            var ok = await h.DriveAsync(() => allowed.FetchCustomersAsync(new PageRequest(null, null), CancellationToken.None));
            Assert.Equal(page.Records.Select(c => c.PlatformId), ok.Records.Select(c => c.PlatformId));
        }
    }

    [Fact]
    public async Task Messages_never_carry_the_secret()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(ConnectorHarness.TestOptions with { AuthMode = WooAuthMode.QueryString }, secret: "cs_wrong_secret_value");
        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest(null, null), CancellationToken.None)));
        Assert.DoesNotContain("cs_wrong_secret_value", ex.Message + ex.Fix + ex);
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
