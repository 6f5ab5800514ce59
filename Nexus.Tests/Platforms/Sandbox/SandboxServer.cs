using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Platforms.WooCommerce.Auth;

namespace Nexus.Tests.Platforms.Sandbox;

/// <summary>A real Kestrel server on a loopback port hosting sandbox stores, with a fake clock.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<long> _received;
    private int _nonce;

    private SandboxServer(WebApplication app, FakeTimeProvider time, Uri baseUri, ConcurrentQueue<long> received)
    {
        _received = received;
        _app = app;
        Time = time;
        BaseUri = baseUri;
        Registry = app.Services.GetRequiredService<SandboxStoreRegistry>();
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeTimeProvider Time { get; }
    public Uri BaseUri { get; }
    public SandboxStoreRegistry Registry { get; }
    public HttpClient Http { get; }

    /// <summary>When each request arrived (<see cref="Stopwatch"/> timestamps, real time), e.g. to measure a client's rate.</summary>
    public IReadOnlyCollection<long> Received => _received;

    public static async Task<SandboxServer> StartAsync(params SandboxStoreOptions[] stores)
    {
        var time = new FakeTimeProvider(Start);
        var received = new ConcurrentQueue<long>();
        var (app, baseUri) = await SandboxLoopbackServer.StartAsync(time, beforeStores: app => app.Use((http, next) =>
        {
            received.Enqueue(Stopwatch.GetTimestamp());
            return next(http);
        }));
        var server = new SandboxServer(app, time, baseUri, received);
        foreach (var s in stores) server.Registry.Add(s);
        return server;
    }

    public static SandboxStoreOptions Store(string name, long seed = 7, bool basic = true) => new()
    {
        Name = name, Seed = seed, Size = Nexus.Core.Platforms.Sandbox.Generation.SizeProfile.Tiny, StartUtc = Start.UtcDateTime,
        ConsumerKey = "ck_test", ConsumerSecret = "cs_test", AllowBasicOverHttp = basic,
    };

    public static string ApiPath(string store, string resource) => $"/sandbox/woocommerce/{store}/wp-json/wc/v3/{resource}";

    /// <summary>GET with HTTP Basic (the store must allow it over HTTP).</summary>
    public Task<HttpResponseMessage> GetBasicAsync(string url, string key = "ck_test", string secret = "cs_test", CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));
        return Http.SendAsync(request, ct);
    }

    /// <summary>GET signed with OAuth 1.0a, parameters in the query string or the Authorization header.</summary>
    public Task<HttpResponseMessage> GetOAuthAsync(string url, bool inHeader = false, OAuth1SignatureMethod method = OAuth1SignatureMethod.HmacSha256,
        string key = "ck_test", string secret = "cs_test", DateTimeOffset? timestamp = null, string? nonce = null, Func<string, string>? tamper = null)
    {
        var uri = new Uri(BaseUri, url);
        var oauth = OAuth1Signer.Sign("GET", uri, key, secret, method, timestamp ?? Time.GetUtcNow(),
            nonce ?? $"n{Interlocked.Increment(ref _nonce)}");
        HttpRequestMessage request;
        if (inHeader)
        {
            request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signer.AuthorizationHeader(oauth));
        }
        else
        {
            var sep = uri.Query.Length > 0 ? "&" : "?";
            var query = string.Join("&", oauth.Select(p => $"{OAuth1Signer.Encode(p.Key)}={OAuth1Signer.Encode(p.Value)}"));
            request = new HttpRequestMessage(HttpMethod.Get, (tamper ?? (s => s))(uri.AbsoluteUri + sep + query));
        }
        return Http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
