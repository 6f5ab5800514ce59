using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Stores;

/// <summary>A new store as a merchant (or the CLI) registers it.</summary>
public sealed record NewStore(string Name, string Platform, string BaseUrl, StoreCredentials Credentials, int RequestsPerMinute = 300);

/// <summary>A registered store as shown to its owner: never the credentials.</summary>
public sealed record StoreSummary(int Id, string Name, string Platform, string BaseUrl, DateTimeOffset CreatedAt);

/// <summary>Registers and lists a tenant's stores. Every call names the tenant; there is no way to reach across tenants.</summary>
public sealed class StoreService(IDbContextFactory<NexusDbContext> factory, StoreCredentialProtector protector, TimeProvider clock)
{
    public async Task<StoreSummary> AddAsync(Guid tenantId, NewStore store, CancellationToken cancellationToken = default)
    {
        var name = store.Name.Trim();
        if (name.Length == 0) throw new ArgumentException("A store needs a name.", nameof(store));
        ValidateBudget(store.RequestsPerMinute);
        var baseUrl = StoreAddress.Require(store.BaseUrl, nameof(store));

        await using var db = await CreateAsync(tenantId, cancellationToken);
        var entity = new ConnectedStore
        {
            TenantId = tenantId,
            Name = name,
            Platform = store.Platform,
            BaseUrl = baseUrl,
            ProtectedCredentials = protector.Protect(store.Credentials),
            RequestsPerMinute = store.RequestsPerMinute,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Stores.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return ToSummary(entity);
    }

    public async Task<IReadOnlyList<StoreSummary>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return stores.Select(ToSummary).ToList();
    }

    public async Task<bool> ExistsAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        return await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken);
    }

    public async Task<(StoreSummary Store, StoreCredentials Credentials)?> GetWithCredentialsAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        var entity = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        return entity is null ? null : (ToSummary(entity), protector.Unprotect(entity.ProtectedCredentials));
    }

    /// <summary>Points a store at a new address (the demo sandbox store follows the app's own port).</summary>
    public async Task UpdateBaseUrlAsync(Guid tenantId, int storeId, string baseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        var entity = await db.Stores.FirstAsync(s => s.Id == storeId, cancellationToken);
        entity.BaseUrl = StoreAddress.Require(baseUrl, nameof(baseUrl));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Changes a store's name, address, schedule and (when given) credentials.</summary>
    public async Task UpdateAsync(Guid tenantId, int storeId, string name, string baseUrl, string syncCron, bool schedulePaused, int requestsPerMinute, StoreCredentials? credentials, CancellationToken cancellationToken = default)
    {
        ValidateBudget(requestsPerMinute);
        await using var db = await CreateAsync(tenantId, cancellationToken);
        var entity = await db.Stores.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken)
                     ?? throw new KeyNotFoundException("That store does not exist or is not yours.");
        entity.Name = name.Trim();
        entity.BaseUrl = StoreAddress.Require(baseUrl, nameof(baseUrl));
        entity.SyncCron = syncCron;
        entity.SchedulePaused = schedulePaused;
        entity.RequestsPerMinute = requestsPerMinute;
        if (credentials is not null) entity.ProtectedCredentials = protector.Protect(credentials);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a store and, through the database's cascades, everything synced from it.</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        var entity = await db.Stores.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (entity is null) return false;
        db.Stores.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static void ValidateBudget(int requestsPerMinute)
    {
        if (requestsPerMinute is < 1 or > 100_000)
        {
            throw new ArgumentException($"A request budget of {requestsPerMinute} per minute is not usable; use 1 to 100000 (300 suits most WooCommerce hosts).");
        }
    }

    private async Task<NexusDbContext> CreateAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        return db;
    }

    private static StoreSummary ToSummary(ConnectedStore s) => new(s.Id, s.Name, s.Platform, s.BaseUrl, s.CreatedAt);
}
