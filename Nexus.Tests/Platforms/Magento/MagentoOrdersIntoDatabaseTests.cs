using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Connector;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>
/// The Magento order mapping as a merchant gets it: a full sync of a Magento sandbox store over real HTTP on the test
/// host, through the sync pipeline, into the database. Checked per order against the generated store: orders placed in
/// a second currency, configurable (parent + child row) and bundle (parent + component rows) items, and credit memos.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MagentoOrdersIntoDatabaseTests(NexusWebFactory app)
{
    [Fact]
    public async Task Every_order_is_stored_with_its_currencies_one_line_per_item_sold_and_its_credit_memos_as_refunds()
    {
        var sandbox = MagentoHostStores.Add(app, "map", s => s.DefectRate = 0);
        var (tenant, storeId) = await RegisterAsync(sandbox.Options.Name, MagentoHostStores.Url(app, sandbox));
        var summary = await app.Services.GetRequiredService<SyncEngine>().RunAsync(storeId, SyncMode.Full);
        Assert.True(summary.Status == SyncRunStatus.Succeeded, summary.Error);

        var store = sandbox.Store;
        var context = MagentoHostStores.WriteContext(sandbox);
        var truth = Enumerable.Range(0, store.Current.OrderCount).Select(i => store.Order(store.Current, i)).ToDictionary(o => o.Id.ToString());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync();
        db.TenantId = tenant;
        var stored = await db.Orders.Where(o => o.StoreId == storeId).ToListAsync();
        var lineRows = (await db.OrderLines.Where(l => l.StoreId == storeId).ToListAsync()).ToLookup(l => l.OrderPlatformId);
        Assert.Equal(truth.Keys.Order(), stored.Select(o => o.PlatformId).Order());

        var (foreign, configurable, bundles, refunds) = (0, 0, 0, 0);
        foreach (var row in stored)
        {
            var generated = truth[row.PlatformId];
            var order = JsonSerializer.Deserialize<Order>(row.Payload, CanonicalJson.Options)!;

            // Money: the order currency's figures; a second-currency order also keeps the store's base currency and total.
            var (currency, rate) = context.IsForeign(generated.Id) ? context.Foreign : (context.Settings.Currency, 1m);
            Assert.Equal((currency, MinorUnits.ToMinor(generated.Total, currency)), (row.Currency, row.TotalMinor));
            if (rate != 1m)
            {
                foreign++;
                Assert.Equal(context.Settings.Currency, order.BaseCurrency);
                Assert.Equal(new Money(Math.Round(generated.Total / rate, 2, MidpointRounding.AwayFromZero), context.Settings.Currency), order.BaseTotal);
            }
            else
            {
                Assert.Null(order.BaseCurrency);
                Assert.Null(order.BaseTotal);
            }

            // Items: one line per item sold (Magento's child rows folded in, never counted as lines of their own).
            Assert.Equal(generated.LineItems.Count, row.LineCount);
            Assert.Equal(generated.LineItems.Select(l => (long)l.Id * 4).Order(), lineRows[row.PlatformId].Select(l => long.Parse(l.LinePlatformId)).Order());
            Assert.Equal(generated.LineItems.Sum(l => MinorUnits.ToMinor(l.Total, currency)), lineRows[row.PlatformId].Sum(l => l.NetMinor));
            foreach (var item in generated.LineItems)
            {
                var line = order.Lines.Single(l => l.PlatformId == (item.Id * 4).ToString());
                Assert.Equal(new Money(item.Total, currency), line.Total);
                Assert.Equal(item.Quantity, line.Quantity);
                if (item.VariationId != 0)
                {
                    configurable++;
                    Assert.Equal((item.ProductId.ToString(), item.VariationId.ToString()), (line.ProductPlatformId, line.VariantPlatformId));
                    Assert.Null(line.Children);
                }
                else if (context.Catalog.BundleAnchoredBy(item.ProductId) is { } bundle)
                {
                    bundles++;
                    Assert.Equal(bundle.Id.ToString(), line.ProductPlatformId);
                    Assert.Equal(bundle.Components.Take(3).Select(c => c.Sku), line.Children!.Select(c => c.Sku));
                }
                else
                {
                    Assert.Equal(item.ProductId.ToString(), line.ProductPlatformId);
                    Assert.Null(line.Children);
                }
            }

            // Credit memos: each a refund of this order, in its currency, with its lines.
            Assert.Equal(generated.Refunds.Select(r => r.Id.ToString()).Order(), order.Refunds.Select(r => r.PlatformId).Order());
            foreach (var refund in order.Refunds)
            {
                refunds++;
                var memo = generated.Refunds.Single(r => r.Id.ToString() == refund.PlatformId);
                Assert.Equal((new Money(memo.Amount, currency), memo.Lines.Count, row.PlatformId), (refund.Amount, refund.Lines.Count, refund.OrderPlatformId));
            }
            Assert.Equal(generated.Refunds.Sum(r => MinorUnits.ToMinor(r.Amount, currency)), row.RefundedMinor);
        }
        // The store has every kind the test is about; otherwise the loop above proved nothing about it.
        Assert.True(foreign > 0 && configurable > 0 && bundles > 0 && refunds > 0, $"foreign {foreign}, configurable {configurable}, bundles {bundles}, refunds {refunds}");
    }

    private async Task<(Guid Tenant, int StoreId)> RegisterAsync(string name, string url)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync($"{name}@example.test", "Magento-Pass-1", name, NexusRoles.Merchant);
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>().AddAsync(user!.TenantId,
            new NewStore(name, MagentoConnector.PlatformId, url, MagentoConnectorHarness.Integration(), RequestsPerMinute: 60_000));
        return (user.TenantId, store.Id);
    }
}
