using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;
using Nexus.Tests.Platforms.Sandbox;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>
/// A sandbox store on loopback Kestrel plus an HttpClient that records every request (on the shared fake clock)
/// and a clock driver: retries, Retry-After waits and the budget all run on the fake clock, so a test advances
/// it whenever no request is in flight (or one has hung, which is what the timeout fault does).
/// </summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    public const string StoreName = "w";
    private ConnectorHarness(SandboxServer server)
    {
        Server = server;
        Recorder = new RecordingHandler(server.Time) { InnerHandler = new SocketsHttpHandler() };
        Http = new HttpClient(Recorder) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public SandboxServer Server { get; }
    public FakeTimeProvider Time => Server.Time;
    public RecordingHandler Recorder { get; }
    public HttpClient Http { get; }
    public SandboxStoreHost Host => Server.Registry.Find("woocommerce", StoreName)!;
    public string BaseUrl => new Uri(Server.BaseUri, $"/sandbox/woocommerce/{StoreName}").ToString();

    /// <summary>Fast but realistic test settings: short backoff, attempt timeout long enough that only a hung request hits it.</summary>
    public static readonly WooCommerceConnectorOptions TestOptions = new()
    {
        Resilience = new ConnectorResilienceOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(200),
            AttemptTimeout = TimeSpan.FromMinutes(10),
            TotalTimeout = TimeSpan.FromHours(2),
        },
    };

    public static async Task<ConnectorHarness> StartAsync(Action<SandboxStoreOptions>? configure = null)
    {
        var store = SandboxServer.Store(StoreName, basic: false);
        configure?.Invoke(store);
        return new ConnectorHarness(await SandboxServer.StartAsync(store));
    }

    public WooCommerceConnector Connector(WooCommerceConnectorOptions? options = null, string secret = "cs_test", string? baseUrl = null)
        => new(Http, new ConnectorTarget(1, baseUrl ?? BaseUrl, new StoreCredentials("ck_test", secret)), options ?? TestOptions, Time);

    /// <summary>Runs <paramref name="work"/>, moving the fake clock 1 s at a time while nothing is on the wire.</summary>
    public Task<T> DriveAsync<T>(Func<Task<T>> work) => Recorder.DriveAsync(Time, work);

    public Task DriveAsync(Func<Task> work) => DriveAsync(async () => { await work(); return 0; });

    /// <summary>Every page of one entity, in page order.</summary>
    public Task<(List<T> Records, List<Quarantined> Quarantined)> FetchAllAsync<T>(Func<PageRequest, CancellationToken, Task<FetchedPage<T>>> fetch, DateTimeOffset? modifiedAfter = null)
        => DriveAsync(() => CollectAsync(fetch, modifiedAfter));

    /// <summary>Every page of one entity without driving the clock (for several concurrent fetches under one driver).</summary>
    public static async Task<(List<T> Records, List<Quarantined> Quarantined)> CollectAsync<T>(Func<PageRequest, CancellationToken, Task<FetchedPage<T>>> fetch, DateTimeOffset? modifiedAfter = null)
        {
            var records = new List<T>();
            var quarantined = new List<Quarantined>();
            string? token = null;
            do
            {
                var fetched = await fetch(new PageRequest(token, modifiedAfter), CancellationToken.None);
                Assert.Equal(token, fetched.Token);
                records.AddRange(fetched.Records);
                quarantined.AddRange(fetched.Quarantined);
                token = fetched.NextToken;
            }
            while (token is not null);
            return (records, quarantined);
        }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Counts in-flight requests and records when (on the fake clock) each was sent and how it was answered.</summary>
public sealed class RecordingHandler(TimeProvider time) : DelegatingHandler
{
    private int _inFlight;
    private long _lastChange = Stopwatch.GetTimestamp();

    public ConcurrentQueue<(DateTimeOffset SentAt, string Path, HttpStatusCode Status)> Requests { get; } = new();
    public int InFlight => Volatile.Read(ref _inFlight);
    public TimeSpan StuckFor => InFlight == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastChange));

    /// <summary>
    /// Runs <paramref name="work"/>, moving <paramref name="clock"/> 1 s at a time while nothing is on the wire (or a
    /// request has waited 300 ms of real time: it is sleeping on the fake clock inside the server). Every connector
    /// harness drives its fake clock this way.
    /// </summary>
    public async Task<T> DriveAsync<T>(FakeTimeProvider clock, Func<Task<T>> work)
    {
        var task = work();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (InFlight == 0 || StuckFor > TimeSpan.FromMilliseconds(300)) clock.Advance(TimeSpan.FromSeconds(1));
        }
        return await task;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        Interlocked.Increment(ref _inFlight);
        Interlocked.Exchange(ref _lastChange, Stopwatch.GetTimestamp());
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            Requests.Enqueue((sentAt, request.RequestUri!.AbsolutePath, response.StatusCode));
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Exchange(ref _lastChange, Stopwatch.GetTimestamp());
        }
    }
}

/// <summary>A loopback site that is not WordPress: every path answers 200 with an HTML page (optionally over TLS with an untrusted certificate).</summary>
public sealed class HtmlSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private HtmlSite(WebApplication app, Uri baseUri) { _app = app; BaseUri = baseUri; }
    public Uri BaseUri { get; }

    public static async Task<HtmlSite> StartAsync(bool untrustedTls = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (untrustedTls)
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SelfSignedCertificate())));
        else
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(http =>
        {
            http.Response.ContentType = "text/html";
            return http.Response.WriteAsync("<!doctype html><html><body><h1>Welcome to my portfolio</h1></body></html>");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HtmlSite(app, new Uri(address));
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null); // Kestrel needs the key in a loadable form
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
