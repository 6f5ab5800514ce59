using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;
using Nexus.Web.Sync;

namespace Nexus.Tests.Web.Sync;

[Collection(HostCollection.Name)]
public sealed class SyncHubTests(NexusWebFactory app)
{
    private async Task<(string Email, int StoreId)> CreateMerchantWithStoreAsync()
    {
        var email = $"hub-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Hub-Pass-123", "Hub", NexusRoles.Merchant);
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>()
            .AddAsync(user!.TenantId, new NewStore("Hub store", "woocommerce", "http://127.0.0.1:1", new StoreCredentials("ck_x", "cs_x")));
        return (email, store.Id);
    }

    private async Task<HubConnection> ConnectAsAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = app.CreateBrowserLikeClient(cookies);
        await SignIn.AsAsync(client, email, password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.ServerAddress, SyncHub.Path), options => options.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task A_merchant_may_watch_their_own_store_and_receives_its_progress()
    {
        var (email, storeId) = await CreateMerchantWithStoreAsync();
        await using var connection = await ConnectAsAsync(email, "Hub-Pass-123");
        var received = new TaskCompletionSource<int>();
        connection.On<System.Text.Json.JsonElement>(SyncHub.ProgressMethod, p => received.TrySetResult(p.GetProperty("storeId").GetInt32()));

        await connection.InvokeAsync("Watch", storeId);
        var hub = app.Services.GetRequiredService<IHubContext<SyncHub>>();
        await hub.Clients.Group(SyncHub.GroupName(storeId)).SendAsync(SyncHub.ProgressMethod, new { storeId });

        Assert.Equal(storeId, await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Another_merchant_is_refused_when_watching_a_store_that_is_not_theirs()
    {
        var (_, theirStore) = await CreateMerchantWithStoreAsync();
        var (email, _) = await CreateMerchantWithStoreAsync();
        await using var connection = await ConnectAsAsync(email, "Hub-Pass-123");

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Watch", theirStore));
        Assert.Contains("your own stores", error.Message);
    }

    [Fact]
    public async Task An_anonymous_client_cannot_connect()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.ServerAddress, SyncHub.Path)).Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
