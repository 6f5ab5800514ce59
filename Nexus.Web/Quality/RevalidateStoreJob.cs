using Hangfire;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Quality;
using Nexus.Core.Storage;

namespace Nexus.Web.Quality;

/// <summary>
/// "Re-validate" as a background job: a large store takes minutes, which must not hold a Blazor circuit (a closed tab
/// would cancel it half way). Takes a store id; the tenant is the store's own. Hangfire keeps the summary it returns
/// as the job's result, which is how the Quality page learns the outcome.
/// </summary>
public sealed class RevalidateStoreJob(IDbContextFactory<NexusDbContext> dbFactory, QualityRevalidator revalidator)
{
    [Queue("default")]
    [AutomaticRetry(Attempts = 0)] // a failed re-validation is reported on the page; the merchant decides to run it again
    public async Task<RevalidationSummary?> RunAsync(int storeId, CancellationToken cancellationToken)
    {
        Guid tenantId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
            if (store is null) return null; // deleted since it was queued: nothing to check
            tenantId = store.TenantId;
        }
        return await revalidator.RunAsync(tenantId, storeId, cancellationToken);
    }
}
