using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Quality;
using Nexus.Core.Storage;

namespace Nexus.Core.Sync;

/// <summary>
/// One entity's path through a sync, described once: fetch (the connector's page of this entity) → map (the connector)
/// → validate and cleanse (<see cref="Quality"/>) → store (<see cref="Storage"/>, one unit of work per page). The sync
/// engine and re-validation run every entity through the same generic code; nothing switches on the record type.
/// </summary>
public interface IEntityPipeline
{
    SyncEntity Entity { get; }

    /// <summary>Runs the generic per-entity code with this entity's record type.</summary>
    TResult Accept<TResult>(IEntityPipelineVisitor<TResult> visitor);
}

public interface IEntityPipelineVisitor<out TResult>
{
    TResult Visit<T>(EntityPipeline<T> pipeline) where T : class;
}

public sealed class EntityPipeline<T>(
    Func<IStoreConnector, PageRequest, CancellationToken, Task<FetchedPage<T>>> fetch,
    Func<T, DateTimeOffset?> changedAt,
    QualityEntity<T> quality,
    StorageEntity<T> storage) : IEntityPipeline
    where T : class
{
    public SyncEntity Entity => storage.Entity;

    public QualityEntity<T> Quality => quality;

    public StorageEntity<T> Storage => storage;

    public Task<FetchedPage<T>> FetchAsync(IStoreConnector connector, PageRequest request, CancellationToken cancellationToken) => fetch(connector, request, cancellationToken);

    /// <summary>When the record last changed, for the incremental high-water mark (orders fall back to their creation).</summary>
    public DateTimeOffset? ChangedAt(T record) => changedAt(record);

    public TResult Accept<TResult>(IEntityPipelineVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>The entities a sync pulls, in the order it pulls them (orders refer to customers and products).</summary>
public static class EntityPipelines
{
    public static EntityPipeline<Customer> Customers { get; } = new((c, r, ct) => c.FetchCustomersAsync(r, ct), c => c.ModifiedAt,
        QualityEntities.Customers, StorageEntities.Customers);

    public static EntityPipeline<Product> Products { get; } = new((c, r, ct) => c.FetchProductsAsync(r, ct), p => p.ModifiedAt,
        QualityEntities.Products, StorageEntities.Products);

    public static EntityPipeline<Order> Orders { get; } = new((c, r, ct) => c.FetchOrdersAsync(r, ct), o => o.ModifiedAt ?? o.CreatedAt,
        QualityEntities.Orders, StorageEntities.Orders);

    public static IReadOnlyList<IEntityPipeline> All { get; } = [Customers, Products, Orders];
}
