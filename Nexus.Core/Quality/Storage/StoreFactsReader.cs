using System.Data.Common;
using Nexus.Core.Model;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Storage;

namespace Nexus.Core.Quality.Storage;

/// <summary>
/// Builds <see cref="StoreFacts"/> for one page with a few indexed look-ups (only the e-mails, SKUs and ids the
/// page mentions), so cross-record rules work on a million-order store without loading it. The page's own
/// records override their stored versions: they are newer. Hand-written SQL on the page's one connection because it
/// runs for every synced page (EF queries and extra connection opens were most of the gate's cost in <c>bench quality</c>).
/// Raw SQL skips EF's tenant filter, so every query restates tenant and store.
/// </summary>
public static class StoreFactsReader
{
    private const int Chunk = 500;

    public static async Task<StoreFacts> ForCustomersAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, int storeId, IReadOnlyList<Customer> page, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var pageIds = page.Select(c => c.PlatformId).ToHashSet(StringComparer.Ordinal);
        var emails = page.Select(c => c.Email).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await new Lookup(connection, transaction, tenantId, storeId).PairsAsync("customers", "Email", emails, (id, email) => { if (!pageIds.Contains(id)) facts.AddEmail(id, email); }, cancellationToken);
        foreach (var c in page)
            if (c.Email is { } email) facts.AddEmail(c.PlatformId, email);
        return facts;
    }

    public static async Task<StoreFacts> ForProductsAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, int storeId, IReadOnlyList<Product> page, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var pageIds = page.Select(p => p.PlatformId).ToHashSet(StringComparer.Ordinal);
        var skus = page.Select(p => p.Sku).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await new Lookup(connection, transaction, tenantId, storeId).PairsAsync("products", "Sku", skus, (id, sku) => { if (!pageIds.Contains(id)) facts.AddSku(id, sku); }, cancellationToken);
        foreach (var p in page)
            if (p.Sku is { } sku) facts.AddSku(p.PlatformId, sku);
        return facts;
    }

    public static async Task<StoreFacts> ForOrdersAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, int storeId, IReadOnlyList<Order> page, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var customerIds = page.Select(o => o.CustomerPlatformId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var productIds = page.SelectMany(o => o.Lines).Select(l => l.ProductPlatformId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var lookup = new Lookup(connection, transaction, tenantId, storeId);
        await lookup.PairsAsync("customers", "PlatformId", customerIds, (id, _) => facts.AddCustomer(id), cancellationToken);
        await lookup.PairsAsync("products", "PlatformId", productIds, (id, _) => facts.AddProduct(id), cancellationToken);
        return facts;
    }

    /// <summary>"Which stored records of this tenant's store have these keys", on an open connection.</summary>
    private readonly struct Lookup(DbConnection connection, DbTransaction? transaction, Guid tenantId, int storeId)
    {
        /// <param name="table">A fixed table name (never user input).</param>
        /// <param name="keyColumn">A fixed column name (never user input).</param>
        public async Task PairsAsync(string table, string keyColumn, IReadOnlyList<string> keys, Action<string, string> found, CancellationToken cancellationToken)
        {
            foreach (var chunk in keys.Chunk(Chunk))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var names = new string[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    names[i] = $"$k{i}";
                    RecordUpserter.AddParameter(command, names[i], chunk[i]);
                }
                RecordUpserter.AddParameter(command, "$store", storeId);
                RecordUpserter.AddParameter(command, "$tenant", tenantId.ToString().ToUpperInvariant());
                command.CommandText = $"SELECT PlatformId, {keyColumn} FROM {table} WHERE StoreId = $store AND TenantId = $tenant AND {keyColumn} IN ({string.Join(',', names)})";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) found(reader.GetString(0), reader.GetString(1));
            }
        }
    }
}
