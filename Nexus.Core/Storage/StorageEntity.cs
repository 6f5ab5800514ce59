using Nexus.Core.Analytics.Customers;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Storage.Records;

namespace Nexus.Core.Storage;

/// <summary>
/// How one canonical record type is stored, described once: its row type in the EF model (which names the table and
/// the columns), how a record fills the row's own columns, and, for orders, the child rows kept in step with it.
/// The columns every synced record has (tenant, store, platform id, hash, payload, modified) are filled by the writer.
/// </summary>
public sealed class StorageEntity<T>(SyncEntity entity, Type rowType, Func<NexusDbContext, IQueryable<StoredRecord>> rows, Func<T, string> platformId, Func<T, DateTimeOffset?> modifiedAt, Func<T, int, StoredRecord> row,
    Func<T, IEnumerable<StoredOrderLine>>? lines = null)
    where T : class
{
    public SyncEntity Entity => entity;

    /// <summary>The row's EF entity type (a <see cref="StoredRecord"/>).</summary>
    public Type RowType => rowType;

    /// <summary>The stored rows, through the context's tenant filter (re-validation reads them back from their payloads).</summary>
    public IQueryable<StoredRecord> Rows(NexusDbContext db) => rows(db);

    public string PlatformId(T record) => platformId(record);

    public DateTimeOffset? ModifiedAt(T record) => modifiedAt(record);

    /// <summary>The row's own columns; <paramref name="storeId"/> because a person key of an account names its store.</summary>
    public StoredRecord Row(T record, int storeId) => row(record, storeId);

    /// <summary>Child rows that must equal the record (orders → order_lines), or null when the entity has none.</summary>
    public Func<T, IEnumerable<StoredOrderLine>>? Lines => lines;
}

/// <summary>The synced record types and their rows.</summary>
public static class StorageEntities
{
    public static StorageEntity<Customer> Customers { get; } = new(SyncEntity.Customers, typeof(StoredCustomer), db => db.Customers, c => c.PlatformId, c => c.ModifiedAt, (c, storeId) => new StoredCustomer
    {
        Email = c.Email?.Trim().ToLowerInvariant(),
        PersonKey = PersonIdentity.ForCustomer(storeId, c),
        FirstName = c.FirstName,
        LastName = c.LastName,
        CountryCode = c.Billing?.CountryCode ?? c.Shipping?.CountryCode,
        CreatedAt = c.CreatedAt,
    });

    public static StorageEntity<Product> Products { get; } = new(SyncEntity.Products, typeof(StoredProduct), db => db.Products, p => p.PlatformId, p => p.ModifiedAt, (p, _) => new StoredProduct
    {
        Name = p.Name,
        Sku = p.Sku,
        Type = p.Type.ToString(),
        Currency = (p.Price ?? p.RegularPrice)?.Currency,
        PriceMinor = (p.Price ?? p.RegularPrice) is { } price ? MinorUnits.ToMinor(price) : null,
        StockQuantity = p.StockQuantity,
        VariantCount = p.Variants.Count > 0 ? p.Variants.Count : p.VariantPlatformIds.Count,
        UnitCostMinor = p.UnitCost is { } cost ? MinorUnits.ToMinor(cost) : null,
        UnitCostCurrency = p.UnitCost?.Currency,
    });

    public static StorageEntity<Order> Orders { get; } = new(SyncEntity.Orders, typeof(StoredOrder), db => db.Orders, o => o.PlatformId, o => o.ModifiedAt, (o, storeId) => new StoredOrder
    {
        Number = o.Number,
        CustomerPlatformId = o.CustomerPlatformId,
        BillingEmail = o.BillingEmail?.Trim().ToLowerInvariant(),
        // From the order alone; the page write then prefers the stored account's e-mail over the order's phone (PageSql).
        PersonKey = PersonIdentity.ForOrder(storeId, o),
        Currency = o.Currency,
        Status = o.Status.ToString(),
        TotalMinor = MinorUnits.ToMinor(o.Total),
        RefundedMinor = MinorUnits.ToMinor(o.RefundedTotal),
        LineCount = o.Lines.Count,
        CreatedAt = o.CreatedAt,
        PaidAt = o.PaidAt,
        CountryCode = OrderCountry(o),
    }, OrderLines);

    /// <summary>
    /// The order's country for reports: billing, else shipping, trimmed and upper-cased so "de" and "DE" are one country.
    /// The migration that added the column fills it the same way from the stored payloads (20261204203317_OrderCountry).
    /// </summary>
    public static string? OrderCountry(Order order) =>
        (order.Billing?.CountryCode ?? order.Shipping?.CountryCode)?.Trim().ToUpperInvariant() is { Length: > 0 } code ? code : null;

    /// <summary>An order's product lines as rows (the same figures the payload holds).</summary>
    public static IEnumerable<StoredOrderLine> OrderLines(Order order) => order.Lines.Select(line => new StoredOrderLine
    {
        OrderPlatformId = order.PlatformId,
        LinePlatformId = line.PlatformId,
        ProductPlatformId = line.ProductPlatformId,
        VariantPlatformId = line.VariantPlatformId,
        Sku = line.Sku,
        Quantity = (double)line.Quantity,
        NetMinor = MinorUnits.ToMinor(line.Total),
        Currency = order.Currency,
        OrderCreatedAt = order.CreatedAt,
        OrderStatus = order.Status.ToString(),
    });
}
