using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Platforms;
using Nexus.Core.Storage;
using Nexus.Core.Stores;

namespace Nexus.Core.Monitoring.Status;

/// <summary>
/// Probes every store with its platform's connection test and keeps the last result per store. Runs as a recurring
/// job; health requests and pages only read the stored result, so a slow store never slows them down.
/// </summary>
public sealed class StoreReachabilityProber(
    IDbContextFactory<NexusDbContext> dbFactory,
    PlatformRegistry platforms,
    StoreCredentialProtector protector,
    TimeProvider clock,
    ILogger<StoreReachabilityProber> logger)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    public async Task<int> ProbeAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Stores.IgnoreQueryFilters().AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await ProbeAsync(id, cancellationToken);
        }
        return ids.Count;
    }

    public async Task<StoreReachability?> ProbeAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store is null) return null;
        var timer = Stopwatch.StartNew();
        ConnectionTestResult result;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(ProbeTimeout);
            try
            {
                var connector = platforms.CreateConnector(store.Platform, new ConnectorTarget(store.Id, store.BaseUrl, protector.Unprotect(store.ProtectedCredentials), store.RequestsPerMinute));
                result = await connector.TestConnectionAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = ConnectionTestResult.Failed($"The store did not answer within {ProbeTimeout.TotalSeconds:0} seconds.", "Check that the store is online; Nexus keeps trying.");
            }
            catch (Exception ex) when (ex is HttpRequestException or ConnectorException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                result = ConnectionTestResult.Failed($"The store could not be reached: {ex.Message}", "Check the store's address on the Stores page.");
            }
        }

        var now = clock.GetUtcNow();
        db.TenantId = store.TenantId;
        var row = await db.StoreReachability.FirstOrDefaultAsync(r => r.StoreId == storeId, cancellationToken);
        if (row is null)
        {
            row = new StoreReachability { StoreId = storeId, TenantId = store.TenantId };
            db.StoreReachability.Add(row);
        }
        var wasReachable = row.UnreachableSince is null;
        row.CheckedAt = now;
        row.Reachable = result.Ok;
        row.Summary = Truncate(result.Summary, 1000);
        row.Fix = result.Fix is null ? null : Truncate(result.Fix, 1000);
        row.DurationMs = timer.Elapsed.TotalMilliseconds;
        row.UnreachableSince = result.Ok ? null : row.UnreachableSince ?? now;
        await db.SaveChangesAsync(cancellationToken);
        if (wasReachable && !result.Ok) logger.LogWarning("Store {StoreId} became unreachable: {Summary}", storeId, result.Summary);
        return row;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
