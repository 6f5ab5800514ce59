using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage.Records;

namespace Nexus.Core.Storage.Sql;

/// <summary>
/// The hot-path SQL of one page write, all on the page's one connection and transaction: the store-fact look-ups the
/// quality gate asks for, the record upsert (rows whose canonical JSON hash is unchanged are not rewritten), the order
/// lines, and the quality issues. Raw SQL skips EF's tenant filter, so every statement restates tenant and store.
/// </summary>
internal sealed class PageSql(NexusDbContext db, DbTransaction transaction, Guid tenantId, int storeId) : IStoreFactsSource
{
    private const int Chunk = 500;
    private static readonly string[] KeyColumns = [nameof(StoredRecord.TenantId), nameof(StoredRecord.StoreId), nameof(StoredRecord.PlatformId)];
    private readonly DbConnection _connection = db.Database.GetDbConnection();
    private readonly ISqlDialect _dialect = SqlDialects.For(db);
    private readonly Dictionary<Type, MappedTable> _tables = [];

    /// <summary>First 8 bytes of SHA-256: a stable change detector (not a security boundary).</summary>
    public static long Hash(string payload) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));

    public async Task FindAsync(SyncEntity entity, FactKey key, IReadOnlyCollection<string> values, Action<string, string> found, CancellationToken cancellationToken)
    {
        var table = Table(RowTypeOf(entity));
        var column = key switch { FactKey.Email => nameof(StoredCustomer.Email), FactKey.Sku => nameof(StoredProduct.Sku), _ => nameof(StoredRecord.PlatformId) };
        foreach (var chunk in values.Chunk(Chunk))
        {
            await using var command = Command();
            command.CommandText = $"SELECT {table.Column(nameof(StoredRecord.PlatformId))}, {table.Column(column)} FROM {table.Name} WHERE {Scope(command, table)} AND {table.In(command, column, chunk)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) found(reader.GetString(0), reader.GetString(1));
        }
    }

    /// <summary>Upserts the records; returns the counts and the records that were inserted or changed (their child rows need rewriting).</summary>
    public async Task<(UpsertCounts Counts, List<T> Changed)> UpsertAsync<T>(StorageEntity<T> storage, IReadOnlyList<T> records, CancellationToken cancellationToken)
        where T : class
    {
        if (records.Count == 0) return (default, []);
        var table = Table(storage.RowType);
        // A page can repeat a record (a platform that pages while data changes): the last copy wins.
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var record in records) latest[storage.PlatformId(record)] = record;
        var existing = await ReadHashesAsync(table, latest.Keys, cancellationToken).ConfigureAwait(false);

        await using var upsert = PreparedUpsert(table, KeyColumns[1..]);
        var changed = new List<T>();
        var (inserted, updated, unchanged) = (0, 0, 0);
        foreach (var (platformId, record) in latest)
        {
            var payload = JsonSerializer.Serialize(record, CanonicalJson.Options);
            var hash = Hash(payload);
            if (existing.TryGetValue(platformId, out var storedHash))
            {
                if (storedHash == hash) { unchanged++; continue; }
                updated++;
            }
            else
            {
                inserted++;
            }
            var row = storage.Row(record);
            (row.TenantId, row.StoreId, row.PlatformId, row.ContentHash, row.Payload, row.ModifiedAt) = (tenantId, storeId, platformId, hash, payload, storage.ModifiedAt(record));
            await ExecuteAsync(upsert, table, row, cancellationToken).ConfigureAwait(false);
            changed.Add(record);
        }
        return (new UpsertCounts(inserted, updated, unchanged), changed);
    }

    /// <summary>Replaces the order lines of these orders with their current lines (a line removed from an order disappears).</summary>
    public async Task ReplaceOrderLinesAsync(IReadOnlyCollection<string> orderIds, IEnumerable<StoredOrderLine> lines, CancellationToken cancellationToken)
    {
        if (orderIds.Count == 0) return;
        var table = Table(typeof(StoredOrderLine));
        await DeleteAsync(table, nameof(StoredOrderLine.OrderPlatformId), orderIds, null, cancellationToken).ConfigureAwait(false);
        await using var insert = PreparedUpsert(table, [nameof(StoredOrderLine.StoreId), nameof(StoredOrderLine.OrderPlatformId), nameof(StoredOrderLine.LinePlatformId)]);
        foreach (var line in lines)
        {
            (line.TenantId, line.StoreId) = (tenantId, storeId);
            await ExecuteAsync(insert, table, line, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the issues of the page's records: delete what was known about them, insert what was found now.</summary>
    public async Task ReplaceIssuesAsync(SyncEntity entity, long? runId, IReadOnlyList<RecordIssues> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        var table = Table(typeof(QualityIssueRecord));
        var entityName = entity.ToString();
        await DeleteAsync(table, nameof(QualityIssueRecord.PlatformId), records.Select(r => r.PlatformId).Distinct(StringComparer.Ordinal).ToList(),
            (nameof(QualityIssueRecord.Entity), entityName), cancellationToken).ConfigureAwait(false);
        if (!records.Any(r => r.Issues.Count > 0)) return;

        await using var insert = Command();
        var columns = table.Writable;
        insert.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(table.Column))}) VALUES ({string.Join(", ", columns.Select(c => table.AddParameter(insert, c, null)))})";
        await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var row = new QualityIssueRecord { TenantId = tenantId, StoreId = storeId, SyncRunId = runId, Entity = entityName, DetectedAt = now };
        foreach (var record in records)
            foreach (var issue in record.Issues)
            {
                (row.PlatformId, row.RuleId, row.Severity, row.Field, row.Value, row.Message, row.Quarantined) =
                    (record.PlatformId, issue.RuleId, issue.Severity, issue.Field, issue.Value, issue.Message, record.Quarantined);
                await ExecuteAsync(insert, table, row, cancellationToken).ConfigureAwait(false);
            }
    }

    /// <summary>Deletes this store's rows of <paramref name="rowType"/> whose platform ids are given (re-validation moves them to quarantine).</summary>
    public Task DeleteRecordsAsync(Type rowType, IReadOnlyCollection<string> platformIds, CancellationToken cancellationToken) =>
        DeleteAsync(Table(rowType), nameof(StoredRecord.PlatformId), platformIds, null, cancellationToken);

    /// <summary>Removes this store's quarantine entries of <paramref name="entity"/> ("order", "variant", …) for these records.</summary>
    public Task DeleteQuarantinedAsync(string entity, IReadOnlyCollection<string> platformIds, CancellationToken cancellationToken) =>
        DeleteAsync(Table(typeof(QuarantinedRecord)), nameof(QuarantinedRecord.PlatformId), platformIds, (nameof(QuarantinedRecord.Entity), entity), cancellationToken);

    private async Task DeleteAsync(MappedTable table, string keyProperty, IReadOnlyCollection<string> keys, (string Property, string Value)? also, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(Chunk))
        {
            await using var delete = Command();
            var extra = also is { } a ? $" AND {table.Column(a.Property)} = {table.AddParameter(delete, a.Property, a.Value)}" : "";
            delete.CommandText = $"DELETE FROM {table.Name} WHERE {Scope(delete, table)}{extra} AND {table.In(delete, keyProperty, chunk)}";
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, long>> ReadHashesAsync(MappedTable table, IEnumerable<string> platformIds, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in platformIds.Chunk(Chunk))
        {
            await using var command = Command();
            command.CommandText = $"SELECT {table.Column(nameof(StoredRecord.PlatformId))}, {table.Column(nameof(StoredRecord.ContentHash))} FROM {table.Name} " +
                                  $"WHERE {Scope(command, table)} AND {table.In(command, nameof(StoredRecord.PlatformId), chunk)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) hashes[reader.GetString(0)] = reader.GetInt64(1);
        }
        return hashes;
    }

    /// <summary>An upsert over every writable column, conflicting on <paramref name="conflict"/>, updating everything but the key.</summary>
    private DbCommand PreparedUpsert(MappedTable table, IReadOnlyList<string> conflict)
    {
        var command = Command();
        var columns = table.Writable;
        var values = columns.Select(c => table.AddParameter(command, c, null)).ToList();
        var updates = columns.Where(c => c.Name != nameof(StoredRecord.TenantId) && !conflict.Contains(c.Name)).Select(table.Column).ToList();
        command.CommandText = _dialect.Upsert(table.Name, columns.Select(table.Column).ToList(), values, conflict.Select(table.Column).ToList(), updates);
        command.Prepare();
        return command;
    }

    private static Task<int> ExecuteAsync(DbCommand command, MappedTable table, object row, CancellationToken cancellationToken)
    {
        var columns = table.Writable;
        for (var i = 0; i < columns.Count; i++) MappedTable.Bind(command.Parameters[i], columns[i], columns[i].GetGetter().GetClrValue(row));
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Scope(DbCommand command, MappedTable table) =>
        $"{table.Column(nameof(StoredRecord.StoreId))} = {table.AddParameter(command, nameof(StoredRecord.StoreId), storeId)} " +
        $"AND {table.Column(nameof(StoredRecord.TenantId))} = {table.AddParameter(command, nameof(StoredRecord.TenantId), tenantId)}";

    private DbCommand Command()
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private MappedTable Table(Type rowType)
    {
        if (!_tables.TryGetValue(rowType, out var table)) _tables[rowType] = table = MappedTable.For(db, rowType);
        return table;
    }

    internal static Type RowTypeOf(SyncEntity entity) => entity switch
    {
        SyncEntity.Customers => typeof(StoredCustomer),
        SyncEntity.Products => typeof(StoredProduct),
        _ => typeof(StoredOrder),
    };
}
