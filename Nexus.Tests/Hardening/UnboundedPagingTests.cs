using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Quality;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 item 4: a store claiming a million pages cannot make a sync walk them.</summary>
public class UnboundedPagingTests
{
    /// <summary>A store that answers every listing with no records but claims a million pages (and breaks down after 100 requests).</summary>
    private static Task<HostileStore> MillionEmptyPagesAsync() => HostileStore.StartAsync((http, self) =>
    {
        if (http.Request.Path.Value!.EndsWith("system_status")) return self.Write(http, HostileStore.StatusJson);
        if (self.Requests > 100)
        {
            http.Response.StatusCode = 503; // so a sync that walks the pages ends instead of running for hours
            return Task.CompletedTask;
        }
        http.Response.Headers["X-WP-TotalPages"] = "1000000";
        http.Response.Headers["X-WP-Total"] = "100000000";
        return self.Write(http, "[]");
    });

    private static string Customers(int count) => "[" + string.Join(",", Enumerable.Range(1, count).Select(i =>
        $$"""{"id":{{i}},"email":"c{{i}}@example.com","first_name":"A","last_name":"B","date_created_gmt":"2026-01-01T00:00:00","date_modified_gmt":"2026-01-02T00:00:00"}""")) + "]";

    [Fact]
    public async Task An_empty_page_ends_a_listing_whatever_X_WP_TotalPages_claims()
    {
        await using var store = await MillionEmptyPagesAsync();
        using var http = HostileStore.GuardedClient();
        var page = await store.Connector(http).FetchCustomersAsync(new PageRequest(null), CancellationToken.None);
        Assert.Equal(1, page.TotalPages);
    }

    [Fact]
    public async Task Pages_claimed_are_cross_checked_against_X_WP_Total()
    {
        await using var store = await HostileStore.StartAsync((http, self) =>
        {
            http.Response.Headers["X-WP-TotalPages"] = "1000000";
            http.Response.Headers["X-WP-Total"] = "250";
            return self.Write(http, http.Request.Path.Value!.EndsWith("system_status") ? HostileStore.StatusJson : Customers(100));
        });
        using var http = HostileStore.GuardedClient();
        var page = await store.Connector(http).FetchCustomersAsync(new PageRequest(null), CancellationToken.None);
        Assert.Equal(3, page.TotalPages); // 250 records at 100 a page
    }

    [Fact]
    public async Task A_sync_of_a_store_claiming_a_million_empty_pages_finishes_after_one_page_per_entity()
    {
        await using var store = await MillionEmptyPagesAsync();
        using var http = HostileStore.GuardedClient();
        await using var db = await ScratchStoreDatabase.CreateAsync();

        var summary = await Engine(db, store, http, new SyncOptions()).RunAsync(db.StoreId, SyncMode.Full);

        Assert.True(summary.Status == SyncRunStatus.Succeeded, summary.Error);
        // system_status, then at most one page per entity plus the pages already in flight (3 workers).
        Assert.InRange(store.Requests, 4, 1 + 3 * 3);
    }

    [Fact]
    public async Task A_store_claiming_more_pages_than_the_ceiling_fails_the_run_with_a_plain_reason()
    {
        await using var store = await HostileStore.StartAsync((http, self) =>
        {
            http.Response.Headers["X-WP-TotalPages"] = "1000000";
            return self.Write(http, http.Request.Path.Value!.EndsWith("system_status") ? HostileStore.StatusJson : Customers(100));
        });
        using var http = HostileStore.GuardedClient();
        await using var db = await ScratchStoreDatabase.CreateAsync();

        var summary = await Engine(db, store, http, new SyncOptions { MaxPagesPerEntity = 20 }).RunAsync(db.StoreId, SyncMode.Full);

        Assert.Equal(SyncRunStatus.Failed, summary.Status);
        Assert.StartsWith("The store claims 1,000,000 pages of customers, more than the 20 Nexus reads in one sync.", summary.Error);
        Assert.True(summary.ErrorIsPermanent);
        Assert.Equal(2, store.Requests);
        await using var check = db.ForTenant();
        Assert.Equal(SyncRunStatus.Failed, (await check.SyncRuns.SingleAsync()).Status);
    }

    internal static SyncEngine Engine(ScratchStoreDatabase db, HostileStore store, HttpClient http, SyncOptions options, IRecordQualityGate? gate = null)
    {
        var registry = new PlatformRegistry([new PlatformDescriptor
        {
            Id = WooCommerceConnector.PlatformId, DisplayName = "WooCommerce", Credentials = [], CreateConnector = (_, _) => store.Connector(http),
        }], new ServiceCollection().BuildServiceProvider());
        return new SyncEngine(db, db.Protector, registry, new RecordUpserter(db), gate ?? Nexus.Benchmarks.Quality.PassThroughQualityGate.Instance, Options.Create(options), TimeProvider.System, NullLogger<SyncEngine>.Instance);
    }
}
