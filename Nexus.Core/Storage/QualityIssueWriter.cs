using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nexus.Core.Platforms;
using Nexus.Core.Quality;
using Nexus.Core.Storage.Sql;

namespace Nexus.Core.Storage;

/// <summary>
/// Replaces the stored issues of some records outside a sync (imports of issue lists, tests): delete what was known
/// about those records, insert what was found now, in one transaction. A sync writes issues inside its page write.
/// </summary>
public sealed class QualityIssueWriter(IDbContextFactory<NexusDbContext> factory)
{
    public async Task ReplaceAsync(Guid tenantId, int storeId, long? runId, SyncEntity entity, IReadOnlyList<RecordIssues> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await new PageSql(db, transaction.GetDbTransaction(), tenantId, storeId).ReplaceIssuesAsync(entity, runId, records, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
