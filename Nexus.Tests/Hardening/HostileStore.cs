using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;

namespace Nexus.Tests.Hardening;

/// <summary>
/// A store that attacks Nexus, on loopback Kestrel: each test gives it the answer to send (a huge body, a redirect
/// to cloud metadata, a million empty pages). It counts requests, and its <see cref="Client"/> counts the response
/// bytes Nexus read, so a test can show Nexus stopped reading. The client is the one production uses: the SSRF
/// guard's handler, no auto-redirects.
/// </summary>
public sealed class HostileStore : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _bytesRead;
    private int _requests;

    private HostileStore(WebApplication app, Uri baseUri) => (_app, BaseUri) = (app, baseUri);

    public Uri BaseUri { get; }
    public string BaseUrl => BaseUri.ToString().TrimEnd('/');
    /// <summary>
    /// Response bytes that reached Nexus's reader through <see cref="Client"/>. Counted on the client side because
    /// Kestrel completes writes to a connection the client has closed without an error, so what the server "wrote"
    /// depends on how soon it notices the hang-up, which on a busy machine can be never.
    /// </summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);
    public int Requests => Volatile.Read(ref _requests);
    public List<string> Paths { get; } = [];

    public static async Task<HostileStore> StartAsync(Func<HttpContext, HostileStore, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        HostileStore? self = null;
        app.Run(async http =>
        {
            Interlocked.Increment(ref self!._requests);
            lock (self.Paths) self.Paths.Add(http.Request.Path + http.Request.QueryString);
            await answer(http, self);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return self = new HostileStore(app, new Uri(address));
    }

    /// <summary>Streams <paramref name="bytes"/> of JSON-ish padding in 64 KB chunks (no Content-Length).</summary>
    public async Task StreamAsync(HttpContext http, string prefix, long bytes, string suffix)
    {
        http.Response.ContentType = "application/json";
        await Write(http, prefix);
        var chunk = new string('x', 64 * 1024);
        try
        {
            for (long sent = 0; sent < bytes; sent += chunk.Length) await Write(http, chunk);
            await Write(http, suffix);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // the client hung up: what we want
        }
    }

    public async Task Write(HttpContext http, string text)
    {
        var data = System.Text.Encoding.UTF8.GetBytes(text);
        await http.Response.Body.WriteAsync(data, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public const string StatusJson = """{"environment":{"version":"9.4.2","wp_version":"6.8"},"settings":{"currency":"EUR"}}""";

    /// <summary>An HttpClient exactly as production builds it (guard on connect, no automatic redirects).</summary>
    public static HttpClient GuardedClient(bool allowLoopback = true) =>
        new(GuardedHandler(allowLoopback)) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The same client, counting into <see cref="BytesRead"/> what its callers read of each response body.</summary>
    public HttpClient Client() => new(new ReadCountingHandler(GuardedHandler(allowLoopback: true), this)) { Timeout = Timeout.InfiniteTimeSpan };

    private static HttpMessageHandler GuardedHandler(bool allowLoopback) =>
        new PrivateAddressGuard(Options.Create(new NetworkAccessOptions { AllowLoopback = allowLoopback })).CreateHandler();

    private sealed class ReadCountingHandler(HttpMessageHandler inner, HostileStore store) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var original = response.Content;
            var counted = new StreamContent(new ReadCountingStream(await original.ReadAsStreamAsync(cancellationToken), store));
            foreach (var header in original.Headers) counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = counted;
            return response;
        }
    }

    private sealed class ReadCountingStream(Stream inner, HostileStore store) : Stream
    {
        private int Count(int read)
        {
            Interlocked.Add(ref store._bytesRead, read);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    public static readonly WooCommerceConnectorOptions Options_ = new()
    {
        AuthMode = WooAuthMode.Basic,
        Resilience = new ConnectorResilienceOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), AttemptTimeout = TimeSpan.FromMinutes(2) },
    };

    public WooCommerceConnector Connector(HttpClient http, WooCommerceConnectorOptions? options = null) =>
        new(http, new ConnectorTarget(1, BaseUrl, new StoreCredentials("ck_test", "cs_test")), options ?? Options_, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
