using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;
using Nexus.Core.Storage.Sql;

namespace Nexus.Benchmarks.Sync;

/// <summary>
/// Issue 19's raw baseline: the rows the store path writes for the fetched records (same tables, columns and payload
/// bytes, order lines included), inserted with ONE prepared single-row <c>INSERT</c> per table in ONE transaction and
/// nothing else: no hash look-ups, no quality, no checkpoint, no per-page transactions. The rows are built before the
/// clock starts, so this is what SQLite itself needs for the data; the store path is reported as a ratio to it.
/// </summary>
public static class RawInsertBaseline
{
    public static async Task<double> RunAsync(IDbContextFactory<NexusDbContext> factory, Guid tenantId, int storeId, FetchedStore fetched, CancellationToken cancellationToken)
    {
        var tables = new List<(Type RowType, List<object> Rows)>
        {
            (typeof(StoredCustomer), Rows(StorageEntities.Customers, fetched.Customers, tenantId, storeId)),
            (typeof(StoredProduct), Rows(StorageEntities.Products, fetched.Products, tenantId, storeId)),
            (typeof(StoredOrder), Rows(StorageEntities.Orders, fetched.Orders, tenantId, storeId)),
            (typeof(StoredOrderLine), LineRows(fetched.Orders, tenantId, storeId)),
        };

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var clock = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (rowType, rows) in tables)
            {
                var table = MappedTable.For(db, rowType);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction.GetDbTransaction();
                var placeholders = table.Writable.Select(c => table.AddParameter(insert, c, null)).ToList();
                insert.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Writable.Select(table.Column))}) VALUES ({string.Join(", ", placeholders)})";
                insert.Prepare();
                foreach (var row in rows)
                {
                    table.Bind(insert.Parameters, 0, row);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The number of rows the baseline writes (records plus order lines), for the report.</summary>
    public static int RowCount(FetchedStore fetched) => fetched.Customers.Count + fetched.Products.Count + fetched.Orders.Count + LineKeys(fetched.Orders).Count;

    private static List<object> Rows<T>(StorageEntity<T> storage, IReadOnlyList<T> records, Guid tenantId, int storeId)
        where T : class
    {
        // The store path keeps the last copy of a record a listing repeated; so does the baseline.
        return PageSql.LastCopies(storage, records).Values.Select(record =>
        {
            var (payload, hash) = PageSql.Payload(record);
            return (object)PageSql.StoredRow(storage, record, tenantId, storeId, payload, hash);
        }).ToList();
    }

    private static List<object> LineRows(IReadOnlyList<Nexus.Core.Model.Order> orders, Guid tenantId, int storeId) =>
        LineKeys(orders).Values.Select(line =>
        {
            (line.TenantId, line.StoreId) = (tenantId, storeId);
            return (object)line;
        }).ToList();

    private static Dictionary<(string Order, string Line), StoredOrderLine> LineKeys(IReadOnlyList<Nexus.Core.Model.Order> orders)
    {
        var lines = new Dictionary<(string, string), StoredOrderLine>();
        foreach (var line in orders.SelectMany(StorageEntities.OrderLines)) lines[(line.OrderPlatformId, line.LinePlatformId)] = line;
        return lines;
    }
}
