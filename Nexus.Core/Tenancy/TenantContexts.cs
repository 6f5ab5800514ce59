using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Tenancy;

/// <summary>One way for the services (monitoring, currency) to open a context that sees exactly one tenant.</summary>
internal static class TenantContexts
{
    public static async Task<NexusDbContext> ForTenantAsync(this IDbContextFactory<NexusDbContext> factory, Guid tenantId, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        return db;
    }
}
