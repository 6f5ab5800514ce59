using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nexus.Core.Analytics.Customers;
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

    /// <summary>
    /// The record's canonical JSON and its content hash: the first 8 bytes of SHA-256 of the payload's UTF-8 bytes, a
    /// stable change detector (not a security boundary). Serialised once to UTF-8 and hashed from those bytes, so the
    /// payload is not encoded a second time.
    /// </summary>
    public static (string Payload, long Hash) Payload<T>(T record)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(record, CanonicalJson.Options);
        return (Encoding.UTF8.GetString(utf8), BitConverter.ToInt64(SHA256.HashData(utf8)));
    }

    /// <summary>The records by platform id. A page can repeat a record (a platform that pages while data changes): the last copy wins.</summary>
    public static Dictionary<string, T> LastCopies<T>(StorageEntity<T> storage, IReadOnlyList<T> records)
        where T : class
    {
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var record in records) latest[storage.PlatformId(record)] = record;
        return latest;
    }

    /// <summary>The row a record is stored as: its own columns plus the ones every synced record has.</summary>
    public static StoredRecord StoredRow<T>(StorageEntity<T> storage, T record, Guid tenantId, int storeId, string payload, long hash)
        where T : class
    {
        var row = storage.Row(record, storeId);
        (row.TenantId, row.StoreId, row.PlatformId, row.ContentHash, row.Payload, row.ModifiedAt) = (tenantId, storeId, storage.PlatformId(record), hash, payload, storage.ModifiedAt(record));
        return row;
    }

    public Task FindAsync(SyncEntity entity, FactKey key, IReadOnlyCollection<string> values, Action<string, string> found, CancellationToken cancellationToken)
    {
        var column = key switch { FactKey.Email => nameof(StoredCustomer.Email), FactKey.Sku => nameof(StoredProduct.Sku), _ => nameof(StoredRecord.PlatformId) };
        return ReadPairsAsync(Table(RowTypeOf(entity)), column, column, values, found, cancellationToken);
    }

    /// <summary>(platform id, <paramref name="valueColumn"/>) of this store's rows whose <paramref name="keyColumn"/> is one of <paramref name="values"/>.</summary>
    private async Task ReadPairsAsync(MappedTable table, string keyColumn, string valueColumn, IReadOnlyCollection<string> values, Action<string, string> found, CancellationToken cancellationToken)
    {
        foreach (var chunk in values.Chunk(Chunk))
        {
            await using var command = Command();
            command.CommandText = $"SELECT {table.Column(nameof(StoredRecord.PlatformId))}, {table.Column(valueColumn)} FROM {table.Name} " +
                                  $"WHERE {Scope(command, table)} AND {table.Column(valueColumn)} IS NOT NULL AND {table.In(command, keyColumn, chunk)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) found(reader.GetString(0), reader.GetString(1));
        }
    }

    /// <summary>
    /// Account orders without an e-mail of their own take their stored account's person key when it is an e-mail (or
    /// when the order has no phone either), so an account's orders and its guest orders with the same e-mail are one
    /// customer (<see cref="PersonIdentity.WithAccount"/>). Customers sync before orders, so the account is normally there.
    /// </summary>
    private async Task LinkAccountsAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var pending = rows.OfType<StoredOrder>()
            .Where(o => o.CustomerPlatformId is not null && (o.PersonKey is null || PersonIdentity.KindOf(o.PersonKey) != PersonKeyKind.Email)).ToList();
        if (pending.Count == 0) return;
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        await ReadPairsAsync(Table(typeof(StoredCustomer)), nameof(StoredRecord.PlatformId), nameof(StoredCustomer.PersonKey),
            pending.Select(o => o.CustomerPlatformId!).Distinct(StringComparer.Ordinal).ToList(), (id, key) => accounts[id] = key, cancellationToken).ConfigureAwait(false);
        foreach (var order in pending) order.PersonKey = PersonIdentity.WithAccount(order.PersonKey, accounts.GetValueOrDefault(order.CustomerPlatformId!));
    }

    /// <summary>
    /// Upserts the records; returns the counts, the records that were inserted or changed (their child rows need
    /// rewriting) and, of those, the ones that were already stored (only their old child rows can exist).
    /// </summary>
    public async Task<(UpsertCounts Counts, List<T> Changed, HashSet<string> Updated)> UpsertAsync<T>(StorageEntity<T> storage, IReadOnlyList<T> records, CancellationToken cancellationToken)
        where T : class
    {
        if (records.Count == 0) return (default, [], []);
        var table = Table(storage.RowType);
        var latest = LastCopies(storage, records);
        var existing = await ReadHashesAsync(table, latest.Keys, cancellationToken).ConfigureAwait(false);

        var changed = new List<T>();
        var rows = new List<object>();
        var updatedIds = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var (platformId, record) in latest)
        {
            var (payload, hash) = Payload(record);
            if (existing.TryGetValue(platformId, out var storedHash))
            {
                if (storedHash == hash) { unchanged++; continue; }
                updatedIds.Add(platformId);
            }
            rows.Add(StoredRow(storage, record, tenantId, storeId, payload, hash));
            changed.Add(record);
        }
        await LinkAccountsAsync(rows, cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(table, KeyColumns[1..], rows, cancellationToken).ConfigureAwait(false);
        return (new UpsertCounts(rows.Count - updatedIds.Count, updatedIds.Count, unchanged), changed, updatedIds);
    }

    /// <summary>
    /// Replaces the order lines of these orders with their current lines (a line removed from an order disappears).
    /// Only <paramref name="replacedOrderIds"/> can have lines already; new orders' lines are simply inserted.
    /// </summary>
    public async Task ReplaceOrderLinesAsync(IReadOnlyCollection<string> replacedOrderIds, IEnumerable<StoredOrderLine> lines, CancellationToken cancellationToken)
    {
        var table = Table(typeof(StoredOrderLine));
        if (replacedOrderIds.Count > 0)
            await DeleteAsync(table, nameof(StoredOrderLine.OrderPlatformId), replacedOrderIds, null, cancellationToken).ConfigureAwait(false);
        // One statement must not write a key twice (PostgreSQL refuses it): a line repeated in an order keeps its last copy.
        var rows = new Dictionary<(string Order, string Line), object>();
        foreach (var line in lines)
        {
            (line.TenantId, line.StoreId) = (tenantId, storeId);
            rows[(line.OrderPlatformId, line.LinePlatformId)] = line;
        }
        await WriteRowsAsync(table, [nameof(StoredOrderLine.StoreId), nameof(StoredOrderLine.OrderPlatformId), nameof(StoredOrderLine.LinePlatformId)], rows.Values.ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the issues of the page's records: delete what was known about them, insert what was found now.</summary>
    public async Task ReplaceIssuesAsync(SyncEntity entity, long? runId, IReadOnlyList<RecordIssues> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        var table = Table(typeof(QualityIssueRecord));
        var entityName = entity.ToString();
        await DeleteAsync(table, nameof(QualityIssueRecord.PlatformId), records.Select(r => r.PlatformId).Distinct(StringComparer.Ordinal).ToList(),
            (nameof(QualityIssueRecord.Entity), entityName), cancellationToken).ConfigureAwait(false);
        var rows = records.SelectMany(record => record.Issues.Select(issue => (object)new QualityIssueRecord
        {
            TenantId = tenantId, StoreId = storeId, SyncRunId = runId, Entity = entityName, DetectedAt = now,
            PlatformId = record.PlatformId, RuleId = issue.RuleId, Severity = issue.Severity, Field = issue.Field, Value = issue.Value,
            Message = issue.Message, Quarantined = record.Quarantined,
        })).ToList();
        await WriteRowsAsync(table, null, rows, cancellationToken).ConfigureAwait(false);
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

    private Task WriteRowsAsync(MappedTable table, IReadOnlyList<string>? conflict, IReadOnlyList<object> rows, CancellationToken cancellationToken) =>
        RowWriter.WriteAsync(_connection, transaction, _dialect, table, conflict, rows, cancellationToken);

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
