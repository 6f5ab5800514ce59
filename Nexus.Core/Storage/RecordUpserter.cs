using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Quality;

namespace Nexus.Core.Storage;

/// <summary>How many records a batch inserted, changed, or found already stored exactly as fetched.</summary>
public readonly record struct UpsertCounts(int Inserted, int Updated, int Unchanged)
{
    public static UpsertCounts operator +(UpsertCounts a, UpsertCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}

/// <summary>
/// The sync's writer: every batch goes through <see cref="PageUnitOfWork"/>, one transaction with prepared upserts whose
/// columns come from the EF model. Rows whose canonical JSON hash is unchanged are not rewritten, so re-running a sync
/// is idempotent and cheap. The typed helpers store records without quality (seeding, benchmarks, tests).
/// </summary>
public sealed class RecordUpserter(IDbContextFactory<NexusDbContext> factory, IPageWriteProbe? probe = null)
{
    private readonly PageUnitOfWork _pages = new(factory, probe);

    /// <summary>How canonical records are stored and exported (<see cref="CanonicalJson.Options"/>).</summary>
    public static JsonSerializerOptions PayloadJson => CanonicalJson.Options;

    /// <summary>One page in one transaction: gate decisions, records, lines, issues, quarantine and checkpoint.</summary>
    public Task<PageWritten<T>> WritePageAsync<T>(PageWrite<T> page, CancellationToken cancellationToken = default)
        where T : class => _pages.WriteAsync(page, cancellationToken);

    public Task<UpsertCounts> UpsertCustomersAsync(Guid tenantId, int storeId, IReadOnlyList<Customer> records, CancellationToken cancellationToken = default) =>
        UpsertAsync(StorageEntities.Customers, tenantId, storeId, records, cancellationToken);

    public Task<UpsertCounts> UpsertOrdersAsync(Guid tenantId, int storeId, IReadOnlyList<Order> records, CancellationToken cancellationToken = default) =>
        UpsertAsync(StorageEntities.Orders, tenantId, storeId, records, cancellationToken);

    public Task<UpsertCounts> UpsertProductsAsync(Guid tenantId, int storeId, IReadOnlyList<Product> records, CancellationToken cancellationToken = default) =>
        UpsertAsync(StorageEntities.Products, tenantId, storeId, records, cancellationToken);

    /// <summary>Keeps records that could not be stored, with their raw payload and every reason (replacing earlier entries of the same records).</summary>
    public async Task QuarantineAsync(Guid tenantId, int storeId, long? syncRunId, IReadOnlyList<Quarantined> records, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0) return;
        await _pages.WriteAsync(new PageWrite<Order>(StorageEntities.Orders, new QualityScope(tenantId, storeId, syncRunId, now),
            (_, _) => Task.FromResult(new GatedPage<Order>([], records, PageQuality.None, []))), cancellationToken);
    }

    private async Task<UpsertCounts> UpsertAsync<T>(StorageEntity<T> storage, Guid tenantId, int storeId, IReadOnlyList<T> records, CancellationToken cancellationToken)
        where T : class
    {
        if (records.Count == 0) return default;
        var written = await _pages.WriteAsync(new PageWrite<T>(storage, new QualityScope(tenantId, storeId, null, DateTimeOffset.MinValue),
            (_, _) => Task.FromResult(new GatedPage<T>(records, [], PageQuality.None, []))), cancellationToken);
        return written.Counts;
    }
}
