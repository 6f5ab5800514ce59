using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nexus.Core.Monitoring.Health;

/// <summary>
/// Runs each readiness check at most once per <see cref="MonitoringOptions.HealthCacheTtl"/>; requests in between (a
/// load balancer, several probes, a scrape storm) share the last result, and concurrent requests share one run.
/// Keeps <c>/health/ready</c> cheap under load without it ever answering from older than the TTL.
/// </summary>
public sealed class HealthCheckCache(TimeProvider clock)
{
    private readonly Dictionary<string, (Task<HealthCheckResult> Run, DateTimeOffset At)> _entries = [];
    private readonly Lock _gate = new();

    public Task<HealthCheckResult> GetAsync(string name, TimeSpan ttl, Func<Task<HealthCheckResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (ttl <= TimeSpan.Zero) return Safe(run);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(name, out var entry) && (!entry.Run.IsCompleted || now - entry.At < ttl)) return entry.Run;
            var task = Safe(run);
            _entries[name] = (task, now);
            return task;
        }
    }

    private static async Task<HealthCheckResult> Safe(Func<Task<HealthCheckResult>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The check failed unexpectedly.");
        }
    }
}

/// <summary>A readiness check served through <see cref="HealthCheckCache"/>.</summary>
public sealed class CachedHealthCheck(string name, IHealthCheck inner, HealthCheckCache cache, TimeSpan ttl) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        // The shared run must not be cancelled by the one request that happened to start it.
        cache.GetAsync(name, ttl, () => inner.CheckHealthAsync(context, CancellationToken.None));
}
