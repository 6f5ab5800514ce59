using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Storage;

/// <summary>How many records a batch inserted, changed, or found already stored exactly as fetched.</summary>
public readonly record struct UpsertCounts(int Inserted, int Updated, int Unchanged)
{
    public static UpsertCounts operator +(UpsertCounts a, UpsertCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}

/// <summary>
/// The sync's hot path: writes a batch of canonical records in one transaction with prepared
/// <c>INSERT … ON CONFLICT (StoreId, PlatformId) DO UPDATE</c> commands. Rows whose canonical JSON hash is
/// unchanged are not rewritten, so re-running a sync is idempotent and cheap. Everything that is not a hot
/// path goes through EF.
/// </summary>
public sealed class RecordUpserter(IDbContextFactory<NexusDbContext> factory)
{
    /// <summary>
    /// How canonical records are stored and exported. Non-ASCII text is kept as UTF-8 rather than \u-escaped: names
    /// from many countries stay readable in exports and take fewer bytes. Payloads are data, never embedded in HTML.
    /// </summary>
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new MoneyJsonConverter(), new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly ValueConverter<DateTimeOffset, long> Dates = new DateTimeOffsetToBinaryConverter();

    private static readonly RecordTable<Customer> CustomerTable = new("customers",
        ["Email", "FirstName", "LastName", "CountryCode", "CreatedAt"],
        c => [c.Email?.Trim().ToLowerInvariant(), c.FirstName, c.LastName, c.Billing?.CountryCode ?? c.Shipping?.CountryCode, Date(c.CreatedAt)],
        c => c.PlatformId, c => c.ModifiedAt);

    private static readonly RecordTable<Order> OrderTable = new("orders",
        ["Number", "CustomerPlatformId", "BillingEmail", "Currency", "Status", "TotalMinor", "RefundedMinor", "LineCount", "CreatedAt", "PaidAt"],
        o => [o.Number, o.CustomerPlatformId, o.BillingEmail?.Trim().ToLowerInvariant(), o.Currency, o.Status.ToString(),
              MinorUnits.ToMinor(o.Total), MinorUnits.ToMinor(o.RefundedTotal), o.Lines.Count, Date(o.CreatedAt), Date(o.PaidAt)],
        o => o.PlatformId, o => o.ModifiedAt);

    private static readonly RecordTable<Product> ProductTable = new("products",
        ["Name", "Sku", "Type", "Currency", "PriceMinor", "StockQuantity", "VariantCount"],
        p => [p.Name, p.Sku, p.Type.ToString(), (p.Price ?? p.RegularPrice)?.Currency, (p.Price ?? p.RegularPrice) is { } price ? MinorUnits.ToMinor(price) : null,
              p.StockQuantity, p.Variants.Count > 0 ? p.Variants.Count : p.VariantPlatformIds.Count],
        p => p.PlatformId, p => p.ModifiedAt);

    /// <summary>More writes to commit atomically with a batch (e.g. the quality issues of the same records).</summary>
    public delegate Task InTransaction(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public Task<UpsertCounts> UpsertCustomersAsync(Guid tenantId, int storeId, IReadOnlyList<Customer> records, CancellationToken cancellationToken = default) =>
        UpsertAsync(CustomerTable, tenantId, storeId, records, cancellationToken);

    public Task<UpsertCounts> UpsertOrdersAsync(Guid tenantId, int storeId, IReadOnlyList<Order> records, CancellationToken cancellationToken = default) =>
        UpsertAsync(OrderTable, tenantId, storeId, records, cancellationToken);

    public Task<UpsertCounts> UpsertProductsAsync(Guid tenantId, int storeId, IReadOnlyList<Product> records, CancellationToken cancellationToken = default) =>
        UpsertAsync(ProductTable, tenantId, storeId, records, cancellationToken);

    /// <summary>Decides, inside the batch's transaction, which records to store and what else to write with them.</summary>
    public delegate Task<(IReadOnlyList<T> Records, InTransaction? After)> GatedBatch<T>(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// One connection and one transaction for a page: <paramref name="gate"/> runs first (the quality gate's look-ups
    /// and decisions), then the records it keeps are upserted, then its <c>After</c> writes (the page's issues), then
    /// one commit, so records and their issues cannot get out of step.
    /// </summary>
    public async Task<UpsertCounts> UpsertGatedAsync<T>(Guid tenantId, int storeId, GatedBatch<T> gate, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (records, after) = await gate(connection, transaction, cancellationToken);
        var counts = records.Count == 0 ? default : await UpsertOnAsync(TableFor<T>(), connection, transaction, tenantId, storeId, records, cancellationToken);
        if (after is not null) await after(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static RecordTable<T> TableFor<T>() => (RecordTable<T>)(object)(typeof(T) == typeof(Customer) ? CustomerTable
        : typeof(T) == typeof(Product) ? ProductTable
        : typeof(T) == typeof(Order) ? OrderTable
        : throw new ArgumentException($"No table stores {typeof(T).Name}."));

    /// <summary>
    /// Keeps records that could not be stored, with their raw payload and every reason, never dropped. The quarantine
    /// holds each record's current state: quarantining a record again replaces its earlier entry, so re-syncing a
    /// store does not pile up copies.
    /// </summary>
    public async Task QuarantineAsync(Guid tenantId, int storeId, long? syncRunId, IReadOnlyList<Quarantined> records, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in records.Where(r => r.PlatformId is not null).GroupBy(r => r.EntityType))
        {
            var ids = group.Select(r => r.PlatformId!).Distinct().ToList();
            await db.Quarantine.Where(q => q.StoreId == storeId && q.Entity == group.Key && ids.Contains(q.PlatformId!)).ExecuteDeleteAsync(cancellationToken);
        }
        foreach (var record in records)
        {
            db.Quarantine.Add(new Records.QuarantinedRecord
            {
                TenantId = tenantId,
                StoreId = storeId,
                SyncRunId = syncRunId,
                Entity = record.EntityType,
                PlatformId = record.PlatformId,
                Reasons = string.Join('\n', record.Issues.Select(i => $"{i.Field}: {i.Message} ({i.Rule}, value: {i.Value ?? "null"})")),
                RawPayload = record.RawJson,
                QuarantinedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records that are now stored leave the quarantine: the store fixed them, so they no longer need attention.</summary>
    public async Task ReleaseFromQuarantineAsync(Guid tenantId, int storeId, string entity, IReadOnlyCollection<string> platformIds, CancellationToken cancellationToken = default)
    {
        if (platformIds.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        foreach (var chunk in platformIds.Chunk(500))
        {
            await db.Quarantine.Where(q => q.StoreId == storeId && q.Entity == entity && chunk.Contains(q.PlatformId!)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<UpsertCounts> UpsertAsync<T>(RecordTable<T> table, Guid tenantId, int storeId, IReadOnlyList<T> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return default;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = await UpsertOnAsync(table, connection, transaction, tenantId, storeId, records, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<UpsertCounts> UpsertOnAsync<T>(RecordTable<T> table, DbConnection connection, DbTransaction transaction, Guid tenantId, int storeId, IReadOnlyList<T> records, CancellationToken cancellationToken)
    {

        // A page can repeat a record (a platform that pages while data changes): the last copy wins.
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var record in records) latest[table.PlatformId(record)] = record;

        var existing = await ReadHashesAsync(connection, transaction, table.Name, storeId, latest.Keys, cancellationToken);
        await using var command = table.CreateUpsert(connection, transaction);
        var (inserted, updated, unchanged) = (0, 0, 0);
        foreach (var (platformId, record) in latest)
        {
            var payload = JsonSerializer.Serialize(record, PayloadJson);
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
            table.Bind(command, tenantId, storeId, platformId, hash, payload, Date(table.ModifiedAt(record)), record);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new UpsertCounts(inserted, updated, unchanged);
    }

    private static async Task<Dictionary<string, long>> ReadHashesAsync(DbConnection connection, DbTransaction transaction, string table, int storeId, IEnumerable<string> platformIds, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in platformIds.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = $"$p{i}";
                AddParameter(command, names[i], chunk[i]);
            }
            AddParameter(command, "$store", storeId);
            command.CommandText = $"SELECT PlatformId, ContentHash FROM {table} WHERE StoreId = $store AND PlatformId IN ({string.Join(',', names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) hashes[reader.GetString(0)] = reader.GetInt64(1);
        }
        return hashes;
    }

    /// <summary>First 8 bytes of SHA-256: a stable change detector (not a security boundary).</summary>
    internal static long Hash(string payload) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));

    /// <summary>A date as the database column holds it (binary UTC ticks), for hand-written SQL elsewhere.</summary>
    internal static object DateValue(DateTimeOffset value) => Dates.ConvertToProvider(value.ToUniversalTime())!;

    private static object? Date(DateTimeOffset? value) => value is { } v ? Dates.ConvertToProvider(v.ToUniversalTime()) : null;

    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One synced-record table: its extra columns and how a canonical record fills them.</summary>
    private sealed class RecordTable<T>(string name, string[] columns, Func<T, object?[]> values, Func<T, string> platformId, Func<T, DateTimeOffset?> modifiedAt)
    {
        private static readonly string[] CommonColumns = ["TenantId", "StoreId", "PlatformId", "ContentHash", "Payload", "ModifiedAt"];

        public string Name => name;
        public Func<T, string> PlatformId => platformId;
        public Func<T, DateTimeOffset?> ModifiedAt => modifiedAt;

        public DbCommand CreateUpsert(DbConnection connection, DbTransaction transaction)
        {
            var all = CommonColumns.Concat(columns).ToArray();
            var updates = all.Where(c => c is not ("TenantId" or "StoreId" or "PlatformId")).Select(c => $"{c} = excluded.{c}");
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"INSERT INTO {name} ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select(c => "$" + c))}) " +
                $"ON CONFLICT (StoreId, PlatformId) DO UPDATE SET {string.Join(", ", updates)}";
            foreach (var column in all) AddParameter(command, "$" + column, null);
            command.Prepare();
            return command;
        }

        public void Bind(DbCommand command, Guid tenantId, int storeId, string id, long hash, string payload, object? modified, T record)
        {
            var p = command.Parameters;
            p[0].Value = tenantId.ToString().ToUpperInvariant();
            p[1].Value = storeId;
            p[2].Value = id;
            p[3].Value = hash;
            p[4].Value = payload;
            p[5].Value = modified ?? DBNull.Value;
            var extra = values(record);
            for (var i = 0; i < extra.Length; i++) p[CommonColumns.Length + i].Value = extra[i] ?? DBNull.Value;
        }
    }
}
