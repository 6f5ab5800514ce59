using System.ComponentModel.DataAnnotations;

namespace Nexus.Core.Monitoring;

/// <summary>Health, alerting and metrics settings (<c>Nexus:Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Nexus:Monitoring";

    /// <summary>Readiness fails when the data folder's disk has less free space than this.</summary>
    [Range(1, 10_000_000)]
    public int MinimumFreeDiskMegabytes { get; set; } = 500;

    /// <summary>How often every store's reachability is probed (cron, UTC). Health requests never probe stores.</summary>
    [Required, RegularExpression(@"^\S+( \S+){4,5}$", ErrorMessage = "ReachabilityCron must be a cron expression such as \"*/5 * * * *\".")]
    public string ReachabilityCron { get; set; } = "*/5 * * * *";

    /// <summary>How often alert rules are evaluated (cron, UTC).</summary>
    [Required, RegularExpression(@"^\S+( \S+){4,5}$", ErrorMessage = "AlertEvaluationCron must be a cron expression such as \"* * * * *\".")]
    public string AlertEvaluationCron { get; set; } = "* * * * *";

    /// <summary>How long a readiness check's result is reused; 0 runs every check on every request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan HealthCacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Schedule the reachability probe, alert evaluation and digest jobs. Tests switch this off to run them by hand.</summary>
    public bool RecurringJobs { get; set; } = true;

    /// <summary>A job server whose last heartbeat is older than this counts as gone.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ServerHeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Port on which <c>/metrics</c> is served to anyone (for a Prometheus scraper on a private network). When unset,
    /// <c>/metrics</c> is served on every port to signed-in Ops users only.
    /// </summary>
    [Range(1, 65535)]
    public int? MetricsPort { get; set; }
}
