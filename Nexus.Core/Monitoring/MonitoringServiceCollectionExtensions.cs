using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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
        // What needs the host's job monitor or notifier (the evaluator, alert service and health queries) is added by
        // AddMonitoringQueries, which only a host that supplies them calls: the CLI host has no job server.
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton<NexusMetrics>();
        services.TryAddSingleton<IDiskSpaceProbe, DriveDiskSpaceProbe>();
        services.TryAddSingleton<IExpectedSalesSource, NoExpectedSales>();
        services.AddHttpClient(WebhookService.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<AlertFactsReader>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<NotificationSettingsService>();
        services.AddSingleton<StoreReachabilityProber>();
        services.AddSingleton<WeeklyDigestBuilder>();
        services.AddSingleton<WeeklyDigestSender>();

        services.AddSingleton<HealthCheckCache>();
        services.AddHealthChecks()
            .AddReadiness<DatabaseHealthCheck>(NexusHealthChecks.Database)
            .AddReadiness<JobStorageHealthCheck>(NexusHealthChecks.JobStorage)
            .AddReadiness<JobServerHealthCheck>(NexusHealthChecks.JobServer)
            .AddReadiness<KeyRingHealthCheck>(NexusHealthChecks.KeyRing)
            .AddReadiness<DiskSpaceHealthCheck>(NexusHealthChecks.Disk);
        return services;
    }

    private static IHealthChecksBuilder AddReadiness<T>(this IHealthChecksBuilder builder, string name) where T : class, IHealthCheck =>
        builder.Add(new HealthCheckRegistration(name, sp => new CachedHealthCheck(name, ActivatorUtilities.CreateInstance<T>(sp), sp.GetRequiredService<HealthCheckCache>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MonitoringOptions>>().Value.HealthCacheTtl), HealthStatus.Unhealthy, [NexusHealthChecks.ReadyTag]));

    /// <summary>The evaluator, the alert service and the Health page queries: call after registering the host's job monitor and notifier.</summary>
    public static IServiceCollection AddMonitoringQueries(this IServiceCollection services)
    {
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<StoreHealthQuery>();
        services.AddSingleton<OpsHealthQuery>();
        return services;
    }
}
