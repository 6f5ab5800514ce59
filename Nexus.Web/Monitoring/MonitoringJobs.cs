using Hangfire;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Digest;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Core.Monitoring.Status;
using Nexus.Core.Storage;

namespace Nexus.Web.Monitoring;

/// <summary>Recurring: probes every store's reachability (the result the Health page and the unreachable rule read).</summary>
public sealed class StoreReachabilityJob(StoreReachabilityProber prober)
{
    public const string RecurringId = "nexus-store-reachability";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => prober.ProbeAllAsync(cancellationToken);
}

/// <summary>Recurring: evaluates every account's alert rules.</summary>
public sealed class AlertEvaluationJob(AlertEvaluator evaluator)
{
    public const string RecurringId = "nexus-alert-evaluation";

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => evaluator.EvaluateAllAsync(cancellationToken);
}

/// <summary>Recurring (hourly): sends the weekly digests that are due.</summary>
public sealed class WeeklyDigestJob(WeeklyDigestSender sender)
{
    public const string RecurringId = "nexus-weekly-digest";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [300, 900])]
    public Task RunAsync(CancellationToken cancellationToken) => sender.SendDueAsync(cancellationToken);
}

/// <summary>One webhook delivery; a failed attempt throws and is retried with growing delays (30 s to 2 h, 6 retries).</summary>
public sealed class WebhookDeliveryJob(WebhookService webhooks)
{
    public static readonly int[] RetryDelaysInSeconds = [30, 120, 600, 1800, 3600, 7200];

    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [30, 120, 600, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task DeliverAsync(long deliveryId, CancellationToken cancellationToken) => webhooks.AttemptAsync(deliveryId, cancellationToken);
}

/// <summary>The e-mail for one alert event to the account's recipients; SMTP failures are retried.</summary>
public sealed class AlertEmailJob(IDbContextFactory<NexusDbContext> dbFactory, NotificationSettingsService settings, EmailSender email)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendAsync(long alertId, AlertChange change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alert = await db.Alerts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null) return;
        var to = await settings.RecipientsAsync(alert.TenantId, cancellationToken);
        if (to.Count == 0) return;
        await email.SendAsync(AlertEmail.Compose(alert, change, to), cancellationToken);
    }
}
