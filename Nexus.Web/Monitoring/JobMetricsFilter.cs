using System.Diagnostics;
using Hangfire;
using Hangfire.Server;
using Nexus.Core.Monitoring.Metrics;

namespace Nexus.Web.Monitoring;

/// <summary>Times every background job attempt and counts the failed ones (the <c>nexus.jobs.*</c> metrics).</summary>
public sealed class JobMetricsFilter(NexusMetrics metrics) : IServerFilter
{
    private const string TimerKey = "nexus:metrics:started";

    public void OnPerforming(PerformingContext context) => context.Items[TimerKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(TimerKey, out var started) || started is not long start) return;
        var job = context.BackgroundJob.Job?.Type.Name ?? "unknown";
        metrics.JobFinished(job, Stopwatch.GetElapsedTime(start), failed: context.Exception is not null && !context.ExceptionHandled);
    }

    /// <summary>Adds the filter to Hangfire's global filters once (Hangfire's filters are process-wide).</summary>
    public static void Register(NexusMetrics metrics)
    {
        foreach (var existing in GlobalJobFilters.Filters.Where(f => f.Instance is JobMetricsFilter).ToList())
        {
            GlobalJobFilters.Filters.Remove(existing.Instance);
        }
        GlobalJobFilters.Filters.Add(new JobMetricsFilter(metrics));
    }
}
