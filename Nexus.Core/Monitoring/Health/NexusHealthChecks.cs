using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring.Status;
using Nexus.Core.Storage;

namespace Nexus.Core.Monitoring.Health;

/// <summary>
/// The readiness checks. Descriptions are written for a public endpoint: they say what is wrong in general terms and
/// never include paths, connection strings, exception messages or key material (the logs have the details).
/// </summary>
public static class NexusHealthChecks
{
    public const string Database = "database";
    public const string JobStorage = "job-storage";
    public const string JobServer = "job-server";
    public const string KeyRing = "key-ring";
    public const string Disk = "disk";

    /// <summary>Tag of the checks that make up <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";
}

/// <summary>Opens the database without creating it and reads the migrations table (on SQLite a missing file is a failure, not a new empty database).</summary>
public sealed class DatabaseHealthCheck(IOptions<NexusStorageOptions> storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = await DatabaseProbe.ProbeAsync(storage.Value, cancellationToken);
        return probe.Healthy ? HealthCheckResult.Healthy(probe.Description) : HealthCheckResult.Unhealthy(probe.Description);
    }
}

/// <summary>The job storage answers a read.</summary>
public sealed class JobStorageHealthCheck(IJobServerMonitor jobs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            jobs.ProbeStorage();
            return Task.FromResult(HealthCheckResult.Healthy("reachable"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage cannot be read."));
        }
    }
}

/// <summary>At least one job server sent a heartbeat recently: otherwise nothing runs syncs, alerts or e-mails.</summary>
public sealed class JobServerHealthCheck(IJobServerMonitor jobs, IOptions<MonitoringOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var since = clock.GetUtcNow() - options.Value.ServerHeartbeatTimeout;
            var alive = jobs.GetServers().Count(s => s.Heartbeat is { } beat && beat >= since);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} job server(s) alive")
                : HealthCheckResult.Unhealthy("No job server has sent a heartbeat recently: syncs and alerts are not running."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job servers cannot be listed."));
        }
    }
}

/// <summary>The data-protection key ring can be read and used: without it no stored credential or webhook secret can be decrypted.</summary>
public sealed class KeyRingHealthCheck(IKeyManager keys, IDataProtectionProvider protection, TimeProvider clock) : IHealthCheck
{
    private readonly IDataProtector _probe = protection.CreateProtector("Nexus.Health.KeyRingProbe.v1");

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (_probe.Unprotect(_probe.Protect("ok")) != "ok") return Task.FromResult(HealthCheckResult.Unhealthy("The key ring does not round-trip."));
            var now = clock.GetUtcNow();
            var usable = keys.GetAllKeys().Count(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now);
            return Task.FromResult(usable > 0
                ? HealthCheckResult.Healthy($"{usable} active key(s)")
                : HealthCheckResult.Unhealthy("The key ring has no active key."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The key ring cannot be read."));
        }
    }
}

/// <summary>The data folder's disk has more free space than the configured minimum.</summary>
public sealed class DiskSpaceHealthCheck(IDiskSpaceProbe probe, IOptions<NexusStorageOptions> storage, IOptions<MonitoringOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = options.Value.MinimumFreeDiskMegabytes;
        var space = probe.Measure(storage.Value.ResolveDataFolder());
        if (space is not { } s) return Task.FromResult(HealthCheckResult.Unhealthy("The data disk cannot be measured."));
        var freeMb = s.FreeBytes / (1024 * 1024);
        return Task.FromResult(freeMb >= minimum
            ? HealthCheckResult.Healthy($"{freeMb:N0} MB free")
            : HealthCheckResult.Unhealthy($"Only {freeMb:N0} MB free on the data disk; the minimum is {minimum:N0} MB."));
    }
}
