using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Quality.Cleansing;

namespace Nexus.Tests.Quality;

/// <summary>Re-validation over stored records, as after a rule change: records stored without the gate are checked now.</summary>
public sealed class RevalidationTests : IAsyncLifetime
{
    private QualitySyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await QualitySyncHarness.CreateAsync(SizeProfile.Tiny, DefectRates.None);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Records_stored_before_the_rules_existed_get_their_issues_are_cleansed_and_unusable_ones_move_to_quarantine()
    {
        var (tenant, store) = (_harness.Db.TenantId, _harness.Db.StoreId);
        // Stored straight through the upserter, as data synced before quality existed would be.
        var negative = RuleCases.OrderBreakers["order.total-not-negative"](RuleCases.GoodOrder) with { PlatformId = "5001", Number = "5001", CustomerPlatformId = null };
        var mismatch = RuleCases.OrderBreakers["order.totals-add-up"](RuleCases.GoodOrder) with { PlatformId = "5002", Number = "5002", CustomerPlatformId = null };
        await _harness.Upserter.UpsertOrdersAsync(tenant, store, [negative, mismatch]);
        await _harness.Upserter.UpsertCustomersAsync(tenant, store, [RuleCases.GoodCustomer with { Email = " ANA@Example.com " }]);

        var summary = await _harness.Revalidator.RunAsync(tenant, store);

        Assert.Equal(3, summary.Checked);
        Assert.Equal(1, summary.Quarantined);
        await using var db = _harness.Db.ForTenant();
        Assert.Equal(["5002"], await db.Orders.Select(o => o.PlatformId).ToListAsync());
        var held = await db.Quarantine.SingleAsync();
        Assert.Equal("5001", held.PlatformId);
        Assert.Contains("order.total-not-negative", held.Reasons);
        Assert.True(await db.QualityIssues.AnyAsync(i => i.PlatformId == "5002" && i.RuleId == "order.totals-add-up" && !i.Quarantined));
        // Cleansing applies on re-validation too, and is logged in the stored record.
        var customer = await db.Customers.SingleAsync();
        // (The Email column is lower-cased by the upserter anyway; the payload is what cleansing changed.)
        Assert.Contains("\"email\":\"ana@example.com\"", customer.Payload);
        Assert.Contains(CleansingLog.ExtrasKey, customer.Payload);
        Assert.Equal("revalidate", (await db.QualitySnapshots.SingleAsync()).Trigger);
    }

    [Fact]
    public async Task Another_merchants_store_cannot_be_revalidated()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Revalidator.RunAsync(Guid.NewGuid(), _harness.Db.StoreId));
    }
}
