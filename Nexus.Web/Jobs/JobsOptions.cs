using System.ComponentModel.DataAnnotations;

namespace Nexus.Web.Jobs;

/// <summary>Background job server settings (<c>Nexus:Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Nexus:Jobs";

    /// <summary>Run a job server inside this process. Off for a UI-only node when jobs run elsewhere.</summary>
    public bool ServerEnabled { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 3;

    /// <summary>Hangfire's own SQLite file, kept apart from the EF database so the two never contend for one file's locks.</summary>
    public string DatabaseFile { get; set; } = "hangfire.db";
}
