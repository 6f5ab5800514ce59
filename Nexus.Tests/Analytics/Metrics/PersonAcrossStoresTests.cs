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
/// One person across stores: <see cref="MetricsTestData"/>'s store (in March: c1, the guest ana@x.com, c5) plus a second
/// store where c5's e-mail shops as a guest, a guest is known only by a phone written two ways, and zoe@x.com buys once
/// with an account (whose order carries no e-mail) and once as a guest.
/// </summary>
public sealed class PersonAcrossStoresTests
{
    private static readonly ReportingPeriod March =
        ReportSelection.Parse("range=custom&from=2026-03-01&to=2026-03-31").Period(new FakeTimeProvider(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero)));

    private static async Task<(ScratchStoreDatabase Database, int Second)> CreateAsync()
    {
        var database = await MetricsTestData.CreateAsync();
        await using var db = database.CreateDbContext();
        var store = new ConnectedStore { TenantId = database.TenantId, Name = "Berlin", Platform = "shopify", ProtectedCredentials = database.Protector.Protect(new StoreCredentials("k", "s")) };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        var upserter = new RecordUpserter(database);
        await upserter.UpsertCustomersAsync(database.TenantId, store.Id, [new Customer { PlatformId = "e9", FirstName = "Zoe", Email = "Zoe@X.com" }]);
        await upserter.UpsertOrdersAsync(database.TenantId, store.Id,
        [
            NewOrder("t1", null, " C5@X.com", OrderStatus.Completed, 30m, Day(3, 27)),
            NewOrder("t2", null, null, OrderStatus.Completed, 10m, Day(3, 6)) with { Billing = new Address { Phone = "+49 (30) 1234" } },
            NewOrder("t3", null, null, OrderStatus.Completed, 12m, Day(3, 8)) with { Shipping = new Address { Phone = "+49 30-1234" } },
            NewOrder("t4", "e9", null, OrderStatus.Completed, 5m, Day(3, 9)),
            NewOrder("t5", null, "zoe@x.com", OrderStatus.Completed, 7m, Day(3, 11)),
        ]);
        return (database, store.Id);
    }

    [Fact]
    public async Task Under_all_stores_a_person_who_bought_in_both_stores_is_one_customer()
    {
        var (database, second) = await CreateAsync();
        await using var _d = database;
        var query = new OverviewQuery(database);
        var all = (await query.RunAsync(new AnalyticsScope(database.TenantId, null, "EUR"), March, Comparison.None)).Current;
        var first = (await query.RunAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR"), March, Comparison.None)).Current;
        var berlin = (await query.RunAsync(new AnalyticsScope(database.TenantId, second, "EUR"), March, Comparison.None)).Current;

        Assert.Equal(3, first.Customers);
        // Berlin: c5's e-mail, the phone guest (two orders), zoe (account + guest).
        Assert.Equal(3, berlin.Customers);
        Assert.Equal(2, berlin.RepeatCustomers);
        // Together: c1, ana, c5 (both stores), the phone guest, zoe: five people, not six; c5 is the one in two stores.
        Assert.Equal((5, 1), (all.Customers, all.MultiStoreCustomers));
        Assert.Equal((0, 0), (first.MultiStoreCustomers, berlin.MultiStoreCustomers));
    }

    [Fact]
    public async Task Lifetime_and_rfm_input_is_keyed_by_person_across_stores()
    {
        var (database, second) = await CreateAsync();
        await using var _d = database;
        var berlin = await new StoreTransactions(database).LoadAsync(new AnalyticsScope(database.TenantId, second, "EUR"));
        Assert.Equal(["c5@x.com", "tel:+49301234", "zoe@x.com"], berlin.Select(t => t.CustomerId).Distinct().Order(StringComparer.Ordinal));

        var all = await new StoreTransactions(database).LoadAsync(new AnalyticsScope(database.TenantId, null, "EUR"));
        Assert.Equal([80m, 30m], all.Where(t => t.CustomerId == "c5@x.com").OrderBy(t => t.Date).Select(t => t.Amount));
        var names = await new CustomerDirectory(database).ForScopeAsync(new AnalyticsScope(database.TenantId, null, "EUR"));
        Assert.Equal("Zoe (zoe@x.com)", CustomerDirectory.Display(names, "zoe@x.com"));
        Assert.Equal("+49301234 (guest)", CustomerDirectory.Display(names, "tel:+49301234"));
    }

    [Fact]
    public async Task A_returning_customer_is_one_who_bought_before_in_any_of_the_stores()
    {
        var (database, second) = await CreateAsync();
        await using var _d = database;
        await new RecordUpserter(database).UpsertOrdersAsync(database.TenantId, database.StoreId, [NewOrder("t5", null, "zed@x.com", OrderStatus.Completed, 5m, Day(2, 25))]);
        await new RecordUpserter(database).UpsertOrdersAsync(database.TenantId, second, [NewOrder("t6", null, "Zed@x.com", OrderStatus.Completed, 9m, Day(3, 20))]);
        var returning = await new StoreTransactions(database).LoadAsync(new AnalyticsScope(database.TenantId, null, "EUR", From: new DateOnly(2026, 3, 1), Customers: CustomerFilter.Returning));
        // zed bought in the first store in February and in Berlin in March: returning under All stores.
        Assert.Equal(["c1@x.com", "zed@x.com"], returning.Select(t => t.CustomerId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Upgrading_a_database_fills_the_person_key_of_stored_records_as_a_page_write_does()
    {
        var (database, _) = await CreateAsync();
        await using var _d = database;
        await using (var tenant = database.ForTenant())
        {
            var written = await tenant.Orders.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Number, o.PersonKey }).ToListAsync();
            await using (var db = database.CreateDbContext())
            {
                // Back to the schema before the person key (the column is dropped), then forward again: the migration backfills.
                var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
                await migrator.MigrateAsync("20261204203317_OrderCountry");
                await migrator.MigrateAsync();
            }
            var upgraded = await tenant.Orders.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Number, o.PersonKey }).ToListAsync();
            Assert.Contains(written, o => o.Number == "t4" && o.PersonKey == "zoe@x.com");
            Assert.Equal(written, upgraded);
        }
        var all = (await new OverviewQuery(database).RunAsync(new AnalyticsScope(database.TenantId, null, "EUR"), March, Comparison.None)).Current;
        Assert.Equal((5, 1), (all.Customers, all.MultiStoreCustomers));
    }
}
