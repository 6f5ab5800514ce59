using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Platforms.Shopify.Connector;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;
using Nexus.Tests.Platforms.Sandbox;
using Nexus.Tests.Platforms.Sandbox.Shopify;
using Nexus.Tests.Platforms.WooCommerce;

namespace Nexus.Tests.Platforms.Shopify.Connector;

/// <summary>
/// A Shopify sandbox shop on loopback Kestrel, a connector against it over real HTTP, and a recorder of every GraphQL
/// answer's cost (on the shared fake clock). The clock is driven like the WooCommerce harness: 1 s at a time whenever
/// nothing is on the wire, so bucket waits, Retry-After and backoff all run on fake time.
/// </summary>
public sealed class ShopifyConnectorHarness : IAsyncDisposable
{
    public const string StoreName = "s";

    private ShopifyConnectorHarness(SandboxServer server)
    {
        Server = server;
        Costs = new CostRecorder(server.Time) { InnerHandler = new SocketsHttpHandler() };
        Recorder = new RecordingHandler(server.Time) { InnerHandler = Costs };
        Http = new HttpClient(Recorder) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public SandboxServer Server { get; }
    public FakeTimeProvider Time => Server.Time;
    public RecordingHandler Recorder { get; }
    public CostRecorder Costs { get; }
    public HttpClient Http { get; }
    public SandboxStoreHost Host => Server.Registry.Find("shopify", StoreName)!;
    public string BaseUrl => new Uri(Server.BaseUri, $"/sandbox/shopify/{StoreName}").ToString();

    public static readonly ShopifyConnectorOptions TestOptions = new()
    {
        ApiVersion = ShopifySandbox.Version,
        Resilience = new ConnectorResilienceOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(200),
            AttemptTimeout = TimeSpan.FromMinutes(10),
            TotalTimeout = TimeSpan.FromHours(2),
        },
    };

    public static async Task<ShopifyConnectorHarness> StartAsync(Action<SandboxStoreOptions>? configure = null)
    {
        var store = ShopifySandbox.Store(StoreName);
        configure?.Invoke(store);
        return new ShopifyConnectorHarness(await SandboxServer.StartAsync(store));
    }

    public ShopifyConnector Connector(ShopifyConnectorOptions? options = null, string token = ShopifySandbox.Token, string? baseUrl = null) =>
        new(Http, new ConnectorTarget(1, baseUrl ?? BaseUrl, new StoreCredentials([new(ShopifyConnector.TokenField, token)])), options ?? TestOptions, Time);

    public Task<T> DriveAsync<T>(Func<Task<T>> work) => Recorder.DriveAsync(Time, work);

    public Task<(List<T> Records, List<Quarantined> Quarantined)> FetchAllAsync<T>(Func<PageRequest, CancellationToken, Task<FetchedPage<T>>> fetch, DateTimeOffset? modifiedAfter = null)
        => DriveAsync(() => ConnectorHarness.CollectAsync(fetch, modifiedAfter));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Every GraphQL answer's requested and actual cost and whether it was THROTTLED, with the fake time it was sent.</summary>
public sealed class CostRecorder(TimeProvider time) : DelegatingHandler
{
    public ConcurrentQueue<(DateTimeOffset SentAt, double Requested, double? Actual, bool Throttled)> Answers { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json") != true || !response.IsSuccessStatusCode) return response;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Content.Headers.ToArray();
        response.Content = new ByteArrayContent(bytes);
        foreach (var h in headers) response.Content.Headers.TryAddWithoutValidation(h.Key, h.Value);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var throttled = root.TryGetProperty("errors", out var errors) && errors.GetRawText().Contains("THROTTLED", StringComparison.Ordinal);
            if (root.TryGetProperty("extensions", out var x) && x.TryGetProperty("cost", out var cost))
                Answers.Enqueue((sentAt, cost.GetProperty("requestedQueryCost").GetDouble(),
                    cost.GetProperty("actualQueryCost").ValueKind == JsonValueKind.Number ? cost.GetProperty("actualQueryCost").GetDouble() : null, throttled));
        }
        catch (JsonException)
        {
            // a truncated page (fault injection): the connector retries it; nothing to record
        }
        return response;
    }
}
