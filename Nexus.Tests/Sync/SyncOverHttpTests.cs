using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Sync;

/// <summary>
/// The sync engine against a sandbox store over real HTTP on the test host's loopback port, compared with the
/// sandbox's own ground truth.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SyncOverHttpTests(NexusWebFactory app)
{
    internal static readonly DateTime SandboxStart = new(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A fresh sandbox store and a fresh merchant who registered it.</summary>
    internal static async Task<(SandboxStoreHost Sandbox, Guid Tenant, int StoreId)> NewStoreAsync(NexusWebFactory app, SizeProfile size = SizeProfile.Tiny, int latencyMs = 0)
    {
        var name = $"sync-{Guid.NewGuid():N}"[..16];
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Size = size, Seed = 7, StartUtc = SandboxStart, Currency = "EUR",
            ConsumerKey = "ck_" + name, ConsumerSecret = "cs_" + name, AllowBasicOverHttp = true, LatencyMs = latencyMs,
        });
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync($"{name}@example.test", "Sync-Pass-123", name, NexusRoles.Merchant);
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>().AddAsync(user!.TenantId, new NewStore(name, "woocommerce",
            new Uri(app.ServerAddress, $"/sandbox/woocommerce/{name}").ToString(), new StoreCredentials("ck_" + name, "cs_" + name), RequestsPerMinute: 60_000));
        return (sandbox, user.TenantId, store.Id);
    }

    /// <summary>Every sandbox order is in the database exactly as the sandbox has it now, or quarantined; nothing else is.</summary>
    internal static Task AssertDatabaseEqualsSandboxAsync(NexusWebFactory app, SandboxStoreHost sandbox, Guid tenant, int storeId) =>
        AssertDatabaseEqualsSandboxAsync(app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>(), sandbox, tenant, storeId);

    internal static Task AssertDatabaseEqualsSandboxAsync(IDbContextFactory<NexusDbContext> factory, SandboxStoreHost sandbox, Guid tenant, int storeId) =>
        AssertDatabaseEqualsSandboxAsync(factory, sandbox, tenant, storeId, WooCommerceExpectation);

    /// <summary>A WooCommerce sandbox order is stored in the store's currency (EUR here) with WooCommerce's status mapped.</summary>
    internal static ExpectedOrder WooCommerceExpectation(SandboxOrder order) =>
        new("EUR", MinorUnits.ToMinor(order.Total, "EUR"), WooCommerceOrderMapper.Status(order.Status).ToString());

    /// <summary>The same, for any platform: <paramref name="expected"/> says how a generated order must be stored.</summary>
    internal static async Task AssertDatabaseEqualsSandboxAsync(IDbContextFactory<NexusDbContext> factory, SandboxStoreHost sandbox, Guid tenant, int storeId,
        Func<SandboxOrder, ExpectedOrder> expected)
    {
        var snapshot = sandbox.Store.Current;
        var truth = Enumerable.Range(0, snapshot.OrderCount).Select(i => sandbox.Store.Order(snapshot, i)).ToDictionary(o => o.Id.ToString());
        await using var db = await factory.CreateDbContextAsync();
        db.TenantId = tenant;
        var stored = await db.Orders.Where(o => o.StoreId == storeId).Select(o => new { o.PlatformId, o.Currency, o.TotalMinor, o.Status }).ToListAsync();
        var quarantined = await db.Quarantine.Where(q => q.StoreId == storeId && q.Entity == "order").Select(q => q.PlatformId).ToListAsync();

        Assert.Empty(stored.Select(o => o.PlatformId).Intersect(quarantined));
        Assert.Equal(truth.Keys.Order(), stored.Select(o => o.PlatformId).Concat(quarantined.Select(q => q!)).Order());
        foreach (var order in stored)
            Assert.Equal(expected(truth[order.PlatformId]), new ExpectedOrder(order.Currency, order.TotalMinor, order.Status));
    }

    private SyncEngine Engine => app.Services.GetRequiredService<SyncEngine>();

    [Fact]
    public async Task A_full_sync_over_http_equals_the_sandbox_ground_truth()
    {
        var (sandbox, tenant, storeId) = await NewStoreAsync(app);
        var summary = await Engine.RunAsync(storeId, SyncMode.Full);
        Assert.Equal(SyncRunStatus.Succeeded, summary.Status);
        Assert.Equal(sandbox.Store.CustomerCount, summary.Counts["Customers"].Fetched);
        await AssertDatabaseEqualsSandboxAsync(app, sandbox, tenant, storeId);
    }

    [Fact]
    public async Task An_incremental_sync_after_the_store_changed_fetches_only_the_changes_and_ends_exact()
    {
        var (sandbox, tenant, storeId) = await NewStoreAsync(app, SizeProfile.Small);
        var full = await Engine.RunAsync(storeId, SyncMode.Full);
        Assert.Equal(SyncRunStatus.Succeeded, full.Status);

        var advance = sandbox.Store.AdvanceDays(3);
        var changedOrders = advance.ChangedOrderIds.Count; // new orders included
        Assert.True(changedOrders > 0, "the sandbox clock changed nothing");

        var incremental = await Engine.RunAsync(storeId, SyncMode.Incremental);
        Assert.Equal(SyncRunStatus.Succeeded, incremental.Status);
        var orders = incremental.Counts["Orders"];
        // Only the changed orders come back, plus at most the few the 10-minute overlap window re-reads.
        Assert.InRange(orders.Fetched, changedOrders, changedOrders + 20);
        Assert.Equal(advance.NewOrders, orders.Inserted);
        Assert.True(incremental.Requests < full.Requests / 3, $"incremental used {incremental.Requests} requests, full used {full.Requests}");
        await AssertDatabaseEqualsSandboxAsync(app, sandbox, tenant, storeId);
    }
}

/// <summary>How one generated sandbox order must look in the orders table.</summary>
internal sealed record ExpectedOrder(string Currency, long TotalMinor, string Status);
