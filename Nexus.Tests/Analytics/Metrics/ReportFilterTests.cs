using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using static Nexus.Tests.Analytics.Metrics.MetricsTestData;

namespace Nexus.Tests.Analytics.Metrics;

/// <summary>
/// The Overview over a chosen range and with the report filters. The hand-checkable WooCommerce store of
/// <see cref="MetricsTestData"/> (orders without a country) plus a second, Shopify store selling to Germany and France.
/// </summary>
public sealed class ReportFilterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));
    private static readonly ReportingPeriod March = ReportSelection.Parse("range=custom&from=2026-03-01&to=2026-03-31").Period(Clock);

    private static async Task<(ScratchStoreDatabase Database, int Shopify)> CreateAsync()
    {
        var database = await MetricsTestData.CreateAsync();
        await using var db = database.CreateDbContext();
        var store = new ConnectedStore { TenantId = database.TenantId, Name = "Berlin", Platform = "shopify", ProtectedCredentials = database.Protector.Protect(new StoreCredentials("k", "s")) };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        await new RecordUpserter(database).UpsertOrdersAsync(database.TenantId, store.Id,
        [
            // d1 bought in February, so in March d1 is returning; the country is sent in lower case.
            NewOrder("s1", "d1", "d1@x.de", OrderStatus.Completed, 50m, Day(2, 1)) with { Billing = new Address { CountryCode = "de" } },
            NewOrder("s2", "d1", "d1@x.de", OrderStatus.Completed, 200m, Day(3, 10)) with { Billing = new Address { CountryCode = "de" } },
            // A guest with a shipping address only: the country comes from there.
            NewOrder("s3", null, "x@y.fr", OrderStatus.Completed, 300m, Day(3, 12)) with { Shipping = new Address { CountryCode = "FR" } },
        ]);
        return (database, store.Id);
    }

    private static AnalyticsScope AllStores(ScratchStoreDatabase database) => new(database.TenantId, null, "EUR");

    [Fact]
    public async Task Kpis_over_a_custom_range_equal_the_stored_orders_summed_directly()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        var range = ReportSelection.Parse("range=custom&from=2026-03-05&to=2026-03-19").Period(Clock);
        var report = await new OverviewQuery(database).RunAsync(AllStores(database), range, Comparison.None);

        await using var db = database.ForTenant();
        var stored = await db.Orders.AsNoTracking().Where(o => o.Currency == "EUR").ToListAsync();
        var inRange = stored.Where(o => o.CreatedAt >= range.Start && o.CreatedAt < range.End && ScopedOrders.RevenueStatuses.Contains(o.Status)).ToList();
        Assert.NotEmpty(inRange);
        Assert.Equal(inRange.Sum(o => o.TotalMinor - o.RefundedMinor) / 100m, report.Current.Revenue);
        Assert.Equal(inRange.Count, report.Current.Orders);
        Assert.Equal(inRange.Sum(o => o.TotalMinor - o.RefundedMinor) / 100m, report.RevenueOverTime.Sum(p => p.Revenue));
        Assert.Null(report.Previous);
    }

    [Fact]
    public async Task The_platform_filter_keeps_that_platforms_stores_only()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        var query = new OverviewQuery(database);
        var shopify = await query.RunAsync(AllStores(database) with { Platform = "shopify" }, March, Comparison.None);
        var woo = await query.RunAsync(AllStores(database) with { Platform = "woocommerce" }, March, Comparison.None);
        Assert.Equal(500m, shopify.Current.Revenue); // 200 + 300
        Assert.Equal(225m, woo.Current.Revenue);     // the hand-checked March of MetricsTestData
    }

    [Fact]
    public async Task The_country_filter_compares_codes_case_insensitively_and_reads_the_shipping_country_when_there_is_no_billing_one()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        var query = new OverviewQuery(database);
        var germany = await query.RunAsync(AllStores(database) with { Country = "De" }, March, Comparison.None);
        var france = await query.RunAsync(AllStores(database) with { Country = "fr" }, March, Comparison.None);
        Assert.Equal((200m, 1), (germany.Current.Revenue, germany.Current.Orders));
        Assert.Equal((300m, 1), (france.Current.Revenue, france.Current.Orders));
    }

    [Fact]
    public async Task New_and_returning_customers_split_the_period_by_whether_they_had_bought_before_it()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        var query = new OverviewQuery(database);
        var all = await query.RunAsync(AllStores(database), March, Comparison.None);
        var fresh = await query.RunAsync(AllStores(database) with { Customers = CustomerFilter.New }, March, Comparison.None);
        var returning = await query.RunAsync(AllStores(database) with { Customers = CustomerFilter.Returning }, March, Comparison.None);

        // New in March: the guest ana@x.com (20 + 40), c5 (80), the guest x@y.fr (300).
        Assert.Equal((440m, 3, 3), (fresh.Current.Revenue, fresh.Current.Customers, fresh.Current.NewCustomers));
        // Returning: c1 (first order 10 February; 40 + 30 in March) and d1 (February; 200).
        Assert.Equal((270m, 2, 0), (returning.Current.Revenue, returning.Current.Customers, returning.Current.NewCustomers));
        // Together they are everything but the guest without an e-mail (15), who is no customer.
        Assert.Equal(all.Current.Revenue - 15m, fresh.Current.Revenue + returning.Current.Revenue);
        Assert.Equal(fresh.Current.Revenue + returning.Current.Revenue, fresh.RevenueOverTime.Sum(p => p.Revenue) + returning.RevenueOverTime.Sum(p => p.Revenue));
    }

    [Fact]
    public async Task The_same_period_last_year_and_the_previous_period_are_computed_over_their_own_days()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        var query = new OverviewQuery(database);
        var previous = await query.RunAsync(AllStores(database), March, Comparison.Previous);
        var lastYear = await query.RunAsync(AllStores(database), March, Comparison.YearBefore);
        // 31 days before March: 29 January – 28 February (orders 1, 12 and s1: 100 + 10 + 50); March 2025 had no orders.
        Assert.Equal((new DateOnly(2026, 1, 29), 160m), (previous.Previous!.Period.FirstDay, previous.Previous.Revenue));
        Assert.Equal((new DateOnly(2025, 3, 1), 0m), (lastYear.Previous!.Period.FirstDay, lastYear.Previous.Revenue));
        Assert.Equal(Comparison.YearBefore, lastYear.Comparison);
    }

    [Fact]
    public async Task Orders_synced_before_the_country_column_get_their_country_from_the_payload_when_the_database_is_upgraded()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        await using (var db = database.CreateDbContext())
        {
            // Back to the schema before orders.CountryCode (the column is dropped), then forward again: the migration backfills.
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync("20261203173549_ProductAnalysisCache");
            await migrator.MigrateAsync();
        }
        await using var tenant = database.ForTenant();
        var countries = await tenant.Orders.AsNoTracking().Where(o => o.Number.StartsWith("s")).OrderBy(o => o.Number).Select(o => o.CountryCode).ToListAsync();
        Assert.Equal(["DE", "DE", "FR"], countries);
        Assert.All(await tenant.Orders.AsNoTracking().Where(o => !o.Number.StartsWith("s")).Select(o => o.CountryCode).ToListAsync(), Assert.Null);
    }

    [Fact]
    public async Task The_filters_offer_the_tenants_own_platforms_and_countries()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        var descriptors = new[] { new PlatformDescriptor { Id = "shopify", DisplayName = "Shopify", Credentials = [], CreateConnector = (_, _) => null! } };
        var options = await new ReportFilterQuery(database, descriptors).LoadAsync(database.TenantId);
        Assert.Equal(["DE", "FR"], options.Countries);
        Assert.Equal([new PlatformOption("shopify", "Shopify"), new PlatformOption("woocommerce", "woocommerce")], options.Platforms);
        Assert.Equal(2, options.Stores.Count);
        // Another tenant sees none of it.
        Assert.Empty((await new ReportFilterQuery(database, descriptors).LoadAsync(Guid.NewGuid())).Countries);
    }
}
