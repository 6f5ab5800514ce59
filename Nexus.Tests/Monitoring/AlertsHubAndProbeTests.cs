using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Accounts;
using Nexus.Core.Model;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Status;
using Nexus.Core.Platforms;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;
using Nexus.Web.Monitoring;

namespace Nexus.Tests.Monitoring;

[Collection(HostCollection.Name)]
public sealed class AlertsHubTests(NexusWebFactory app)
{
    private async Task<(string Email, Guid TenantId, int StoreId)> MerchantAsync()
    {
        var email = $"alerts-hub-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Hub-Pass-123", "Hub", NexusRoles.Merchant);
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>()
            .AddAsync(user!.TenantId, new NewStore("Hub store", "woocommerce", "http://127.0.0.1:1", new StoreCredentials("ck_x", "cs_x")));
        return (email, user.TenantId, store.Id);
    }

    private async Task<HubConnection> ConnectAsync(string email)
    {
        var cookies = new CookieContainer();
        using var client = app.CreateBrowserLikeClient(cookies);
        await SignIn.AsAsync(client, email, "Hub-Pass-123");
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.ServerAddress, AlertsHub.Path), o => o.Cookies = cookies).Build();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task A_hub_client_hears_its_own_accounts_alerts_and_never_another_accounts()
    {
        var (mine, myTenant, myStore) = await MerchantAsync();
        var (_, otherTenant, otherStore) = await MerchantAsync();
        await using var connection = await ConnectAsync(mine);
        var received = new List<AlertChangedMessage>();
        var gotMine = new TaskCompletionSource();
        connection.On<AlertChangedMessage>(AlertsHub.ChangedMethod, m =>
        {
            lock (received) received.Add(m);
            if (m.Title.Contains("mine", StringComparison.Ordinal)) gotMine.TrySetResult();
        });

        var notifier = app.Services.GetRequiredService<IAlertNotifier>();
        var now = DateTimeOffset.UtcNow;
        // The other account's alert first: if the wall leaked, it would arrive before ours.
        await notifier.NotifyAsync(new Alert { Id = -1, TenantId = otherTenant, StoreId = otherStore, Title = "theirs", OpenedAt = now, LastSeenAt = now }, AlertChange.Acknowledged, CancellationToken.None);
        await notifier.NotifyAsync(new Alert { Id = -2, TenantId = myTenant, StoreId = myStore, Title = "mine", OpenedAt = now, LastSeenAt = now }, AlertChange.Acknowledged, CancellationToken.None);
        await gotMine.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (received) Assert.Equal(["mine"], received.Select(m => m.Title));
    }

    [Fact]
    public async Task Anonymous_clients_cannot_connect()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.ServerAddress, AlertsHub.Path)).Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}

public sealed class StoreReachabilityProberTests
{
    private sealed class ScriptedConnector : IStoreConnector
    {
        public Queue<ConnectionTestResult> Results { get; } = new();
        public string Platform => "scripted";
        public ConnectorStats Stats => new(0, 0, 0);
        public bool SupportsModifiedFilter(SyncEntity entity) => true;
        public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) => Task.FromResult(Results.Dequeue());
        public PagingStyle Paging => PagingStyle.Numbered;
        public Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Probes_keep_the_start_of_an_outage_and_clear_it_when_the_store_answers()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        await using (var db = h.Db.ForTenant())
        {
            var store = db.Stores.Single(s => s.Id == h.StoreId);
            store.Platform = "scripted";
            await db.SaveChangesAsync();
        }
        var connector = new ScriptedConnector();
        var registry = new PlatformRegistry([new PlatformDescriptor { Id = "scripted", DisplayName = "Scripted", Credentials = [], CreateConnector = (_, _) => connector }], new ServiceCollection().BuildServiceProvider());
        var prober = new StoreReachabilityProber(h.Db, registry, h.Db.Protector, h.Clock, NullLogger<StoreReachabilityProber>.Instance);
        connector.Results.Enqueue(ConnectionTestResult.Failed("The store answered 503 Service Unavailable.", "Wait, or ask your host."));
        connector.Results.Enqueue(ConnectionTestResult.Failed("The store answered 503 Service Unavailable.", "Wait, or ask your host."));
        connector.Results.Enqueue(new ConnectionTestResult(true, "Connected to Shop."));

        var outageStart = h.Clock.GetUtcNow();
        var first = await prober.ProbeAsync(h.StoreId);
        Assert.Equal((false, outageStart), (first!.Reachable, first.UnreachableSince!.Value));
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await prober.ProbeAsync(h.StoreId);
        Assert.Equal(outageStart, second!.UnreachableSince);
        Assert.Equal("Wait, or ask your host.", second.Fix);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await prober.ProbeAllAsync());

        await using var check = h.Db.ForTenant();
        var row = check.StoreReachability.Single();
        Assert.True(row.Reachable);
        Assert.Null(row.UnreachableSince);
        Assert.Equal(h.Clock.GetUtcNow(), row.CheckedAt);
        Assert.Equal(h.TenantId, row.TenantId);
    }
}
