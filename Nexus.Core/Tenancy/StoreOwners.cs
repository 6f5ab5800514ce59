using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Tenancy;

/// <summary>Whose a store is, for jobs that are handed only a store id and must then work inside that tenant.</summary>
public static class StoreOwners
{
    /// <summary>The store's tenant, looked up across tenants; null when the store was deleted since the job was queued.</summary>
    public static async Task<Guid?> TenantOfAsync(IDbContextFactory<NexusDbContext> factory, int storeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == storeId).Select(s => (Guid?)s.TenantId).FirstOrDefaultAsync(cancellationToken);
    }
}
