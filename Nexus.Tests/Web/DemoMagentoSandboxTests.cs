using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Platforms.Sandbox.Hosting;
using Nexus.Core.Platforms.WooCommerce.Auth;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Web;

/// <summary>The shipped configuration's demo-magento sandbox: served by the app, but not on the demo merchant's Stores page yet.</summary>
[Collection(HostCollection.Name)]
public sealed class DemoMagentoSandboxTests(NexusWebFactory app)
{
    [Fact]
    public async Task Demo_magento_is_served_in_GBP_to_a_signed_integration()
    {
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("magento", "demo-magento");
        Assert.NotNull(sandbox);
        var options = sandbox.Options;
        var uri = new Uri(app.ServerAddress, "/sandbox/magento/demo-magento/rest/default/V1/store/storeConfigs");
        var oauth = OAuth1Signer.Sign("GET", uri, options.ConsumerKey, options.ConsumerSecret, OAuth1SignatureMethod.HmacSha256,
            DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"), options.Magento.AccessToken, options.Magento.AccessTokenSecret, "1.0");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signer.AuthorizationHeader(oauth));
        using var bearer = new HttpRequestMessage(HttpMethod.Get, uri);
        bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer " + options.Magento.AccessToken);

        using var signed = await client.SendAsync(request);
        using var refused = await client.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Contains("\"base_currency_code\":\"GBP\"", await signed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode); // off by default, as since Magento 2.4.4
    }

    [Fact]
    public async Task Demo_merchant_gets_demo_woo_but_not_demo_magento_until_nexus_has_a_magento_connector()
    {
        using var scope = app.Services.CreateScope();
        var merchant = await scope.ServiceProvider.GetRequiredService<UserManager<NexusUser>>().FindByEmailAsync("merchant@nexus.demo");
        Assert.NotNull(merchant);
        var stores = scope.ServiceProvider.GetRequiredService<StoreService>();

        IReadOnlyList<StoreSummary> list = [];
        for (var attempt = 0; attempt < 100 && !list.Any(s => s.Name == "Demo store (demo-woo)"); attempt++)
        {
            await Task.Delay(100);
            list = await stores.ListAsync(merchant.TenantId);
        }

        Assert.Contains(list, s => s.Name == "Demo store (demo-woo)");
        // Stores register one after another (demo-woo first): give a later one time to appear before saying it did not.
        await Task.Delay(1000);
        list = await stores.ListAsync(merchant.TenantId);
        Assert.DoesNotContain(list, s => s.Platform == "magento");
    }
}
