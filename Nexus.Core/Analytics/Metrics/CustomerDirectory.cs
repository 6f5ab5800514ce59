using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Customers;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>Who a customer (a person key, see <see cref="PersonIdentity"/>) is, as a merchant recognises them.</summary>
/// <param name="Name">"First Last", or null when the store has no name (guests, accounts without one).</param>
public sealed record CustomerName(string? Name, string? Email)
{
    /// <summary>The store's own first-name field (trimmed), when it has one: e-mail tools want the parts, not a split of <see cref="Name"/>.</summary>
    public string? FirstName { get; init; }

    /// <summary>The store's own last-name field (trimmed), when it has one.</summary>
    public string? LastName { get; init; }

    /// <summary>Name and e-mail, whichever the store has: "Ada Lovelace (ada@example.com)", "ada@example.com", or the fallback.</summary>
    public string Display(string fallback) => (Name, Email) switch
    {
        ({ } n, { } e) => $"{n} ({e})",
        ({ } n, null) => n,
        (null, { } e) => e,
        _ => fallback,
    };

    /// <summary>"First Last" of whichever parts are there; null when none is.</summary>
    public static string? Join(string? first, string? last)
    {
        var full = string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        return full.Length == 0 ? null : full;
    }
}

/// <summary>
/// Names and e-mails for the person keys the analyses use, so pages and exports show people instead of keys. A person's
/// entry comes from the customers table: the account whose own key is the person's, else an account the person's orders
/// were placed with (an account whose orders carry another billing e-mail). Tenant-scoped like every query.
/// </summary>
public sealed class CustomerDirectory(IDbContextFactory<NexusDbContext> factory)
{
    public async Task<IReadOnlyDictionary<string, CustomerName>> ForScopeAsync(AnalyticsScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var storeIds = await ScopedOrders.StoreIdsAsync(db, scope, cancellationToken);
        var accounts = await db.Customers.AsNoTracking().Where(c => storeIds.Contains(c.StoreId))
            .Select(c => new { c.StoreId, c.PlatformId, c.PersonKey, c.FirstName, c.LastName, c.Email })
            .ToListAsync(cancellationToken);
        var links = await db.Orders.AsNoTracking().Where(o => storeIds.Contains(o.StoreId) && o.PersonKey != null && o.CustomerPlatformId != null)
            .Select(o => new { o.PersonKey, o.StoreId, o.CustomerPlatformId }).Distinct()
            .ToListAsync(cancellationToken);

        var byAccount = new Dictionary<(int, string), CustomerName>();
        var names = new Dictionary<string, CustomerName>(StringComparer.Ordinal);
        foreach (var c in accounts)
        {
            var name = new CustomerName(CustomerName.Join(c.FirstName, c.LastName), c.Email)
            {
                FirstName = string.IsNullOrWhiteSpace(c.FirstName) ? null : c.FirstName.Trim(),
                LastName = string.IsNullOrWhiteSpace(c.LastName) ? null : c.LastName.Trim(),
            };
            byAccount[(c.StoreId, c.PlatformId)] = name;
            if (c.PersonKey is not null) names[c.PersonKey] = Better(names.GetValueOrDefault(c.PersonKey), name);
        }
        foreach (var link in links)
        {
            if (byAccount.TryGetValue((link.StoreId, link.CustomerPlatformId!), out var name))
                names[link.PersonKey!] = Better(names.GetValueOrDefault(link.PersonKey!), name);
        }
        return names;
    }

    /// <summary>A key's display text: the directory's entry, else what the key itself says ("ana@x.com (guest)").</summary>
    public static string Display(IReadOnlyDictionary<string, CustomerName> names, string key) =>
        names.TryGetValue(key, out var name) ? name.Display(PersonIdentity.Describe(key)) : Fallback(key);

    /// <summary>A key without an account: its e-mail or phone marked as a guest's, or the account it names.</summary>
    public static string Fallback(string key) =>
        PersonIdentity.KindOf(key) == PersonKeyKind.Account ? PersonIdentity.Describe(key) : $"{PersonIdentity.Describe(key)} (guest)";

    // Of two accounts of one person (two stores), the one with a name wins.
    private static CustomerName Better(CustomerName? existing, CustomerName candidate) =>
        existing is null || (existing.Name is null && candidate.Name is not null) ? candidate : existing;
}
