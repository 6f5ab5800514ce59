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

    /// <summary>
    /// How long a job taken by a worker stays invisible to other workers before the SQLite storage hands it out
    /// again. The storage has no keep-alive, so this must exceed the longest sync (or a second worker would start the
    /// same job while the first still runs). It is not how crashes are recovered: the reconciler deletes jobs of
    /// dead servers within seconds of a restart (see docs/sync.md). Hangfire.Storage.SQLite's default is 30 minutes.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromHours(3);
}
