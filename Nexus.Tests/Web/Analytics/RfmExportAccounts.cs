using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Web.Analytics;

/// <summary>
/// Two merchants of the running app for the RFM export tests: an owner whose WooCommerce store holds
/// <see cref="MetricsTestData.Orders"/> and the given customers, and another merchant with nothing.
/// </summary>
internal sealed record RfmExportAccounts(string OwnerEmail, string OtherEmail, int StoreId)
{
    public const string OwnerPassword = "Owner-Pass-1";
    public const string OtherPassword = "Other-Pass-1";

    public static async Task<RfmExportAccounts> CreateAsync(NexusWebFactory app, string prefix, IReadOnlyList<Nexus.Core.Model.Customer> customers)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (ownerEmail, otherEmail) = ($"{prefix}-owner-{suffix}@example.test", $"{prefix}-other-{suffix}@example.test");
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var (_, ownerUser) = await accounts.CreateAsync(ownerEmail, OwnerPassword, "Owner", NexusRoles.Merchant);
        await accounts.CreateAsync(otherEmail, OtherPassword, "Other", NexusRoles.Merchant);
        var db = scope.ServiceProvider.GetRequiredService<NexusDbContext>();
        var store = new ConnectedStore { TenantId = ownerUser!.TenantId, Name = prefix, Platform = "woocommerce", BaseUrl = $"http://127.0.0.1/{prefix}" };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        var upserter = new RecordUpserter(scope.ServiceProvider.GetRequiredService<IDbContextFactory<NexusDbContext>>());
        await upserter.UpsertOrdersAsync(ownerUser.TenantId, store.Id, MetricsTestData.Orders);
        await upserter.UpsertCustomersAsync(ownerUser.TenantId, store.Id, customers);
        return new RfmExportAccounts(ownerEmail, otherEmail, store.Id);
    }

    public async Task<HttpClient> SignedInAsync(NexusWebFactory app, bool owner)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, owner ? OwnerEmail : OtherEmail, owner ? OwnerPassword : OtherPassword);
        return client;
    }
}
