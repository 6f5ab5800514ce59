namespace Nexus.Core.Monitoring.Status;

/// <summary>A job server as its last heartbeat described it.</summary>
public sealed record JobServerInfo(string Name, int Workers, IReadOnlyList<string> Queues, DateTimeOffset StartedAt, DateTimeOffset? Heartbeat);

public sealed record JobQueueInfo(string Name, long Length);

/// <summary>The job system at a glance, for the Health page, the readiness check and the backlog rule.</summary>
public sealed record JobServerSnapshot(IReadOnlyList<JobServerInfo> Servers, IReadOnlyList<JobQueueInfo> Queues, long Processing, long Scheduled, long FailedLast24Hours)
{
    public long Waiting => Queues.Sum(q => q.Length);
}

/// <summary>Reads the job system (implemented over Hangfire in Nexus.Web, so Core does not depend on it).</summary>
public interface IJobServerMonitor
{
    /// <summary>Servers, queues and counts; several storage reads, so for pages and rules, not for every health request.</summary>
    JobServerSnapshot GetSnapshot();

    /// <summary>Only the servers and their heartbeats: one cheap read.</summary>
    IReadOnlyList<JobServerInfo> GetServers();

    /// <summary>Opens the job storage and reads one small value; throws when the storage cannot be read.</summary>
    void ProbeStorage();
}
