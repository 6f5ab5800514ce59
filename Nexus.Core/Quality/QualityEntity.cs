using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Quality.Cleansing;
using Nexus.Core.Quality.Rules;

namespace Nexus.Core.Quality;

/// <summary>
/// What Quality needs to know about one entity, described once: its id, how it is cleansed, which rules apply, and
/// which store facts its cross-record rules need (looked up through <see cref="IStoreFactsSource"/>, only for the
/// e-mails, SKUs and ids the page mentions, so memory stays bounded by the page, not the store).
/// </summary>
public sealed class QualityEntity<T>(
    SyncEntity entity,
    Func<T, string> platformId,
    Func<T, CleansingLog, T> cleanse,
    Func<RuleCatalog, IReadOnlyList<QualityRule<T>>> rules,
    Func<IReadOnlyList<T>, IStoreFactsSource, CancellationToken, Task<StoreFacts>> facts)
    where T : class
{
    public SyncEntity Entity => entity;

    /// <summary>"customer", "product", "order": how quarantine rows and mapping rules name one record.</summary>
    public string Singular { get; } = MappingRule.Singular(entity);

    public string PlatformId(T record) => platformId(record);

    public T Cleanse(T record, out CleansingLog log) => cleanse(record, log = new CleansingLog());

    public IReadOnlyList<QualityRule<T>> Rules(RuleCatalog catalog) => rules(catalog);

    /// <summary>The facts the page's (already cleansed) records need; the page's own records override stored ones, being newer.</summary>
    public Task<StoreFacts> FactsAsync(IReadOnlyList<T> page, IStoreFactsSource source, CancellationToken cancellationToken) => facts(page, source, cancellationToken);
}

/// <summary>The three entities Quality checks.</summary>
public static class QualityEntities
{
    public static QualityEntity<Customer> Customers { get; } = new(SyncEntity.Customers, c => c.PlatformId, RecordCleanser.Cleanse, r => r.Customers,
        (page, source, ct) => UniqueAsync(page, source, SyncEntity.Customers, FactKey.Email, c => c.PlatformId, c => c.Email, (f, id, v) => f.AddEmail(id, v), ct));

    public static QualityEntity<Product> Products { get; } = new(SyncEntity.Products, p => p.PlatformId, RecordCleanser.Cleanse, r => r.Products,
        (page, source, ct) => UniqueAsync(page, source, SyncEntity.Products, FactKey.Sku, p => p.PlatformId, p => p.Sku, (f, id, v) => f.AddSku(id, v), ct));

    public static QualityEntity<Order> Orders { get; } = new(SyncEntity.Orders, o => o.PlatformId, RecordCleanser.Cleanse, r => r.Orders, OrderFactsAsync);

    /// <summary>Who else in the store uses the values the page uses (e-mails, SKUs), plus the page's own.</summary>
    private static async Task<StoreFacts> UniqueAsync<T>(IReadOnlyList<T> page, IStoreFactsSource source, SyncEntity entity, FactKey key,
        Func<T, string> id, Func<T, string?> value, Action<StoreFacts, string, string> add, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var pageIds = page.Select(id).ToHashSet(StringComparer.Ordinal);
        var values = page.Select(value).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await source.FindAsync(entity, key, values, (storedId, v) => { if (!pageIds.Contains(storedId)) add(facts, storedId, v); }, cancellationToken).ConfigureAwait(false);
        foreach (var record in page)
            if (value(record) is { } v) add(facts, id(record), v);
        return facts;
    }

    /// <summary>Which customers and products the page's orders refer to are stored.</summary>
    private static async Task<StoreFacts> OrderFactsAsync(IReadOnlyList<Order> page, IStoreFactsSource source, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var customerIds = page.Select(o => o.CustomerPlatformId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var productIds = page.SelectMany(o => o.Lines).Select(l => l.ProductPlatformId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await source.FindAsync(SyncEntity.Customers, FactKey.Id, customerIds, (id, _) => facts.AddCustomer(id), cancellationToken).ConfigureAwait(false);
        await source.FindAsync(SyncEntity.Products, FactKey.Id, productIds, (id, _) => facts.AddProduct(id), cancellationToken).ConfigureAwait(false);
        return facts;
    }
}
