using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Currency;
using Nexus.Core.Storage.Records;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Tests.Currency;

/// <summary>
/// One migrated database with the shipped ECB file loaded (once per test class: ~200,000 rates), in which each test
/// makes its own tenants and stores, so tests never see each other's orders.
/// </summary>
public sealed class FxDatabase : IAsyncLifetime
{
    public ScratchStoreDatabase Db { get; private set; } = null!;

    public FxRateStore Rates { get; private set; } = null!;

    public OverviewQuery Overview { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await ScratchStoreDatabase.CreateAsync();
        Rates = new FxRateStore(Db, new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), NullLogger<FxRateStore>.Instance);
        await Rates.EnsureShippedRatesAsync();
        Overview = new OverviewQuery(Db);
    }

    public async Task<Guid> NewTenantAsync()
    {
        var tenant = Guid.NewGuid();
        await using var db = Db.CreateDbContext();
        db.Tenants.Add(new Tenant { Id = tenant, Name = "fx-" + tenant.ToString("N")[..6] });
        await db.SaveChangesAsync();
        return tenant;
    }

    public async Task<int> NewStoreAsync(Guid tenant, string name)
    {
        await using var db = Db.CreateDbContext();
        var store = new ConnectedStore
        {
            TenantId = tenant, Name = name, Platform = "woocommerce", BaseUrl = $"https://{name}.example.test",
            ProtectedCredentials = Db.Protector.Protect(new StoreCredentials("k", "s")),
        };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return store.Id;
    }

    /// <summary>A completed order (revenue) of <paramref name="totalMinor"/> minor units at <paramref name="at"/> (UTC), for the currency tests to store.</summary>
    public static StoredOrder Order(Guid tenant, int store, string currency, long totalMinor, DateTimeOffset at, string? customer = null, long refundedMinor = 0)
    {
        var id = Guid.NewGuid().ToString("N");
        return new StoredOrder
        {
            TenantId = tenant, StoreId = store, PlatformId = id, Number = id[..6], Payload = "{}", Currency = currency, Status = "Completed",
            TotalMinor = totalMinor, RefundedMinor = refundedMinor, CreatedAt = at, CustomerPlatformId = customer ?? id,
            PersonKey = Nexus.Core.Analytics.Customers.PersonIdentity.AccountKey(store, customer ?? id),
        };
    }

    public async Task AddOrderAsync(Guid tenant, int store, string currency, long totalMinor, DateTimeOffset at)
    {
        await using var db = Db.CreateDbContext();
        db.Orders.Add(Order(tenant, store, currency, totalMinor, at));
        await db.SaveChangesAsync();
    }

    /// <summary>The Overview over the one UTC day <paramref name="day"/>, all of the tenant's stores converted into <paramref name="currency"/>.</summary>
    public Task<OverviewReport> ConvertedDayAsync(Guid tenant, string currency, DateOnly day) =>
        Overview.RunAsync(new AnalyticsScope(tenant, null, currency, Converted: true), ReportingPeriod.EndingOn(day, 1));

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
