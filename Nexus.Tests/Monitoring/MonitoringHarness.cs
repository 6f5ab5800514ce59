using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Accounts;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Core.Tenancy;

namespace Nexus.Tests.Monitoring;

/// <summary>A scratch database with the alert evaluator wired to fakes and a fake clock.</summary>
internal sealed class MonitoringHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero); // a Monday

    private MonitoringHarness(ScratchStoreDatabase db)
    {
        Db = db;
        Evaluator = new AlertEvaluator(db, new AlertFactsReader(Forecasts), Jobs, Disk, Options.Create(new NexusStorageOptions { DataFolder = db.Folder }),
            Notifier, Clock, NullLogger<AlertEvaluator>.Instance);
        Alerts = new AlertService(db, Notifier, Clock);
    }

    public ScratchStoreDatabase Db { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public FakeJobServerMonitor Jobs { get; } = new();
    public FakeDiskProbe Disk { get; } = new();
    public FakeExpectedSales Forecasts { get; } = new();
    public RecordingNotifier Notifier { get; } = new();
    public AlertEvaluator Evaluator { get; }
    public AlertService Alerts { get; }
    public Guid TenantId => Db.TenantId;
    public int StoreId => Db.StoreId;

    public static async Task<MonitoringHarness> CreateAsync() => new(await ScratchStoreDatabase.CreateAsync());

    public Task<AlertEvaluation> EvaluateAsync(Guid? tenant = null, OpsAlertFacts? ops = null) => Evaluator.EvaluateTenantAsync(tenant ?? TenantId, ops);

    /// <summary>A second account with its own store.</summary>
    public async Task<(Guid TenantId, int StoreId)> AddTenantAsync(string name)
    {
        await using var db = Db.CreateDbContext();
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = name, CreatedAt = Clock.GetUtcNow() };
        db.Tenants.Add(tenant);
        var store = new ConnectedStore { TenantId = tenant.Id, Name = $"{name} shop", Platform = "woocommerce", BaseUrl = "http://127.0.0.1", ProtectedCredentials = Db.Protector.Protect(new StoreCredentials("k", "s")) };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return (tenant.Id, store.Id);
    }

    public async Task AddRunAsync(SyncRunStatus status, string? error = null, int? storeId = null, Guid? tenantId = null)
    {
        await using var db = Db.CreateDbContext();
        var at = Clock.GetUtcNow();
        db.SyncRuns.Add(new SyncRun { TenantId = tenantId ?? TenantId, StoreId = storeId ?? StoreId, Status = status, Error = error, StartedAt = at, FinishedAt = at.AddSeconds(3) });
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task SetUnreachableSinceAsync(DateTimeOffset? since, int? storeId = null, Guid? tenantId = null)
    {
        await using var db = Db.CreateDbContext();
        db.TenantId = tenantId ?? TenantId;
        var row = await db.StoreReachability.FirstOrDefaultAsync(r => r.StoreId == (storeId ?? StoreId));
        if (row is null)
        {
            row = new StoreReachability { StoreId = storeId ?? StoreId, TenantId = tenantId ?? TenantId };
            db.StoreReachability.Add(row);
        }
        (row.CheckedAt, row.Reachable, row.UnreachableSince, row.Summary) = (Clock.GetUtcNow(), since is null, since, since is null ? "connected" : "The store did not answer (HTTP 503).");
        await db.SaveChangesAsync();
    }

    public async Task AddSnapshotAsync(string grade, DateTimeOffset at)
    {
        await using var db = Db.CreateDbContext();
        db.QualitySnapshots.Add(new QualitySnapshot { TenantId = TenantId, StoreId = StoreId, TakenAt = at, Grade = grade, Trigger = "sync", Score = 90 });
        await db.SaveChangesAsync();
    }

    public async Task AddOrderAsync(DateTimeOffset at, decimal total, string payload = "{}", string status = "Completed")
    {
        await using var db = Db.CreateDbContext();
        var id = Guid.NewGuid().ToString("N");
        db.Orders.Add(new StoredOrder { TenantId = TenantId, StoreId = StoreId, PlatformId = id, Number = id[..6], Payload = payload, Currency = "EUR", Status = status, TotalMinor = (long)(total * 100), CreatedAt = at });
        await db.SaveChangesAsync();
    }

    public async Task MakeOpsAsync(Guid tenantId)
    {
        await using var db = Db.CreateDbContext();
        var role = new Microsoft.AspNetCore.Identity.IdentityRole(NexusRoles.Ops) { NormalizedName = NexusRoles.Ops.ToUpperInvariant() };
        db.Roles.Add(role);
        var user = new NexusUser { Email = "ops@example.test", UserName = "ops@example.test", TenantId = tenantId };
        db.Users.Add(user);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { RoleId = role.Id, UserId = user.Id });
        await db.SaveChangesAsync();
    }

    public async Task<List<Alert>> AllAlertsAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.Alerts.IgnoreQueryFilters().AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public IDataProtectionProvider Protection => DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Db.Folder, "keys")));

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
