using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Web.Components.Pages.Stores;
using Nexus.Web.Tenancy;

namespace Nexus.Tests.Web.Sync;

/// <summary>The sync history page over a real database: one row per run, newest first, with totals across entities and the error of a failed run.</summary>
public sealed class SyncHistoryPageTests : BunitContext, IAsyncLifetime
{
    private ScratchStoreDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchStoreDatabase.CreateAsync();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IDbContextFactory<NexusDbContext>>(_database);
        Services.AddScoped<TenantDbContextFactory>();
        Services.AddSingleton<StoreOverviewQuery>();
        AddAuthorization().SetAuthorized("merchant@example.test").SetClaims(new Claim(NexusClaims.TenantId, _database.TenantId.ToString()));
    }

    // MudBlazor's services are async-disposable only: the context goes first, then the database.
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task AddRunAsync(SyncRunStatus status, DateTimeOffset started, double seconds, Dictionary<string, EntityCounts> counts, string? error = null)
    {
        await using var db = _database.ForTenant();
        db.SyncRuns.Add(new SyncRun
        {
            TenantId = _database.TenantId, StoreId = _database.StoreId, Mode = SyncMode.Full, Status = status, StartedAt = started,
            FinishedAt = status == SyncRunStatus.Running ? null : started.AddSeconds(seconds), Requests = 1234, Retries = 5, Throttled = 2,
            CountsJson = JsonSerializer.Serialize(counts), Error = error,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_run_is_a_row_with_its_totals_across_entities_and_a_failed_run_shows_its_error()
    {
        var start = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        await AddRunAsync(SyncRunStatus.Succeeded, start, 12.34, new()
        {
            ["Customers"] = new() { Fetched = 1500, Inserted = 1400, Updated = 50, Unchanged = 40, Quarantined = 10 },
            ["Orders"] = new() { Fetched = 700, Inserted = 690, Quarantined = 10 },
        });
        await AddRunAsync(SyncRunStatus.Failed, start.AddHours(1), 1, new(), "The store rejected the key. Paste it again.");
        await AddRunAsync(SyncRunStatus.Running, start.AddHours(2), 0, new() { ["Customers"] = new() { Fetched = 3 } });

        var page = Render<SyncHistory>(p => p.Add(x => x.StoreId, _database.StoreId));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=history-table] tbody tr").Count));

        var rows = page.FindAll("[data-testid=history-table] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        // Newest first: the running run has no duration yet.
        Assert.Equal(("Running", "—", "3"), (rows[0][2], rows[0][3], rows[0][4]));
        Assert.StartsWith("Failed", rows[1][2], StringComparison.Ordinal);
        Assert.Contains("The store rejected the key. Paste it again.", rows[1][2], StringComparison.Ordinal);
        Assert.Equal(["Succeeded", "12.3s", "2,200", "2,090", "50", "40", "20", "1,234", "5", "2"], rows[2][2..]);
        Assert.Contains("Sync history of bench", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_without_runs_says_how_to_start_the_first_sync()
    {
        var page = Render<SyncHistory>(p => p.Add(x => x.StoreId, _database.StoreId));
        page.WaitForAssertion(() => Assert.Contains("No syncs yet", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=history-table]"));
    }

    [Fact]
    public async Task Another_accounts_store_is_not_found_and_shows_none_of_its_runs()
    {
        await AddRunAsync(SyncRunStatus.Succeeded, DateTimeOffset.UnixEpoch, 1, new() { ["Orders"] = new() { Fetched = 9 } }, "secret detail");
        AddAuthorization().SetAuthorized("other@example.test").SetClaims(new Claim(NexusClaims.TenantId, Guid.NewGuid().ToString()));

        var page = Render<SyncHistory>(p => p.Add(x => x.StoreId, _database.StoreId));
        page.WaitForAssertion(() => Assert.Contains("Store not found", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("secret detail", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("bench", page.Markup, StringComparison.Ordinal);
    }
}
