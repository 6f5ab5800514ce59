using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>Who a customer key (<see cref="ScopedOrders.CustomerKey"/>) is, as a merchant recognises them.</summary>
/// <param name="Name">"First Last", or null when the store has no name (guests, accounts without one).</param>
public sealed record CustomerName(string? Name, string? Email)
{
    /// <summary>Name and e-mail, whichever the store has: "Ada Lovelace (ada@example.com)", "ada@example.com", or the fallback.</summary>
    public string Display(string fallback) => (Name, Email) switch
    {
        ({ } n, { } e) => $"{n} ({e})",
        ({ } n, null) => n,
        (null, { } e) => e,
        _ => fallback,
    };
}

/// <summary>
/// Names and e-mails for the customer keys the analyses use (which are "{store}/{platform id}" or
/// "{store}/guest:{e-mail}"), so pages and exports show people instead of "1/1636". Tenant-scoped like every query.
/// </summary>
public sealed class CustomerDirectory(IDbContextFactory<NexusDbContext> factory)
{
    public async Task<IReadOnlyDictionary<string, CustomerName>> ForScopeAsync(AnalyticsScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var storeIds = await ScopedOrders.StoreIdsAsync(db, scope, cancellationToken);
        var rows = await db.Customers.AsNoTracking().Where(c => storeIds.Contains(c.StoreId))
            .Select(c => new { c.StoreId, c.PlatformId, c.FirstName, c.LastName, c.Email })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, CustomerName>(rows.Count, StringComparer.Ordinal);
        foreach (var c in rows)
        {
            var full = string.Join(' ', new[] { c.FirstName, c.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
            names[ScopedOrders.CustomerKey(c.StoreId, c.PlatformId, null)] = new CustomerName(full.Length == 0 ? null : full, c.Email);
        }
        return names;
    }

    /// <summary>A key's display text: the directory's entry, a guest's e-mail from the key itself, or the key.</summary>
    public static string Display(IReadOnlyDictionary<string, CustomerName> names, string key)
    {
        if (names.TryGetValue(key, out var name)) return name.Display(key);
        var guest = key.IndexOf("/guest:", StringComparison.Ordinal);
        return guest >= 0 ? $"{key[(guest + 7)..]} (guest)" : key;
    }
}
