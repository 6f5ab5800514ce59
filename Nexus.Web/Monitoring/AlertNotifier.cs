using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Metrics;
using Nexus.Core.Monitoring.Notifications;

namespace Nexus.Web.Monitoring;

/// <summary>
/// Fans an alert change out: the bell on open pages (in-process feed and the hub group), and for opened and resolved
/// alerts one webhook delivery per endpoint and an e-mail, each as its own retried background job.
/// </summary>
public sealed class AlertNotifier(
    IHubContext<AlertsHub> hub,
    AlertFeed feed,
    IServiceProvider services,
    IBackgroundJobClient jobs,
    WebhookService webhooks,
    NotificationSettingsService settings,
    EmailSender email,
    NexusMetrics metrics,
    ILogger<AlertNotifier> logger) : IAlertNotifier
{
    public async Task NotifyAsync(Alert alert, AlertChange change, CancellationToken cancellationToken)
    {
        if (change == AlertChange.Opened) metrics.AlertOpened(alert.Kind.ToString());
        // AlertService depends on this notifier, so it is resolved lazily to count the badge.
        var count = await services.GetRequiredService<AlertService>().CountUnacknowledgedAsync(alert.TenantId, cancellationToken);
        var message = new AlertChangedMessage(alert.Id, change.ToString(), alert.Title, count);
        await hub.Clients.Group(AlertsHub.GroupName(alert.TenantId)).SendAsync(AlertsHub.ChangedMethod, message, cancellationToken);
        await feed.PublishAsync(alert.TenantId, message);
        if (change == AlertChange.Acknowledged) return;

        foreach (var deliveryId in await webhooks.QueueAsync(alert, change, cancellationToken))
        {
            jobs.Enqueue<WebhookDeliveryJob>(job => job.DeliverAsync(deliveryId, CancellationToken.None));
        }
        if ((await settings.GetAsync(alert.TenantId, cancellationToken)).EmailAlerts)
        {
            if (email.IsConfigured) jobs.Enqueue<AlertEmailJob>(job => job.SendAsync(alert.Id, change, CancellationToken.None));
            else logger.LogDebug("Alert {AlertId} not e-mailed: SMTP is not configured", alert.Id);
        }
    }
}
