using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Storage;

namespace Nexus.Core.Quality.Storage;

/// <summary>
/// Builds <see cref="StoreFacts"/> for one page with a few indexed look-ups (only the e-mails, SKUs and ids the
/// page mentions), so cross-record rules work on a million-order store without loading it. The page's own
/// records override their stored versions: they are newer.
/// </summary>
public sealed class StoreFactsReader(IDbContextFactory<NexusDbContext> factory)
{
    private const int Chunk = 500;

    public async Task<StoreFacts> ForCustomersAsync(Guid tenantId, int storeId, IReadOnlyList<Customer> page, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var pageIds = page.Select(c => c.PlatformId).ToHashSet(StringComparer.Ordinal);
        var emails = page.Select(c => c.Email).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await using var db = await OpenAsync(tenantId, cancellationToken);
        foreach (var chunk in emails.Chunk(Chunk))
        {
            var rows = await db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && chunk.Contains(c.Email))
                .Select(c => new { c.PlatformId, c.Email }).ToListAsync(cancellationToken);
            foreach (var row in rows)
                if (!pageIds.Contains(row.PlatformId)) facts.AddEmail(row.PlatformId, row.Email!);
        }
        foreach (var c in page)
            if (c.Email is { } email) facts.AddEmail(c.PlatformId, email);
        return facts;
    }

    public async Task<StoreFacts> ForProductsAsync(Guid tenantId, int storeId, IReadOnlyList<Product> page, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var pageIds = page.Select(p => p.PlatformId).ToHashSet(StringComparer.Ordinal);
        var skus = page.Select(p => p.Sku).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await using var db = await OpenAsync(tenantId, cancellationToken);
        foreach (var chunk in skus.Chunk(Chunk))
        {
            var rows = await db.Products.AsNoTracking().Where(p => p.StoreId == storeId && chunk.Contains(p.Sku))
                .Select(p => new { p.PlatformId, p.Sku }).ToListAsync(cancellationToken);
            foreach (var row in rows)
                if (!pageIds.Contains(row.PlatformId)) facts.AddSku(row.PlatformId, row.Sku!);
        }
        foreach (var p in page)
            if (p.Sku is { } sku) facts.AddSku(p.PlatformId, sku);
        return facts;
    }

    public async Task<StoreFacts> ForOrdersAsync(Guid tenantId, int storeId, IReadOnlyList<Order> page, CancellationToken cancellationToken)
    {
        var facts = new StoreFacts();
        var customerIds = page.Select(o => o.CustomerPlatformId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var productIds = page.SelectMany(o => o.Lines).Select(l => l.ProductPlatformId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await using var db = await OpenAsync(tenantId, cancellationToken);
        foreach (var chunk in customerIds.Chunk(Chunk))
            foreach (var id in await db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && chunk.Contains(c.PlatformId)).Select(c => c.PlatformId).ToListAsync(cancellationToken))
                facts.AddCustomer(id);
        foreach (var chunk in productIds.Chunk(Chunk))
            foreach (var id in await db.Products.AsNoTracking().Where(p => p.StoreId == storeId && chunk.Contains(p.PlatformId)).Select(p => p.PlatformId).ToListAsync(cancellationToken))
                facts.AddProduct(id);
        return facts;
    }

    private async Task<NexusDbContext> OpenAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        return db;
    }
}
