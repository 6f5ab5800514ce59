using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms;
using Nexus.Core.Storage;

namespace Nexus.Core.Quality.Storage;

/// <summary>One record's issues as the gate found them (possibly none: that clears the record's old issues).</summary>
public sealed record RecordIssues(string PlatformId, IReadOnlyList<RecordIssue> Issues, bool Quarantined);

/// <summary>
/// Replaces the issues of a page's records: delete what was known about those records, insert what was found now.
/// Prepared commands like the record upsert, because it runs for every synced page.
/// </summary>
public sealed class QualityIssueWriter(IDbContextFactory<NexusDbContext> factory)
{
    public async Task ReplaceAsync(Guid tenantId, int storeId, long? runId, SyncEntity entity, IReadOnlyList<RecordIssues> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await ReplaceAsync(db.Database.GetDbConnection(), tenantId, storeId, runId, entity, records, now, cancellationToken);
    }

    /// <summary>The same on a connection the caller already opened.</summary>
    public static async Task ReplaceAsync(DbConnection connection, Guid tenantId, int storeId, long? runId, SyncEntity entity, IReadOnlyList<RecordIssues> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteAsync(connection, transaction, tenantId, storeId, runId, entity, records, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Inside the caller's transaction: the sync writes a page's issues in the same transaction as its records.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, Guid tenantId, int storeId, long? runId, SyncEntity entity, IReadOnlyList<RecordIssues> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        var entityName = entity.ToString();

        foreach (var chunk in records.Select(r => r.PlatformId).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = $"$p{i}";
                RecordUpserter.AddParameter(delete, names[i], chunk[i]);
            }
            RecordUpserter.AddParameter(delete, "$store", storeId);
            RecordUpserter.AddParameter(delete, "$entity", entityName);
            delete.CommandText = $"DELETE FROM quality_issues WHERE StoreId = $store AND Entity = $entity AND PlatformId IN ({string.Join(',', names)})";
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        if (records.Any(r => r.Issues.Count > 0))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO quality_issues (TenantId, StoreId, SyncRunId, Entity, PlatformId, RuleId, Severity, Field, Value, Message, Quarantined, DetectedAt) " +
                                 "VALUES ($tenant, $store, $run, $entity, $id, $rule, $severity, $field, $value, $message, $quarantined, $at)";
            foreach (var name in new[] { "$tenant", "$store", "$run", "$entity", "$id", "$rule", "$severity", "$field", "$value", "$message", "$quarantined", "$at" })
                RecordUpserter.AddParameter(insert, name, null);
            insert.Prepare();
            var p = insert.Parameters;
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (tenantId.ToString().ToUpperInvariant(), storeId, runId is { } r ? r : DBNull.Value, entityName);
            p[11].Value = RecordUpserter.DateValue(now);
            foreach (var record in records)
                foreach (var issue in record.Issues)
                {
                    p[4].Value = record.PlatformId;
                    p[5].Value = issue.RuleId;
                    p[6].Value = (int)issue.Severity;
                    p[7].Value = issue.Field;
                    p[8].Value = (object?)issue.Value ?? DBNull.Value;
                    p[9].Value = issue.Message;
                    p[10].Value = record.Quarantined;
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
        }
    }
}
