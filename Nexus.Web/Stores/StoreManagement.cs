using Nexus.Core.Platforms;
using Nexus.Core.Stores;
using Nexus.Web.Sync;

namespace Nexus.Web.Stores;

/// <summary>
/// What the Stores pages do to a store, in one place: test a connection, register, edit, delete. Credentials are
/// checked against the platform's schema (<see cref="PlatformDescriptor.Credentials"/>); stored credentials never leave
/// the server: an edit sends only the fields the merchant retyped and they are merged here. Keeps the store's recurring
/// sync in step with its settings.
/// </summary>
public sealed class StoreManagement(StoreService stores, PlatformRegistry platforms, SyncScheduler scheduler, ILogger<StoreManagement> logger)
{
    public IReadOnlyCollection<PlatformDescriptor> Platforms => platforms.All;

    public PlatformDescriptor? Platform(string id) => platforms.Find(id);

    /// <summary>Tests a new store's address and credentials.</summary>
    public Task<ConnectionTestResult> TestConnectionAsync(string platform, string baseUrl, StoreCredentials credentials, CancellationToken cancellationToken = default) =>
        TestAsync(platform, 0, baseUrl, credentials, Nexus.Core.Resilience.RequestBudgetRegistry.DefaultRequestsPerMinute, cancellationToken);

    /// <summary>
    /// Tests a registered store with its stored credentials, overlaid with the fields the merchant retyped (none: exactly
    /// what is stored), at <paramref name="baseUrl"/> (the address being saved).
    /// </summary>
    public async Task<ConnectionTestResult> TestStoredConnectionAsync(Guid tenantId, int storeId, string baseUrl, IReadOnlyDictionary<string, string> changedFields, CancellationToken cancellationToken = default)
    {
        var found = await stores.GetWithCredentialsAsync(tenantId, storeId, cancellationToken);
        if (found is not { } store) return ConnectionTestResult.Failed("That store does not exist or is not yours.", "Reload the page.");
        return await TestAsync(store.Store.Platform, storeId, baseUrl, store.Credentials.With(changedFields), store.Store.RequestsPerMinute, cancellationToken);
    }

    public async Task<StoreSummary> AddAsync(Guid tenantId, NewStore store, CancellationToken cancellationToken = default)
    {
        var summary = await stores.AddAsync(tenantId, store, cancellationToken);
        // A store fed by uploads has nothing to pull on a schedule: its data arrives when the merchant imports a file.
        if (platforms.Find(store.Platform)?.FedByUploads != true)
            scheduler.ApplySchedule(summary.Id, ConnectedStore.DefaultSyncCron, paused: false);
        return summary;
    }

    /// <param name="changedFields">Credential fields the merchant retyped; the others keep their stored values.</param>
    public async Task UpdateAsync(Guid tenantId, int storeId, string name, string baseUrl, string cron, bool paused, int requestsPerMinute, IReadOnlyDictionary<string, string> changedFields, CancellationToken cancellationToken = default)
    {
        var found = await stores.GetWithCredentialsAsync(tenantId, storeId, cancellationToken)
                    ?? throw new KeyNotFoundException("That store does not exist or is not yours.");
        var credentials = changedFields.Count == 0 ? null : found.Credentials.With(changedFields);
        if (credentials is not null && platforms.Find(found.Store.Platform) is { } platform && platform.ValidateCredentials(credentials) is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems));
        // Before the schedule is touched: an address another of the account's stores already has saves nothing.
        if (!string.IsNullOrWhiteSpace(baseUrl))
            await stores.EnsureNotConnectedAsync(tenantId, found.Store.Platform, StoreValidation.ValidateUrl(baseUrl), storeId, cancellationToken);
        if (platforms.Find(found.Store.Platform)?.FedByUploads == true)
        {
            // Nothing to schedule for a store fed by uploads: the schedule fields are kept, never applied.
            await stores.UpdateAsync(tenantId, storeId, name, baseUrl, cron, paused, requestsPerMinute, credentials, cancellationToken);
            return;
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

    /// <param name="requestsPerMinute">The store's budget: a registered store's test draws from the same shared budget as its syncs.</param>
    private async Task<ConnectionTestResult> TestAsync(string platformId, int storeId, string baseUrl, StoreCredentials credentials, int requestsPerMinute, CancellationToken cancellationToken)
    {
        if (platforms.Find(platformId) is not { } platform)
            return ConnectionTestResult.Failed($"Nexus cannot connect to '{platformId}' stores yet.", "Choose one of the listed platforms.");
        try
        {
            // The same validation Save applies, so a test can never pass for values Save would refuse.
            var url = StoreValidation.ValidateUrl(baseUrl);
            StoreValidation.ValidateCredentials(credentials);
            await stores.EnsureReachableAddressAsync(url, cancellationToken);
            baseUrl = url.ToString().TrimEnd('/');
        }
        catch (ArgumentException ex)
        {
            return ConnectionTestResult.Failed(ex.Message, "Correct it and test again.");
        }
        if (platform.ValidateUrl(baseUrl) is { } badUrl)
            return ConnectionTestResult.Failed(badUrl, $"Enter the store's address, e.g. {platform.UrlPlaceholder}.");
        if (platform.ValidateCredentials(credentials) is { Count: > 0 } problems)
            return ConnectionTestResult.Failed(string.Join(" ", problems), platform.CredentialsHelp ?? "Check the credentials and try again.");
        var connector = platforms.CreateConnector(platformId, new ConnectorTarget(storeId, baseUrl.TrimEnd('/'), credentials, requestsPerMinute));
        try
        {
            return await connector.TestConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Connection test to a {Platform} store failed unexpectedly: {Error}", platformId, ex.Message);
            return ConnectionTestResult.Failed($"The test stopped with an unexpected error: {ex.Message}", "Check the address and try again.");
        }
    }
}
