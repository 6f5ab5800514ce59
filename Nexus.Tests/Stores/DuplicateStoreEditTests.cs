using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;
using Nexus.Web.Stores;
using Nexus.Web.Sync;

namespace Nexus.Tests.Stores;

/// <summary>The edit dialog's save (StoreManagement) refuses moving a store onto another connected store's address, before touching its schedule.</summary>
[Collection(HostCollection.Name)]
public sealed class DuplicateStoreEditTests(NexusWebFactory app)
{
    [Fact]
    public async Task Saving_a_store_with_another_stores_address_is_refused_and_schedules_nothing()
    {
        var name = $"dup-{Guid.NewGuid():N}"[..12];
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync($"{name}@example.test", "Dup-Pass-1234", name, NexusRoles.Merchant);
        var stores = scope.ServiceProvider.GetRequiredService<StoreService>();
        var tenant = user!.TenantId;
        await stores.AddAsync(tenant, new NewStore("Shop A", "woocommerce", $"https://{name}-a.example.test", new StoreCredentials("ck_a", "cs_a")));
        var b = await stores.AddAsync(tenant, new NewStore("Shop B", "woocommerce", $"https://{name}-b.example.test", new StoreCredentials("ck_b", "cs_b")));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<StoreManagement>()
            .UpdateAsync(tenant, b.Id, "Shop B", $"HTTPS://{name}-a.example.test/", "0 * * * *", paused: false, 300, new Dictionary<string, string>()));

        Assert.Contains("already connected as \"Shop A\"", error.Message);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == SyncScheduler.RecurringId(b.Id));
        Assert.Equal($"https://{name}-b.example.test", (await stores.GetWithCredentialsAsync(tenant, b.Id))!.Value.Store.BaseUrl);
    }
}
