using Microsoft.EntityFrameworkCore;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 items 1 and 7 through a whole sync of a hostile loopback store: bounded, and every run ends with a plain reason.</summary>
public class HostileSyncTests
{
    private static string Customer(int id, string firstName) =>
        $$"""{"id":{{id}},"email":"c{{id}}@example.com","first_name":"{{firstName}}","last_name":"B","date_created_gmt":"2026-01-01T00:00:00","date_modified_gmt":"2026-01-02T00:00:00"}""";

    [Fact]
    public async Task A_one_megabyte_first_name_is_quarantined_with_the_reason_and_the_rest_is_stored()
    {
        await using var store = await HostileStore.StartAsync((http, self) => self.Write(http, http.Request.Path.Value switch
        {
            { } p when p.EndsWith("system_status") => HostileStore.StatusJson,
            { } p when p.EndsWith("customers") => $"[{Customer(1, "Ana")},{Customer(2, new string('x', 1024 * 1024))}]",
            _ => "[]",
        }));
        using var http = HostileStore.GuardedClient();
        await using var db = await ScratchStoreDatabase.CreateAsync();
        var gate = new QualityGate(QualityEngine.Default, new QualitySnapshotWriter(db));

        var summary = await UnboundedPagingTests.Engine(db, store, http, new SyncOptions(), gate).RunAsync(db.StoreId, SyncMode.Full);

        Assert.True(summary.Status == SyncRunStatus.Succeeded, summary.Error);
        await using var check = db.ForTenant();
        Assert.Equal(["1"], await check.Customers.Select(c => c.PlatformId).ToListAsync());
        var quarantined = await check.Quarantine.SingleAsync();
        Assert.Equal("2", quarantined.PlatformId);
        Assert.Contains("first_name of 1,048,576 characters (at most 500)", quarantined.Reasons);
        Assert.Contains("customer.text-length", quarantined.Reasons);
    }

    [Fact]
    public async Task A_page_over_the_size_limit_fails_the_run_for_good_with_a_plain_reason()
    {
        await using var store = await HostileStore.StartAsync((http, self) => http.Request.Path.Value!.EndsWith("system_status")
            ? self.Write(http, HostileStore.StatusJson)
            : self.StreamAsync(http, "[", 32L * 1024 * 1024, "]"));
        using var http = store.Client();
        await using var db = await ScratchStoreDatabase.CreateAsync();

        var summary = await UnboundedPagingTests.Engine(db, store, http, new SyncOptions()).RunAsync(db.StoreId, SyncMode.Full);

        Assert.Equal(SyncRunStatus.Failed, summary.Status);
        Assert.StartsWith("Reading customers page 1 failed: The store's answer is larger than the 5 MB", summary.Error);
        Assert.True(summary.ErrorIsPermanent, "retrying a page that is too large fetches the same bytes again");
        // The limit plus at most one read buffer: Nexus stops at the first read past 5 MB.
        Assert.True(store.BytesRead <= 5L * 1024 * 1024 + 1024 * 1024, $"Nexus kept reading: it read {store.BytesRead:N0} bytes");
        await using var check = db.ForTenant();
        var run = await check.SyncRuns.SingleAsync();
        Assert.Equal((SyncRunStatus.Failed, summary.Error), (run.Status, run.Error));
    }
}
