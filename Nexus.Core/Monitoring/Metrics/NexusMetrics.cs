using System.Diagnostics.Metrics;
using Nexus.Core.Sync;

namespace Nexus.Core.Monitoring.Metrics;

/// <summary>
/// Nexus's own OpenTelemetry instruments (meter <c>Nexus</c>), exported for Prometheus at <c>/metrics</c>. Features
/// call these few methods at their natural end points rather than creating instruments themselves, so the names
/// and units stay in one place.
/// </summary>
public sealed class NexusMetrics
{
    public const string MeterName = "Nexus";

    private readonly Counter<long> _records;
    private readonly Counter<long> _syncRuns;
    private readonly Histogram<double> _syncDuration;
    private readonly Histogram<double> _syncRate;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobFailures;
    private readonly Counter<long> _alerts;

    public NexusMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _records = meter.CreateCounter<long>("nexus.sync.records", "{record}", "Records fetched from stores by syncs (rate() gives records per second).");
        _syncRuns = meter.CreateCounter<long>("nexus.sync.runs", "{run}", "Finished syncs, by status.");
        _syncDuration = meter.CreateHistogram<double>("nexus.sync.duration", "s", "How long syncs took.");
        _syncRate = meter.CreateHistogram<double>("nexus.sync.records_per_second", "{record}/s", "Records fetched per second over each finished sync.");
        _requests = meter.CreateCounter<long>("nexus.connector.requests", "{request}", "Requests made to stores.");
        _throttled = meter.CreateCounter<long>("nexus.connector.throttled", "{response}", "Store answers that throttled Nexus (HTTP 429).");
        _retries = meter.CreateCounter<long>("nexus.connector.retries", "{request}", "Requests to stores that were retried.");
        _jobDuration = meter.CreateHistogram<double>("nexus.jobs.duration", "s", "Background job durations, by job and outcome.");
        _jobFailures = meter.CreateCounter<long>("nexus.jobs.failures", "{job}", "Background job attempts that failed, by job.");
        _alerts = meter.CreateCounter<long>("nexus.alerts.opened", "{alert}", "Alerts opened, by rule.");
    }

    /// <summary>Records fetched since the last report of a running sync (call where sync progress is reported).</summary>
    public void RecordsFetched(long count, string? entity)
    {
        if (count > 0) _records.Add(count, new KeyValuePair<string, object?>("entity", entity ?? "all"));
    }

    /// <summary>A sync ended (call where the sync job ends).</summary>
    public void SyncFinished(SyncSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var status = new KeyValuePair<string, object?>("status", summary.Status.ToString());
        _syncRuns.Add(1, status);
        _syncDuration.Record(summary.Seconds, status);
        if (summary.Seconds > 0) _syncRate.Record(summary.Fetched / summary.Seconds);
        _requests.Add(summary.Requests);
        _throttled.Add(summary.Throttled);
        _retries.Add(summary.Retries);
    }

    /// <summary>A background job attempt ended.</summary>
    public void JobFinished(string job, TimeSpan duration, bool failed)
    {
        var name = new KeyValuePair<string, object?>("job", job);
        _jobDuration.Record(duration.TotalSeconds, name, new KeyValuePair<string, object?>("outcome", failed ? "failed" : "succeeded"));
        if (failed) _jobFailures.Add(1, name);
    }

    public void AlertOpened(string kind) => _alerts.Add(1, new KeyValuePair<string, object?>("rule", kind));
}
