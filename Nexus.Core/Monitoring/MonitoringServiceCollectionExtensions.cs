using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Digest;
using Nexus.Core.Monitoring.Health;
using Nexus.Core.Monitoring.Metrics;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Core.Monitoring.Status;

namespace Nexus.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Health checks, alert rules and their evaluation, e-mail and webhooks, the weekly digest and Nexus's metrics.
    /// The host supplies <see cref="IJobServerMonitor"/>, <see cref="ISyncScheduleReader"/> and <see cref="IAlertNotifier"/>
    /// (Nexus.Web does, over Hangfire and SignalR); the forecast feature may replace <see cref="IExpectedSalesSource"/>.
    /// </summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton<NexusMetrics>();
        services.TryAddSingleton<IDiskSpaceProbe, DriveDiskSpaceProbe>();
        services.TryAddSingleton<IExpectedSalesSource, NoExpectedSales>();
        services.AddHttpClient(WebhookService.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<AlertFactsReader>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<NotificationSettingsService>();
        services.AddSingleton<StoreReachabilityProber>();
        services.AddSingleton<StoreHealthQuery>();
        services.AddSingleton<OpsHealthQuery>();
        services.AddSingleton<WeeklyDigestBuilder>();
        services.AddSingleton<WeeklyDigestSender>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(NexusHealthChecks.Database, tags: [NexusHealthChecks.ReadyTag])
            .AddCheck<JobStorageHealthCheck>(NexusHealthChecks.JobStorage, tags: [NexusHealthChecks.ReadyTag])
            .AddCheck<JobServerHealthCheck>(NexusHealthChecks.JobServer, tags: [NexusHealthChecks.ReadyTag])
            .AddCheck<KeyRingHealthCheck>(NexusHealthChecks.KeyRing, tags: [NexusHealthChecks.ReadyTag])
            .AddCheck<DiskSpaceHealthCheck>(NexusHealthChecks.Disk, tags: [NexusHealthChecks.ReadyTag]);
        return services;
    }
}
