using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Sync;
using Nexus.Web.Accounts;
using Nexus.Web.Stores;

namespace Nexus.Tests.Platforms.FakeShop;

/// <summary>
/// A platform registered from the test project alone (<see cref="FakeShopPlatform"/>) is tested, registered and synced
/// over HTTP through the real app like WooCommerce is: cursor paging, a wrapped envelope, its own throttle signal.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class FakeShopEndToEndTests(NexusWebFactory app)
{
    [Fact]
    public async Task A_platform_added_from_the_test_project_alone_syncs_end_to_end_over_http()
    {
        var name = $"fake-{Guid.NewGuid():N}"[..14];
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Platform = FakeShopPlatform.Id, Size = SizeProfile.Tiny, Seed = 5, StartUtc = SyncOverHttpTests.SandboxStart, Currency = "EUR",
            ConsumerKey = "fk_" + name.Replace("-", ""), ConsumerSecret = "acct-42", DefectRate = 0,
        });
        var url = new Uri(app.ServerAddress, $"/sandbox/fakeshop/{name}").ToString();
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync($"{name}@example.test", "Fake-Pass-123", name, NexusRoles.Merchant);
        var management = scope.ServiceProvider.GetRequiredService<StoreManagement>();

        // The schema decides what is asked for and checked, before any request.
        var platform = Assert.Single(management.Platforms, p => p.Id == FakeShopPlatform.Id);
        Assert.Equal(["Access token", "Account id"], platform.Credentials.Select(f => f.Label));
        var wrongShape = await management.TestConnectionAsync(FakeShopPlatform.Id, url, new StoreCredentials([new("token", "nope"), new("account", "acct-42")]));
        Assert.False(wrongShape.Ok);
        Assert.Contains("starts with fk_", wrongShape.Summary);
        var wrongToken = await management.TestConnectionAsync(FakeShopPlatform.Id, url, new StoreCredentials([new("token", "fk_wrong"), new("account", "acct-42")]));
        Assert.False(wrongToken.Ok);
        var credentials = new StoreCredentials([new("token", sandbox.Options.ConsumerKey), new("account", "acct-42")]);
        var test = await management.TestConnectionAsync(FakeShopPlatform.Id, url, credentials);
        Assert.True(test.Ok, test.Summary);

        var store = await management.AddAsync(user!.TenantId, new NewStore(name, FakeShopPlatform.Id, url, credentials, 60_000));
        var summary = await app.Services.GetRequiredService<SyncEngine>().RunAsync(store.Id, SyncMode.Full);

        Assert.True(summary.Status == SyncRunStatus.Succeeded, summary.Error);
        var snapshot = sandbox.Store.Current;
        Assert.Equal(sandbox.Store.CustomerCount, summary.Counts["Customers"].Inserted);
        Assert.Equal(snapshot.OrderCount, summary.Counts["Orders"].Total);
        Assert.True(summary.Throttled > 0 && summary.Retries >= summary.Throttled, $"the throttle signal was not honoured ({summary.Throttled} throttled, {summary.Retries} retries)");

        var truth = Enumerable.Range(0, snapshot.OrderCount).Select(i => sandbox.Store.Order(snapshot, i)).ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync();
        db.TenantId = user.TenantId;
        var orders = await db.Orders.Where(o => o.StoreId == store.Id).ToDictionaryAsync(o => o.PlatformId);
        var quarantined = await db.Quarantine.Where(q => q.StoreId == store.Id && q.Entity == "order").Select(q => q.PlatformId!).ToListAsync();
        Assert.Equal(truth.Select(o => o.Id.ToString()).Order(), orders.Keys.Concat(quarantined).Order());
        foreach (var order in truth.Where(o => orders.ContainsKey(o.Id.ToString())))
            Assert.Equal(MinorUnits.ToMinor(order.Total, "EUR"), orders[order.Id.ToString()].TotalMinor);
        var lines = await db.OrderLines.Where(l => l.StoreId == store.Id).Select(l => new { l.OrderPlatformId, l.LinePlatformId, l.NetMinor }).ToListAsync();
        var expectedLines = truth.Where(o => orders.ContainsKey(o.Id.ToString()))
            .SelectMany(o => o.LineItems.Select(l => new { OrderPlatformId = o.Id.ToString(), LinePlatformId = l.Id.ToString(), NetMinor = MinorUnits.ToMinor(l.Total, "EUR") }));
        Assert.Equal(expectedLines.OrderBy(l => l.OrderPlatformId).ThenBy(l => l.LinePlatformId), lines.OrderBy(l => l.OrderPlatformId).ThenBy(l => l.LinePlatformId));

        // The checkpoint holds FakeShop's own cursor tokens while running and is cleared when done.
        var cursors = await db.SyncCursors.Where(c => c.StoreId == store.Id).ToListAsync();
        Assert.All(cursors, c => Assert.Null(c.ContinuationToken));
        Assert.All(cursors, c => Assert.Equal(summary.RunId, c.LastCompletedRunId));
    }
}
