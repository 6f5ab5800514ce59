using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Platforms.WooCommerce.Auth;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Web;

/// <summary>The shipped configuration's demo-magento sandbox: served by the app, but registered for the demo merchant with an integration's four credentials.</summary>
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
    public async Task Demo_merchant_gets_demo_magento_with_the_four_integration_credentials_and_it_connects()
    {
        using var scope = app.Services.CreateScope();
        var merchant = await scope.ServiceProvider.GetRequiredService<UserManager<NexusUser>>().FindByEmailAsync("merchant@nexus.demo");
        Assert.NotNull(merchant);
        var stores = scope.ServiceProvider.GetRequiredService<StoreService>();

        IReadOnlyList<StoreSummary> list = [];
        for (var attempt = 0; attempt < 100 && !list.Any(s => s.Name == "Demo store (demo-magento)"); attempt++)
        {
            await Task.Delay(100);
            list = await stores.ListAsync(merchant.TenantId);
        }

        Assert.Contains(list, s => s.Name == "Demo store (demo-woo)");
        var magento = Assert.Single(list, s => s.Name == "Demo store (demo-magento)");
        Assert.Equal("magento", magento.Platform);
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("magento", "demo-magento")!.Options;
        var found = await stores.GetWithCredentialsAsync(merchant.TenantId, magento.Id);
        Assert.NotNull(found);
        var stored = found.Value;
        Assert.Equal(new Dictionary<string, string>
        {
            ["access_token"] = sandbox.Magento.AccessToken, ["access_token_secret"] = sandbox.Magento.AccessTokenSecret,
            ["consumer_key"] = sandbox.ConsumerKey, ["consumer_secret"] = sandbox.ConsumerSecret,
        }, stored.Credentials.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value));

        var connector = app.Services.GetRequiredService<Nexus.Core.Platforms.PlatformRegistry>()
            .CreateConnector("magento", new Nexus.Core.Platforms.ConnectorTarget(magento.Id, stored.Store.BaseUrl, stored.Credentials));
        var test = await connector.TestConnectionAsync(CancellationToken.None);
        Assert.True(test.Ok, test.Summary + " " + test.Fix);
        Assert.Equal("GBP", test.Currency);
    }

    [Fact]
    public async Task Demo_merchant_gets_demo_shop_with_its_access_token_and_it_connects()
    {
        using var scope = app.Services.CreateScope();
        var merchant = await scope.ServiceProvider.GetRequiredService<UserManager<NexusUser>>().FindByEmailAsync("merchant@nexus.demo");
        Assert.NotNull(merchant);
        var stores = scope.ServiceProvider.GetRequiredService<StoreService>();

        IReadOnlyList<StoreSummary> list = [];
        for (var attempt = 0; attempt < 100 && !list.Any(s => s.Name == "Demo store (demo-shop)"); attempt++)
        {
            await Task.Delay(100);
            list = await stores.ListAsync(merchant.TenantId);
        }

        var shop = Assert.Single(list, s => s.Name == "Demo store (demo-shop)");
        Assert.Equal("shopify", shop.Platform);
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("shopify", "demo-shop")!.Options;
        var stored = (await stores.GetWithCredentialsAsync(merchant.TenantId, shop.Id))!.Value;
        Assert.Equal(["access_token"], stored.Credentials.Fields.Keys);
        Assert.Equal(sandbox.Shopify.AccessToken, stored.Credentials["access_token"]);

        var connector = app.Services.GetRequiredService<Nexus.Core.Platforms.PlatformRegistry>()
            .CreateConnector("shopify", new Nexus.Core.Platforms.ConnectorTarget(shop.Id, stored.Store.BaseUrl, stored.Credentials));
        var test = await connector.TestConnectionAsync(CancellationToken.None);
        Assert.True(test.Ok, test.Summary + " " + test.Fix);
        Assert.Equal("USD", test.Currency);
    }
}
