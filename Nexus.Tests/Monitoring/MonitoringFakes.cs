using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Health;
using Nexus.Core.Monitoring.Status;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Nexus.Tests.Monitoring;

internal sealed class FakeJobServerMonitor : IJobServerMonitor, ISyncScheduleReader
{
    public List<JobServerInfo> Servers { get; } = [];
    public long Waiting { get; set; }
    public bool StorageDown { get; set; }

    public JobServerSnapshot GetSnapshot() => new(Servers, [new JobQueueInfo("default", Waiting)], 0, 0, 0);
    public IReadOnlyList<JobServerInfo> GetServers() => StorageDown ? throw new InvalidOperationException("storage down at /secret/path") : Servers;
    public void ProbeStorage()
    {
        if (StorageDown) throw new InvalidOperationException("storage down at /secret/path");
    }

    public Dictionary<int, DateTimeOffset?> Next { get; } = [];
    public IReadOnlyDictionary<int, DateTimeOffset?> NextSyncs(IReadOnlyCollection<int> storeIds) => storeIds.ToDictionary(id => id, id => Next.GetValueOrDefault(id));
}

internal sealed class FakeDiskProbe : IDiskSpaceProbe
{
    public long FreeBytes { get; set; } = 50L << 30;
    public (long FreeBytes, long TotalBytes)? Measure(string folder) => (FreeBytes, 100L << 30);
}

/// <summary>The forecast stand-in the integrator replaces with the real engine: fixed expectations per measure.</summary>
internal sealed class FakeExpectedSales : IExpectedSalesSource
{
    public SalesExpectation? Orders { get; set; }
    public SalesExpectation? Revenue { get; set; }
    public List<(int StoreId, DateOnly Day, SalesMeasure Measure)> Asked { get; } = [];

    public Task<SalesExpectation?> GetExpectedAsync(Guid tenantId, int storeId, DateOnly day, SalesMeasure measure, CancellationToken cancellationToken)
    {
        Asked.Add((storeId, day, measure));
        return Task.FromResult(measure == SalesMeasure.Orders ? Orders : Revenue);
    }
}

internal sealed class RecordingNotifier : IAlertNotifier
{
    public List<(long AlertId, Guid TenantId, AlertKind Kind, AlertChange Change)> Changes { get; } = [];

    public Task NotifyAsync(Alert alert, AlertChange change, CancellationToken cancellationToken)
    {
        Changes.Add((alert.Id, alert.TenantId, alert.Kind, change));
        return Task.CompletedTask;
    }
}

/// <summary>An SMTP server on a loopback port (the SmtpServer package) that keeps every message it receives.</summary>
internal sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();
    public int Port { get; }

    public InProcessSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Messages.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching e-mail within {timeout}; received {Messages.Count}: {string.Join(" | ", Messages.Select(m => m.Subject))}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { /* stopped */ }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A webhook receiver on a loopback port: records every request; answers with <see cref="Status"/>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<(byte[] Body, string? Signature, string? Event)> Requests { get; } = new();
    public int Status { get; set; } = 200;
    public Uri Url { get; }

    private WebhookReceiver(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            receiver!.Requests.Enqueue((body.ToArray(), http.Request.Headers["X-Nexus-Signature"].ToString(), http.Request.Headers["X-Nexus-Event"].ToString()));
            return Results.StatusCode(receiver.Status);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/hook"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(10) };
}
