using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>A store a report can be narrowed to.</summary>
public sealed record StoreOption(int Id, string Name, string Platform);

/// <summary>A platform a report can be narrowed to: its id (what the URL carries) and the name merchants see.</summary>
public sealed record PlatformOption(string Id, string Name);

/// <summary>What the report filters offer a tenant: its stores, the platforms they are on, the countries its orders go to.</summary>
public sealed record ReportFilterOptions(IReadOnlyList<StoreOption> Stores, IReadOnlyList<PlatformOption> Platforms, IReadOnlyList<string> Countries)
{
    public static ReportFilterOptions None { get; } = new([], [], []);
}

/// <summary>
/// Lists the report filter options from the tenant's own data only (never another tenant's stores or countries): a
/// filter offers what is there, so choosing one never gives an empty report because the value does not exist.
/// </summary>
public sealed class ReportFilterQuery(IDbContextFactory<NexusDbContext> factory, IEnumerable<PlatformDescriptor> platforms)
{
    private readonly Dictionary<string, string> _platformNames = platforms.ToDictionary(p => p.Id, p => p.DisplayName, StringComparer.Ordinal);

    public async Task<ReportFilterOptions> LoadAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => new StoreOption(s.Id, s.Name, s.Platform)).ToListAsync(cancellationToken);
        var storeIds = stores.Select(s => s.Id).ToList();
        var countries = await db.Orders.AsNoTracking()
            .Where(o => storeIds.Contains(o.StoreId) && o.CountryCode != null)
            .Select(o => o.CountryCode!).Distinct().ToListAsync(cancellationToken);
        var platformOptions = stores.Select(s => s.Platform).Distinct(StringComparer.Ordinal)
            .Select(id => new PlatformOption(id, _platformNames.GetValueOrDefault(id, id)))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        // Stored codes are upper-case already; codes that are not two letters (a country typed out in full) cannot be filtered on.
        var codes = countries.Select(ReportSelection.CountryCode).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new ReportFilterOptions(stores, platformOptions, codes);
    }
}
