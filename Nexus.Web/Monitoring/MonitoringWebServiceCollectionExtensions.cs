using Hangfire;
using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Metrics;
using Nexus.Core.Monitoring.Status;
using Nexus.Web.Accounts;
using OpenTelemetry.Metrics;

namespace Nexus.Web.Monitoring;

public static class MonitoringWebServiceCollectionExtensions
{
    /// <summary>Monitoring services the web app and the CLI share: Core's monitoring plus the job-storage check of validate-deployment.</summary>
    public static IServiceCollection AddMonitoringServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMonitoring(configuration);
        services.AddSingleton<IDeploymentCheckSource, JobStorageDeploymentCheck>();
        return services;
    }

    /// <summary>The web side: Hangfire-backed job monitor, the alerts hub and feed, the notifier, the jobs, metrics export.</summary>
    public static IServiceCollection AddMonitoringWeb(this IServiceCollection services)
    {
        services.AddSingleton<HangfireJobServerMonitor>();
        services.AddSingleton<IJobServerMonitor>(sp => sp.GetRequiredService<HangfireJobServerMonitor>());
        services.AddSingleton<ISyncScheduleReader>(sp => sp.GetRequiredService<HangfireJobServerMonitor>());
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IAlertNotifier, AlertNotifier>();
        services.AddMonitoringQueries();
        services.AddTransient<StoreReachabilityJob>();
        services.AddTransient<AlertEvaluationJob>();
        services.AddTransient<WeeklyDigestJob>();
        services.AddTransient<WebhookDeliveryJob>();
        services.AddTransient<AlertEmailJob>();
        services.AddHostedService<MonitoringSchedule>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(NexusMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Health endpoints, the alerts hub and <c>/metrics</c> (Ops only, or anyone on the configured metrics port).</summary>
    public static WebApplication MapMonitoring(this WebApplication app)
    {
        JobMetricsFilter.Register(app.Services.GetRequiredService<NexusMetrics>());
        app.MapHealthEndpoints();
        app.MapHub<AlertsHub>(AlertsHub.Path);
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value.MetricsPort is { } port)
        {
            metrics.RequireHost($"*:{port}").AllowAnonymous();
        }
        else
        {
            metrics.RequireAuthorization(AccountsServiceCollectionExtensions.OpsPolicy);
        }
        return app;
    }
}

/// <summary>Registers the monitoring feature's recurring jobs at start-up (reachability, alert evaluation, weekly digest).</summary>
internal sealed class MonitoringSchedule(IRecurringJobManager recurring, IOptions<MonitoringOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.RecurringJobs)
        {
            foreach (var id in new[] { StoreReachabilityJob.RecurringId, AlertEvaluationJob.RecurringId, WeeklyDigestJob.RecurringId }) recurring.RemoveIfExists(id);
            return Task.CompletedTask;
        }
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<StoreReachabilityJob>(StoreReachabilityJob.RecurringId, job => job.RunAsync(CancellationToken.None), o.ReachabilityCron, utc);
        recurring.AddOrUpdate<AlertEvaluationJob>(AlertEvaluationJob.RecurringId, job => job.RunAsync(CancellationToken.None), o.AlertEvaluationCron, utc);
        recurring.AddOrUpdate<WeeklyDigestJob>(WeeklyDigestJob.RecurringId, job => job.RunAsync(CancellationToken.None), "5 * * * *", utc);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
