using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Monitoring.Notifications;

/// <summary>A webhook as its owner sees it: never the secret.</summary>
public sealed record WebhookSummary(int Id, string Url, bool Enabled, DateTimeOffset CreatedAt);

/// <summary>A delivery attempt that did not reach a 2xx answer; thrown so the job server retries it with backoff.</summary>
public sealed class WebhookDeliveryFailedException(string message) : Exception(message);

/// <summary>
/// A tenant's webhooks: registering them (the secret is generated, shown once, stored encrypted), queuing one
/// delivery per endpoint for each alert event, and making one signed attempt at a delivery.
/// </summary>
public sealed class WebhookService(IDbContextFactory<NexusDbContext> dbFactory, IDataProtectionProvider protection, IHttpClientFactory http, TimeProvider clock)
{
    public const string HttpClientName = "webhooks";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _secrets = protection.CreateProtector("Nexus.Webhooks.Secret.v1");

    /// <summary>Registers an endpoint and returns it with its secret, which is never shown again.</summary>
    public async Task<(WebhookSummary Endpoint, string Secret)> AddAsync(Guid tenantId, string url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not a web address. Use the full address of the receiver, e.g. https://hooks.example.com/nexus.", nameof(url));
        }
        var secret = WebhookSignature.NewSecret();
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        var endpoint = new WebhookEndpoint { TenantId = tenantId, Url = uri.ToString(), ProtectedSecret = _secrets.Protect(secret), CreatedAt = clock.GetUtcNow() };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return (ToSummary(endpoint), secret);
    }

    public async Task<IReadOnlyList<WebhookSummary>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        return (await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken)).Select(ToSummary).ToList();
    }

    public async Task<bool> SetEnabledAsync(Guid tenantId, int endpointId, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId, cancellationToken);
        if (endpoint is null) return false;
        endpoint.Enabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid tenantId, int endpointId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        return await db.WebhookEndpoints.Where(e => e.Id == endpointId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The delivery log, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(Guid tenantId, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking().OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    /// <summary>Queues one delivery per enabled endpoint of the alert's tenant; returns their ids for the sending jobs.</summary>
    public async Task<IReadOnlyList<long>> QueueAsync(Alert alert, AlertChange change, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(alert.TenantId, cancellationToken);
        var endpoints = await db.WebhookEndpoints.Where(e => e.Enabled).Select(e => e.Id).ToListAsync(cancellationToken);
        if (endpoints.Count == 0) return [];
        var now = clock.GetUtcNow();
        var eventName = EventName(change);
        var body = JsonSerializer.Serialize(new
        {
            @event = eventName,
            sentAt = now,
            alert = new
            {
                id = alert.Id, kind = alert.Kind.ToString(), severity = alert.Severity.ToString(), storeId = alert.StoreId,
                title = alert.Title, detail = alert.Detail, openedAt = alert.OpenedAt, resolvedAt = alert.ResolvedAt,
            },
        }, Json);
        var deliveries = endpoints.Select(id => new WebhookDelivery { TenantId = alert.TenantId, EndpointId = id, AlertId = alert.Id, Event = eventName, Body = body, CreatedAt = now }).ToList();
        db.WebhookDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        return deliveries.Select(d => d.Id).ToList();
    }

    public static string EventName(AlertChange change) => change switch
    {
        AlertChange.Opened => "alert.opened",
        AlertChange.Resolved => "alert.resolved",
        _ => "alert.acknowledged",
    };

    /// <summary>
    /// One attempt: POSTs the stored body, signed, and records the outcome. Anything but a 2xx answer throws
    /// <see cref="WebhookDeliveryFailedException"/> so the job server retries later. Runs as a job: finds the
    /// delivery by id across tenants, like the sync job finds its store.
    /// </summary>
    public async Task AttemptAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null || delivery.DeliveredAt is not null) return;
        var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(e => e.Id == delivery.EndpointId && e.TenantId == delivery.TenantId, cancellationToken);
        if (endpoint is null) return;

        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(_secrets.Unprotect(endpoint.ProtectedSecret), body));
        request.Headers.Add("X-Nexus-Event", delivery.Event);
        request.Headers.Add("X-Nexus-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        delivery.Attempts++;
        delivery.LastAttemptAt = clock.GetUtcNow();
        string? failure;
        var timer = Stopwatch.StartNew();
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            delivery.LastStatusCode = (int)response.StatusCode;
            failure = response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            delivery.LastStatusCode = null;
            failure = ex is TaskCanceledException ? $"The receiver did not answer within {timer.Elapsed.TotalSeconds:0} s." : $"Could not reach the receiver: {ex.Message}";
        }
        delivery.LastError = failure;
        if (failure is null) delivery.DeliveredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        if (failure is not null) throw new WebhookDeliveryFailedException(failure);
    }

    private static WebhookSummary ToSummary(WebhookEndpoint e) => new(e.Id, e.Url, e.Enabled, e.CreatedAt);
}
