using Microsoft.EntityFrameworkCore;
using Nexus.Core.Resilience;
using Nexus.Core.Storage;

namespace Nexus.Core.Stores;

/// <summary>A new store as a merchant (or the CLI) registers it.</summary>
/// <param name="WithoutAddress">A store fed by uploaded files (its platform's <c>FedByUploads</c>): no address to validate or guard; stored empty.</param>
public sealed record NewStore(string Name, string Platform, string BaseUrl, StoreCredentials Credentials, int RequestsPerMinute = 300, bool WithoutAddress = false);

/// <summary>A registered store as shown to its owner: never the credentials.</summary>
/// <param name="RequestsPerMinute">The store's request budget, which its connection tests share with its syncs.</param>
public sealed record StoreSummary(int Id, string Name, string Platform, string BaseUrl, DateTimeOffset CreatedAt,
    int RequestsPerMinute = RequestBudgetRegistry.DefaultRequestsPerMinute);

/// <summary>
/// Registers and lists a tenant's stores. Every call names the tenant; there is no way to reach across tenants.
/// Every write goes through <see cref="StoreValidation"/> and, for the address, the SSRF guard (the host must not
/// resolve to a refused network), whoever calls: wizard, edit dialog or CLI.
/// </summary>
public sealed class StoreService(IDbContextFactory<NexusDbContext> factory, StoreCredentialProtector protector, TimeProvider clock, PrivateAddressGuard? addressGuard = null)
{
    public async Task<StoreSummary> AddAsync(Guid tenantId, NewStore store, CancellationToken cancellationToken = default)
    {
        var valid = store.WithoutAddress
            ? StoreValidation.ValidateWithoutAddress(store.Name, store.RequestsPerMinute, store.Credentials)
            : StoreValidation.Validate(store.Name, store.BaseUrl, store.RequestsPerMinute, store.Credentials);
        if (!store.WithoutAddress) await EnsureReachableAddressAsync(valid.BaseUrl!, cancellationToken);

        await using var db = await CreateAsync(tenantId, cancellationToken);
        if (!store.WithoutAddress) await EnsureNotConnectedAsync(db, store.Platform, valid.BaseUrl!, exceptStoreId: null, cancellationToken);
        var entity = new ConnectedStore
        {
            TenantId = tenantId,
            Name = valid.Name,
            Platform = store.Platform,
            BaseUrl = valid.BaseUrlText,
            ProtectedCredentials = protector.Protect(store.Credentials),
            RequestsPerMinute = valid.RequestsPerMinute,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Stores.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return ToSummary(entity);
    }

    /// <summary>Refuses an address whose host resolves to a private, loopback, link-local, multicast or metadata address (unless configuration allows it).</summary>
    public async Task EnsureReachableAddressAsync(Uri url, CancellationToken cancellationToken)
    {
        if (addressGuard is null) return;
        try
        {
            await addressGuard.EnsureAllowedAsync(url, cancellationToken);
        }
        catch (BlockedAddressException ex)
        {
            throw new ArgumentException($"{ex.Message} Enter the shop's public address (e.g. https://shop.example.com).", ex);
        }
    }

    /// <summary>
    /// Refuses a shop this account has already connected (same platform and address, see <see cref="StoreIdentity"/>),
    /// so its orders can never be counted twice. The CLI calls it before testing the connection; add and edit call it too.
    /// </summary>
    public async Task EnsureNotConnectedAsync(Guid tenantId, string platform, Uri url, int? exceptStoreId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        await EnsureNotConnectedAsync(db, platform, url, exceptStoreId, cancellationToken);
    }

    private static async Task EnsureNotConnectedAsync(NexusDbContext db, string platform, Uri url, int? exceptStoreId, CancellationToken cancellationToken)
    {
        // Compared in C#: the key normalises what SQL cannot (www., ports, escapes), and an account has a handful of stores.
        var key = StoreIdentity.Key(platform, url);
        var samePlatform = await db.Stores.AsNoTracking().Where(s => s.Platform == platform && s.Id != exceptStoreId).ToListAsync(cancellationToken);
        if (samePlatform.FirstOrDefault(s => StoreIdentity.Key(s) == key) is { } existing)
            throw new ArgumentException(StoreIdentity.AlreadyConnected(existing));
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
        var url = StoreValidation.ValidateUrl(baseUrl);
        await EnsureReachableAddressAsync(url, cancellationToken);
        await using var db = await CreateAsync(tenantId, cancellationToken);
        var entity = await db.Stores.FirstAsync(s => s.Id == storeId, cancellationToken);
        entity.BaseUrl = url.ToString().TrimEnd('/');
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Changes a store's name, address, schedule and (when given) credentials.</summary>
    public async Task UpdateAsync(Guid tenantId, int storeId, string name, string baseUrl, string syncCron, bool schedulePaused, int requestsPerMinute, StoreCredentials? credentials, CancellationToken cancellationToken = default)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        var entity = await db.Stores.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken)
                     ?? throw new KeyNotFoundException("That store does not exist or is not yours.");
        // A store registered without an address (fed by uploaded files) keeps having none.
        var withoutAddress = entity.BaseUrl.Length == 0 && string.IsNullOrWhiteSpace(baseUrl);
        var valid = withoutAddress
            ? StoreValidation.ValidateWithoutAddress(name, requestsPerMinute, credentials)
            : StoreValidation.Validate(name, baseUrl, requestsPerMinute, credentials);
        if (!withoutAddress)
        {
            await EnsureReachableAddressAsync(valid.BaseUrl!, cancellationToken);
            await EnsureNotConnectedAsync(db, entity.Platform, valid.BaseUrl!, storeId, cancellationToken);
        }
        entity.Name = valid.Name;
        entity.BaseUrl = valid.BaseUrlText;
        entity.SyncCron = StoreValidation.ValidateCron(syncCron);
        entity.SchedulePaused = schedulePaused;
        entity.RequestsPerMinute = valid.RequestsPerMinute;
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

    private async Task<NexusDbContext> CreateAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        return db;
    }

    private static StoreSummary ToSummary(ConnectedStore s) => new(s.Id, s.Name, s.Platform, s.BaseUrl, s.CreatedAt, s.RequestsPerMinute);
}
