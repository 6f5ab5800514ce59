using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Magento.Connector;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Web.Sandbox.Magento;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;
using Nexus.Tests.Platforms.Sandbox;
using Nexus.Tests.Platforms.WooCommerce;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>A Magento sandbox store on loopback Kestrel, a recording HttpClient and the fake-clock driver of <see cref="ConnectorHarness"/>.</summary>
public sealed class MagentoConnectorHarness : IAsyncDisposable
{
    public const string StoreName = "m";

    private MagentoConnectorHarness(SandboxServer server)
    {
        Server = server;
        Recorder = new RecordingHandler(server.Time) { InnerHandler = new SocketsHttpHandler() };
        Http = new HttpClient(Recorder) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public SandboxServer Server { get; }
    public FakeTimeProvider Time => Server.Time;
    public RecordingHandler Recorder { get; }
    public HttpClient Http { get; }
    public SandboxStoreHost Host => Server.Registry.Find("magento", StoreName)!;
    public string BaseUrl => new Uri(Server.BaseUri, $"/sandbox/magento/{StoreName}").ToString();

    public static readonly MagentoConnectorOptions TestOptions = new()
    {
        Resilience = new ConnectorResilienceOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(200),
            AttemptTimeout = TimeSpan.FromMinutes(10),
            TotalTimeout = TimeSpan.FromHours(2),
        },
    };

    public static async Task<MagentoConnectorHarness> StartAsync(Action<SandboxStoreOptions>? configure = null)
    {
        var store = MagentoSandboxClient.Store(StoreName);
        configure?.Invoke(store);
        return new MagentoConnectorHarness(await SandboxServer.StartAsync(store));
    }

    /// <summary>The integration's four values (as the sandbox expects them), with optional changes.</summary>
    public static StoreCredentials Integration(params (string Field, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            [MagentoCredentials.ConsumerKey] = MagentoSandboxClient.ConsumerKey, [MagentoCredentials.ConsumerSecret] = MagentoSandboxClient.ConsumerSecret,
            [MagentoCredentials.AccessToken] = MagentoSandboxClient.AccessToken, [MagentoCredentials.AccessTokenSecret] = MagentoSandboxClient.AccessTokenSecret,
        };
        foreach (var (field, value) in changes) fields[field] = value;
        return new StoreCredentials(fields.Where(f => f.Value.Length > 0));
    }

    public MagentoConnector Connector(MagentoConnectorOptions? options = null, StoreCredentials? credentials = null, string? baseUrl = null)
        => new(Http, new ConnectorTarget(1, baseUrl ?? BaseUrl, credentials ?? Integration()), options ?? TestOptions, Time);

    public int Requests(string resourceSuffix) => Recorder.Requests.Count(r => r.Path.EndsWith(resourceSuffix, StringComparison.Ordinal));

    /// <summary>Runs <paramref name="work"/>, moving the fake clock 1 s at a time while nothing is on the wire.</summary>
    public Task<T> DriveAsync<T>(Func<Task<T>> work) => Recorder.DriveAsync(Time, work);

    public Task<(List<T> Records, List<Nexus.Core.Platforms.Mapping.Quarantined> Quarantined)> FetchAllAsync<T>(
        Func<PageRequest, CancellationToken, Task<FetchedPage<T>>> fetch, DateTimeOffset? modifiedAfter = null)
        => DriveAsync(() => ConnectorHarness.CollectAsync(fetch, modifiedAfter));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
