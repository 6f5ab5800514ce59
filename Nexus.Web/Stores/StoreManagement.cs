using Nexus.Core.Platforms;
using Nexus.Core.Stores;
using Nexus.Web.Sync;

namespace Nexus.Web.Stores;

/// <summary>
/// What the Stores pages do to a store, in one place: test a connection, register, edit, delete. Keeps the store's
/// recurring sync in step with its settings.
/// </summary>
public sealed class StoreManagement(StoreService stores, PlatformRegistry platforms, SyncScheduler scheduler, ILogger<StoreManagement> logger)
{
    public IReadOnlyCollection<PlatformDescriptor> Platforms => platforms.All;

    public async Task<ConnectionTestResult> TestConnectionAsync(string platform, string baseUrl, StoreCredentials credentials, CancellationToken cancellationToken = default)
    {
        Uri url;
        try
        {
            // The same validation Save applies, so a test can never pass for values Save would refuse.
            url = StoreValidation.ValidateUrl(baseUrl);
            StoreValidation.ValidateCredentials(credentials);
            await stores.EnsureReachableAddressAsync(url, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return ConnectionTestResult.Failed(ex.Message, "Correct it and test again.");
        }
        if (!platforms.IsKnown(platform))
        {
            return ConnectionTestResult.Failed($"Nexus cannot connect to '{platform}' stores yet.", "Choose one of the listed platforms.");
        }
        var connector = platforms.CreateConnector(platform, new ConnectorTarget(0, url.ToString().TrimEnd('/'), credentials));
        try
        {
            return await connector.TestConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Connection test to a {Platform} store failed unexpectedly: {Error}", platform, ex.Message);
            return ConnectionTestResult.Failed($"The test stopped with an unexpected error: {ex.Message}", "Check the address and try again.");
        }
    }

    public async Task<StoreSummary> AddAsync(Guid tenantId, NewStore store, CancellationToken cancellationToken = default)
    {
        var summary = await stores.AddAsync(tenantId, store, cancellationToken);
        scheduler.ApplySchedule(summary.Id, ConnectedStore.DefaultSyncCron, paused: false);
        return summary;
    }

    public async Task UpdateAsync(Guid tenantId, int storeId, string name, string baseUrl, string cron, bool paused, int requestsPerMinute, StoreCredentials? credentials, CancellationToken cancellationToken = default)
    {
        if (!await stores.ExistsAsync(tenantId, storeId, cancellationToken))
        {
            throw new KeyNotFoundException("That store does not exist or is not yours.");
        }
        // Hangfire parses the cron expression when the schedule is applied; apply first so a bad one saves nothing.
        try
        {
            scheduler.ApplySchedule(storeId, cron, paused: false);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"'{cron}' is not a schedule Nexus understands. Use cron syntax, e.g. '0 * * * *' for hourly.");
        }
        await stores.UpdateAsync(tenantId, storeId, name, baseUrl, cron, paused, requestsPerMinute, credentials, cancellationToken);
        scheduler.ApplySchedule(storeId, cron, paused);
    }

    public async Task<bool> DeleteAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await scheduler.CancelAsync(tenantId, storeId, cancellationToken);
        var deleted = await stores.DeleteAsync(tenantId, storeId, cancellationToken);
        if (deleted) scheduler.RemoveSchedule(storeId);
        return deleted;
    }
}
